/** Ranges: values, formulas, number formats, row properties, formats and fonts; Excel's reading of entered text. */
import { CELL_READ_LIMIT, ClientObject, jsonSize } from "./base";
import type { MockContext } from "./context";
import type { MockExcel } from "./excel";
import { formulaSheetRefs } from "../helpers/formulaRefs";
import { formatA1, MCell, MockExcelError, MSheet, MWorkbook, Rect, sheetAddress, SV_ERRORS } from "./model";
import { assertUnprotected } from "./worksheet";

export interface RangeTarget {
  sheet: MSheet;
  rect: Rect;
}

export const area = (r: Rect) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

function cellsOf(t: RangeTarget): Array<[number, number, MCell | undefined]> {
  const out: Array<[number, number, MCell | undefined]> = [];
  for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) out.push([r, c, t.sheet.get(r, c)]);
  return out;
}

function grid2d<V>(t: RangeTarget, f: (c: MCell | undefined) => V, excel: MockExcel): V[][] {
  const n = area(t.rect);
  if (n > CELL_READ_LIMIT) throw new MockExcelError("RangeExceedsLimit", `A read of ${n} cells exceeds the limit.`);
  excel.stats.maxCellsRead = Math.max(excel.stats.maxCellsRead, n);
  const out: V[][] = [];
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    const row: V[] = [];
    for (let c = t.rect.left; c <= t.rect.right; c++) row.push(f(t.sheet.get(r, c)));
    out.push(row);
  }
  return out;
}

