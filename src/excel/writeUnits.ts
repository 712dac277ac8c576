/**
 * What a write is made of: units of queued Office.js operations, each with its size in the request, and the
 * units of an input table's edit (the SIE import: changed cells as runs down a column, rows appended through the
 * table). officeWrite.ts packs units into payload-sized requests.
 */
import type { Cell, TableEdit } from "../report/sheetModel";
import { a1, FORMATS, rowAt, rowsBetween } from "../report/sheetModel";

/**
 * Request bytes per queued operation: its action and the object paths it adds (the sheet, the range, `format`,
 * `font`, with ids and names). Measured on Microsoft's own serializer (test/officeLibrary.test.ts weighs every
 * unit of the example's write and requires the estimate to be at least the real request): 96 was half of it.
 */
export const OP_BYTES = 270;

/**
 * Request bytes of the sheet a unit starts from (`workbook.worksheets.getItem(name)`: three object paths and their
 * instantiate actions), besides the name itself; every unit queues its own. Measured: ~330 bytes.
 */
export const SHEET_PATH_BYTES = 420;

/** A unit's fixed cost: the path to its sheet. */
export const unitEnvelope = (sheet: string): number => SHEET_PATH_BYTES + jsonBytes(sheet);

/**
 * Microsoft's library sets a property of more than 1 500 cells in chunks of rows (`_ValidateArraySize`, then per
 * chunk `getRow(i).getBoundingRect(getRow(j))` and the set): ~700 bytes per chunk, measured for up to 100 000 rows
 * (test/officeLibrary.test.ts weighs it). `cellSetBytes` is that overhead for one property over rows × columns.
 */
export const LIBRARY_CHUNK_CELLS = 1500;
export const CHUNK_BYTES = 820;
export function cellSetBytes(rows: number, columns: number): number {
  if (rows * columns <= LIBRARY_CHUNK_CELLS) return 0;
  const rowsPerChunk = Math.max(1, Math.round(LIBRARY_CHUNK_CELLS / columns));
  return OP_BYTES + Math.ceil(rows / rowsPerChunk) * CHUNK_BYTES;
}

/** A text's UTF-8 length without encoding it (no TextEncoder needed in older Office webviews). */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // 2 bytes below U+0800, 3 above; a surrogate pair is 4 bytes for its 2 code units.
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}

/** The UTF-8 bytes of a value as JSON, as the request carries it (å, ä, ö and no-break spaces are two bytes each). */
export const jsonBytes = (value: unknown): number => utf8Length(JSON.stringify(value));

export interface Unit {
  bytes: number;
  queue(ctx: Excel.RequestContext): void;
  /** Two smaller units with the same effect, when this one alone is too large. */
  split?(): Unit[];
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

/**
 * A run of cells in one column of an input table (consecutive rows, all dates or none): their values, and for
 * dates the date format. Nothing else of the cells is set, so the user's formats stay.
 */
function columnRunUnit(sheet: string, col: number, top: number, cells: Array<Cell | null>): Unit {
  const values = cells.map((c) => [officeValue(c)]);
  const dates = cells[0]?.format === FORMATS.date;
  const address = `${a1(top, col)}:${a1(top + cells.length - 1, col)}`;
  return {
    bytes: unitEnvelope(sheet) + (jsonBytes(values) + cellSetBytes(cells.length, 1)) * (dates ? 2 : 1) + 4 * OP_BYTES,
    queue(ctx) {
      const range = ctx.workbook.worksheets.getItem(sheet).getRange(address);
      if (dates) range.numberFormat = cells.map(() => [FORMATS.date]);
      range.formulas = values as unknown as string[][];
    },
    split:
      cells.length > 1
        ? () => {
            const half = Math.ceil(cells.length / 2);
            return [columnRunUnit(sheet, col, top, cells.slice(0, half)), columnRunUnit(sheet, col, top + half, cells.slice(half))];
          }
        : undefined,
  };
}

/** Rows appended to an Excel table (`table.rows.add`, which grows it), then the date format on their date cells. */
function appendUnit(edit: TableEdit, table: string, first: number, rows: Array<Array<Cell | null>>): Unit {
  const values = rows.map((r) => r.map((c) => officeValue(c)));
  const dateCols = rows[0] ? [...rows[0].keys()].filter((c) => rows.some((r) => r[c]?.format === FORMATS.date)) : [];
  return {
    bytes:
      unitEnvelope(edit.sheet) +
      jsonBytes(values) +
      (3 + dateCols.length) * OP_BYTES +
      dateCols.length * (rows.length * 16 + cellSetBytes(rows.length, 1)),
    queue(ctx) {
      ctx.workbook.tables.getItem(table).rows.add(undefined, values as unknown as string[][]);
      const ws = ctx.workbook.worksheets.getItem(edit.sheet);
      for (const c of dateCols) {
        const col = edit.left + c;
        ws.getRange(`${a1(first, col)}:${a1(first + rows.length - 1, col)}`).numberFormat = rows.map(() => [FORMATS.date]);
      }
    },
    split:
      rows.length > 1
        ? () => {
            const half = Math.ceil(rows.length / 2);
            return [appendUnit(edit, table, first, rows.slice(0, half)), appendUnit(edit, table, first + half, rows.slice(half))];
          }
        : undefined,
  };
}

/**
 * An input table's edit as units: the changed cells as runs down each column, then the appended rows (through
 * the table, so that it grows; a plain range gets them as cells). Units are queued in order, so appended rows
 * land below the table as it stands when they are added.
 */
export function editUnits(edit: TableEdit, budget: number): Unit[] {
  const cells = new Map<number, Map<number, Cell | null>>();
  const put = (row: number, col: number, cell: Cell | null) => {
    let m = cells.get(col);
    if (!m) cells.set(col, (m = new Map()));
    m.set(row, cell);
  };
  for (const ch of edit.changes) ch.cells.forEach((cell, c) => cell !== undefined && put(ch.row, edit.left + c, cell));
  if (!edit.table)
    for (let i = 0; i < edit.appended.length; i++)
      rowAt(edit.appended, i).forEach((cell, c) => put(edit.lastRow + 1 + i, edit.left + c, cell));
  const units: Unit[] = [];
  const perUnit = Math.max(1, Math.floor(budget / 2 / 48));
  for (const [col, byRow] of [...cells].sort((a, b) => a[0] - b[0])) {
    const rows = [...byRow.keys()].sort((a, b) => a - b);
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      const isDate = (r: number) => byRow.get(r)?.format === FORMATS.date;
      const breaks = i === rows.length || rows[i] !== rows[i - 1] + 1 || isDate(rows[i]) !== isDate(rows[start]) || i - start >= perUnit;
      if (!breaks) continue;
      units.push(
        columnRunUnit(
          edit.sheet,
          col,
          rows[start],
          rows.slice(start, i).map((r) => byRow.get(r) ?? null),
        ),
      );
      start = i;
    }
  }
  if (edit.table) {
    const perAppend = Math.max(1, Math.floor(budget / 2 / (edit.width * 48)));
    for (let i = 0; i < edit.appended.length; i += perAppend)
      units.push(appendUnit(edit, edit.table, edit.lastRow + 1 + i, rowsBetween(edit.appended, i, i + perAppend)));
  }
  return units;
}
