/** Ranges: values, formulas, number formats, row properties, formats and fonts; Excel's reading of entered text. */
import { CELL_READ_LIMIT, ClientObject, jsonSize } from "./base";
import type { MockContext } from "./context";
import type { MockExcel } from "./excel";
import { formulaSheetRefs } from "../helpers/formulaRefs";
import { formatA1, MCell, MConditionalFormat, MockExcelError, MSheet, MWorkbook, parseA1, Rect, sheetAddress, SV_ERRORS } from "./model";
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
  /** The row `index` (0-based) of this range. Microsoft's library sets more than 1 500 cells row chunk by row chunk with it. */
  getRow(index: number): RangeProxy {
    return this.child(
      16,
      () => {
        const t = this.target();
        if (!Number.isInteger(index) || index < 0 || t.rect.top + index > t.rect.bottom)
          throw new MockExcelError("InvalidArgument", `Row ${index} is outside the range.`);
        return { sheet: t.sheet, rect: { ...t.rect, top: t.rect.top + index, bottom: t.rect.top + index } };
      },
      (r) => new RangeProxy(this.context, r),
    ) as RangeProxy;
  }
  /** The smallest range that holds this one and `other` (same sheet only, as in Excel). */
  getBoundingRect(other: RangeProxy | string): RangeProxy {
    return this.child(
      24,
      () => {
        const t = this.target();
        const o = typeof other === "string" ? { sheet: t.sheet, rect: parseA1(other) } : targetOf(other);
        if (o.sheet !== t.sheet) throw new MockExcelError("InvalidArgument", "The ranges are on different sheets.");
        const r = t.rect;
        const q = o.rect;
        const rect = {
          top: Math.min(r.top, q.top),
          left: Math.min(r.left, q.left),
          bottom: Math.max(r.bottom, q.bottom),
          right: Math.max(r.right, q.right),
        };
        return { sheet: t.sheet, rect };
      },
      (r) => new RangeProxy(this.context, r),
    ) as RangeProxy;
  }
  /** The library's check before a chunked write: the array must have the range's shape. */
  _ValidateArraySize(rows: number, columns: number): void {
    this.call("_ValidateArraySize", 16, (t) => {
      if (rows !== t.rect.bottom - t.rect.top + 1 || columns !== t.rect.right - t.rect.left + 1)
        throw new MockExcelError("InvalidArgument", `An array of ${rows}×${columns} does not fit ${formatA1(t.rect)}.`);
    });
  }
  /** Like Excel's clear("All"): values and formats, merges and conditional formats in the range go. */
  clear(): void {
    this.call("clear", 8, (t) => {
      assertUnprotected(t.sheet);
      for (const k of [...t.sheet.cells.keys()]) {
        const r = Math.floor(k / 16384);
        const c = k % 16384;
        if (r >= t.rect.top && r <= t.rect.bottom && c >= t.rect.left && c <= t.rect.right) t.sheet.cells.delete(k);
      }
      t.sheet.merges = t.sheet.merges.filter((m) => !overlaps(m, t.rect));
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((f) => !overlaps(f.rect, t.rect));
    });
  }
  /** Merges the range; like Excel, refused on a protected sheet and where it would overlap a table or another merge. */
  merge(across?: boolean): void {
    const wb = this.context.excel.workbook;
    this.call("merge", 8, (t) => {
      assertUnprotected(t.sheet);
      if (across) throw new MockExcelError("InvalidArgument", "merge(true) merges each row separately; not modelled.");
      if (wb.tables.some((tb) => tb.sheet === t.sheet && overlaps(tb.rect, t.rect)))
        throw new MockExcelError("InvalidOperation", "You can't merge cells in a table.");
      if (t.sheet.merges.some((m) => overlaps(m, t.rect))) throw new MockExcelError("InvalidOperation", "The range overlaps merged cells.");
      t.sheet.merges.push({ ...t.rect });
    });
  }
  get conditionalFormats(): { add(type: string): ConditionalFormatProxy } {
    return {
      add: (type: string) =>
        this.child(
          24 + type.length,
          () => {
            const t = this.target();
            assertUnprotected(t.sheet);
            // Only the type the add-in uses; others would need their own rules.
            if (type !== "CellValue") throw new MockExcelError("InvalidArgument", `Conditional format type ${type} is not modelled.`);
            const f: MConditionalFormat = { rect: { ...t.rect }, formula1: "", operator: "" };
            t.sheet.conditionalFormats.push(f);
            return f;
          },
          (r) => new ConditionalFormatProxy(this.context, r),
        ) as ConditionalFormatProxy,
    };
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

/** The operators of a cell-value rule (Excel.ConditionalCellValueOperator). */
const CELL_VALUE_OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqual",
  "LessThanOrEqual",
];

