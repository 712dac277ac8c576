/**
 * An in-memory Excel that behaves like Office.js for the API subset Finsam Ekonomi uses:
 * - proxies whose properties throw when read before `load` and `context.sync()`;
 * - writes and method calls queued and applied, in order, only at `sync`;
 * - `…OrNullObject` lookups with `isNullObject`;
 * - a count of round trips and of request and response payload bytes per sync, with Excel on the
 *   web's 5 MB limit enforced; range reads over 5 million cells rejected;
 * - protected sheets refuse changes; table names are unique and tables may not overlap;
 * - a switch that fails the Nth sync (optionally after applying its first k operations, as a
 *   batch that breaks half way does).
 * It does not calculate formulas: a formula cell reads back as "".
 */
import { colLetters, formatA1, MAX_COLS, MAX_ROWS, MCell, MChart, MockExcelError, MSheet, MTable, MWorkbook, overlaps, parseA1, Rect, sheetAddress } from "./model";

export { MockExcelError, MWorkbook };

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const CELL_READ_LIMIT = 5_000_000;

interface Op {
  bytes: number;
  apply: () => void;
  /** A load: returns its response size and a commit run after the whole batch succeeded. */
  load?: () => { bytes: number; commit: () => void };
}

export interface SyncStats {
  syncs: number;
  requestBytes: number[];
  responseBytes: number[];
  maxCellsRead: number;
}

export interface FailurePlan {
  /** 1-based number of the sync (counted over the whole MockExcel) that fails. */
  sync: number;
  /** Operations of that batch applied before it fails (default 0). */
  afterOps?: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyObject = ClientObject<any>;

const jsonSize = (v: unknown) => (v === undefined ? 0 : JSON.stringify(v).length);

export class MockContext {
  queue: Op[] = [];
  readonly workbook: WorkbookProxy;
  constructor(readonly excel: MockExcel) {
    this.workbook = new WorkbookProxy(this);
  }
  enqueue(op: Op): void {
    this.queue.push(op);
  }
  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const stats = this.excel.stats;
    stats.syncs++;
    const n = stats.syncs;
    const request = ops.reduce((s, o) => s + o.bytes + 16, 64);
    stats.requestBytes.push(request);
    if (request > PAYLOAD_LIMIT) throw new MockExcelError("RequestPayloadSizeLimitExceeded", `Request of ${request} bytes exceeds the payload limit.`);
    const fail = this.excel.failure;
    const commits: Array<() => void> = [];
    let response = 64;
    for (let i = 0; i < ops.length; i++) {
      if (fail && fail.sync === n && i === (fail.afterOps ?? 0)) {
        this.excel.failure = undefined;
        throw new MockExcelError("GeneralException", `Injected failure of sync ${n} after ${i} operations.`);
      }
      ops[i].apply();
      if (ops[i].load) {
        const r = ops[i].load!();
        response += r.bytes + 16;
        commits.push(r.commit);
      }
    }
    if (fail && fail.sync === n) {
      this.excel.failure = undefined;
      throw new MockExcelError("GeneralException", `Injected failure of sync ${n}.`);
    }
    stats.responseBytes.push(response);
    if (response > PAYLOAD_LIMIT) throw new MockExcelError("ResponsePayloadSizeLimitExceeded", `Response of ${response} bytes exceeds the payload limit.`);
    for (const c of commits) c();
    this.excel.workbook.calculationSuspended = 0;
  }
}

type LoadArg = string | string[] | { select?: string; expand?: string } | undefined;

