/**
 * Writing the owned sheets through Office.js, in three steps:
 *
 * 1. Prepare, in one request: unprotect the owned sheets (all unprotects first), then remove their
 *    charts and tables, clear them, and create the sheets that are missing — so that no formula is
 *    written before the sheet it refers to exists. If an unprotect fails (the user set a password),
 *    Excel stops there: nothing has been cleared. The sheets unprotected before it are protected
 *    again, and the run is refused with a message that names the locked sheet (WriteRefused).
 * 2. Write, in units (a band of rows' formats and values, a run of styles, a sheet's widths, tables,
 *    frozen rows, charts and protection) packed into requests that stay under the payload budget.
 *    Every queued object counts toward a request's size. If Excel still rejects a request as too
 *    large (RequestPayloadSizeLimitExceeded, Excel on the web), nothing of it was applied: the budget
 *    is halved and the units are packed again, a band of rows split in two when it alone is too big.
 * 3. One recalculation of the workbook after the last write, in every calculation mode (the batches ran with
 *    calculation suspended, after which Excel does not propagate dependencies); in manual mode the written sheets
 *    are recalculated as well, and the run says Excel is in manual mode.
 */
import type { Issue } from "../core/messages";
import type { Area, Cell, ChartDef, ConditionalFormat, PageSetup, SheetModel, TableEdit } from "../report/sheetModel";
import { a1, columnLetters, columnWidthPoints, TONE_COLORS } from "../report/sheetModel";
import { WriteRefused } from "../workbook/port";
import { cellSetBytes, editUnits, jsonBytes, OP_BYTES, officeValue, Unit, unitEnvelope } from "./writeUnits";

export { officeValue };

/** The protection a run leaves on its sheets: no password; sorting, filtering and formatting allowed. */
export const OWNED_PROTECTION: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: true,
  allowSort: true,
  allowFormatColumns: true,
  allowFormatRows: true,
  allowFormatCells: true,
};

/** What the port knows about the workbook before it writes. */
export interface WriteState {
  sheets: string[];
  tables: Array<{ name: string; sheet: string }>;
  /** Owned sheets that exist: protection, charts. */
  owned: Map<string, { name: string; protected: boolean; charts: string[] }>;
  calculationMode: string;
}

/**
 * A batch too large for Excel: RequestPayloadSizeLimitExceeded, or — Excel on the web, for a batch of megabytes —
 * GeneralException (office-js#1314, #1012). A GeneralException on a smaller batch is another fault and is not
 * retried: a fault may come after part of the batch was applied, and adding table rows or charts twice is worse
 * than stopping.
 */
const GENERAL_EXCEPTION_SPLIT_MIN = 1024 * 1024;

function isPayloadError(e: unknown, bytes: number): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || (code === "GeneralException" && bytes > GENERAL_EXCEPTION_SPLIT_MIN);
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Step 1; throws WriteRefused when an owned sheet is locked with a password. */
async function prepare(ctx: Excel.RequestContext, state: WriteState, models: SheetModel[]): Promise<void> {
  const existing = (name: string) => state.sheets.find((s) => same(s, name));
  const locked = models.map((m) => existing(m.name)).filter((n): n is string => !!n && !!state.owned.get(n)?.protected);
  for (const name of locked) ctx.workbook.worksheets.getItem(name).protection.unprotect();
  for (const model of models) {
    const name = existing(model.name);
    if (!name) {
      ctx.workbook.worksheets.add(model.name);
      continue;
    }
    const ws = ctx.workbook.worksheets.getItem(name);
    for (const chart of state.owned.get(name)?.charts ?? []) ws.charts.getItem(chart).delete();
    for (const t of state.tables.filter((t) => same(t.sheet, name))) ctx.workbook.tables.getItem(t.name).delete();
    // clear() takes values, formats, merges and conditional formats; row heights and page breaks stay unless reset.
    ws.getRange().clear();
    ws.getRange().format.useStandardHeight = true;
    ws.horizontalPageBreaks.removePageBreaks();
    ws.freezePanes.unfreeze();
  }
  try {
    await ctx.sync();
  } catch (e) {
    // Excel names the failing operation in debugInfo.errorLocation; only a failed unprotect means a password.
    const where = (e as { debugInfo?: { errorLocation?: string } }).debugInfo?.errorLocation ?? "";
    if (locked.length === 0 || !/unprotect/i.test(where)) throw e;
    await refuseLocked(ctx, locked, e);
  }
}

