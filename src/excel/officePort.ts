/**
 * The workbook port over Office.js. Used inside one `Excel.run` per action.
 *
 * Reading takes a fixed number of round trips: (1) sheet, table and defined names, the date system
 * and the calculation mode, (2) the size of each relevant sheet's used range, each input table's
 * position, and the state of the owned sheets (charts, protection), (3…) the cell values with their
 * value types, packed into requests that stay under the payload budget (4 MB by default; Excel on
 * the web rejects 5 MB) and under 5 million cells per range. Only that last step can add round
 * trips, one per payload-sized chunk.
 *
 * Writing is in officeWrite.ts: one request that prepares every owned sheet (and creates the missing
 * ones), then the cells, styles, tables, charts and protection in payload-sized requests (normally one).
 */
import type { Issue } from "../core/messages";
import type { SheetModel, TableEdit } from "../report/sheetModel";
import { a1 } from "../report/sheetModel";
import { OWNED_SHEET_NAMES } from "../report/sheets/header";
import type { GridSheet, GridTable, RawCell, WorkbookGrid } from "../workbook/grid";
import { WorkbookPort, WriteRefused } from "../workbook/port";
import { writeLimitProblems } from "../report/limits";
import { INPUT_TABLES } from "../workbook/read/tableReader";
import { normalizeName } from "../workbook/tables";
import { WriteState, writeModels } from "./officeWrite";

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

/**
 * An Office.js cell value as a neutral raw cell, told apart by its value type (ExcelApi 1.1): an
 * error is an error in any display language (#SAKNAS! in Swedish), and a text that reads "#N/A" is
 * text. Dates arrive as serial numbers of the workbook's date system.
 */
