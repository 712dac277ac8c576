/**
 * The state behind the in-memory Excel: sheets of cells, tables, charts, protection. Plain data;
 * the Office.js-like proxies in `excel.ts` read and change it only when a batch is synced.
 */

import { columnLetters, quoteSheetName } from "../../src/report/sheetModel";

export interface MCell {
  /** The value Excel would show (formulas: "" — this model does not calculate). */
  v: string | number | boolean;
  /** Formula without the leading "=". */
  f?: string;
  fmt?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  indent?: number;
  /** Font colour and fill, `#RRGGBB` as Office.js sets them. */
  color?: string;
  fill?: string;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  /** format.protection.locked = false: open for typing on a protected sheet. */
  unlocked?: boolean;
  /** An error value such as #REF! (then `v` holds its text). */
  error?: boolean;
}

export interface MChart {
  name: string;
  type: string;
  source: string;
  title: string;
  seriesBy: string;
  series: Array<{ name: string; values: string; xAxis?: string }>;
  position?: [string, string];
}

export interface MProtection {
  protected: boolean;
  options?: Record<string, unknown>;
  /** Set when the user protected the sheet with a password: unprotect() without it fails. */
  password?: string;
}

/** A cell-value conditional format as Office.js sets it. */
export interface MConditionalFormat {
  rect: Rect;
  formula1: string;
  operator: string;
  color?: string;
  fill?: string;
}

/** What worksheet.pageLayout holds (points for margins, as Office.js sets them). */
export interface MPageLayout {
  orientation?: string;
  paperSize?: string;
  margins: Record<string, number>;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea?: string;
  titleRows?: string;
  titleColumns?: string;
  centerHeader?: string;
  centerFooter?: string;
}

export class MSheet {
  cells = new Map<number, MCell>();
  /** Names scoped to this sheet (`worksheet.names`; `workbook.names` does not return them, as in Excel). */
  names: string[] = [];
  merges: Rect[] = [];
  rowHeights = new Map<number, number>();
  conditionalFormats: MConditionalFormat[] = [];
  pageLayout: MPageLayout = { margins: {} };
  /** Rows before which a manual page break starts a page. */
  pageBreaks: number[] = [];
  hiddenRows = new Set<number>();
  protection: MProtection = { protected: false };
  frozenRows = 0;
  columnWidths = new Map<number, number>();
  charts: MChart[] = [];
  /** How often worksheet.calculate() ran on this sheet. */
  calculated = 0;
  visibility = "Visible";
  constructor(public name: string) {}

