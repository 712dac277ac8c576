/**
 * Changes to the officer's input tables that the pane makes only when asked, each in one Excel.run: a comment typed in
 * the report moved to Prognos, and rows typed under a table taken into it (rows_below_table).
 */
import { FORECAST_TABLE } from "../core/contract";
import { ForecastMethod, METHOD_LABELS } from "../core/inputs";
import type { Issue } from "../core/messages";
import { LeafLine, parseAccountLine } from "../core/reportLines";
import { asCellRef } from "../core/units";
import { a1 } from "../report/sheetModel";
import { cellRef, RawCell } from "../workbook/grid";
import { columnIndex, ROWS_BELOW_GAP } from "../workbook/tables";
import type { ActionEnv, ActionResult } from "./actions";

/** A comment typed in the Tertialrapport, to move to the Prognos table (the pane's button, on the user's word). */
export interface CommentMove {
  line: LeafLine;
  /** The method the report used for the line: a new Prognos row gets it, so the forecast does not change. */
  method: ForecastMethod;
  text: string;
}

/**
 * Moves a comment typed in the Tertialrapport to where it belongs, the Prognos table: into the line's
 * Kommentar cell when the line has a row, else as a new row with the method the report used. One
 * Excel.run, asked for by the user; no other cell changes. The next calculation shows it from the inputs.
 */
export async function moveCommentAction(env: ActionEnv, move: CommentMove): Promise<ActionResult> {
  const refuse = (issue: Issue): ActionResult => ({
    action: "move-comment",
    ok: false,
    errors: [issue],
    warnings: [],
    status: "comment_not_moved",
  });
  return env.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject("Prognos");
    table.load("name");
    await context.sync();
    if (table.isNullObject) return refuse({ code: "missing_table", params: { table: "Prognos", sheet: "Prognos" }, cell: "" });
    const range = table.getRange().load("values,rowIndex,columnIndex");
    const sheet = table.worksheet.load("name");
    await context.sync();
    const [header, ...rows] = range.values as RawCell[][];
    // The Prognos columns the move writes, found as the reader finds them (the contract's headers).
    const wanted = (["comment", "line", "method"] as const).map((id) => FORECAST_TABLE.columns.find((c) => c.id === id)!);
    const [comment, line, method] = wanted.map((c) => columnIndex(header, c));
    const cols = { line, method, comment };
    const missing = wanted.find((c) => columnIndex(header, c) < 0);
    if (missing) {
      const cell = asCellRef(`${sheet.name}!${a1(range.rowIndex, range.columnIndex)}`);
      return refuse({
        code: "missing_column",
        params: { column: missing.sv, alias: missing.en, sheet: sheet.name, row: range.rowIndex + 1 },
        cell,
      });
    }
    const at = rows.findIndex((r) => parseAccountLine(String(r[cols.line] ?? "")) === move.line);
    if (at >= 0) {
      const address = a1(range.rowIndex + 1 + at, range.columnIndex + cols.comment);
      sheet.getRange(address).values = [[`'${move.text}`]];
    } else {
      const row: string[] = new Array<string>(header.length).fill("");
      row[cols.line] = move.line;
      row[cols.method] = METHOD_LABELS[move.method];
      row[cols.comment] = `'${move.text}`;
      table.rows.add(undefined, [row]);
    }
    await context.sync();
    return { action: "move-comment", ok: true, errors: [], warnings: [], status: "comment_moved" };
  });
}

/** Rows typed under an input table that it did not take, as the run reported them (rows_below_table). */
export interface RowsBelow {
  /** The table's name and the rows' range in A1 (`A500:F501`), as the message gives them. */
  table: string;
  range: string;
}

/** The requirement set `table.resize` needs; the manifest asks for less, so the pane offers the button only where Excel has it. */
export const RESIZE_REQUIREMENT = { set: "ExcelApi", version: "1.13" } as const;

const columnOf = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/**
 * Takes rows typed under an input table into it (`table.resize`, ExcelApi 1.13), on the user's word: the table grows
 * down to the last of the rows, over the same columns; no cell changes. Refused when the table or the rows are no
 * longer where the run found them. One Excel.run; the pane calculates again afterwards.
 */
export async function takeRowsInAction(env: ActionEnv, below: RowsBelow): Promise<ActionResult> {
  const refuse = (errors: Issue[] = []): ActionResult => ({
    action: "take-rows-in",
    ok: false,
    errors,
    warnings: [],
    status: "rows_not_taken_in",
  });
  const m = /^([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)$/.exec(below.range);
  if (!m) return refuse();
  return env.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(below.table);
    table.load("name");
    await context.sync();
    if (table.isNullObject) return refuse([{ code: "missing_table", params: { table: below.table, sheet: below.table }, cell: "" }]);
    const range = table.getRange().load("rowIndex,columnIndex,rowCount,columnCount");
    table.load("showTotals");
    const sheet = table.worksheet.load("name");
    await context.sync();
    // Under a totals row the rows would become the table's last rows, the totals row among them: refused, and said.
    if (table.showTotals)
      return refuse([
        {
          code: "table_totals_row",
          params: { table: table.name, sheet: sheet.name },
          cell: cellRef(sheet.name, range.rowIndex + range.rowCount - 1, range.columnIndex),
        },
      ]);
    const [left, right] = [columnOf(m[1]), columnOf(m[3])];
    const [first, last] = [Number(m[2]) - 1, Number(m[4]) - 1];
    const bottom = range.rowIndex + range.rowCount - 1;
    const sameColumns = left === range.columnIndex && right === range.columnIndex + range.columnCount - 1;
    if (!sameColumns || first <= bottom || first - bottom - 1 > ROWS_BELOW_GAP) return refuse();
    table.resize(`${a1(range.rowIndex, left)}:${a1(last, right)}`);
    await context.sync();
    return { action: "take-rows-in", ok: true, errors: [], warnings: [], status: "rows_taken_in" };
  });
}
