/** Small tools for tests that change an .xlsx package part by part (as other programs would write it). */
import { OUTPUTS } from "../../src/core/compute";
import { exampleSheets } from "../../src/report/example";
import { Outcome, recalculate } from "../../src/workbook/usecases";
import { Package } from "../../src/xlsx/package";
import { XlsxPort } from "../../src/xlsx/xlsxPort";
import { deflateEntry, readZip, writeZip } from "../../src/xlsx/zip";
import { FIXED_NOW } from "./office";

export const RUN_OPTIONS = { outputs: new Set(OUTPUTS), version: "test", now: FIXED_NOW, action: "Beräkna allt (test)" };

/** The example workbook as our writer writes it (inputs only, no results yet). */
export async function examplePackage(): Promise<Buffer> {
  const port = XlsxPort.empty();
  await port.writeSheets(exampleSheets());
  return port.toBuffer();
}

/** One recalculation over a package: the outcome and the bytes the command line would save (null when it refused). */
export async function recalcPackage(input: Buffer): Promise<{ outcome: Outcome; output: Buffer | null }> {
  const port = XlsxPort.fromBuffer(input);
  const outcome = await recalculate(port, RUN_OPTIONS);
  return { outcome, output: outcome.ok ? port.toBuffer() : null };
}

export function partText(buf: Buffer, part: string): string {
  return new Package(readZip(buf)).text(part);
}

export function partNames(buf: Buffer): string[] {
  return readZip(buf).map((e) => e.name);
}

/** The package with some parts' text changed (a function per part name or pattern); other parts as they were. */
export function editParts(buf: Buffer, edits: Array<[RegExp | string, (xml: string, part: string) => string]>): Buffer {
  const pkg = new Package(readZip(buf));
  return writeZip(
    pkg.entries.map((e) => {
      const edit = edits.find(([p]) => (typeof p === "string" ? p === e.name : p.test(e.name)));
      return edit ? deflateEntry(e.name, edit[1](pkg.text(e.name), e.name)) : e;
    }),
  );
}

/** The package with a sheet renamed in workbook.xml (as a user renames a tab). */
export function renameSheet(buf: Buffer, from: string, to: string): Buffer {
  return editParts(buf, [["xl/workbook.xml", (xml) => xml.replace(`<sheet name="${from}"`, `<sheet name="${to}"`)]]);
}