/** Writes a 2D array (or one value for every cell) into the range's cells. */
export function write2d(t: RangeTarget, v: unknown, each: (cell: MCell, value: unknown, row: number, col: number) => void): void {
  assertUnprotected(t.sheet);
  const rows = t.rect.bottom - t.rect.top + 1;
  const cols = t.rect.right - t.rect.left + 1;
  if (Array.isArray(v)) {
    if (v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols)) {
      throw new MockExcelError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size of the range (${rows}×${cols}).`,
      );
    }
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++)
        each(t.sheet.cell(t.rect.top + r, t.rect.left + c), (v as unknown[][])[r][c], t.rect.top + r, t.rect.left + c);
  } else {
    if (area(t.rect) > 1_000_000) throw new MockExcelError("RangeExceedsLimit", "Too many cells to set.");
    for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) each(t.sheet.cell(r, c), v, r, c);
  }
}

const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/;

/**
 * Excel's interpretation of an entered value: a leading apostrophe makes text; "=" starts a
 * formula; in a cell not formatted as text, a number-looking string becomes a number.
 */
export function enter(cell: MCell, value: unknown): void {
  delete cell.f;
  delete cell.error;
  if (value === null || value === undefined || value === "") {
    cell.v = "";
    return;
  }
  if (typeof value === "number" || typeof value === "boolean") {
    cell.v = value;
    return;
  }
  const s = String(value);
  if (s.startsWith("'")) {
    cell.v = s.slice(1);
    return;
  }
  if (s.startsWith("=") && s.length > 1) {
    cell.f = s.slice(1);
    cell.v = "";
    return;
  }
  if (cell.fmt === "@") {
    cell.v = s;
    return;
  }
  if (/^[+-]/.test(s) && !/^[+-]?\d/.test(s)) {
    // Excel takes "+x" / "-x" / "@x" as the start of a formula.
    cell.f = s;
    cell.v = "#NAME?";
    cell.error = true;
    return;
  }
  if (s.startsWith("@")) {
    cell.f = s.slice(1);
    cell.v = "#NAME?";
    cell.error = true;
    return;
  }
  if (ERROR_TEXT.test(s)) {
    cell.v = s;
    cell.error = true;
    return;
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s.trim())) {
    cell.v = Number(s);
    return;
  }
  if (/^(true|false)$/i.test(s)) {
    cell.v = s.toLowerCase() === "true";
    return;
  }
  cell.v = s;
}

/**
 * Excel turns a reference to a sheet that does not exist into an external link (a file dialog) or
 * #REF!; the in-memory Excel refuses such a formula when it is written.
 */
export function assertSheetsExist(wb: MWorkbook, value: unknown): void {
  if (typeof value !== "string" || !value.startsWith("=")) return;
  for (const ref of formulaSheetRefs(value.slice(1))) {
    if (!wb.sheet(ref.name))
      throw new MockExcelError("InvalidArgument", `The formula ${value} refers to a sheet ${ref.name} that does not exist.`);
  }
}

/** What `values` shows for a cell: its value, an error in the display language. */
function shown(c: MCell | undefined, wb: MWorkbook): unknown {
  if (!c) return "";
  if (c.error && wb.locale === "sv-SE") return SV_ERRORS[String(c.v)] ?? c.v;
  return c.v;
}

/** Office's RangeValueType of a cell. */
function valueType(c: MCell | undefined): string {
  if (!c || (c.v === "" && c.f === undefined)) return "Empty";
  if (c.error) return "Error";
  if (typeof c.v === "number") return "Double";
  if (typeof c.v === "boolean") return "Boolean";
  return "String";
}

export class RangeProxy extends ClientObject<RangeTarget> {
  declare values: unknown[][];
  declare formulas: unknown[][];
  declare numberFormat: unknown[][];
  declare readonly address: string;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly rowHidden: boolean | null;
  declare readonly valueTypes: string[][];
  declare readonly format: RangeFormatProxy;
  constructor(context: MockContext, resolve: () => RangeTarget | null) {
    super(context, resolve);
    const excel = context.excel;
    this.prop("address", { get: (t) => sheetAddress(t.sheet.name, t.rect) });
    this.prop("rowIndex", { get: (t) => t.rect.top });
    this.prop("columnIndex", { get: (t) => t.rect.left });
    this.prop("rowCount", { get: (t) => t.rect.bottom - t.rect.top + 1 });
    this.prop("columnCount", { get: (t) => t.rect.right - t.rect.left + 1 });
    this.prop("rowHidden", {
      get: (t) => {
        let hidden = 0;
        for (const r of t.sheet.hiddenRows) if (r >= t.rect.top && r <= t.rect.bottom) hidden++;
        return hidden === 0 ? false : hidden === t.rect.bottom - t.rect.top + 1 ? true : null;
      },
    });
    const wb = () => excel.workbook;
    const enterChecked = (cell: MCell, value: unknown) => {
      assertSheetsExist(wb(), value);
      enter(cell, value);
    };
    this.prop("values", {
      get: (t) => grid2d(t, (c) => shown(c, wb()), excel),
      set: (t, v) => write2d(t, v, enterChecked),
    });
    this.prop("valueTypes", { get: (t) => grid2d(t, valueType, excel) });
    this.prop("formulas", {
      get: (t) => grid2d(t, (c) => (c ? (c.f !== undefined ? `=${c.f}` : shown(c, wb())) : ""), excel),
      set: (t, v) => write2d(t, v, enterChecked),
    });
    this.prop("numberFormat", {
      get: (t) => grid2d(t, (c) => c?.fmt ?? "General", excel),
      set: (t, v) =>
        write2d(t, v, (cell, value) => {
          cell.fmt = value === "General" || value === "" || value === null ? undefined : String(value);
        }),
    });
    this.nav("format", () => new RangeFormatProxy(context, () => this.target()));
  }
  clear(): void {
    this.call("clear", 8, (t) => {
      assertUnprotected(t.sheet);
      for (const k of [...t.sheet.cells.keys()]) {
        const r = Math.floor(k / 16384);
        const c = k % 16384;
        if (r >= t.rect.top && r <= t.rect.bottom && c >= t.rect.left && c <= t.rect.right) t.sheet.cells.delete(k);
      }
    });
  }
  select(): void {
    const wb = this.context.excel.workbook;
    this.call("select", 8, (t) => {
      wb.selection = { sheet: t.sheet.name, address: formatA1(t.rect) };
    });
  }
  /** Like Excel: each row's object holds only the properties that were asked for (`rowIndex` too). */
  getRowProperties(options: { rowHidden?: boolean; rowIndex?: boolean }): { value: Array<{ rowIndex?: number; rowHidden?: boolean }> } {
    const result: { value: Array<{ rowIndex?: number; rowHidden?: boolean }> } = {
      get value(): never {
        throw new MockExcelError("PropertyNotLoaded", "The value of the result object has not been loaded yet.");
      },
    } as never;
    this.context.enqueue({
      bytes: 32 + jsonSize(options),
      apply: () => undefined,
      load: () => {
        const t = this.target();
        const rows: Array<{ rowIndex?: number; rowHidden?: boolean }> = [];
        for (let r = t.rect.top; r <= t.rect.bottom; r++)
          rows.push({
            ...(options.rowIndex ? { rowIndex: r } : {}),
            ...(options.rowHidden ? { rowHidden: t.sheet.hiddenRows.has(r) } : {}),
          });
        return { bytes: jsonSize(rows), commit: () => Object.defineProperty(result, "value", { value: rows }) };
      },
    });
    return result;
  }
}

export class RangeFormatProxy extends ClientObject<RangeTarget> {
  declare columnWidth: number;
  declare indentLevel: number;
  declare wrapText: boolean;
  declare readonly font: RangeFontProxy;
  constructor(context: MockContext, resolve: () => RangeTarget) {
    super(context, resolve);
    const each = (t: RangeTarget, f: (c: MCell) => void) => {
      assertUnprotected(t.sheet);
      if (area(t.rect) > 100_000) throw new MockExcelError("RangeExceedsLimit", "Formatting so many cells one by one is not modelled.");
      for (const [r, c] of cellsOf(t)) f(t.sheet.cell(r, c));
    };
    this.prop("columnWidth", {
      set: (t, v) => {
        assertUnprotected(t.sheet);
        for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, Number(v));
      },
    });
    this.prop("indentLevel", { set: (t, v) => each(t, (c) => void (c.indent = Number(v) || undefined)) });
    this.prop("wrapText", { set: () => undefined });
    this.nav("font", () => new RangeFontProxy(context, resolve, each));
  }
}

export class RangeFontProxy extends ClientObject<RangeTarget> {
  declare bold: boolean;
  declare italic: boolean;
  declare size: number;
  constructor(context: MockContext, resolve: () => RangeTarget, each: (t: RangeTarget, f: (c: MCell) => void) => void) {
    super(context, resolve);
    this.prop("bold", { set: (t, v) => each(t, (c) => void (c.bold = !!v || undefined)) });
    this.prop("italic", { set: (t, v) => each(t, (c) => void (c.italic = !!v || undefined)) });
    this.prop("size", { set: (t, v) => each(t, (c) => void (c.size = Number(v))) });
  }
}

export function targetOf(r: RangeProxy): RangeTarget {
  return (r as unknown as { target: () => RangeTarget }).target();
}