function loadPaths(arg: LoadArg): string[] {
  if (arg === undefined) return [];
  if (Array.isArray(arg)) return arg.flatMap((a) => loadPaths(a));
  if (typeof arg === "object") return [...loadPaths(arg.select), ...loadPaths(arg.expand)];
  return arg
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

interface PropDef<T> {
  get?: (t: T) => unknown;
  set?: (t: T, v: unknown) => void;
}

/** The base of every proxy: load/sync discipline, queued writes, navigation. */
abstract class ClientObject<T> {
  protected loaded = new Map<string, unknown>();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private props: Record<string, PropDef<any>> = {};
  private navs: Record<string, () => AnyObject> = {};
  constructor(
    readonly context: MockContext,
    protected resolveTarget: () => T | null,
  ) {}

  protected target(): T {
    const t = this.resolveTarget();
    if (t === null || t === undefined) throw new MockExcelError("ItemNotFound", `The requested resource doesn't exist (${this.constructor.name}).`);
    return t;
  }

  protected prop(name: string, def: PropDef<T>): void {
    this.props[name] = def;
    Object.defineProperty(this, name, {
      configurable: true,
      enumerable: true,
      get: () => {
        if (!this.loaded.has(name)) {
          throw new MockExcelError(
            "PropertyNotLoaded",
            `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
          );
        }
        return this.loaded.get(name);
      },
      set: (v: unknown) => {
        if (!def.set) throw new MockExcelError("InvalidArgument", `The property '${name}' is read-only.`);
        const value = v;
        this.context.enqueue({ bytes: jsonSize(value) + name.length, apply: () => def.set!(this.target(), value) });
      },
    });
  }

  protected nav(name: string, make: () => AnyObject): void {
    let cached: AnyObject | undefined;
    this.navs[name] = () => (cached ??= make());
    Object.defineProperty(this, name, { configurable: true, enumerable: true, get: () => this.navs[name]() });
  }

  /** Queues a method call with a side effect. */
  protected call(name: string, bytes: number, apply: (t: T) => void): void {
    this.context.enqueue({ bytes: bytes + name.length, apply: () => apply(this.target()) });
  }

  /** Queues the creation of a child object; it resolves to what `compute` returned when the batch ran. */
  protected child<C>(bytes: number, compute: () => C | null, make: (resolve: () => C | null) => ClientObject<C>): ClientObject<C> {
    let memo: C | null = null;
    let done = false;
    this.context.enqueue({
      bytes,
      apply: () => {
        memo = compute();
        done = true;
      },
    });
    return make(() => {
      if (!done) throw new Error("mock: object used before the operation that creates it ran");
      return memo;
    });
  }

  /** Collects data for `paths` at apply time; `commit` makes it readable. */
  collect(paths: string[]): { data: Record<string, unknown>; commit: () => void } {
    const t = this.resolveTarget();
    const data: Record<string, unknown> = {};
    const commits: Array<() => void> = [];
    const isNull = t === null || t === undefined;
    if (isNull && !this.allowsNull()) throw new MockExcelError("ItemNotFound", `The requested resource doesn't exist (${this.constructor.name}).`);
    const own = paths.length === 0 ? Object.keys(this.props).filter((p) => this.props[p].get) : [];
    const groups = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split("/");
      if (!groups.has(head)) groups.set(head, []);
      if (rest.length) groups.get(head)!.push(rest.join("/"));
      else if (!this.navs[head]) own.push(head);
    }
    if (!isNull) {
      for (const p of own) {
        const def = this.props[p];
        if (!def?.get) {
          if (this.navs[p]) continue;
          throw new MockExcelError("InvalidArgument", `Cannot load property '${p}' of ${this.constructor.name}.`);
        }
        data[p] = def.get(t as T);
      }
      for (const [head, rest] of groups) {
        if (!this.navs[head]) continue;
        const sub = this.navs[head]().collect(rest);
        data[head] = sub.data;
        commits.push(sub.commit);
      }
    }
    return {
      data,
      commit: () => {
        this.loaded.set("isNullObject", isNull);
        for (const [k, v] of Object.entries(data)) if (this.props[k]) this.loaded.set(k, v);
        for (const c of commits) c();
      },
    };
  }

  protected allowsNull(): boolean {
    return false;
  }

  load(arg?: LoadArg): this {
    const paths = loadPaths(arg);
    this.context.enqueue({
      bytes: 32 + paths.join(",").length,
      apply: () => undefined,
      load: () => {
        const r = this.collect(paths);
        return { bytes: jsonSize(r.data), commit: r.commit };
      },
    });
    return this;
  }

  get isNullObject(): boolean {
    if (!this.loaded.has("isNullObject")) throw new MockExcelError("PropertyNotLoaded", "The property 'isNullObject' is not available.");
    return this.loaded.get("isNullObject") as boolean;
  }
}

/** A proxy found by an …OrNullObject method. */
function nullable<T extends AnyObject>(obj: T): T {
  (obj as unknown as { allowsNull: () => boolean }).allowsNull = () => true;
  return obj;
}

abstract class CollectionProxy<M, I extends ClientObject<M>> extends ClientObject<M[]> {
  items: I[] = [];
  private itemsLoaded = false;
  protected abstract makeItem(model: M): I;

  override collect(paths: string[]): { data: Record<string, unknown>; commit: () => void } {
    const models = this.target();
    const itemPaths = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    const wantsItems = paths.length === 0 || paths.some((p) => p === "items" || p.startsWith("items/"));
    const items = models.map((m) => this.makeItem(m));
    const subs = wantsItems ? items.map((i) => i.collect(itemPaths)) : [];
    return {
      data: { items: subs.map((s) => s.data) },
      commit: () => {
        this.items = items;
        this.itemsLoaded = true;
        for (const s of subs) s.commit();
      },
    };
  }
  get count(): number {
    if (!this.itemsLoaded) throw new MockExcelError("PropertyNotLoaded", "The property 'items' is not available.");
    return this.items.length;
  }
}

// --- Workbook, application ---------------------------------------------------------------------

class ApplicationProxy extends ClientObject<MWorkbook> {
  suspendApiCalculationUntilNextSync(): void {
    this.call("suspendApiCalculationUntilNextSync", 8, (wb) => {
      wb.calculationSuspended++;
    });
  }
}

export class WorkbookProxy extends ClientObject<MWorkbook> {
  declare readonly worksheets: WorksheetCollectionProxy;
  declare readonly tables: TableCollectionProxy;
  declare readonly application: ApplicationProxy;
  constructor(context: MockContext) {
    super(context, () => context.excel.workbook);
    this.nav("worksheets", () => new WorksheetCollectionProxy(context, () => context.excel.workbook.sheets));
    this.nav("tables", () => new TableCollectionProxy(context, null));
    this.nav("application", () => new ApplicationProxy(context, () => context.excel.workbook));
  }
}

// --- Worksheets ----------------------------------------------------------------------------------

function assertUnprotected(sheet: MSheet): void {
  if (sheet.protection.protected) {
    throw new MockExcelError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
  }
}

export class WorksheetCollectionProxy extends CollectionProxy<MSheet, WorksheetProxy> {
  protected makeItem(s: MSheet): WorksheetProxy {
    return new WorksheetProxy(this.context, () => (this.context.excel.workbook.sheets.includes(s) ? s : null));
  }
  getItem(name: string): WorksheetProxy {
    const wb = this.context.excel.workbook;
    return this.child(
      32 + name.length,
      () => {
        const s = wb.sheet(name);
        if (!s) throw new MockExcelError("ItemNotFound", `The requested resource doesn't exist (sheet ${name}).`);
        return s;
      },
      (r) => new WorksheetProxy(this.context, r),
    ) as WorksheetProxy;
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    const wb = this.context.excel.workbook;
    return nullable(this.child(32 + name.length, () => wb.sheet(name) ?? null, (r) => new WorksheetProxy(this.context, r)) as WorksheetProxy);
  }
  add(name?: string): WorksheetProxy {
    const wb = this.context.excel.workbook;
    return this.child(
      32 + (name?.length ?? 0),
      () => wb.addSheet(name ?? `Sheet${wb.sheets.length + 1}`),
      (r) => new WorksheetProxy(this.context, r),
    ) as WorksheetProxy;
  }
}

export class WorksheetProxy extends ClientObject<MSheet> {
  declare name: string;
  declare position: number;
  declare visibility: string;
  declare readonly tables: TableCollectionProxy;
  declare readonly charts: ChartCollectionProxy;
  declare readonly protection: ProtectionProxy;
  declare readonly freezePanes: FreezePanesProxy;
  constructor(context: MockContext, resolve: () => MSheet | null) {
    super(context, resolve);
    const wb = context.excel.workbook;
    this.prop("name", {
      get: (s) => s.name,
      set: (s, v) => {
        if (wb.sheet(String(v)) && wb.sheet(String(v)) !== s) throw new MockExcelError("ItemAlreadyExists", `A sheet named ${String(v)} exists.`);
        s.name = String(v);
      },
    });
    this.prop("position", {
      get: (s) => wb.sheets.indexOf(s),
      set: (s, v) => {
        const i = wb.sheets.indexOf(s);
        wb.sheets.splice(i, 1);
        wb.sheets.splice(Math.max(0, Math.min(Number(v), wb.sheets.length)), 0, s);
      },
    });
    this.prop("visibility", { get: (s) => s.visibility, set: (s, v) => void (s.visibility = String(v)) });
    this.nav("tables", () => new TableCollectionProxy(context, () => this.target()));
    this.nav("charts", () => new ChartCollectionProxy(context, () => this.target().charts, () => this.target()));
    this.nav("protection", () => new ProtectionProxy(context, () => this.target()));
    this.nav("freezePanes", () => new FreezePanesProxy(context, () => this.target()));
  }
  getRange(address?: string): RangeProxy {
    return this.child(
      32 + (address?.length ?? 0),
      () => ({ sheet: this.target(), rect: address ? parseA1(address) : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } }),
      (r) => new RangeProxy(this.context, r),
    ) as RangeProxy;
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return nullable(
      this.child(
        40,
        () => {
          const s = this.target();
          const rect = s.used(!!valuesOnly);
          return rect ? { sheet: s, rect } : null;
        },
        (r) => new RangeProxy(this.context, r),
      ) as RangeProxy,
    );
  }
  delete(): void {
    const wb = this.context.excel.workbook;
    this.call("delete", 8, (s) => {
      wb.sheets = wb.sheets.filter((x) => x !== s);
      wb.tables = wb.tables.filter((t) => t.sheet !== s);
    });
  }
  activate(): void {
    this.call("activate", 8, () => undefined);
  }
}

class ProtectionProxy extends ClientObject<MSheet> {
  declare readonly protected: boolean;
  constructor(context: MockContext, resolve: () => MSheet) {
    super(context, resolve);
    this.prop("protected", { get: (s) => s.protection.protected });
  }
  protect(options?: Record<string, unknown>, password?: string): void {
    this.call("protect", jsonSize(options) + (password?.length ?? 0), (s) => {
      if (s.protection.protected) throw new MockExcelError("InvalidOperation", "The sheet is already protected.");
      s.protection = { protected: true, options: { ...(options ?? {}), password: password !== undefined } };
    });
  }
  unprotect(password?: string): void {
    this.call("unprotect", password?.length ?? 0, (s) => {
      s.protection = { protected: false };
    });
  }
}

class FreezePanesProxy extends ClientObject<MSheet> {
  freezeRows(count?: number): void {
    this.call("freezeRows", 8, (s) => {
      s.frozenRows = count ?? 1;
    });
  }
  unfreeze(): void {
    this.call("unfreeze", 8, (s) => {
      s.frozenRows = 0;
    });
  }
}

// --- Ranges -------------------------------------------------------------------------------------

interface RangeTarget {
  sheet: MSheet;
  rect: Rect;
}

const area = (r: Rect) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

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
function write2d(t: RangeTarget, v: unknown, each: (cell: MCell, value: unknown, row: number, col: number) => void): void {
  assertUnprotected(t.sheet);
  const rows = t.rect.bottom - t.rect.top + 1;
  const cols = t.rect.right - t.rect.left + 1;
  if (Array.isArray(v)) {
    if (v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols)) {
      throw new MockExcelError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size of the range (${rows}×${cols}).`);
    }
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) each(t.sheet.cell(t.rect.top + r, t.rect.left + c), (v as unknown[][])[r][c], t.rect.top + r, t.rect.left + c);
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
function enter(cell: MCell, value: unknown): void {
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
    this.prop("values", {
      get: (t) => grid2d(t, (c) => (c ? c.v : ""), excel),
      set: (t, v) => write2d(t, v, (cell, value) => enter(cell, value)),
    });
    this.prop("formulas", {
      get: (t) => grid2d(t, (c) => (c ? (c.f !== undefined ? `=${c.f}` : c.v) : ""), excel),
      set: (t, v) => write2d(t, v, (cell, value) => enter(cell, value)),
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
  getRowProperties(options: { rowHidden?: boolean; rowIndex?: boolean }): { value: Array<{ rowIndex: number; rowHidden?: boolean }> } {
    const result: { value: Array<{ rowIndex: number; rowHidden?: boolean }> } = {
      get value(): never {
        throw new MockExcelError("PropertyNotLoaded", "The value of the result object has not been loaded yet.");
      },
    } as never;
    this.context.enqueue({
      bytes: 32 + jsonSize(options),
      apply: () => undefined,
      load: () => {
        const t = this.target();
        const rows: Array<{ rowIndex: number; rowHidden?: boolean }> = [];
        for (let r = t.rect.top; r <= t.rect.bottom; r++) rows.push({ rowIndex: r, ...(options.rowHidden ? { rowHidden: t.sheet.hiddenRows.has(r) } : {}) });
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

// --- Tables -------------------------------------------------------------------------------------

export class TableCollectionProxy extends CollectionProxy<MTable, TableProxy> {
  constructor(
    context: MockContext,
    private sheet: (() => MSheet) | null,
  ) {
    super(context, () => context.excel.workbook.tables.filter((t) => !sheet || t.sheet === sheet()));
  }
  protected makeItem(t: MTable): TableProxy {
    return new TableProxy(this.context, () => (this.context.excel.workbook.tables.includes(t) ? t : null));
  }
  getItem(name: string): TableProxy {
    return this.child(
      32 + name.length,
      () => {
        const t = this.target().find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!t) throw new MockExcelError("ItemNotFound", `Table ${name} doesn't exist.`);
        return t;
      },
      (r) => new TableProxy(this.context, r),
    ) as TableProxy;
  }
  getItemOrNullObject(name: string): TableProxy {
    return nullable(this.child(32 + name.length, () => this.target().find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? null, (r) => new TableProxy(this.context, r)) as TableProxy);
  }
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    const wb = this.context.excel.workbook;
    return this.child(
      64,
      () => {
        let sheet: MSheet;
        let rect: Rect;
        if (typeof address === "string") {
          const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(address);
          const name = m ? (m[1]?.replace(/''/g, "'") ?? m[2]) : null;
          sheet = name ? wb.sheet(name)! : this.sheet ? this.sheet() : wb.sheets[0];
          if (!sheet) throw new MockExcelError("InvalidArgument", `Bad table address ${address}`);
          rect = parseA1(m ? m[3] : address);
        } else {
          const t = targetOf(address);
          sheet = t.sheet;
          rect = t.rect;
        }
        assertUnprotected(sheet);
        if (wb.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect))) {
          throw new MockExcelError("InvalidOperation", "A table can't overlap another table.");
        }
        if (hasHeaders) {
          const seen = new Set<string>();
          for (let c = rect.left; c <= rect.right; c++) {
            const cell = sheet.cell(rect.top, c);
            const h = String(cell.v);
            if (h === "" || seen.has(h.toLowerCase())) throw new MockExcelError("InvalidArgument", `Table header ${colLetters(c)}${rect.top + 1} is empty or repeated.`);
            seen.add(h.toLowerCase());
          }
        }
        let n = wb.tables.length + 1;
        while (wb.tables.some((t) => t.name === `Table${n}`)) n++;
        const table = new MTable(`Table${n}`, sheet, rect);
        wb.tables.push(table);
        return table;
      },
      (r) => new TableProxy(this.context, r),
    ) as TableProxy;
  }
}

