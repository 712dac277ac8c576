/**
 * A format-neutral model of an output sheet: positioned cells with number formats and emphasis,
 * named tables over ranges, column widths and frozen rows. Both adapters (the .xlsx writer, src/xlsx, and
 * Office.js, src/excel) render exactly this; the text renderer prints it for golden tests.
 */

export type NumberFormat = string;

/** Invariant number format codes (Excel stores these; it shows the user's own separators). */
export const FORMATS = {
  /** Zero shows as a dash, as the associations' own reports print it. */
  kr: '#,##0;-#,##0;"–"',
  /** Thousands: the trailing comma scales by 1 000 when displayed; the cell keeps exact kronor. */
  tkr: '#,##0,;-#,##0,;"–"',
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
  /**
   * What the run said (Kontroller's warnings, from this row on): compared by Verifiera, and a difference from here on is
   * said apart from the results' (a note beside a table or a hidden row, outside the fingerprint, changes it).
   */
  runRecord?: boolean;
  wrap?: boolean;
  /** Colour that carries a meaning: good (green), bad (red), warn (amber), muted (grey). */
  tone?: Tone;
  /** Smaller text (8 pt), for the technical block that stays outside the print area. */
  small?: boolean;
  /** Right-aligned: the header of a column of numbers. */
  right?: boolean;
  /** Aligned to the top of its row (every cell of a row that is taller than one line). */
  top?: boolean;
  /** Open for typing on the protected sheet (the report's comment cells). */
  unlocked?: boolean;
}

export type Tone = "good" | "bad" | "warn" | "muted";

/** Font and fill colours of each tone (RGB), the same in both adapters. */
export const TONE_COLORS: Record<Tone, { font: string; fill?: string }> = {
  good: { font: "006100", fill: "C6EFCE" },
  bad: { font: "9C0006", fill: "FFC7CE" },
  warn: { font: "9C5700", fill: "FFEB9C" },
  muted: { font: "595959" },
};

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

/** A chart over cells of the sheet, drawn by both adapters (Office.js charts, DrawingML in .xlsx). */
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

/**
 * How a sheet prints: A4, fitted to one page wide (as many pages tall as it needs), a print area
 * that leaves out the technical block and the id columns, and the report's title and page numbers
 * in the page header and footer.
 */