/** After a failed unprotect: protect again what was unprotected, and name the first sheet that stayed locked. */
async function refuseLocked(ctx: Excel.RequestContext, locked: string[], cause: unknown): Promise<never> {
  const states = locked.map((name) => ({ name, protection: ctx.workbook.worksheets.getItem(name).protection.load("protected") }));
  await ctx.sync();
  const stillLocked = states.find((s) => s.protection.protected);
  for (const s of states) if (!s.protection.protected) s.protection.protect(OWNED_PROTECTION);
  await ctx.sync();
  if (!stillLocked) throw cause;
  throw new WriteRefused([{ code: "sheet_protected_password", params: { sheet: stillLocked.name }, cell: "" }]);
}

/** A band of rows: number formats, then values and formulas, as 2D arrays. */
function bandUnit(model: SheetModel, width: number, top: number, count: number): Unit {
  const rows = model.rows.slice(top, top + count);
  const formats = rows.map((r) => Array.from({ length: width }, (_, c) => r[c]?.format ?? "General"));
  const values = rows.map((r) => Array.from({ length: width }, (_, c) => officeValue(r[c])));
  const address = `${a1(top, 0)}:${a1(top + rows.length - 1, width - 1)}`;
  return {
    bytes: unitEnvelope(model.name) + jsonBytes(formats) + jsonBytes(values) + 2 * cellSetBytes(rows.length, width) + 4 * OP_BYTES,
    queue(ctx) {
      const range = ctx.workbook.worksheets.getItem(model.name).getRange(address);
      range.numberFormat = formats;
      range.formulas = values as unknown as string[][];
    },
    split:
      rows.length > 1
        ? () => {
            const half = Math.ceil(rows.length / 2);
            return [bandUnit(model, width, top, half), bandUnit(model, width, top + half, rows.length - half)];
          }
        : undefined,
  };
}

interface StyleOp {
  address: string;
  bold?: boolean;
  italic?: boolean;
  /** Font size: 14 for a title, 8 for small text. */
  size?: number;
  indent?: number;
  /** Font colour and fill, `#RRGGBB`. */
  color?: string;
  fill?: string;
  right?: boolean;
  top?: boolean;
  wrap?: boolean;
  unlocked?: boolean;
}

const hex = (rgb: string) => `#${rgb}`;

/** What a cell's style sets besides its number format (the same choices the .xlsx writer makes, styles.ts). */
function styleOf(c: Cell | null | undefined): Omit<StyleOp, "address" | "indent"> | null {
  if (!c) return null;
  const op: Omit<StyleOp, "address" | "indent"> = {};
  if (c.bold) op.bold = true;
  if (c.italic) op.italic = true;
  if (c.title) op.size = 14;
  else if (c.small) op.size = 8;
  if (c.tone) {
    op.color = hex(TONE_COLORS[c.tone].font);
    const fill = TONE_COLORS[c.tone].fill;
    if (fill) op.fill = hex(fill);
  }
  if (c.right) op.right = true;
  if (c.top || c.wrap) op.top = true;
  if (c.wrap) op.wrap = true;
  if (c.unlocked) op.unlocked = true;
  return Object.keys(op).length ? op : null;
}

/** Styles as runs of equal style along each row, and indents per cell. */
function styleOps(model: SheetModel): StyleOp[] {
  const ops: StyleOp[] = [];
  model.rows.forEach((row, r) => {
    let c = 0;
    while (c < row.length) {
      const style = styleOf(row[c]);
      const k = style ? JSON.stringify(style) : "";
      let end = c;
      while (k && end + 1 < row.length && JSON.stringify(styleOf(row[end + 1])) === k) end++;
      if (style) ops.push({ address: `${a1(r, c)}:${a1(r, end)}`, ...style });
      for (let i = c; i <= end; i++) if (row[i]?.indent) ops.push({ address: a1(r, i), indent: row[i]!.indent });
      c = end + 1;
    }
  });
  return ops;
}

function styleUnit(sheet: string, ops: StyleOp[]): Unit {
  const count = ops.reduce((n, o) => n + Object.keys(o).length, 0);
  return {
    // Per op: its range, `format` and, for a font or fill, one more path; per property its set.
    bytes: unitEnvelope(sheet) + jsonBytes(ops) + (count + ops.length + 1) * OP_BYTES,
    queue(ctx) {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      for (const op of ops) {
        const range = ws.getRange(op.address);
        if (op.indent) range.format.indentLevel = op.indent;
        if (op.bold) range.format.font.bold = true;
        if (op.italic) range.format.font.italic = true;
        if (op.size) range.format.font.size = op.size;
        if (op.color) range.format.font.color = op.color;
        if (op.fill) range.format.fill.color = op.fill;
        if (op.right) range.format.horizontalAlignment = "Right" as Excel.HorizontalAlignment;
        if (op.top) range.format.verticalAlignment = "Top" as Excel.VerticalAlignment;
        if (op.wrap) range.format.wrapText = true;
        if (op.unlocked) range.format.protection.locked = false;
      }
    },
    split:
      ops.length > 1
        ? () => [styleUnit(sheet, ops.slice(0, Math.ceil(ops.length / 2))), styleUnit(sheet, ops.slice(Math.ceil(ops.length / 2)))]
        : undefined,
  };
}

