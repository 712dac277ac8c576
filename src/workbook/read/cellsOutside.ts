/**
 * Filled cells of an input sheet that no input table takes: a note beside the ledger, a control sum, rows far below a
 * table, a cell under a sheet table's column without a header. Nothing reads them, so the run says where they are
 * (`cells_outside_tables`, one warning per sheet): every filled cell of an input sheet is read or reported.
 */
import type { IssueList } from "../../core/messages";
import { cellRef, columnLetters, GridSheet, isBlank, WorkbookGrid } from "../grid";
import { LocatedTable, locateTable, rowsBelow } from "../tables";
import { INPUT_TABLES } from "./tableReader";

/** How many areas a warning names; the rest are counted. */
export const AREAS_NAMED = 5;

/** An area of the sheet, 0-based and inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What an input table takes of its sheet: its rows, and its columns (a sheet table: those with a header). */
interface Cover {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** A sheet table: whether column c has a header (a column without one is not read). */
  headed?: (c: number) => boolean;
  /** How many columns from `left` on it takes whole, within its rows. */
  whole: number;
}

/** One warning per input sheet with filled cells that no input table takes, naming their areas. */
export function warnCellsOutsideTables(grid: WorkbookGrid, warnings: IssueList): void {
  for (const { sheet, count, areas } of cellsOutsideTables(grid)) {
    const ranges = areas.slice(0, AREAS_NAMED).map(areaText).join(", ");
    const more = Math.max(0, areas.length - AREAS_NAMED);
    warnings.add("cells_outside_tables", { sheet, count, ranges, more }, cellRef(sheet, areas[0].top, areas[0].left));
  }
}

/**
 * Per input sheet that has any, the filled cells no input table takes, counted and in areas. `totalsRows`: a table's
 * totals row counts as outside it too (Nytt år carries the tables' rows, not their totals rows).
 */
export function cellsOutsideTables(
  grid: WorkbookGrid,
  options: { totalsRows?: boolean } = {},
): Array<{ sheet: string; count: number; areas: Area[] }> {
  const covers = new Map<string, Cover[]>();
  for (const [table, sheetName] of Object.entries(INPUT_TABLES)) {
    const t = locateTable(grid, table, sheetName);
    if (!t) continue;
    if (!covers.has(t.sheet)) covers.set(t.sheet, []);
    covers.get(t.sheet)!.push(coverOf(grid, t, options.totalsRows ?? false));
  }
  const out: Array<{ sheet: string; count: number; areas: Area[] }> = [];
  for (const [name, cover] of covers) {
    const sheet = grid.sheets.find((s) => s.name === name);
    const found = sheet ? cellsOutside(sheet, cover) : { count: 0, areas: [] };
    if (found.count > 0) out.push({ sheet: name, ...found });
  }
  return out;
}

/**
 * What a located table takes: an Excel table its range with its totals row (unless `totalsOutside`) and rows typed under
 * it (refused on their own); a sheet table its headed columns.
 */
function coverOf(grid: WorkbookGrid, t: LocatedTable, totalsOutside: boolean): Cover {
  const width = Math.max(1, t.header.length);
  if (t.fromTable) {
    const below = rowsBelow(grid, t);
    const end = totalsOutside ? undefined : t.totalsRow;
    const bottom = Math.max(end ?? t.bottom ?? t.headerRow + t.rows.length, below?.last ?? -1);
    return { top: t.headerRow, bottom, left: t.left, right: t.left + width - 1, whole: width };
  }
  const headed = (c: number) => !isBlank(t.header[c]);
  let whole = 0;
  while (whole < width && headed(whole)) whole++;
  return { top: t.headerRow, bottom: Infinity, left: 0, right: width - 1, headed, whole };
}

/** The filled cells no cover takes, counted, and gathered into areas (runs along a row, joined down the rows). */
function cellsOutside(sheet: GridSheet, covers: readonly Cover[]): { count: number; areas: Area[] } {
  const areas: Area[] = [];
  // The areas still growing: by their columns, those that took a run in the row before.
  const none = new Map<string, Area>();
  let open = none;
  let count = 0;
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    // A table's row makes no map of its own (a ledger of 100 000 rows).
    let next = none;
    if (row && row.length > 0 && !takesWholeRow(covers, r, row.length)) {
      let start = -1;
      let last = -1;
      const close = () => {
        if (start < 0) return;
        const key = `${start}:${last}`;
        const area = open.get(key);
        if (area) area.bottom = r;
        const a = area ?? { top: r, left: start, bottom: r, right: last };
        if (!area) areas.push(a);
        if (next === none) next = new Map<string, Area>();
        next.set(key, a);
        start = -1;
      };
      // A row sparse beyond its first 1 024 columns lists only the cells it holds.
      const cols = row.length > 1024 ? Object.keys(row).map(Number) : null;
      for (let i = 0, n = cols ? cols.length : row.length; i < n; i++) {
        const c = cols ? cols[i] : i;
        if (isBlank(row[c]) || covered(covers, r, c)) continue;
        count++;
        if (start >= 0 && c !== last + 1) close();
        if (start < 0) start = c;
        last = c;
      }
      close();
    }
    open = next;
  }
  return { count, areas };
}

/** Whether one cover takes every cell this row has (the common row of a table: nothing to look at). */
function takesWholeRow(covers: readonly Cover[], r: number, length: number): boolean {
  for (const c of covers) if (c.left === 0 && r >= c.top && r <= c.bottom && length <= c.whole) return true;
  return false;
}

function covered(covers: readonly Cover[], r: number, c: number): boolean {
  for (const k of covers) if (r >= k.top && r <= k.bottom && c >= k.left && c <= k.right && (!k.headed || k.headed(c))) return true;
  return false;
}

function areaText(a: Area): string {
  const from = `${columnLetters(a.left)}${a.top + 1}`;
  return a.top === a.bottom && a.left === a.right ? from : `${from}:${columnLetters(a.right)}${a.bottom + 1}`;
}