  static key(row: number, col: number): number {
    return row * 16384 + col;
  }
  get(row: number, col: number): MCell | undefined {
    return this.cells.get(MSheet.key(row, col));
  }
  cell(row: number, col: number): MCell {
    const k = MSheet.key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { v: "" };
      this.cells.set(k, c);
    }
    return c;
  }
  /** The used rectangle (values only or values and formats), or null for an empty sheet. */
  used(valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      const hasValue = c.v !== "" || c.f !== undefined;
      if (valuesOnly ? !hasValue : !hasValue && !c.fmt && !c.bold && !c.italic) continue;
      const r = Math.floor(k / 16384);
      const col = k % 16384;
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export class MTable {
  style = "TableStyleMedium2";
  /** The range's last row is the totals row (Table Design → Total Row): not data; rows are added above it. */
  showTotals = false;
  /** Without its header row (Table Design → Header Row off) the range is data only. */
  showHeaders = true;
  constructor(
    public name: string,
    public sheet: MSheet,
    public rect: Rect,
  ) {}
}

export class MWorkbook {
  sheets: MSheet[] = [];
  tables: MTable[] = [];
  selection: { sheet: string; address: string } | null = null;
  calculationSuspended = 0;
  /** A batch ran with calculation suspended and no `application.calculate` has run since. */
  dependenciesStale = false;
  /** How often `application.calculate` ran. */
  calculations = 0;
  /** The sheet the user has open; an unqualified address means this sheet (null: the first). */
  active: MSheet | null = null;
  /** Excel's calculation mode (Formulas → Calculation Options). */
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual" = "Automatic";
  /** Workbook-scoped defined names. */
  names: string[] = [];
  /** The 1904 date system (Mac workbooks): serial 0 is 1904-01-01. */
  date1904 = false;
  /** `workbook.name` (ExcelApi 1.7): the file's name with its extension; "Book1" before it is first saved. */
  name = "Book1";
  /** The display language's error texts (Swedish Excel shows #SAKNAS! for #N/A). */
  locale: "en-US" | "sv-SE" = "en-US";

  activeSheet(): MSheet {
    const s = this.active && this.sheets.includes(this.active) ? this.active : this.sheets[0];
    if (!s) throw new MockExcelError("ItemNotFound", "The workbook has no sheets.");
    return s;
  }

  sheet(name: string): MSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  addSheet(name: string): MSheet {
    if (this.sheet(name)) throw new MockExcelError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
    if (name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new MockExcelError("InvalidArgument", `Invalid sheet name ${name}.`);
    const s = new MSheet(name);
    this.sheets.push(s);
    return s;
  }
  /** A deep copy, for comparing before and after. */
  snapshot(): string {
    return JSON.stringify(
      this.sheets.map((s) => ({
        name: s.name,
        cells: [...s.cells.entries()].sort((a, b) => a[0] - b[0]),
        hidden: [...s.hiddenRows],
        protection: s.protection,
        calculated: s.calculated,
        frozen: s.frozenRows,
        widths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
        charts: s.charts,
        tables: this.tables.filter((t) => t.sheet === s).map((t) => ({ name: t.name, rect: t.rect, style: t.style })),
      })),
    );
  }
}

export class MockExcelError extends Error {
  /** Like OfficeExtension.Error's: where in the batch it failed (`WorksheetProtection.unprotect`). */
  debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message };
  }
}

/** Swedish Excel's error texts (what `values` returns in a Swedish Office). */
export const SV_ERRORS: Record<string, string> = {
  "#N/A": "#SAKNAS!",
  "#REF!": "#REFERENS!",
  "#VALUE!": "#VÄRDEFEL!",
  "#DIV/0!": "#DIVISION/0!",
  "#NAME?": "#NAMN?",
  "#NUM!": "#OGILTIGT!",
  "#NULL!": "#SKÄRNING!",
};

// --- A1 addresses --------------------------------------------------------------------------------

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Column letters: the product's own helper (one implementation). */
export const colLetters = columnLetters;

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** Parses `A1`, `A1:C3`, `A:C` or `3:5` (no sheet part) into a rectangle. */
export function parseA1(address: string): Rect {
  const parts = address.replace(/\$/g, "").split(":");
  const one = (p: string) => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(p);
    if (!m || (!m[1] && !m[2])) throw new MockExcelError("InvalidArgument", `Bad address ${address}`);
    return { col: m[1] ? colIndex(m[1]) : null, row: m[2] ? Number(m[2]) - 1 : null };
  };
  const a = one(parts[0]);
  const b = parts[1] !== undefined ? one(parts[1]) : a;
  const rect = {
    top: a.row ?? 0,
    left: a.col ?? 0,
    bottom: b.row ?? MAX_ROWS - 1,
    right: b.col ?? MAX_COLS - 1,
  };
  if (rect.bottom < rect.top || rect.right < rect.left) throw new MockExcelError("InvalidArgument", `Bad address ${address}`);
  // Row 1 048 577 and column XFE are outside the grid: Excel refuses the address.
  if (rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS)
    throw new MockExcelError("InvalidArgument", `Address ${address} is outside the grid`);
  return rect;
}

export function formatA1(rect: Rect): string {
  const tl = `${colLetters(rect.left)}${rect.top + 1}`;
  if (rect.top === rect.bottom && rect.left === rect.right) return tl;
  return `${tl}:${colLetters(rect.right)}${rect.bottom + 1}`;
}

export function sheetAddress(sheet: string, rect: Rect): string {
  return `${quoteSheetName(sheet)}!${formatA1(rect)}`;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