function queueChart(ws: Excel.Worksheet, model: SheetModel, def: ChartDef): void {
  const range = (col: number, first: number, last: number) => ws.getRange(`${a1(first, col)}:${a1(last, col)}`);
  const [first, ...rest] = def.series;
  const chart = ws.charts.add(
    def.type as Excel.ChartType,
    range(first.col, first.nameRow, first.lastRow),
    "Columns" as Excel.ChartSeriesBy,
  );
  chart.name = def.name;
  chart.title.text = def.title;
  const categories = range(def.categories.col, def.categories.firstRow, def.categories.lastRow);
  chart.series.getItemAt(0).setXAxisValues(categories);
  for (const s of rest) {
    const name = String(model.rows[s.nameRow]?.[s.col]?.value ?? "");
    const series = chart.series.add(name);
    series.setValues(range(s.col, s.firstRow, s.lastRow));
    series.setXAxisValues(categories);
  }
  chart.setPosition(a1(def.anchor.top, def.anchor.left), a1(def.anchor.bottom, def.anchor.right));
}

const areaAddress = (a: Area) => `${a1(a.top, a.left)}:${a1(a.bottom, a.right)}`;

/** Page layout (ExcelApi 1.9): A4, orientation, margins in points, fit to one page wide, print area and titles, header and footer. */
function queuePage(ws: Excel.Worksheet, page: PageSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = (page.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
  layout.paperSize = "A4" as Excel.PaperType;
  const m = page.margins;
  layout.leftMargin = m.left * 72;
  layout.rightMargin = m.right * 72;
  layout.topMargin = m.top * 72;
  layout.bottomMargin = m.bottom * 72;
  layout.headerMargin = m.header * 72;
  layout.footerMargin = m.footer * 72;
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (page.area) layout.setPrintArea(ws.getRange(areaAddress(page.area)));
  if (page.titleRows) layout.setPrintTitleRows(`$${page.titleRows.first + 1}:$${page.titleRows.last + 1}`);
  if (page.titleColumns)
    layout.setPrintTitleColumns(`$${columnLetters(page.titleColumns.first)}:$${columnLetters(page.titleColumns.last)}`);
  layout.headersFooters.defaultForAllPages.centerHeader = page.header;
  layout.headersFooters.defaultForAllPages.centerFooter = page.footer;
  for (const row of page.breaksBefore ?? []) ws.horizontalPageBreaks.add(ws.getRange(a1(row, 0)));
}

/** A conditional format: the tone's font colour and fill while the cell's value equals a text. */
function queueConditional(ws: Excel.Worksheet, f: ConditionalFormat): void {
  const cf = ws.getRange(areaAddress(f.area)).conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
  const tone = TONE_COLORS[f.tone];
  cf.cellValue.format.font.color = hex(tone.font);
  if (tone.fill) cf.cellValue.format.fill.color = hex(tone.fill);
  cf.cellValue.rule = { formula1: `="${f.equals.replace(/"/g, '""')}"`, operator: "EqualTo" };
}

/**
 * Widths, row heights, merges, tables (over a Range of their sheet: an address alone would mean the
 * active sheet), conditional formats, frozen rows, charts, page layout, protection, a recalculation in
 * manual mode, and the sheet shown afterwards.
 */
/** A sheet's column widths, row heights and merged cells: a unit of its own, so that the finishing unit stays small. */
function layoutUnit(model: SheetModel): Unit {
  const heights = Object.entries(model.rowHeights ?? {});
  const merges = model.merges ?? [];
  const ops = 2 * model.columnWidths.length + 2 * heights.length + 2 * merges.length + 2;
  return {
    bytes: unitEnvelope(model.name) + ops * OP_BYTES + jsonBytes(merges),
    queue(ctx) {
      const ws = ctx.workbook.worksheets.getItem(model.name);
      model.columnWidths.forEach((w, i) => {
        ws.getRange(`${columnLetters(i)}:${columnLetters(i)}`).format.columnWidth = columnWidthPoints(w);
      });
      for (const [row, height] of heights) ws.getRange(`${Number(row) + 1}:${Number(row) + 1}`).format.rowHeight = height;
      for (const m of merges) ws.getRange(areaAddress(m)).merge(false);
    },
  };
}

function finishUnit(model: SheetModel, owned: boolean, manual: boolean): Unit {
  const charts = model.charts ?? [];
  const conditional = model.conditionalFormats ?? [];
  const ops =
    4 * model.tables.length +
    8 * conditional.length +
    16 * charts.length +
    (model.page ? 16 + 2 * (model.page.breaksBefore?.length ?? 0) : 0) +
    8;
  return {
    bytes:
      unitEnvelope(model.name) +
      ops * OP_BYTES +
      jsonBytes(model.tables) +
      jsonBytes(charts) +
      jsonBytes(model.page ?? {}) +
      jsonBytes(conditional),
    queue(ctx) {
      const ws = ctx.workbook.worksheets.getItem(model.name);
      for (const t of model.tables) {
        const table = ws.tables.add(ws.getRange(`${a1(t.top, t.left)}:${a1(t.bottom, t.right)}`), true);
        table.name = t.name;
        table.style = "TableStyleLight9";
      }
      for (const f of conditional) queueConditional(ws, f);
      if (model.freezeRows > 0) ws.freezePanes.freezeRows(model.freezeRows);
      for (const chart of charts) queueChart(ws, model, chart);
      if (model.page) queuePage(ws, model.page);
      if (owned) ws.protection.protect(OWNED_PROTECTION);
      if (manual) ws.calculate(true);
      if (model.active) ws.activate();
    },
  };
}

/** The units of one model (exported for the test that weighs each on Microsoft's library). */
export function unitsOf(model: SheetModel, owned: boolean, manual: boolean, budget: number): Unit[] {
  const units: Unit[] = [];
  const width = Math.max(1, ...model.rows.map((r) => r.length));
  const bandRows = Math.max(1, Math.floor(budget / 2 / (width * 48)));
  for (let top = 0; top < model.rows.length; top += bandRows) units.push(bandUnit(model, width, top, bandRows));
  const ops = styleOps(model);
  const perUnit = Math.max(1, Math.floor(budget / 2 / (OP_BYTES * 4)));
  for (let i = 0; i < ops.length; i += perUnit) units.push(styleUnit(model.name, ops.slice(i, i + perUnit)));
  units.push(layoutUnit(model), finishUnit(model, owned, manual));
  return units;
}

/** Writes the models; returns notes for the run (manual calculation mode). */
export async function writeModels(
  ctx: Excel.RequestContext,
  state: WriteState,
  models: SheetModel[],
  budget: number,
  isOwned: (sheet: string) => boolean,
  edits: TableEdit[] = [],
): Promise<Issue[]> {
  await prepare(ctx, state, models);
  const manual = state.calculationMode === "Manual";
  const queue = [...edits.flatMap((e) => editUnits(e, budget)), ...models.flatMap((m) => unitsOf(m, isOwned(m.name), manual, budget))];
  let limit = budget;
  while (queue.length > 0) {
    let first = queue.shift()!;
    // A unit over the budget on its own is split before it is sent, while it can be.
    while (2 * OP_BYTES + first.bytes > limit && first.split) {
      const [head, ...rest] = first.split();
      queue.unshift(...rest);
      first = head;
    }
    const batch: Unit[] = [first];
    // A request's own envelope: the workbook's paths and the suspend-calculation call, besides its units.
    let bytes = 2 * OP_BYTES + batch[0].bytes;
    while (queue.length > 0 && bytes + queue[0].bytes <= limit) {
      bytes += queue[0].bytes;
      batch.push(queue.shift()!);
    }
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    for (const u of batch) u.queue(ctx);
    try {
      await ctx.sync(); // one request per payload-sized batch of units
    } catch (e) {
      // Too large for Excel (nothing of it was applied): pack again, smaller.
      if (!isPayloadError(e, bytes)) throw e;
      limit = Math.max(1024, Math.floor(limit / 2));
      if (batch.length > 1) queue.unshift(...batch);
      else if (batch[0].split) queue.unshift(...batch[0].split());
      else throw e;
    }
  }
  // The batches ran with calculation suspended, and Excel does not propagate dependencies after that: one
  // recalculation after the last write, in every calculation mode (formulas elsewhere that use our sheets).
  ctx.workbook.application.calculate("Recalculate" as Excel.CalculationType);
  await ctx.sync();
  return manual ? [{ code: "calculation_manual", params: {}, cell: "" }] : [];
}
