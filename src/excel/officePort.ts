/**
 * The workbook port over Office.js. Used inside one `Excel.run` per action.
 *
 * Reading takes a fixed number of round trips: (1) sheet and table names, (2) the size of each
 * relevant sheet's used range, each input table's position, and the state of the owned sheets
 * (charts, protection), (3…) the cell values, packed into requests that stay under the payload
 * budget (4 MB by default; Excel on the web rejects 5 MB) and under 5 million cells per range.
 * Only that last step can add round trips, one per payload-sized chunk.
 *
 * Writing queues everything for all owned sheets — formats before values, 2D arrays in bulk,
 * tables over written data, charts, protection — with calculation suspended, and syncs once per
 * payload-sized chunk (normally once).
 */
import type { Cell, ChartDef, SheetModel } from "../report/sheetModel";
import { a1, columnLetters, columnWidthPoints } from "../report/sheetModel";
import { OWNED_SHEETS } from "../report/sheets";
import type { GridSheet, GridTable, RawCell, WorkbookGrid } from "../workbook/grid";
import type { WorkbookPort } from "../workbook/port";
import { INPUT_TABLES } from "../workbook/read";
import { normalizeName } from "../workbook/tables";

export const DEFAULT_PAYLOAD_BUDGET = 4 * 1024 * 1024;
export const MAX_CELLS_PER_READ = 5_000_000;
/** Before anything is measured, a cell's share of a values response is assumed to be this many bytes. */
export const ASSUMED_BYTES_PER_CELL = 24;
/** Bytes per row of a getRowProperties({ rowHidden }) response. */
const ROW_PROPERTIES_BYTES = 40;

export interface OfficePortOptions {
  payloadBudget?: number;
  assumedBytesPerCell?: number;
}

const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/;

/** An Office.js cell value as a neutral raw cell. Dates arrive as serial numbers. */
export function rawOfOffice(v: unknown): RawCell {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  const s = String(v);
  if (ERROR_VALUE.test(s)) return { error: s };
  return s;
}

/**
 * The value to write for a model cell: formulas with "=", every text with a leading apostrophe so
 * Excel never reads it as a formula or number.
 */
