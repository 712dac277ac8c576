/**
 * Finding an input table in the grid (Excel table by name, else a sheet by name whose first
 * non-empty row is the header) and its columns by header text (Swedish or English alias, any
 * order, case and surrounding spaces ignored).
 */
import { ColumnDef, headerNames } from "../core/contract";
import type { Issue, IssueList } from "../core/messages";
import type { CellRef } from "../core/units";
import { cellRef, columnLetters, GridSheet, GridTable, isBlank, isErrorCell, RawCell, WorkbookGrid } from "./grid";
import { cellText, errorCellFailure } from "./values";

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
  /** An Excel table's name as the workbook spells it, and the last data row of its range (0-based). */
  tableName?: string;
  bottom?: number;
  /** An Excel table's totals row (0-based), below `bottom`: not data (GridTable.totalsRow). */
  totalsRow?: number;
  /** An Excel table that does not show its header row: its columns cannot be found (hiddenHeaderIssues). */
  headersHidden?: boolean;
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

/**
 * The located tables by the grid table or sheet they were made from: a grid is read once and not changed, and a run
 * locates Huvudbok more than once (the reader, the input stamps); its 100 000 rows are listed once.
 */
const located = new WeakMap<GridTable | GridSheet, LocatedTable>();

/** The input table: the Excel table of that name, else the sheet's first non-empty row and what lies below. Do not change it. */
export function locateTable(grid: WorkbookGrid, tableName: string, sheetName: string): LocatedTable | null {
  const table = grid.tables.find((t) => t.name.toLowerCase() === tableName.toLowerCase());
  const source = table ?? findSheet(grid, sheetName);
  if (!source) return null;
  let t = located.get(source);
  if (t === undefined) located.set(source, (t = table ? ofTable(grid, table) : ofSheet(source as GridSheet)));
  return t;
}

function ofTable(grid: WorkbookGrid, table: GridTable): LocatedTable {
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
    ...(table.totalsRow === undefined ? {} : { totalsRow: table.totalsRow }),
    ...(table.headersHidden ? { headersHidden: true } : {}),
  };
}