export function rawOfOffice(v: unknown, type?: string): RawCell {
  if (type === "Error") return { error: String(v) };
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

export { officeValue } from "./officeWrite";

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

interface SheetState {
  name: string;
  protected: boolean;
  charts: string[];
}

interface Piece {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  cols: number;
  hidden: boolean;
}

const OWNED = OWNED_SHEET_NAMES;

export class OfficePort implements WorkbookPort {
  private readonly budget: number;
  private bytesPerCell: number;
  /** State of the workbook's sheets and tables as last loaded in this run (names only). */
  private state: WriteState | null = null;

  constructor(
    private readonly context: Excel.RequestContext,
    options: OfficePortOptions = {},
  ) {
    this.budget = options.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
    this.bytesPerCell = options.assumedBytesPerCell ?? ASSUMED_BYTES_PER_CELL;
  }

  /**
   * Queues loading the names of sheets, tables and defined names, the calculation mode, and the date
   * system (DATE(1904;1;1) is 0 in the 1904 system, 1462 in the 1900 one); completed by the caller's sync.
   */
  private loadNames() {
    const wb = this.context.workbook;
    return {
      sheets: wb.worksheets.load("items/name"),
      tables: wb.tables.load("items/name,items/worksheet/name"),
      names: wb.names.load("items/name"),
      application: wb.application.load("calculationMode"),
      epoch: wb.functions.date(1904, 1, 1).load("value"),
    };
  }

  /** Queues loading of charts and protection of the owned sheets that exist; completed by the caller's sync. */
  private queueOwnedState(sheets: Excel.Worksheet[], names: ReadonlySet<string>): () => Map<string, SheetState> {
    // Excel matches sheet names in any letter case: a sheet "KONTROLLER" the program wrote is the same sheet.
    const wanted = new Set([...names].map((n) => n.toLowerCase()));
    const pending = sheets
      .filter((ws) => wanted.has(ws.name.toLowerCase()))
      .map((ws) => ({ ws, charts: ws.charts.load("items/name"), protection: ws.protection.load("protected") }));
    return () =>
      new Map(
        pending.map(({ ws, charts, protection }) => [
          ws.name,
          { name: ws.name, protected: protection.protected, charts: charts.items.map((c) => c.name) },
        ]),
      );
  }

  /** Whether any input table or sheet of the contract is present (Skapa mall refuses then). */
  async existingInputs(): Promise<string[]> {
    const { sheets, tables } = this.loadNames();
    await this.context.sync();
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
    // Round trip 1: names, date system, calculation mode.
    const { sheets, tables, names, application, epoch } = this.loadNames();
    await ctx.sync();
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
    const tableRanges = inputTables.map((t) => ({
      t,
      range: t.proxy.getRange().load("rowIndex,columnIndex,rowCount,columnCount"),
      // A totals row (Table Design → Total Row) is the range's last row and not data; without its header row the
      // range is data only.
      shown: t.proxy.load("showTotals,showHeaders"),
    }));
    const tableList = allTables.map(({ name, sheet }) => ({ name, sheet }));
    const ownedState = this.queueOwnedState(sheets.items, OWNED);
    // Names scoped to a sheet: `workbook.names` does not return them, each sheet's `names` does (same round trip).
    const sheetNames = sheets.items.map((ws) => ws.names.load("items/name"));
    await ctx.sync();
    this.state = {
      sheets: sheets.items.map((s) => s.name),
      tables: tableList,
      owned: ownedState(),
      calculationMode: application.calculationMode,
    };

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
    const gridTables: GridTable[] = tableRanges.map(({ t, range, shown }) => {
      const rows = rowsBySheet.get(t.sheet) ?? [];
      const out: RawCell[][] = [];
      const last = range.rowIndex + range.rowCount - 1;
      const totalsRow = shown.showTotals && range.rowCount > 1 ? last : undefined;
      const bottom = totalsRow === undefined ? last : last - 1;
      for (let r = range.rowIndex; r <= bottom; r++) {
        const src = rows[r] ?? [];
        const row: RawCell[] = [];
        for (let c = range.columnIndex; c < range.columnIndex + range.columnCount; c++) row.push(src[c] ?? null);
        out.push(row);
      }
      return {
        name: t.name,
        sheet: t.sheet,
        top: range.rowIndex,
        left: range.columnIndex,
        rows: out,
        bottom,
        ...(totalsRow === undefined ? {} : { totalsRow }),
        ...(shown.showHeaders ? {} : { headersHidden: true }),
      };
    });
    return {
      sheets: gridSheets,
      tables: gridTables,
      tableNames: tableList,
      definedNames: [...names.items.map((n) => n.name), ...sheetNames.flatMap((c) => c.items.map((n) => n.name))],
      sheetNames: sheets.items.map((s) => s.name),
      date1904: epoch.value === 0,
    };
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
          .load("values,valueTypes");
        const hidden = p.hidden ? range.getRowProperties({ rowIndex: true, rowHidden: true }) : null;
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
        const types = range.valueTypes;
        received += JSON.stringify(values).length + JSON.stringify(types).length;
        receivedCells += p.rows * p.cols;
        const rows = rowsBySheet.get(p.sheet)!;
        values.forEach((row, i) => {
          const out: RawCell[] = rows[p.top + i] ?? [];
          for (let c = 0; c < p.left; c++) if (out[c] === undefined) out[c] = null;
          row.forEach((v, j) => {
            out[p.left + j] = rawOfOffice(v, types[i][j]);
          });
          rows[p.top + i] = out;
        });
        if (hidden) for (const rp of hidden.value) if (rp.rowHidden) hiddenBySheet.get(p.sheet)!.push(rp.rowIndex!);
      }
      // Learn from what came back (with a margin), so later requests are as large as they safely can be.
      if (receivedCells > 0) this.bytesPerCell = Math.max(4, Math.ceil((received / receivedCells) * 1.25));
    }
  }

  /** Writes the owned sheets (officeWrite.ts): prepared in one request, written in payload-sized ones. */
  async writeSheets(models: SheetModel[], edits: TableEdit[] = []): Promise<Issue[]> {
    const limits = writeLimitProblems(models, edits);
    if (limits.length > 0) throw new WriteRefused(limits);
    if (!this.state) {
      const names = this.loadNames();
      await this.context.sync();
      const tableList = names.tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name }));
      const ownedState = this.queueOwnedState(names.sheets.items, new Set(models.map((m) => m.name)));
      await this.context.sync();
      this.state = {
        sheets: names.sheets.items.map((s) => s.name),
        tables: tableList,
        owned: ownedState(),
        calculationMode: names.application.calculationMode,
      };
    }
    try {
      return await writeModels(this.context, this.state, models, this.budget, (name) => OWNED.has(name), edits);
    } finally {
      // The sheets now carry what was written; a further write in this run must not use stale state.
      this.state = null;
    }
  }
}