export class TableProxy extends ClientObject<MTable> {
  declare name: string;
  declare style: string;
  declare readonly worksheet: WorksheetProxy;
  constructor(context: MockContext, resolve: () => MTable | null) {
    super(context, resolve);
    const wb = context.excel.workbook;
    this.prop("name", {
      get: (t) => t.name,
      set: (t, v) => {
        const name = String(v);
        if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || name.length > 255 || /^[A-Za-z]{1,3}\d+$/.test(name)) {
          throw new MockExcelError("InvalidArgument", `The table name ${name} is not valid.`);
        }
        if (wb.tables.some((x) => x !== t && x.name.toLowerCase() === name.toLowerCase())) throw new MockExcelError("ItemAlreadyExists", `A table named ${name} exists.`);
        t.name = name;
      },
    });
    this.prop("style", { get: (t) => t.style, set: (t, v) => void (t.style = String(v)) });
    this.nav("worksheet", () => new WorksheetProxy(context, () => this.target().sheet));
  }
  getRange(): RangeProxy {
    return this.child(16, () => ({ sheet: this.target().sheet, rect: this.target().rect }), (r) => new RangeProxy(this.context, r)) as RangeProxy;
  }
  delete(): void {
    const wb = this.context.excel.workbook;
    this.call("delete", 8, (t) => {
      assertUnprotected(t.sheet);
      wb.tables = wb.tables.filter((x) => x !== t);
    });
  }
}

