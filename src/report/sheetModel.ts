/**
 * A format-neutral model of an output sheet: positioned cells with number formats and emphasis,
 * named tables over ranges, column widths and frozen rows. Both adapters (ExcelJS, Office.js)
 * render exactly this; the text renderer prints it for golden tests.
 */

export type NumberFormat = string;

/** Invariant number format codes (Excel stores these; it shows the user's own separators). */
export const FORMATS = {
  kr: "#,##0;-#,##0;0",
  /** Thousands: the trailing comma scales by 1 000 when displayed; the cell keeps exact kronor. */
  tkr: "#,##0,;-#,##0,;0",
  ore: "#,##0.00",
  integer: "0",
  percent: "0.00%",
  date: "yyyy-mm-dd",
  text: "@",
} as const;

export interface Cell {
  /** Text is always written as text, never interpreted as a formula. */
  value: string | number | boolean | null;
  /** An A1 formula without the leading "=", e.g. `SUM(C12:C14)`; `value` is its expected result. */
  formula?: string;
  format?: NumberFormat;
  bold?: boolean;
  italic?: boolean;
  /** Larger title text. */
  title?: boolean;
  /** Left indent level for sub-lines. */
  indent?: number;
  /** Not compared by Verifiera: the time of computation. */
  volatile?: boolean;
  wrap?: boolean;
}

export interface TableDef {
  name: string;
  /** 0-based, inclusive; the first row is the header row. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A 0-based inclusive rectangle on the sheet. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A chart over cells of the sheet. Only the Office.js adapter draws charts (ExcelJS cannot write
 * them); the .xlsx written by the command line has the same tables without the charts.
 */
export interface ChartDef {
  name: string;
  title: string;
  type: "ColumnClustered" | "Line";
  /** Each series: the header cell holding its name and the cells holding its values (one column). */
  series: Array<{ nameRow: number; col: number; firstRow: number; lastRow: number }>;
  /** Category labels: one column, the same rows as the series. */
  categories: { col: number; firstRow: number; lastRow: number };
  /** Where it is placed: from the top-left cell to the bottom-right cell. */
  anchor: Area;
}

export interface SheetModel {
  name: string;
  rows: Array<Array<Cell | null>>;
  tables: TableDef[];
  columnWidths: number[];
  /** Rows frozen at the top (the header block). */
  freezeRows: number;
  charts?: ChartDef[];
}

/** Column width in points (what Office.js sets) for a width in characters (what .xlsx stores). */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export class SheetBuilder {
  readonly rows: Array<Array<Cell | null>> = [];
  readonly tables: TableDef[] = [];
  readonly charts: ChartDef[] = [];
  /** Gives each table its name in this workbook (the contract's name unless it is taken); set by the sheet header. */
  tableName: (contract: string) => string = (contract) => contract;
  constructor(
    readonly name: string,
    readonly columnWidths: number[],
  ) {}
  get nextRow(): number {
    return this.rows.length;
  }
  row(cells: Array<Cell | string | number | null>): number {
    this.rows.push(cells.map((c) => (c === null ? null : typeof c === "object" ? c : { value: c })));
    return this.rows.length - 1;
  }
  blank(): void {
    this.rows.push([]);
  }
  /** Adds a table: header cells and data rows starting at column `left` (0). Returns the first data row index. */
  table(
    name: string,
    headers: string[],
    body: Array<Array<Cell | null>>,
    left = 0,
  ): { headerRow: number; firstRow: number; lastRow: number } {
    const headerRow = this.row([...new Array(left).fill(null), ...headers.map((h) => ({ value: h, bold: true }))]);
    for (const r of body) this.rows.push([...new Array(left).fill(null), ...r]);
    const lastRow = this.rows.length - 1;
    this.tables.push({
      name: this.tableName(name),
      top: headerRow,
      left,
      bottom: Math.max(lastRow, headerRow + 1),
      right: left + headers.length - 1,
    });
    if (body.length === 0) this.rows.push([]);
    return { headerRow, firstRow: headerRow + 1, lastRow };
  }
  build(freezeRows: number): SheetModel {
    return { name: this.name, rows: this.rows, tables: this.tables, columnWidths: this.columnWidths, freezeRows, charts: this.charts };
  }
}

/** Column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `B12` from 0-based row and column. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A reference to a cell on another sheet, quoted when needed. */
export function sheetA1(sheet: string, row: number, col: number): string {
  return `${quoteSheetName(sheet)}!${a1(row, col)}`;
}

/**
 * A sheet name as written in a formula or a cell reference (`Huvudbok!A1`, `'Eget kapital'!B3`).
 * Excel reads a name without quotes only when it is a name-like word (letters, digits, `_` and `.`,
 * starting with a letter or `_`) that cannot be read as something else: an A1 reference (`HB2026`),
 * an R1C1 reference (`R1C1`, `R`, `C3`) or a logical value. Anything else is quoted, with `'` doubled.
 */
export function quoteSheetName(sheet: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) &&
    !/^[A-Za-z]{1,3}\d+$/.test(sheet) &&
    !/^(R\d*C?\d*|C\d*)$/i.test(sheet) &&
    !/^(TRUE|FALSE)$/i.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}
