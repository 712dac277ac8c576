/**
 * What Excel refuses, found in the sheet models before anything is written (both adapters call it): a sheet
 * name Excel does not allow, more rows or columns than a sheet has, a text longer than a cell holds. A run that
 * would write such a thing is refused with a message naming the sheet or the cell; nothing is cut short.
 */
import { EXCEL_MAX_CELL_TEXT, EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, sheetNameProblem } from "../core/excelLimits";
import type { Issue } from "../core/messages";
import { asCellRef } from "../core/units";
import { a1, Cell, quoteSheetName, rowAt, SheetModel, TableEdit } from "./sheetModel";

function textProblem(sheet: string, row: number, col: number, cell: Cell | null | undefined): Issue | null {
  const v = cell?.value;
  if (typeof v !== "string" || v.length <= EXCEL_MAX_CELL_TEXT) return null;
  return {
    code: "cell_text_too_long",
    params: { length: v.length, limit: EXCEL_MAX_CELL_TEXT },
    cell: asCellRef(`${quoteSheetName(sheet)}!${a1(row, col)}`),
  };
}

/** Every limit the models and edits would pass, as issues (none: they may be written). */
export function writeLimitProblems(models: SheetModel[], edits: TableEdit[] = []): Issue[] {
  const out: Issue[] = [];
  for (const m of models) {
    const reason = sheetNameProblem(m.name);
    if (reason) out.push({ code: "sheet_name_invalid", params: { sheet: m.name, reason }, cell: "" });
    // A loop, not Math.max(...rows): a million-row model would overflow the call stack.
    let columns = 0;
    for (const r of m.rows) if (r.length > columns) columns = r.length;
    if (m.rows.length > EXCEL_MAX_ROWS || columns > EXCEL_MAX_COLUMNS)
      out.push({ code: "sheet_too_large", params: { sheet: m.name, rows: m.rows.length, columns }, cell: "" });
    m.rows.forEach((r, i) =>
      r.forEach((cell, c) => {
        const p = textProblem(m.name, i, c, cell);
        if (p) out.push(p);
      }),
    );
  }
  for (const e of edits) {
    const rows = e.lastRow + 1 + e.appended.length;
    if (rows > EXCEL_MAX_ROWS) out.push({ code: "sheet_too_large", params: { sheet: e.sheet, rows, columns: e.left + e.width }, cell: "" });
    for (const ch of e.changes)
      ch.cells.forEach((cell, c) => {
        const p = textProblem(e.sheet, ch.row, e.left + c, cell);
        if (p) out.push(p);
      });
    for (let i = 0; i < e.appended.length; i++)
      rowAt(e.appended, i).forEach((cell, c) => {
        const p = textProblem(e.sheet, e.lastRow + 1 + i, e.left + c, cell);
        if (p) out.push(p);
      });
  }
  return out;
}