// --- Charts -------------------------------------------------------------------------------------

interface MChartRef {
  chart: MChart;
  sheet: MSheet;
}

export class ChartCollectionProxy extends CollectionProxy<MChartRef, ChartProxy> {
  constructor(
    context: MockContext,
    charts: () => MChart[],
    private sheet: () => MSheet,
  ) {
    super(context, () => charts().map((chart) => ({ chart, sheet: sheet() })));
  }
  protected makeItem(m: MChartRef): ChartProxy {
    return new ChartProxy(this.context, () => (m.sheet.charts.includes(m.chart) ? m : null));
  }
  getItem(name: string): ChartProxy {
    return this.child(
      16 + name.length,
      () => {
        const sheet = this.sheet();
        const chart = sheet.charts.find((c) => c.name === name);
        if (!chart) throw new MockExcelError("ItemNotFound", `Chart ${name} doesn't exist.`);
        return { chart, sheet };
      },
      (r) => new ChartProxy(this.context, r),
    ) as ChartProxy;
  }
  /** Series by columns: the source's first row names the series, the rest are values. */
  add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy {
    return this.child(
      64,
      () => {
        const sheet = this.sheet();
        assertUnprotected(sheet);
        const t = targetOf(source);
        let n = sheet.charts.length + 1;
        while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
        const series = [];
        for (let c = t.rect.left; c <= t.rect.right; c++) {
          series.push({
            name: String(t.sheet.get(t.rect.top, c)?.v ?? ""),
            values: sheetAddress(t.sheet.name, { top: t.rect.top + 1, bottom: t.rect.bottom, left: c, right: c }),
          });
        }
        const chart: MChart = { name: `Chart ${n}`, type, source: sheetAddress(t.sheet.name, t.rect), title: "", seriesBy: seriesBy ?? "Auto", series };
        sheet.charts.push(chart);
        return { chart, sheet };
      },
      (r) => new ChartProxy(this.context, r),
    ) as ChartProxy;
  }
}