function ofSheet(sheet: GridSheet): LocatedTable {
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

/**
 * The input tables that do not show their header row (Table Design → Header Row off): their columns cannot be found by
 * their headers, so a run or an import refuses them, naming the table's first cell (`table_headers_hidden`).
 */
export function hiddenHeaderIssues(grid: WorkbookGrid, tables: ReadonlyArray<[string, string]>): Issue[] {
  const out: Issue[] = [];
  for (const [table, sheet] of tables) {
    const t = locateTable(grid, table, sheet);
    if (t?.headersHidden)
      out.push({
        code: "table_headers_hidden",
        params: { table: t.tableName ?? table, sheet: t.sheet },
        cell: cellRef(t.sheet, t.headerRow, t.left),
      });
  }
  return out;
}

/** A column as the reader finds it: its id, whether it must be there, and the headers it answers to. */
export type ColumnSpec<K extends string> = Pick<ColumnDef<K>, "id" | "sv" | "en" | "aliases" | "required">;

/**
 * Maps column ids to positions within the table (relative to `left`), reporting missing required columns, and any
 * header cell holding an error value (it would hide the column it names).
 */
export function mapColumns<K extends string>(
  t: LocatedTable,
  specs: readonly ColumnSpec<K>[],
  errors: IssueList,
): Partial<Record<K, number>> | null {
  // Without its header row a table's columns cannot be found; said once for the table (hiddenHeaderIssues).
  if (t.headersHidden) return null;
  const positions = headerPositions(t.header);
  const out: Partial<Record<K, number>> = {};
  let missing = false;
  t.header.forEach((c, i) => {
    if (isErrorCell(c)) {
      errors.add("cell_error_value", errorCellFailure(c), cellRef(t.sheet, t.headerRow, t.left + i));
      missing = true;
    }
  });
  for (const spec of specs) {
    // Two headers that mean the same column (Belopp and Amount, or Belopp twice on a sheet without an Excel table):
    // which one holds the figures cannot be known, so neither is read.
    const names = new Set(headerNames(spec).map(normalizeName));
    const at = t.header.flatMap((c, i) => (names.has(normalizeName(cellText(c))) ? [i] : []));
    if (at.length > 1) {
      const cells = at.map((i) => `${columnLetters(t.left + i)}${t.headerRow + 1}`).join(", ");
      errors.add("duplicate_column", { column: spec.sv, sheet: t.sheet, cells }, cellRef(t.sheet, t.headerRow, t.left + at[1]));
      missing = true;
      continue;
    }
    const pos = headerNames(spec)
      .map((n) => positions.get(normalizeName(n)))
      .find((p) => p !== undefined);
    if (pos !== undefined) out[spec.id] = pos;
    else if (spec.required) {
      missing = true;
      const params = { column: spec.sv, alias: spec.en, sheet: t.sheet, row: t.headerRow + 1 };
      errors.add("missing_column", params, cellRef(t.sheet, t.headerRow, t.left));
    }
  }
  return missing ? null : out;
}

/** Each header's first position by its normalized text. */
function headerPositions(header: readonly RawCell[]): Map<string, number> {
  const positions = new Map<string, number>();
  header.forEach((c, i) => {
    const name = normalizeName(cellText(c));
    if (name && !positions.has(name)) positions.set(name, i);
  });
  return positions;
}

/** A column's position in a header row (Swedish, English or another spelling), or -1: what the pane and Nytt år look up. */
export function columnIndex(header: readonly RawCell[], c: Pick<ColumnDef, "sv" | "en" | "aliases">): number {
  const positions = headerPositions(header);
  return (
    headerNames(c)
      .map((n) => positions.get(normalizeName(n)))
      .find((p) => p !== undefined) ?? -1
  );
}

/** How many blank rows may stand between a table's last row and rows typed under it that it did not take. */
export const ROWS_BELOW_GAP = 2;

/**
 * Rows typed under an Excel table that did not grow to take them: filled cells within the table's columns, starting
 * right under its last row or after a blank row or two, down to the next run of blank rows. Null when there are none.
 * Further down, or beside the table, a person's notes stay theirs (named by cells_outside_tables: read/cellsOutside.ts).
 */
export function rowsBelow(grid: WorkbookGrid, t: LocatedTable): { first: number; last: number; cell: CellRef; range: string } | null {
  if (!t.fromTable) return null;
  const sheet = grid.sheets.find((s) => s.name === t.sheet);
  if (!sheet) return null;
  const width = Math.max(1, t.header.length);
  // Under the table: under its totals row when it has one.
  const bottom = t.totalsRow ?? t.bottom ?? t.headerRow + t.rows.length;
  const filled = (r: number) => {
    const row = sheet.rows[r];
    if (!row) return false;
    for (let c = t.left, end = Math.min(row.length, t.left + width); c < end; c++) if (!isBlank(row[c])) return true;
    return false;
  };
  let first = -1;
  for (let r = bottom + 1; r <= bottom + 1 + ROWS_BELOW_GAP && r < sheet.rows.length; r++)
    if (filled(r)) {
      first = r;
      break;
    }
  if (first < 0) return null;
  let last = first;
  for (let r = first + 1, blanks = 0; r < sheet.rows.length && blanks <= ROWS_BELOW_GAP; r++) {
    if (filled(r)) {
      last = r;
      blanks = 0;
    } else blanks++;
  }
  const range = `${columnLetters(t.left)}${first + 1}:${columnLetters(t.left + width - 1)}${last + 1}`;
  return { first, last, cell: cellRef(t.sheet, first, t.left), range };
}

/** Cell at a table row and a mapped column. */
export function at(row: { cells: RawCell[] }, col: number | undefined): RawCell {
  if (col === undefined) return null;
  const v = row.cells[col];
  return v === undefined ? null : v;
}
