/**
 * Finding an input table in the grid (Excel table by name, else a sheet by name whose first
 * non-empty row is the header) and its columns by header text (Swedish or English alias, any
 * order, case and surrounding spaces ignored).
 */
import type { IssueList } from "../core/messages";
import { cellRef, GridSheet, isBlank, RawCell, WorkbookGrid } from "./grid";
import { cellText } from "./values";

export interface LocatedTable {
  sheet: string;
  /** Absolute 0-based row of the header and column of the first column. */
  headerRow: number;
  left: number;
  header: RawCell[];
  /** Data rows with their absolute 0-based row index. */
  rows: Array<{ index: number; cells: RawCell[] }>;
  fromTable: boolean;
  hiddenRows: Set<number>;
  /** An Excel table's name as the workbook spells it, and the last row of its range (0-based). */
  tableName?: string;
  bottom?: number;
}

export function normalizeName(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s+/g, " ");
}

export function findSheet(grid: WorkbookGrid, name: string): GridSheet | undefined {
  const n = normalizeName(name);
  return grid.sheets.find((s) => s.name === name) ?? grid.sheets.find((s) => normalizeName(s.name) === n);
}

export function locateTable(grid: WorkbookGrid, tableName: string, sheetName: string): LocatedTable | null {
  const table = grid.tables.find((t) => t.name.toLowerCase() === tableName.toLowerCase());
  if (table) {
    const sheet = findSheet(grid, table.sheet);
    return {
      sheet: table.sheet,
      headerRow: table.top,
      left: table.left,
      header: table.rows[0] ?? [],
      rows: table.rows.slice(1).map((cells, i) => ({ index: table.top + 1 + i, cells })),
      fromTable: true,
      hiddenRows: new Set(sheet?.hiddenRows ?? []),
      tableName: table.name,
      bottom: table.bottom ?? table.top + Math.max(0, table.rows.length - 1),
    };
  }
  const sheet = findSheet(grid, sheetName);
  if (!sheet) return null;
  const headerRow = sheet.rows.findIndex((r) => r && r.some((c) => !isBlank(c)));
  if (headerRow < 0) {
    return { sheet: sheet.name, headerRow: 0, left: 0, header: [], rows: [], fromTable: false, hiddenRows: new Set() };
  }
  return {
    sheet: sheet.name,
    headerRow,
    left: 0,
    header: sheet.rows[headerRow],
    rows: sheet.rows.slice(headerRow + 1).map((cells, i) => ({ index: headerRow + 1 + i, cells: cells ?? [] })),
    fromTable: false,
    hiddenRows: new Set(sheet.hiddenRows ?? []),
  };
}

export interface ColumnSpec<K extends string> {
  id: K;
  /** Swedish name first, then the English alias and other accepted spellings. */
  names: string[];
  required: boolean;
}

/** Maps column ids to positions within the table (relative to `left`), reporting missing required columns. */
export function mapColumns<K extends string>(
  t: LocatedTable,
  specs: readonly ColumnSpec<K>[],
  errors: IssueList,
): Partial<Record<K, number>> | null {
  const positions = new Map<string, number>();
  t.header.forEach((c, i) => {
    const name = normalizeName(cellText(c));
    if (name && !positions.has(name)) positions.set(name, i);
  });
  const out: Partial<Record<K, number>> = {};
  let missing = false;
  for (const spec of specs) {
    const pos = spec.names.map((n) => positions.get(normalizeName(n))).find((p) => p !== undefined);
    if (pos !== undefined) out[spec.id] = pos;
    else if (spec.required) {
      missing = true;
      const params = { column: spec.names[0], alias: spec.names[1], sheet: t.sheet, row: t.headerRow + 1 };
      errors.add("missing_column", params, cellRef(t.sheet, t.headerRow, t.left));
    }
  }
  return missing ? null : out;
}

/** Cell at a table row and a mapped column. */
export function at(row: { cells: RawCell[] }, col: number | undefined): RawCell {
  if (col === undefined) return null;
  const v = row.cells[col];
  return v === undefined ? null : v;
}
