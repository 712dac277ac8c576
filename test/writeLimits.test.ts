/**
 * What Excel refuses is refused before writing, in words (issue 22, point 4): sheet names, rows and columns
 * beyond a sheet, text beyond a cell. Both adapters call the same check; each refusal names the sheet or cell.
 */
import { sheetNameProblem } from "../src/core/excelLimits";
import { writeLimitProblems } from "../src/report/limits";
import { templateSheets } from "../src/report/example";
import type { SheetModel, TableEdit } from "../src/report/sheetModel";
import { WriteRefused } from "../src/workbook/port";
import { XlsxPort } from "../src/xlsx/xlsxPort";
import { MockExcel } from "./officeMock/excel";
import { MWorkbook } from "./officeMock/model";
import { OfficePort } from "../src/excel/officePort";
import { runOf } from "./helpers/office";

const model = (name: string, rows: SheetModel["rows"]): SheetModel => ({ name, rows, tables: [], columnWidths: [], freezeRows: 0 });

describe("sheet names Excel refuses", () => {
  test.each([
    ["", "empty"],
    ["x".repeat(32), "too_long"],
    ["Bokslut: 2026", "character"],
    ["A/B", "character"],
    ["[Utfall]", "character"],
    ["Fråga?", "character"],
    ["'Citat", "apostrophe"],
    ["Citat'", "apostrophe"],
    ["history", "reserved"],
  ])("%j: %s", (name, reason) => {
    expect(sheetNameProblem(name)).toBe(reason);
    expect(writeLimitProblems([model(name, [])])).toMatchObject([{ code: "sheet_name_invalid", params: { reason } }]);
  });
  test.each(["Bokslut", "x".repeat(31), "Eget kapital", "Körlogg", "Don't"])("%j is allowed", (name) => {
    expect(sheetNameProblem(name)).toBeNull();
  });
});

describe("cells and sheets beyond Excel's limits", () => {
  test("a text of 32 768 characters is refused naming its cell; 32 767 is written", () => {
    expect(writeLimitProblems([model("Blad", [[null, { value: "x".repeat(32767) }]])])).toEqual([]);
    expect(writeLimitProblems([model("Mitt blad", [[], [null, { value: "x".repeat(32768) }]])])).toEqual([
      { code: "cell_text_too_long", params: { length: 32768, limit: 32767 }, cell: "'Mitt blad'!B2" },
    ]);
  });
  test("an edit whose appended rows pass row 1 048 576, or whose text is too long, is refused", () => {
    const edit: TableEdit = {
      sheet: "Huvudbok",
      table: "Huvudbok",
      left: 0,
      width: 2,
      lastRow: 1048575,
      changes: [{ row: 3, cells: [undefined, { value: "y".repeat(40000) }] }],
      appended: [[{ value: 1 }, null]],
    };
    expect(writeLimitProblems([], [edit])).toEqual([
      { code: "sheet_too_large", params: { sheet: "Huvudbok", rows: 1048577, columns: 2 }, cell: "" },
      { code: "cell_text_too_long", params: { length: 40000, limit: 32767 }, cell: "Huvudbok!B4" },
    ]);
  });
});

describe("both adapters refuse before writing", () => {
  const bad = [model("Bok:slut", [[{ value: 1 }]])];
  test(".xlsx: WriteRefused, and the package is as it was", async () => {
    const made = XlsxPort.empty();
    await made.writeSheets(templateSheets());
    const input = made.toBuffer();
    const port = XlsxPort.fromBuffer(input);
    await expect(port.writeSheets(bad)).rejects.toBeInstanceOf(WriteRefused);
    expect(port.toBuffer().equals(XlsxPort.fromBuffer(input).toBuffer())).toBe(true);
  });
  test("Office.js: WriteRefused, and no request was sent", async () => {
    const excel = new MockExcel(new MWorkbook());
    excel.workbook.addSheet("Blad1");
    const before = excel.workbook.snapshot();
    await expect(runOf(excel)(async (ctx) => new OfficePort(ctx).writeSheets(bad))).rejects.toBeInstanceOf(WriteRefused);
    expect(excel.workbook.snapshot()).toBe(before);
  });
});
