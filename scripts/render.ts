/**
 * Renders the example's result sheets as the board and the auditors see them: the example workbook
 * recalculated, each result sheet printed alone by LibreOffice (Swedish locale) to PDF, and the pages
 * as PNG images in docs/ (docs/print-*.png), for the README. Needs soffice and pdftoppm (poppler-utils).
 *   npm run render:docs
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { OUTPUTS } from "../src/core/compute";
import { exampleSheets } from "../src/report/example";
import { OWNED_SHEETS } from "../src/report/sheets";
import { recalculate } from "../src/workbook/usecases";
import { Package } from "../src/xlsx/package";
import { XlsxPort } from "../src/xlsx/xlsxPort";
import { deflateEntry, readZip, writeZip } from "../src/xlsx/zip";

const SHEETS: Array<[string, string]> = [
  [OWNED_SHEETS.tertial, "tertialrapport"],
  [OWNED_SHEETS.memberShares, "medlemsandelar"],
  [OWNED_SHEETS.equity, "eget-kapital"],
  [OWNED_SHEETS.statements, "bokslut"],
  [OWNED_SHEETS.checks, "kontroller"],
];

/** Every sheet but one hidden and without its print area (LibreOffice prints hidden sheets that have one). */
function onlySheet(buf: Buffer, sheet: string): Buffer {
  const pkg = new Package(readZip(buf));
  return writeZip(
    pkg.entries.map((e) => {
      if (e.name !== "xl/workbook.xml") return e;
      let index = -1;
      let i = 0;
      const xml = pkg
        .text(e.name)
        .replace(/<sheet\b[^>]*?\/>/g, (tag) => {
          const mine = tag.includes(`name="${sheet}"`);
          if (mine) index = i;
          i++;
          return mine ? tag : tag.replace("<sheet ", '<sheet state="hidden" ');
        })
        .replace(/activeTab="\d+"/, `activeTab="${index}"`)
        .replace(/<definedName [^>]*localSheetId="(\d+)"[^>]*>[^<]*<\/definedName>/g, (tag, id: string) =>
          Number(id) === index ? tag : "",
        );
      return deflateEntry(e.name, xml);
    }),
  );
}

async function main(): Promise<void> {
  const docs = path.resolve(process.argv[2] ?? "docs");
  const port = XlsxPort.empty();
  await port.writeSheets(exampleSheets());
  const run = XlsxPort.fromBuffer(port.toBuffer());
  const outcome = await recalculate(run, { outputs: new Set(OUTPUTS), version: "exempel", now: () => "2026-09-15T08:00:00Z" });
  if (!outcome.ok) throw new Error("the example did not compute");
  const out = run.toBuffer();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "finsam-render-"));
  const profile = path.join(tmp, "profile");
  mkdirSync(path.join(profile, "user"), { recursive: true });
  writeFileSync(
    path.join(profile, "user", "registrymodifications.xcu"),
    '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry">' +
      '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>sv-SE</value></prop></item>' +
      "</oor:items>",
  );
  for (const [sheet, stem] of SHEETS) {
    const file = path.join(tmp, `${stem}.xlsx`);
    writeFileSync(file, onlySheet(out, sheet));
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", tmp, file], {
      stdio: "pipe",
    });
    execFileSync("pdftoppm", ["-r", "80", "-png", path.join(tmp, `${stem}.pdf`), path.join(tmp, `print-${stem}`)]);
    for (const png of readdirSync(tmp).filter((f) => f.startsWith(`print-${stem}-`) && f.endsWith(".png"))) {
      const page = Number(/-(\d+)\.png$/.exec(png)![1]);
      renameSync(path.join(tmp, png), path.join(docs, `print-${stem}-${page}.png`));
      console.log(`docs/print-${stem}-${page}.png`);
    }
  }
  rmSync(tmp, { recursive: true, force: true });
}

void main();
