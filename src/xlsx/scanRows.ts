/**
 * What the worksheet scanner (scan.ts) does once the cells are read: merged cells emptied but for their top-left
 * cell, rows made as the grid has them, and cells far to the right put where they are.
 */
import type { RawCell } from "../workbook/grid";
import { parseA1 } from "./a1";
import { attributes, startTags } from "./xml";

/** Columns A–AMJ of a row are dense in the grid; cells beyond are kept where they are (see finishRows). */
export const DENSE_COLUMNS = 1024;

export type Merge = { tl: { row: number; col: number }; br: { row: number; col: number } };

/** Merged cells: only the top-left cell holds the value. Only the cells that exist are visited. */
export function clearMergedCells(xml: string, rows: RawCell[][]): Merge[] {
  const out: Merge[] = [];
  for (const tag of startTags(xml, "mergeCell")) {
    const ref = attributes(tag).ref ?? "";
    const [a, b] = ref.split(":");
    if (!a || !b) continue;
    const tl = parseA1(a);
    const br = parseA1(b);
    out.push({ tl, br });
    // A merge down to the grid's last row costs what the sheet holds.
    for (let r = tl.row, last = Math.min(br.row, rows.length - 1); r <= last; r++) {
      const cells = rows[r];
      if (!cells) continue;
      for (let c = tl.col, end = Math.min(br.col, cells.length - 1); c <= end; c++) if (r !== tl.row || c !== tl.col) cells[c] = null;
    }
  }
  return out;
}

/**
 * Rows as the grid has them (workbook/grid.ts): no missing rows, a missing cell null, no trailing empties. Cells
 * beyond DENSE_COLUMNS are placed afterwards (placeFarCells), so that a row stays dense only as far as its cells go.
 */
export function finishRows(rows: RawCell[][]): void {
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r];
    if (cells === undefined) {
      rows[r] = [];
      continue;
    }
    for (let c = 0; c < cells.length; c++) if (cells[c] === undefined) cells[c] = null;
    // Trailing empties (a merged range's tail) are not cells.
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
  }
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
}

/**
 * The cells beyond DENSE_COLUMNS, where they are: the row is not filled up to them (a note in column XFD costs one
 * cell, not 16 384; issue 35 measured 2 000 such notes making a recalculation 10× slower and 5× larger). A cell
 * that a merge covers (not its top-left) is not a value, as in clearMergedCells.
 */
export function placeFarCells(rows: RawCell[][], far: Array<number | RawCell>, merges: Merge[]): void {
  const wide = merges.filter((m) => m.br.col >= DENSE_COLUMNS);
  for (let i = 0; i < far.length; i += 3) {
    const r = far[i] as number;
    const c = far[i + 1] as number;
    if (wide.some((m) => r >= m.tl.row && r <= m.br.row && c >= m.tl.col && c <= m.br.col && (r !== m.tl.row || c !== m.tl.col))) continue;
    while (rows.length <= r) rows.push([]);
    rows[r][c] = far[i + 2] as RawCell;
  }
}