function targetOf(r: RangeProxy): RangeTarget {
  return (r as unknown as { target: () => RangeTarget }).target();
}

/** One series of a chart, by index or just added. */
class SeriesProxy extends ClientObject<{ name: string; values: string; xAxis?: string }> {
  setXAxisValues(r: RangeProxy): void {
    this.call("setXAxisValues", 24, (s) => {
      const t = targetOf(r);
      s.xAxis = sheetAddress(t.sheet.name, t.rect);
    });
  }
  setValues(r: RangeProxy): void {
    this.call("setValues", 24, (s) => {
      const t = targetOf(r);
      s.values = sheetAddress(t.sheet.name, t.rect);
    });
  }
}

export class ChartProxy extends ClientObject<MChartRef> {
  declare name: string;
  declare readonly title: { text: string };
  declare readonly series: {
    getItemAt(i: number): SeriesProxy;
    add(name: string): SeriesProxy;
  };
  constructor(context: MockContext, resolve: () => MChartRef | null) {
    super(context, resolve);
    this.prop("name", { get: (m) => m.chart.name, set: (m, v) => void (m.chart.name = String(v)) });
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    Object.defineProperty(this, "title", {
      get: () => ({
        set text(v: string) {
          self.context.enqueue({ bytes: v.length + 8, apply: () => void (self.target().chart.title = v) });
        },
      }),
    });
    Object.defineProperty(this, "series", {
      get: () => ({
        getItemAt: (i: number) =>
          this.child(
            16,
            () => {
              const s = this.target().chart.series[i];
              if (!s) throw new MockExcelError("ItemNotFound", `Series ${i} doesn't exist.`);
              return s;
            },
            (r) => new SeriesProxy(context, r),
          ) as SeriesProxy,
        add: (name: string) =>
          this.child(
            16 + name.length,
            () => {
              const m = this.target();
              assertUnprotected(m.sheet);
              const s = { name, values: "" };
              m.chart.series.push(s);
              return s;
            },
            (r) => new SeriesProxy(context, r),
          ) as SeriesProxy,
      }),
    });
  }
  setPosition(start: string, end?: string): void {
    this.call("setPosition", 16, (m) => void (m.chart.position = [start, end ?? start]));
  }
  delete(): void {
    this.call("delete", 8, (m) => {
      assertUnprotected(m.sheet);
      m.sheet.charts = m.sheet.charts.filter((c) => c !== m.chart);
    });
  }
}

// --- Excel.run ----------------------------------------------------------------------------------

export class MockExcel {
  stats: SyncStats = { syncs: 0, requestBytes: [], responseBytes: [], maxCellsRead: 0 };
  failure?: FailurePlan;
  runs = 0;
  constructor(public workbook: MWorkbook = new MWorkbook()) {}

  /** Like `Excel.run`: one request context per action; pending operations are synced at the end. */
  run = async <R>(batch: (context: MockContext) => Promise<R>): Promise<R> => {
    this.runs++;
    const context = new MockContext(this);
    const result = await batch(context);
    if (context.queue.length) await context.sync();
    return result;
  };

  resetStats(): void {
    this.stats = { syncs: 0, requestBytes: [], responseBytes: [], maxCellsRead: 0 };
  }
  get maxPayload(): number {
    return Math.max(0, ...this.stats.requestBytes, ...this.stats.responseBytes);
  }
}
