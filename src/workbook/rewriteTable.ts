/**
 * Rewriting one input table's body, for the SIE import: as an edit that changes only the body cells that
 * differ and appends rows (`tableEdit`), or, for a sheet the import creates or an owned sheet, as a whole
 * sheet model (`sheetWithBody`).
 */
import type { Issue } from "../core/messages";
import type { CellRef } from "../core/units";
import { Cell, FORMATS, rowAt, Rows, SheetModel, TableEdit } from "../report/sheetModel";
import { cellRef, isBlank, isDateCell, isErrorCell, GridSheet, RawCell, WorkbookGrid } from "./grid";
import { findSheet, LocatedTable } from "./tables";
import { dateParser, serialInWorkbook } from "./values";

/** A grid value as a model cell: dates as serials in the workbook's date system, text as text. */
export function cellOf(v: RawCell | undefined, grid: WorkbookGrid): Cell | null {
  if (v === null || v === undefined || v === "") return null;
  if (isDateCell(v)) {
    const day = dateParser(grid)(v);
    return day.ok ? { value: serialInWorkbook(grid, day.value), format: FORMATS.date } : { value: v.date };
  }
  if (isErrorCell(v)) return { value: v.error };
  if (typeof v === "string") return { value: v, format: FORMATS.text };
  return { value: v };
}

/**
 * The sheet with one table's body replaced: cells above and beside the table as they were (values),
 * the table's header, then `body`. Refuses (null) when the sheet has content below the table.
 */
export function sheetWithBody(
  grid: WorkbookGrid,
  sheet: GridSheet | undefined,
  name: string,
  table: { name: string; headerRow: number; left: number; header: RawCell[]; lastRow: number },
  body: Array<Array<Cell | null>>,
  widths: number[],
): SheetModel | null {
  const rows: Array<Array<Cell | null>> = [];
  const source = sheet?.rows ?? [];
  for (let r = table.lastRow + 1; r < source.length; r++) if ((source[r] ?? []).some((c) => !isBlank(c))) return null;
  for (let r = 0; r < table.headerRow; r++) rows.push((source[r] ?? []).map((c) => cellOf(c, grid)));
  const headerRow = [...(source[table.headerRow] ?? []).map((c) => cellOf(c, grid))];
  table.header.forEach((h, i) => (headerRow[table.left + i] = { value: typeof h === "string" ? h : String(h ?? ""), bold: true }));
  rows.push(headerRow);
  for (const b of body) rows.push(table.left === 0 ? b : [...new Array<Cell | null>(table.left).fill(null), ...b]);
  if (body.length === 0) rows.push([]);
  const width = table.header.length;
  return {
    name,
    rows,
    tables: [
      {
        name: table.name,
        top: table.headerRow,
        left: table.left,
        bottom: table.headerRow + Math.max(1, body.length),
        right: table.left + width - 1,
      },
    ],
    columnWidths: widths,
    freezeRows: table.headerRow === 0 ? 1 : 0,
  };
}

/** The located table as the body rows it holds (non-empty rows, cut to the table's width). */
export function bodyOf(t: LocatedTable): RawCell[][] {
  return t.rows.filter((r) => r.cells.some((c) => !isBlank(c))).map((r) => t.header.map((_, i) => r.cells[i] ?? null));
}

export const lastRowOf = (t: LocatedTable) => (t.rows.length ? t.rows[t.rows.length - 1].index : t.headerRow);

/** The last row of a located table: an Excel table's range end, or a plain range's last row with content in its columns. */
export function tableLastRow(t: LocatedTable): number {
  if (t.bottom !== undefined) return t.bottom;
  let last = t.headerRow;
  for (const r of t.rows) if (t.header.some((_, i) => !isBlank(r.cells[i]))) last = r.index;
  return last;
}

