/**
 * Rewriting one input table's body on its sheet, for the SIE import: the sheet as a model with the cells
 * above and beside the table as they were (values), the table's header, and the new body.
 */
import { Cell, FORMATS, SheetModel } from "../report/sheetModel";
import { isBlank, isDateCell, isErrorCell, GridSheet, RawCell, WorkbookGrid } from "./grid";
import type { LocatedTable } from "./tables";
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