export class ConditionalFormatProxy extends ClientObject<MConditionalFormat> {
  get cellValue(): { format: { font: { color: string }; fill: { color: string } }; rule: { formula1: string; operator: string } } {
    const enqueue = (bytes: number, apply: (f: MConditionalFormat) => void) =>
      this.context.enqueue({ bytes, apply: () => apply(this.target()) });
    return {
      format: {
        font: {
          set color(v: string) {
            enqueue(v.length + 12, (f) => void (f.color = v));
          },
        } as { color: string },
        fill: {
          set color(v: string) {
            enqueue(v.length + 12, (f) => void (f.fill = v));
          },
        } as { color: string },
      },
      set rule(v: { formula1: string; operator: string }) {
        enqueue(jsonSize(v), (f) => {
          // Excel rejects a rule without a formula or with an unknown operator.
          if (typeof v.formula1 !== "string" || v.formula1 === "") throw new MockExcelError("InvalidArgument", "formula1 is required.");
          if (!CELL_VALUE_OPERATORS.includes(v.operator)) throw new MockExcelError("InvalidArgument", `Unknown operator ${v.operator}.`);
          f.formula1 = v.formula1;
          f.operator = v.operator;
        });
      },
    } as never;
  }
}

const overlaps = (a: Rect, b: Rect) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

export class RangeFormatProxy extends ClientObject<RangeTarget> {
  declare columnWidth: number;
  declare rowHeight: number;
  declare useStandardHeight: boolean;
  declare indentLevel: number;
  declare wrapText: boolean;
  declare horizontalAlignment: string;
  declare verticalAlignment: string;
  declare readonly font: RangeFontProxy;
  declare readonly fill: { color: string };
  declare readonly protection: { locked: boolean };
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
    // Row heights by whole rows, as Excel keeps them (points; Excel allows 0–409).
    this.prop("rowHeight", {
      set: (t, v) => {
        assertUnprotected(t.sheet);
        const h = Number(v);
        if (!(h >= 0 && h <= 409)) throw new MockExcelError("InvalidArgument", `Row height ${h} is outside 0–409 points.`);
        for (let r = t.rect.top; r <= t.rect.bottom; r++) t.sheet.rowHeights.set(r, h);
      },
    });
    this.prop("useStandardHeight", {
      set: (t, v) => {
        assertUnprotected(t.sheet);
        if (v !== true) throw new MockExcelError("InvalidArgument", "useStandardHeight can only be set to true.");
        for (const r of [...t.sheet.rowHeights.keys()]) if (r >= t.rect.top && r <= t.rect.bottom) t.sheet.rowHeights.delete(r);
      },
    });
    this.prop("indentLevel", { set: (t, v) => each(t, (c) => void (c.indent = Number(v) || undefined)) });
    this.prop("wrapText", { set: (t, v) => each(t, (c) => void (c.wrap = !!v || undefined)) });
    const alignments = (allowed: string[], key: "hAlign" | "vAlign") => ({
      set: (t: RangeTarget, v: unknown) => {
        if (!allowed.includes(String(v))) throw new MockExcelError("InvalidArgument", `Alignment ${String(v)} is not valid.`);
        each(t, (c) => void (c[key] = String(v)));
      },
    });
    this.prop(
      "horizontalAlignment",
      alignments(["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"], "hAlign"),
    );
    this.prop("verticalAlignment", alignments(["Center", "Bottom", "Top", "Justify", "Distributed"], "vAlign"));
    this.nav("font", () => new RangeFontProxy(context, resolve, each));
    this.nav("fill", () => new RangeFillProxy(context, resolve, each));
    this.nav("protection", () => new FormatProtectionProxy(context, resolve, each));
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
    this.prop("color", { set: (t, v) => each(t, (c) => void (c.color = checkColor(v))) });
  }
}

/** Office.js takes colours as `#RRGGBB` or a colour name; anything else fails. */
function checkColor(v: unknown): string {
  const s = String(v);
  if (!/^#[0-9A-Fa-f]{6}$/.test(s) && !/^[a-z]+$/i.test(s)) throw new MockExcelError("InvalidArgument", `Colour ${s} is not valid.`);
  return s.toUpperCase();
}

/** format.protection (ExcelApi 1.2): whether cells stay locked when the sheet is protected. */
export class FormatProtectionProxy extends ClientObject<RangeTarget> {
  declare locked: boolean;
  constructor(context: MockContext, resolve: () => RangeTarget, each: (t: RangeTarget, f: (c: MCell) => void) => void) {
    super(context, resolve);
    this.prop("locked", { set: (t, v) => each(t, (c) => void (c.unlocked = v === false || undefined)) });
  }
}

export class RangeFillProxy extends ClientObject<RangeTarget> {
  declare color: string;
  constructor(context: MockContext, resolve: () => RangeTarget, each: (t: RangeTarget, f: (c: MCell) => void) => void) {
    super(context, resolve);
    this.prop("color", { set: (t, v) => each(t, (c) => void (c.fill = checkColor(v))) });
  }
}

export function targetOf(r: RangeProxy): RangeTarget {
  return (r as unknown as { target: () => RangeTarget }).target();
}
