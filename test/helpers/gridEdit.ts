/** Small edits of a grid for bad-input cases: set a cell by A1 reference, add rows and sheets. */
import type { RawCell, WorkbookGrid } from "../../src/workbook/grid";
import { parseCell } from "./textWorkbook";

export function clone(grid: WorkbookGrid): WorkbookGrid {
  return JSON.parse(JSON.stringify(grid)) as WorkbookGrid;
}

function decode(ref: string): { sheet: string; row: number; col: number } {
  const m = /^(.+)!([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(ref);
  let col = 0;
  for (const ch of m[2]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { sheet: m[1], row: Number(m[3]) - 1, col: col - 1 };
}

export function setCell(grid: WorkbookGrid, ref: string, value: RawCell): WorkbookGrid {
  const { sheet, row, col } = decode(ref);
  const s = grid.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  while (s.rows.length <= row) s.rows.push([]);
  const r = s.rows[row];
  while (r.length <= col) r.push(null);
  r[col] = value;
  return grid;
}

export function addRow(grid: WorkbookGrid, sheet: string, cells: string): WorkbookGrid {
  const s = grid.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  s.rows.push(cells.split("|").map(parseCell));
  return grid;
}

export function addSheet(grid: WorkbookGrid, name: string, lines: string[]): WorkbookGrid {
  grid.sheets.push({ name, rows: lines.map((l) => l.split("|").map(parseCell)) });
  return grid;
}

export function removeSheet(grid: WorkbookGrid, name: string): WorkbookGrid {
  grid.sheets = grid.sheets.filter((s) => s.name !== name);
  return grid;
}
