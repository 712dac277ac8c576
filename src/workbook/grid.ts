/**
 * The neutral grid: what an adapter (the .xlsx reader or Office.js) hands the reader. Cell values are
 * plain data; dates are already calendar dates; error values stay error values.
 */
import { asCellRef, CellRef } from "../core/units";
import { columnLetters, quoteSheetName } from "../report/sheetModel";

export { columnLetters };

export type RawCell =
  | null
  | string
  | number
  | boolean
  | { date: string } // ISO YYYY-MM-DD
  | { error: string }; // "#REF!", "#N/A", …

export interface GridSheet {
  name: string;
  /**
   * Rows of cells from A1; rows may be ragged. A missing cell is null, except that a row may be sparse beyond its
   * first 1 024 columns (a note far to the right): there a missing cell is absent. Read cells with isBlank or `?? null`.
   */
  rows: RawCell[][];
  /** 0-based row indices hidden by the user or a filter (used for a warning). */
  hiddenRows?: number[];
}

export interface GridTable {
  /** Excel table (ListObject) name. */
  name: string;
  sheet: string;
  /** 0-based position of the header row's first cell. */
  top: number;
  left: number;
  /** Header row first, then data rows. */
  rows: RawCell[][];
  /** The last data row of the table's range (0-based), which may lie below the last row with cells. */
  bottom?: number;
  /**
   * The table's totals row (Table Design → Total Row), 0-based: the last row of its range, below `bottom`. It is not
   * data, so it is not in `rows`.
   */
  totalsRow?: number;
  /** The table does not show its header row (Table Design → Header Row off): its range holds data only. */
  headersHidden?: boolean;
}

/**
 * What an adapter read of a workbook: a snapshot, not changed once read (a table's rows may be its sheet's own row
 * arrays, and located tables are kept per grid: workbook/tables.ts). Code that changes rows copies them first.
 */
export interface WorkbookGrid {
  sheets: GridSheet[];
  /** The tables an adapter read (at least the input tables), with their cells. */
  tables: GridTable[];
  /** Every table of the workbook by name and sheet; defaults to `tables`. Our tables' names must not collide. */
  tableNames?: Array<{ name: string; sheet: string }>;
  /** Every sheet of the workbook by name, read or not (the adapters read only the sheets they need); defaults to `sheets`. */
  sheetNames?: string[];
  /** Every defined name of the workbook (a table may not be named like one). */
  definedNames?: string[];
  /** The workbook counts date serials from 1904-01-01 (Mac workbooks; `date1904`). */
  date1904?: boolean;
}

/** What a table name must not equal in this workbook. */
export function takenNames(grid: WorkbookGrid): { tables: Array<{ name: string; sheet: string }>; definedNames: string[] } {
  return { tables: grid.tableNames ?? grid.tables.map((t) => ({ name: t.name, sheet: t.sheet })), definedNames: grid.definedNames ?? [] };
}

/** A sheet name as it appears in an A1 reference (one rule for formulas and messages: report/sheetModel). */
export const quoteSheet = quoteSheetName;

/** `Blad!D` per sheet and column: a ledger names three cells per row. */
const prefixes = new Map<string, string[]>();

/** `Blad!D57` for a 0-based row and column. */
export function cellRef(sheet: string, row: number, col: number): CellRef {
  let cols = prefixes.get(sheet);
  if (!cols) {
    if (prefixes.size > 1000) prefixes.clear();
    prefixes.set(sheet, (cols = []));
  }
  const prefix = cols[col] ?? (cols[col] = `${quoteSheet(sheet)}!${columnLetters(col)}`);
  return asCellRef(prefix + (row + 1));
}

export function isBlank(v: RawCell | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** What an adapter puts in a formula cell saved without a computed value (files written by tools that do not calculate). */
export const NO_CACHED_VALUE = "#NO_CACHED_VALUE";

/** Whether a cell is a formula that has no computed value. */
export function isUncalculated(v: RawCell | undefined): boolean {
  return typeof v === "object" && v !== null && "error" in v && v.error === NO_CACHED_VALUE;
}

export function isErrorCell(v: RawCell | undefined): v is { error: string } {
  return typeof v === "object" && v !== null && "error" in v;
}

export function isDateCell(v: RawCell | undefined): v is { date: string } {
  return typeof v === "object" && v !== null && "date" in v;
}
