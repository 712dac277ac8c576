/**
 * An input table whose header row is turned off (Table Design → Header Row): its range holds data only, so its columns
 * cannot be found by their headers. Before, the first data row was taken for the header and the run said a column was
 * missing from it. Now the run, Nytt år and the SIE import refuse with `table_headers_hidden`, naming the table, through
 * both adapters, and write nothing.
 */
import { OUTPUTS } from "../src/core/compute";
import { messageText } from "../src/core/messages";
import { parseSie } from "../src/core/sie/parse";
import { recalcAction } from "../src/excel/actions";
import { exampleSheets } from "../src/report/example";
import { readInputs } from "../src/workbook/read";
import { planNewYear } from "../src/workbook/newYear";
import { importSie } from "../src/workbook/sieImport";
import { XlsxPort } from "../src/xlsx/xlsxPort";
import { FIXED_NOW, runOf } from "./helpers/office";
import { editParts, examplePackage } from "./helpers/package";
import { MockExcel } from "./officeMock/excel";
import { mockWorkbookOfModels } from "./officeMock/fromModels";

const ISSUE = { code: "table_headers_hidden", params: { table: "Huvudbok", sheet: "Huvudbok" }, cell: "Huvudbok!A2" };

/** The example with Huvudbok's header row turned off, as Excel saves it: the range from row 2, the header cells gone. */
async function headerless(): Promise<Buffer> {
  const buf = await examplePackage();
  return editParts(buf, [
    [
      /^xl\/tables\/table\d+\.xml$/,
      (xml) => (xml.includes('displayName="Huvudbok"') ? xml.replace(/ref="A1:/, 'headerRowCount="0" ref="A2:') : xml),
    ],
    // Huvudbok's sheet: the one whose first row starts with Datum.
    [
      /^xl\/worksheets\/sheet\d+\.xml$/,
      (xml) => (/<row r="1"[^>]*>.*?Datum/.test(xml) ? xml.replace(/<row r="1"[^>]*>.*?<\/row>/, "") : xml),
    ],
  ]);
}

test(".xlsx: the run refuses with table_headers_hidden alone, at the table's first cell", async () => {
  const grid = await XlsxPort.fromBuffer(await headerless()).readGrid();
  expect(grid.tables.find((t) => t.name === "Huvudbok")).toMatchObject({ top: 1, headersHidden: true });
  const r = readInputs(grid, new Set(OUTPUTS));
  expect(r.errors).toEqual([ISSUE]);
  expect(messageText(r.errors[0], "sv")).toBe(
    "Tabellen Huvudbok på Huvudbok visar inte sin rubrikrad, och kolumnerna hittas på sina rubriker. " +
      "Slå på rubrikraden (klicka i tabellen, Tabelldesign → Rubrikrad) och kör igen; ingenting har skrivits.",
  );
});

test(".xlsx: the SIE import refuses it before reading the file's rows into the table", async () => {
  const sie =
    '#FLAGGA 0\n#PROGRAM "Test" 1\n#FORMAT PC8\n#SIETYP 4\n#FNAMN "Testforbundet"\n#RAR 0 20260101 20261231\n' +
    '#KONTO 1930 "Bank"\n#KONTO 3010 "Medlemsbidrag"\n#VER A 1 20260115 "V"\n{\n#TRANS 3010 {} -100.00\n#TRANS 1930 {} 100.00\n}\n';
  const grid = await XlsxPort.fromBuffer(await headerless()).readGrid();
  const outcome = importSie(grid, parseSie(Buffer.from(sie, "latin1"), "f.se"), {
    fileName: "f.se",
    sha256: "x",
    now: FIXED_NOW(),
    version: "t",
  });
  expect(outcome.ok).toBe(false);
  expect(outcome.errors).toEqual([ISSUE]);
});

test("Office.js: a table with showHeaders off is refused the same way; nothing is written", async () => {
  const excel = new MockExcel(mockWorkbookOfModels(exampleSheets()));
  const table = excel.workbook.tables.find((t) => t.name === "Huvudbok")!;
  // Excel takes the header row out of the range and clears its cells.
  for (let c = table.rect.left; c <= table.rect.right; c++) table.sheet.cells.delete(table.rect.top * 16384 + c);
  table.rect = { ...table.rect, top: table.rect.top + 1 };
  table.showHeaders = false;
  const before = excel.workbook.snapshot();
  const r = await recalcAction({ run: runOf(excel), now: FIXED_NOW }, null);
  expect(r.ok).toBe(false);
  expect(r.errors).toEqual([ISSUE]);
  expect(excel.workbook.snapshot()).toBe(before);
});

test("Nytt år refuses it too, before it plans anything", async () => {
  const grid = await XlsxPort.fromBuffer(await headerless()).readGrid();
  const plan = planNewYear(grid, { source: "ekonomi-2026.xlsx", version: "t", now: FIXED_NOW });
  expect(plan.errors).toContainEqual(ISSUE);
});

test('.xlsx: headerRowCount="0" over a range starting with the column names (as ExcelJS writes every table) reads as before', async () => {
  const plain = await examplePackage();
  const exceljsLike = editParts(plain, [[/^xl\/tables\/table\d+\.xml$/, (xml) => xml.replace(/ ref="/, ' headerRowCount="0" ref="')]]);
  const [a, b] = await Promise.all([plain, exceljsLike].map(async (buf) => XlsxPort.fromBuffer(buf).readGrid()));
  expect(b.tables.some((t) => t.headersHidden)).toBe(false);
  expect(readInputs(b, new Set(OUTPUTS))).toEqual(readInputs(a, new Set(OUTPUTS)));
});
