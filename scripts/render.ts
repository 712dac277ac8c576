/**
 * Renders the example's result sheets as the board and the auditors see them: the example workbook
 * recalculated, each result sheet printed alone by LibreOffice (Swedish locale) to PDF, and the pages
 * as PNG images in docs/ (docs/print-*.png), for the README. Needs soffice and pdftoppm (poppler-utils).
 *   npm run render:docs
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { OUTPUTS } from "../src/core/compute";
import { exampleSheets } from "../src/report/example";
import { OWNED_SHEETS } from "../src/report/sheets";
import { recalculate } from "../src/workbook/usecases";
import { XlsxPort } from "../src/xlsx/xlsxPort";
import { onlySheet } from "../test/helpers/print";
import { convert } from "../test/helpers/soffice";

const SHEETS: Array<[string, string]> = [
  [OWNED_SHEETS.tertial, "tertialrapport"],
  [OWNED_SHEETS.memberShares, "medlemsandelar"],
  [OWNED_SHEETS.equity, "eget-kapital"],
  [OWNED_SHEETS.statements, "bokslut"],
  [OWNED_SHEETS.checks, "kontroller"],
];

async function main(): Promise<void> {
  const docs = path.resolve(process.argv[2] ?? "docs");
  const port = XlsxPort.empty();
  await port.writeSheets(exampleSheets());
  const run = XlsxPort.fromBuffer(port.toBuffer());
  const outcome = await recalculate(run, { outputs: new Set(OUTPUTS), version: "exempel", now: () => "2026-09-15T08:00:00Z" });
  if (!outcome.ok) throw new Error("the example did not compute");
  const out = run.toBuffer();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "finsam-render-"));
  for (const [sheet, stem] of SHEETS) {
    const file = path.join(tmp, `${stem}.xlsx`);
    writeFileSync(file, onlySheet(out, sheet));
    const pdf = convert(file, "pdf", tmp, "sv-SE");
    execFileSync("pdftoppm", ["-r", "80", "-png", pdf, path.join(tmp, `print-${stem}`)]);
    for (const png of readdirSync(tmp).filter((f) => f.startsWith(`print-${stem}-`) && f.endsWith(".png"))) {
      const page = Number(/-(\d+)\.png$/.exec(png)![1]);
      renameSync(path.join(tmp, png), path.join(docs, `print-${stem}-${page}.png`));
      console.log(`docs/print-${stem}-${page}.png`);
    }
  }
  rmSync(tmp, { recursive: true, force: true });
}

void main();