export function officeValue(cell: Cell | null | undefined): string | number | boolean {
  if (!cell || cell.value === null) return cell?.formula ? `=${cell.formula}` : "";
  if (cell.formula) return `=${cell.formula}`;
  if (typeof cell.value === "string") return cell.value === "" ? "" : `'${cell.value}`;
  return cell.value;
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

interface SheetState {
  name: string;
  protected: boolean;
  charts: string[];
  tables: string[];
}

interface Piece {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  cols: number;
  hidden: boolean;
}

const OWNED = new Set<string>(Object.values(OWNED_SHEETS));

export class OfficePort implements WorkbookPort {
  private readonly budget: number;
  private bytesPerCell: number;
  /** State of the workbook's sheets and tables as last loaded in this run (names only). */
  private state: { sheets: string[]; tables: Array<{ name: string; sheet: string }>; owned: Map<string, SheetState> } | null = null;

  constructor(
    private readonly context: Excel.RequestContext,
    options: OfficePortOptions = {},
  ) {
    this.budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
    this.bytesPerCell = options.assumedBytesPerCell ?? ASSUMED_BYTES_PER_CELL;
  }

  /** Round trip: the names of sheets and tables. */
  private async loadNames(): Promise<{ sheets: Excel.WorksheetCollection; tables: Excel.TableCollection }> {
    const sheets = this.context.workbook.worksheets.load("items/name");
    const tables = this.context.workbook.tables.load("items/name,items/worksheet/name");
    await this.context.sync();
    return { sheets, tables };
  }

  /** Queues loading of charts and protection of the owned sheets that exist; completed by the caller's sync. */
  private queueOwnedState(
    sheets: Excel.Worksheet[],
    tables: Array<{ name: string; sheet: string }>,
    names: Set<string>,
  ): () => Map<string, SheetState> {
    const pending = sheets
      .filter((ws) => names.has(ws.name))
      .map((ws) => ({ ws, charts: ws.charts.load("items/name"), protection: ws.protection.load("protected") }));
    return () =>
      new Map(
        pending.map(({ ws, charts, protection }) => [
          ws.name,
          {
            name: ws.name,
            protected: protection.protected,
            charts: charts.items.map((c) => c.name),
            tables: tables.filter((t) => t.sheet === ws.name).map((t) => t.name),
          },
        ]),
      );
  }

  /** Whether any input table or sheet of the contract is present (Skapa mall refuses then). */
  async existingInputs(): Promise<string[]> {
    const { sheets, tables } = await this.loadNames();
    const found: string[] = [];
    const tableNames = new Set(Object.keys(INPUT_TABLES).map((t) => t.toLowerCase()));
    for (const t of tables.items) if (tableNames.has(t.name.toLowerCase())) found.push(t.name);
    const sheetNames = new Set(Object.values(INPUT_TABLES).map(normalizeName));
    for (const s of sheets.items) if (sheetNames.has(normalizeName(s.name))) found.push(s.name);
    return [...new Set(found)];
  }

  /** Reads the input tables and owned sheets; `only` limits it to some input tables (the task pane's settings). */
  async readGrid(options: { only?: Array<keyof typeof INPUT_TABLES> } = {}): Promise<WorkbookGrid> {
    const ctx = this.context;
    // Round trip 1: names.
    const { sheets, tables } = await this.loadNames();
    const allTables = tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name, proxy: t }));
    const wantedTables = options.only ?? (Object.keys(INPUT_TABLES) as Array<keyof typeof INPUT_TABLES>);
    const inputTableNames = new Set(wantedTables.map((t) => t.toLowerCase()));
    const inputTables = allTables.filter((t) => inputTableNames.has(t.name.toLowerCase()));
    const wantedSheets = new Set([...wantedTables.map((t) => INPUT_TABLES[t]), ...(options.only ? [] : OWNED)].map(normalizeName));
    const relevant = sheets.items.filter((s) => wantedSheets.has(normalizeName(s.name)) || inputTables.some((t) => t.sheet === s.name));

    // Round trip 2: sizes, table positions, owned sheets' state.
    const used = relevant.map((ws) => ({
      ws,
      range: ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount,rowHidden"),
    }));
    const tableRanges = inputTables.map((t) => ({ t, range: t.proxy.getRange().load("rowIndex,columnIndex,rowCount,columnCount") }));
    const tableList = allTables.map(({ name, sheet }) => ({ name, sheet }));
    const ownedState = this.queueOwnedState(sheets.items, tableList, OWNED);
    await ctx.sync();
    this.state = { sheets: sheets.items.map((s) => s.name), tables: tableList, owned: ownedState() };

    // Round trips 3…: values, in payload-sized requests.
    const pieces: Piece[] = [];
    for (const { ws, range } of used) {
      if (range.isNullObject) continue;
      // Small pieces (an eighth of a request each), so that requests can be packed tightly once the real size per cell is known.
      const rowsPerPiece = Math.max(1, Math.floor(Math.min(MAX_CELLS_PER_READ, this.budget / this.bytesPerCell) / 8 / range.columnCount));
      for (let r = 0; r < range.rowCount; r += rowsPerPiece) {
        pieces.push({
          sheet: ws.name,
          top: range.rowIndex + r,
          left: range.columnIndex,
          rows: Math.min(rowsPerPiece, range.rowCount - r),
          cols: range.columnCount,
          hidden: range.rowHidden !== false,
        });
      }
    }
    const rowsBySheet = new Map<string, RawCell[][]>(relevant.map((ws) => [ws.name, []]));
    const hiddenBySheet = new Map<string, number[]>(relevant.map((ws) => [ws.name, []]));
    await this.readPieces(pieces, rowsBySheet, hiddenBySheet);

    const gridSheets: GridSheet[] = relevant.map((ws) => {
      const rows = rowsBySheet.get(ws.name)!;
      for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
      return { name: ws.name, rows, hiddenRows: hiddenBySheet.get(ws.name) };
    });
    const gridTables: GridTable[] = tableRanges.map(({ t, range }) => {
      const rows = rowsBySheet.get(t.sheet) ?? [];
      const out: RawCell[][] = [];
      for (let r = range.rowIndex; r < range.rowIndex + range.rowCount; r++) {
        const src = rows[r] ?? [];
        const row: RawCell[] = [];
        for (let c = range.columnIndex; c < range.columnIndex + range.columnCount; c++) row.push(src[c] ?? null);
        out.push(row);
      }
      return { name: t.name, sheet: t.sheet, top: range.rowIndex, left: range.columnIndex, rows: out };
    });
    return { sheets: gridSheets, tables: gridTables };
  }

  /** Reads pieces, packing as many as fit the budget into one request; learns the real size per cell as it goes. */
  private async readPieces(pieces: Piece[], rowsBySheet: Map<string, RawCell[][]>, hiddenBySheet: Map<string, number[]>): Promise<void> {
    const ctx = this.context;
    const estimate = (p: Piece) => p.rows * p.cols * this.bytesPerCell + (p.hidden ? p.rows * ROW_PROPERTIES_BYTES : 0);
    const queue = [...pieces];
    while (queue.length > 0) {
      const batch: Piece[] = [queue.shift()!];
      let bytes = estimate(batch[0]);
      let cells = batch[0].rows * batch[0].cols;
      while (queue.length > 0 && bytes + estimate(queue[0]) <= this.budget && cells + queue[0].rows * queue[0].cols <= MAX_CELLS_PER_READ) {
        const p = queue.shift()!;
        bytes += estimate(p);
        cells += p.rows * p.cols;
        batch.push(p);
      }
      const loads = batch.map((p) => {
        const range = ctx.workbook.worksheets
          .getItem(p.sheet)
          .getRange(`${a1(p.top, p.left)}:${a1(p.top + p.rows - 1, p.left + p.cols - 1)}`)
          .load("values");
        const hidden = p.hidden ? range.getRowProperties({ rowHidden: true }) : null;
        return { p, range, hidden };
      });
      try {
        await ctx.sync(); // one request per payload-sized chunk
      } catch (e) {
        if (!isPayloadError(e) || batch.every((p) => p.rows === 1)) throw e;
        // Bigger cells than assumed: halve every piece of this batch and try again.
        this.bytesPerCell *= 2;
        const split = batch.flatMap((p) => {
          if (p.rows === 1) return [p];
          const half = Math.ceil(p.rows / 2);
          return [
            { ...p, rows: half },
            { ...p, top: p.top + half, rows: p.rows - half },
          ];
        });
        queue.unshift(...split);
        continue;
      }
      let received = 0;
      let receivedCells = 0;
      for (const { p, range, hidden } of loads) {
        const values = range.values;
        received += JSON.stringify(values).length;
        receivedCells += p.rows * p.cols;
        const rows = rowsBySheet.get(p.sheet)!;
        values.forEach((row, i) => {
          const out: RawCell[] = rows[p.top + i] ?? [];
          for (let c = 0; c < p.left; c++) if (out[c] === undefined) out[c] = null;
          row.forEach((v, j) => {
            out[p.left + j] = rawOfOffice(v);
          });
          rows[p.top + i] = out;
        });
        if (hidden) for (const rp of hidden.value) if (rp.rowHidden) hiddenBySheet.get(p.sheet)!.push(rp.rowIndex!);
      }
      // Learn from what came back (with a margin), so later requests are as large as they safely can be.
      if (receivedCells > 0) this.bytesPerCell = Math.max(4, Math.ceil((received / receivedCells) * 1.25));
    }
  }

  async writeSheets(models: SheetModel[]): Promise<void> {
    const ctx = this.context;
    if (!this.state) {
      const { sheets, tables } = await this.loadNames();
      const tableList = tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name }));
      const ownedState = this.queueOwnedState(sheets.items, tableList, new Set(models.map((m) => m.name)));
      await ctx.sync();
      this.state = { sheets: sheets.items.map((s) => s.name), tables: tableList, owned: ownedState() };
    }
    const state = this.state;
    let pending = 0;
    const flush = async () => {
      await ctx.sync(); // one request per payload-sized chunk of the write
      pending = 0;
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
    };
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    for (const model of models) {
      const exists = state.sheets.some((s) => s.toLowerCase() === model.name.toLowerCase());
      let ws: Excel.Worksheet;
      if (exists) {
        ws = ctx.workbook.worksheets.getItem(model.name);
        const s = state.owned.get(state.sheets.find((n) => n.toLowerCase() === model.name.toLowerCase())!);
        if (s?.protected) ws.protection.unprotect();
        for (const chart of s?.charts ?? []) ws.charts.getItem(chart).delete();
        for (const t of state.tables.filter((t) => t.sheet.toLowerCase() === model.name.toLowerCase()))
          ctx.workbook.tables.getItem(t.name).delete();
        ws.getRange().clear();
        ws.freezePanes.unfreeze();
      } else {
        ws = ctx.workbook.worksheets.add(model.name);
      }
      const width = Math.max(1, ...model.rows.map((r) => r.length));
      // Cells, in row bands that each fit the budget: formats first, then values and formulas.
      const bandRows = Math.max(1, Math.floor(this.budget / 2 / (width * 48)));
      for (let top = 0; top < model.rows.length; top += bandRows) {
        const rows = model.rows.slice(top, top + bandRows);
        const address = `${a1(top, 0)}:${a1(top + rows.length - 1, width - 1)}`;
        const formats = rows.map((r) => Array.from({ length: width }, (_, c) => r[c]?.format ?? "General"));
        const values = rows.map((r) => Array.from({ length: width }, (_, c) => officeValue(r[c])));
        const range = ws.getRange(address);
        range.numberFormat = formats;
        range.formulas = values as unknown as string[][];
        pending += JSON.stringify(formats).length + JSON.stringify(values).length;
        if (pending > this.budget / 2 && top + bandRows < model.rows.length) await flush();
      }
      this.queueStyles(ws, model);
      model.columnWidths.forEach((w, i) => {
        ws.getRange(`${columnLetters(i)}:${columnLetters(i)}`).format.columnWidth = columnWidthPoints(w);
      });
      for (const t of model.tables) {
        const table = ws.tables.add(`${a1(t.top, t.left)}:${a1(t.bottom, t.right)}`, true);
        table.name = t.name;
        table.style = "TableStyleLight9";
      }
      if (model.freezeRows > 0) ws.freezePanes.freezeRows(model.freezeRows);
      for (const chart of model.charts ?? []) this.queueChart(ws, model, chart);
      if (OWNED.has(model.name)) {
        ws.protection.protect({
          allowAutoFilter: true,
          allowSort: true,
          allowFormatColumns: true,
          allowFormatRows: true,
          allowFormatCells: true,
        });
      }
    }
    await ctx.sync();
    // The sheets now carry what was written; a further write in this run must not use stale state.
    this.state = null;
  }

  /** Bold, italic, title size and indent, as runs of equal style along each row. */
  private queueStyles(ws: Excel.Worksheet, model: SheetModel): void {
    const key = (c: Cell | null | undefined) => (c && (c.bold || c.italic || c.title) ? `${+!!c.bold}${+!!c.italic}${+!!c.title}` : "");
    model.rows.forEach((row, r) => {
      let c = 0;
      while (c < row.length) {
        const k = key(row[c]);
        let end = c;
        while (k && end + 1 < row.length && key(row[end + 1]) === k) end++;
        if (k) {
          const font = ws.getRange(`${a1(r, c)}:${a1(r, end)}`).format.font;
          const cell = row[c]!;
          if (cell.bold) font.bold = true;
          if (cell.italic) font.italic = true;
          if (cell.title) font.size = 14;
        }
        if (row[c]?.indent) ws.getRange(a1(r, c)).format.indentLevel = row[c]!.indent!;
        c = end + 1;
      }
    });
  }

  private queueChart(ws: Excel.Worksheet, model: SheetModel, def: ChartDef): void {
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
}
