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

/**
 * The package with a totals row under an Excel table, as Excel writes one (Table Design → Total Row): the range one row
 * longer with `totalsRowCount="1"`, "Summa" in its first column and `SUBTOTAL(109, …)` under Belopp when it has one.
 * The table must be the last thing on its sheet. Returns the totals row's 1-based number.
 */
export function withTotalsRow(buf: Buffer, table: string): { buf: Buffer; row: number } {
  const pkg = new Package(readZip(buf));
  const names = pkg.entries.map((e) => e.name);
  const tablePart = names.find((n) => /^xl\/tables\/[^/]+\.xml$/.test(n) && pkg.text(n).includes(` displayName="${table}"`))!;
  const sheetPart = names.find(
    (n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n) && pkg.relationships(n).some((r) => r.kind === "table" && r.target === tablePart),
  )!;
  const m = /ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/.exec(pkg.text(tablePart))!;
  const row = Number(m[4]) + 1;
  const columns = [...pkg.text(tablePart).matchAll(/<tableColumn [^>]*name="([^"]*)"/g)].map((x) => x[1]);
  const amount = columns.indexOf("Belopp");
  const letter = (i: number) => String.fromCharCode(m[1].charCodeAt(0) + i);
  const sum = amount < 0 ? "" : `<c r="${letter(amount)}${row}"><f>SUBTOTAL(109,${table}[Belopp])</f><v>0</v></c>`;
  const out = editParts(buf, [
    [
      tablePart,
      (xml) =>
        xml
          // The table's own ref (the first); its autoFilter stays above the totals row, as Excel writes it.
          .replace(m[0], `ref="${m[1]}${m[2]}:${m[3]}${row}"`)
          .replace(/ totalsRowShown="0"/, "")
          .replace(/<table /, '<table totalsRowCount="1" ')
          .replace(/<tableColumn ([^>]*?)(\/?)>/, '<tableColumn $1 totalsRowLabel="Summa"$2>')
          .replace(/<tableColumn ([^>]*name="Belopp"[^>]*?)(\/?)>/, '<tableColumn $1 totalsRowFunction="sum"$2>'),
    ],
    [
      sheetPart,
      (xml) =>
        xml.replace("</sheetData>", `<row r="${row}"><c r="${m[1]}${row}" t="inlineStr"><is><t>Summa</t></is></c>${sum}</row></sheetData>`),
    ],
  ]);
  return { buf: out, row };
}