/** The table's body row by row as it stands, blank rows included, up to its last row, cut to its width. */
export function positionalBody(t: LocatedTable): RawCell[][] {
  const last = tableLastRow(t);
  const byIndex = new Map(t.rows.map((r) => [r.index, r.cells]));
  const out: RawCell[][] = [];
  for (let r = t.headerRow + 1; r <= last; r++) out.push(t.header.map((_, i) => byIndex.get(r)?.[i] ?? null));
  return out;
}

const emptyCell = (c: Cell | null | undefined) => !c || ((c.value === null || c.value === "") && c.formula === undefined);
const sameCell = (a: Cell | null, b: Cell | null | undefined) => (emptyCell(a) ? emptyCell(b) : !!b && a!.value === b.value);

/**
 * The edit that makes a located table's body `body` (rows of the table's width, from the first body row):
 * only the cells whose value differs are written, rows beyond the old body are appended, and rows of the old
 * body that `body` no longer fills are emptied. Refused (`blocked`, the first such cell) when rows must be
 * appended and the sheet has content below the table in its columns (Excel would push it down).
 */
/** A row of exactly `width` cells: the missing ones null. */
function fitted(r: ReadonlyArray<Cell | null | undefined>, width: number): Array<Cell | null> {
  const out = new Array<Cell | null>(width);
  for (let c = 0; c < width; c++) out[c] = r[c] ?? null;
  return out;
}

/**
 * Why an edit that adds rows under a table is refused at `cell` (what tableEdit answered): its totals row, which rows
 * cannot go under, or something else written under the table in its columns.
 */
export function contentBelowIssue(t: LocatedTable, cell: CellRef): Issue {
  if (t.totalsRow !== undefined && rowOf(cell) === t.totalsRow)
    return { code: "table_totals_row", params: { table: t.tableName ?? t.sheet, sheet: t.sheet }, cell };
  return { code: "sie_import_content_below", params: { sheet: t.sheet }, cell };
}

/** The 0-based row of a cell reference (`Blad!D57` → 56). */
const rowOf = (cell: CellRef) => Number(/(\d+)$/.exec(cell)![1]) - 1;

export function tableEdit(grid: WorkbookGrid, t: LocatedTable, body: Rows): TableEdit | CellRef {
  const width = t.header.length;
  const lastRow = tableLastRow(t);
  const source = findSheet(grid, t.sheet)?.rows ?? [];
  const existing = lastRow - t.headerRow;
  // The rows beyond the table's body, made when read when the body is (a million imported rows).
  const appendedCount = Math.max(0, body.length - existing);
  const appendedRow = (i: number) => {
    const r = rowAt(body, existing + i);
    return r.length === width && !r.includes(undefined as never) ? r : fitted(r, width);
  };
  const appended: Rows =
    "row" in body ? { length: appendedCount, row: appendedRow } : Array.from({ length: appendedCount }, (_, i) => appendedRow(i));
  if (appended.length > 0) {
    for (let r = lastRow + 1; r < source.length; r++)
      for (let c = t.left; c < t.left + width; c++) if (!isBlank(source[r]?.[c])) return cellRef(t.sheet, r, c);
  }
  const changes: TableEdit["changes"] = [];
  for (let i = 0; i < existing; i++) {
    const row = t.headerRow + 1 + i;
    let cells: Array<Cell | null | undefined> | null = null;
    const wanted = i < body.length ? rowAt(body, i) : [];
    for (let c = 0; c < width; c++) {
      const next = wanted[c] ?? null;
      if (sameCell(next, cellOf(source[row]?.[t.left + c], grid))) continue;
      cells ??= new Array<Cell | null | undefined>(width).fill(undefined);
      cells[c] = emptyCell(next) ? null : next;
    }
    if (cells) changes.push({ row, cells });
  }
  return {
    sheet: t.sheet,
    table: t.fromTable ? t.tableName : undefined,
    left: t.left,
    width,
    lastRow,
    changes,
    // A row already as wide as the table is taken as it is (a million imported rows are not copied again).
    appended,
  };
}