export interface PageSetup {
  orientation: "portrait" | "landscape";
  /** The print area; none for an input sheet, whose rows grow (Excel then prints what the sheet holds). */
  area?: Area;
  /** Rows repeated at the top of every printed page (0-based, inclusive). */
  titleRows?: { first: number; last: number };
  /** Columns repeated at the left of every printed page (0-based, inclusive). */
  titleColumns?: { first: number; last: number };
  /** Centre section of the page header and footer, in Excel's header codes (`&P`, `&N`; a literal `&` is `&&`). */
  header: string;
  footer: string;
  /** Rows that start a new printed page (manual page breaks before them). */
  breaksBefore?: number[];
  /** Margins in inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

/** A format that applies while a cell's live value equals a text (the checks' OK and FEL). */
export interface ConditionalFormat {
  area: Area;
  equals: string;
  tone: Tone;
}

export interface SheetModel {
  name: string;
  rows: Array<Array<Cell | null>>;
  tables: TableDef[];
  columnWidths: number[];
  /** Rows frozen at the top (the header block). */
  freezeRows: number;
  charts?: ChartDef[];
  page?: PageSetup;
  /** Cell ranges merged into one cell (long wrapped texts across the table's width). */
  merges?: Area[];
  /** Row heights in points, for rows whose wrapped text needs more than one line. */
  rowHeights?: Record<number, number>;
  conditionalFormats?: ConditionalFormat[];
  /** The sheet shown when the workbook opens after a run. */
  active?: boolean;
}

/**
 * Changes to one input table that leave everything else on its sheet as it was (the SIE import): the body
 * cells that change, and rows appended below the table. Cells beside and below the table, the header,
 * comments, formats of cells that are not written, column widths and hidden rows are not touched. Both
 * adapters apply it the same way: the table keeps its rows (rows no longer used are emptied, not removed)
 * and grows by the appended ones.
 */
export interface TableEdit {
  sheet: string;
  /** The Excel table, when the body is one; it grows by the appended rows. A plain range has none. */
  table?: string;
  /** The table's columns: the first (0-based) and how many. */
  left: number;
  width: number;
  /** The table's last row as it stands (0-based; its header row when it has no body). */
  lastRow: number;
  /**
   * Rows up to `lastRow` with cells that change, in row order: `cells[i]` is the table's column `left + i`;
   * undefined leaves the cell as it is, null empties it.
   */
  changes: Array<{ row: number; cells: Array<Cell | null | undefined> }>;
  /** Rows added after `lastRow`, `width` cells each: a list, or rows made when read (rowAt). */
  appended: Rows;
}

/** Rows made when they are read: a million imported rows are never all cells at once. */
export interface LazyRows {
  readonly length: number;
  row(i: number): Array<Cell | null>;
}

/** Rows of cells: a list, or made when read. */
export type Rows = ReadonlyArray<Array<Cell | null>> | LazyRows;

/** Row `i` of `rows`. */
export function rowAt(rows: Rows, i: number): Array<Cell | null> {
  return "row" in rows ? rows.row(i) : rows[i];
}

/** Rows `from` up to (not including) `to`, as a list. */
export function rowsBetween(rows: Rows, from: number, to: number): Array<Array<Cell | null>> {
  const out: Array<Array<Cell | null>> = [];
  for (let i = from; i < Math.min(to, rows.length); i++) out.push(rowAt(rows, i));
  return out;
}

/** Column width in points (what Office.js sets) for a width in characters (what .xlsx stores). */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export class SheetBuilder {
  readonly rows: Array<Array<Cell | null>> = [];
  readonly tables: TableDef[] = [];
  readonly charts: ChartDef[] = [];
  readonly merges: Area[] = [];
  readonly rowHeights: Record<number, number> = {};
  readonly conditionalFormats: ConditionalFormat[] = [];
  page?: PageSetup;
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
  /** Sets one cell of an existing row (beside a table, outside the print area). */
  put(row: number, col: number, cell: Cell): void {
    const r = this.rows[row];
    while (r.length < col) r.push(null);
    r[col] = cell;
  }
  /** Adds a table: header cells and data rows starting at column `left` (0). Returns the first data row index. */
  table(
    name: string,
    headers: string[],
    body: Array<Array<Cell | null>>,
    left = 0,
  ): { headerRow: number; firstRow: number; lastRow: number } {
    // Headers wrap within their column (never into the next one); a column of numbers has its header on the right.
    const numeric = (i: number) => body.some((r) => typeof r[i]?.value === "number" || !!r[i]?.right);
    // A column is at least as wide as its header's longest word: a header wraps between words, never inside one
    // (Körlogg printed "Beloppsenhe/t").
    headers.forEach((h, i) => {
      // A date is one word: the column fits it whole on a line of its own; other words may break at a dash.
      const words = h.split(/\s+/).flatMap((w) => (/^\d{4}-\d\d-\d\d$/.test(w) ? [w] : w.split(/[–-]+/)));
      const longest = Math.max(...words.map((w) => w.length));
      const need = longest + 2;
      if (charsPerLine(this.columnWidths[left + i] ?? 8.43, true) < longest) this.columnWidths[left + i] = need;
    });
    const headerRow = this.row([
      ...new Array(left).fill(null),
      ...headers.map((h, i) => ({ value: h, bold: true, wrap: true, ...(numeric(i) ? { right: true } : {}) })),
    ]);
    const lines = Math.max(1, ...headers.map((h, i) => wrappedLines(h, charsPerLine(this.columnWidths[left + i] ?? 8.43, true))));
    if (lines > 1) this.rowHeights[headerRow] = lines * 15;
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
  /**
   * A text across columns `left`…`right`, wrapped, on a row of its own: merged into one cell and as
   * tall as its lines need (estimated from the columns' widths; Excel does not fit merged rows itself).
   */
  paragraph(value: string, left: number, right: number, extra: Partial<Cell> = {}): number {
    const r = this.row([...new Array(left).fill(null), { value, format: "@", wrap: true, ...extra }]);
    this.mergeText(r, left, right, value);
    return r;
  }
  /** Merges columns `left`…`right` of a row and makes the row as tall as `value` needs there. */
  mergeText(row: number, left: number, right: number, value: string): void {
    if (right > left) this.merges.push({ top: row, left, bottom: row, right });
    const chars = this.columnWidths.slice(left, right + 1).reduce((a, w) => a + w, 0);
    const lines = wrappedLines(value, charsPerLine(chars));
    if (lines > 1) this.rowHeights[row] = Math.max(this.rowHeights[row] ?? 15, lines * 15);
  }
  /** Makes a row at least as tall as `text` needs when wrapped in column `col`. */
  fitRow(row: number, col: number, text: string): void {
    const lines = wrappedLines(text, charsPerLine(this.columnWidths[col] ?? 8.43));
    if (lines > 1) this.rowHeights[row] = Math.max(this.rowHeights[row] ?? 15, lines * 15);
  }
  build(freezeRows: number): SheetModel {
    // In a row taller than one line, every cell sits at the top, level with the first line of the wrapped text.
    for (const r of Object.keys(this.rowHeights)) for (const cell of this.rows[Number(r)] ?? []) if (cell) cell.top = true;
    const m: SheetModel = {
      name: this.name,
      rows: this.rows,
      tables: this.tables,
      columnWidths: this.columnWidths,
      freezeRows,
      charts: this.charts,
    };
    if (this.page) m.page = this.page;
    if (this.merges.length) m.merges = this.merges;
    if (Object.keys(this.rowHeights).length) m.rowHeights = this.rowHeights;
    if (this.conditionalFormats.length) m.conditionalFormats = this.conditionalFormats;
    return m;
  }
}

/**
 * About how many characters of 11 pt text fit on a line of a column `width` characters wide (the
 * width unit is the digit 0; running text is a little narrower, bold a little wider), less one for the
 * cell's padding. Measured on LibreOffice's rendering with its substitute fonts, and on the safe side:
 * a row estimated a line too tall looks airy, one estimated too short hides text.
 */
export function charsPerLine(width: number, bold = false): number {
  return Math.max(4, Math.floor(width * (bold ? 1 : 1.05)) - 1);
}

/** How many lines a text needs when wrapped at `width` characters (words kept whole, explicit line breaks kept). */
export function wrappedLines(value: string, width: number): number {
  let lines = 0;
  for (const paragraph of value.split("\n")) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(" ")) {
      // A word may also break after a hyphen or a dash ("jan–" / "aug 2025"), as spreadsheet programs do.
      word.split(/(?<=[–-])/).forEach((part, i) => {
        const gap = line > 0 && i === 0 ? 1 : 0;
        if (line > 0 && line + gap + part.length > width) {
          lines++;
          line = part.length;
        } else line += gap + part.length;
      });
    }
  }
  return lines;
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
