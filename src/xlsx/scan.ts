/**
 * The worksheet scanner: one worksheet part's rows and cells as raw cell values, without building a
 * tree (a 100 000-row ledger is 28 MB of XML). It reads the part's UTF-8 bytes, not a decoded string
 * (bytes.ts), and decodes only the texts cells hold. The hot loop and its number, date and reference
 * readers are kept together in this file so that the loop stays one readable, profiled unit
 * (BENCHMARKS.md).
 */
import { dayNumberOfExcelSerial, isoOfDayNumber } from "../core/dates";
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from "../core/excelLimits";
import { columnLetters, quoteSheetName } from "../report/sheetModel";
import { GridSheet, NO_CACHED_VALUE, RawCell } from "../workbook/grid";
import { decodeUtf8, indexOfAscii, lastIndexOfAscii, startsWithAscii } from "./bytes";
import { PackageError } from "./package";
import { columnAt, columnAtBytes, parseA1 } from "./a1";
import { clearMergedCells, DENSE_COLUMNS, finishRows, placeFarCells } from "./scanRows";
import { decodeEntities, decodeText, isXmlSpace, stringItemText } from "./xml";

export { columnAt, DENSE_COLUMNS, parseA1 };

const MAX_ROWS = EXCEL_MAX_ROWS;
const MAX_COLUMNS = EXCEL_MAX_COLUMNS;

function errorOf(text: string): RawCell {
  return { error: decodeEntities(text) };
}

export interface Context {
  strings: string[];
  dates: boolean[];
  date1904: boolean;
  /** Date cells by serial: a ledger has a few hundred distinct dates over many rows. */
  dateCells?: Map<number, RawCell>;
}

function dateOrNumber(n: number, style: number, ctx: Context): RawCell {
  if (style < 0 || !ctx.dates[style]) return n;
  const cache = (ctx.dateCells ??= new Map());
  let cell = cache.get(n);
  if (cell === undefined) {
    const day = dayNumberOfExcelSerial(ctx.date1904 ? n + 1462 : n);
    cell = day === null ? n : Object.freeze({ date: isoOfDayNumber(day) });
    cache.set(n, cell);
  }
  return cell;
}

/** The text between `<tag>` and `</tag>` inside a cell, or undefined. */
function inner(cell: string, tag: string): string | undefined {
  const open = cell.indexOf("<" + tag);
  if (open < 0) return undefined;
  const gt = cell.indexOf(">", open);
  if (cell[gt - 1] === "/") return "";
  const close = cell.indexOf("</" + tag + ">", gt);
  return close < 0 ? undefined : cell.slice(gt + 1, close);
}

/** A cell's value from its type (`t`), style index (`s`) and cached value text (`<v>`). */
function typedValue(t: string | undefined, style: number, v: string, ctx: Context): RawCell {
  switch (t) {
    case undefined:
    case "n": {
      const n = Number(v);
      return Number.isFinite(n) && v.trim() !== "" ? dateOrNumber(n, style, ctx) : { error: "#VALUE!" };
    }
    case "s": {
      // A shared string's index is a plain whole number that names a string of the table; anything else (empty,
      // `3.7`, `0x1`, `1e0`) would read another cell's text, so the file is refused, naming the cell.
      const i = /^\d{1,15}$/.test(v) ? Number(v) : NaN;
      const s = i === i ? ctx.strings[i] : undefined;
      if (s === undefined) throw new PackageError(`the shared string index "${v.slice(0, 20)}" names no string of the workbook`);
      return s;
    }
    case "str":
      return decodeText(v);
    case "b":
      return Number(v) !== 0;
    case "e":
      return errorOf(v);
    case "d": {
      const iso = /^\d{4}-\d{2}-\d{2}/.exec(v);
      return iso ? { date: iso[0] } : decodeText(v);
    }
    default:
      return decodeText(v);
  }
}

/** One `<c>` element's value from its body (the general case: formulas, inline strings). */
function cellValue(t: string | undefined, style: number, body: string, ctx: Context): RawCell | undefined {
  const hasFormula = body.indexOf("<f") >= 0;
  if (t === "inlineStr") {
    const is = inner(body, "is");
    return is === undefined ? (hasFormula ? { error: NO_CACHED_VALUE } : undefined) : stringItemText(is);
  }
  const v = inner(body, "v");
  if (v === undefined) return hasFormula ? { error: NO_CACHED_VALUE } : undefined;
  return typedValue(t, style, v, ctx);
}

const GT = 62; // >
const LT = 60; // <
const SLASH = 47;
const QUOTE = 34;
const APOS = 39;
const EQ = 61;

/** The unsigned integer written in `b[from, to)`, or NaN. */
export function digitsAt(b: Uint8Array, from: number, to: number): number {
  if (from >= to || to - from > 15) return NaN;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/**
 * A plain decimal numeral (`-1234.56`) in `b[from, to)` as the same double `Number()` gives, or NaN
 * for anything else (exponents, spaces, long numerals), which the caller parses the slow way. Exact:
 * the digits form an integer below 2^53 and the divisor is a power of ten that a double holds exactly,
 * so the one division rounds correctly.
 */
export function numberAt(b: Uint8Array, from: number, to: number): number {
  let i = from;
  const negative = b[i] === 45;
  if (negative) i++;
  if (i >= to || to - i > 16) return NaN;
  let m = 0;
  let decimals = -1;
  for (; i < to; i++) {
    const c = b[i];
    if (c === 46 && decimals < 0) {
      decimals = 0;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return NaN;
    m = m * 10 + d;
    if (decimals >= 0) decimals++;
  }
  if (decimals === 0 || m > 9007199254740991) return NaN;
  const x = decimals > 0 ? m / POW10[decimals] : m;
  return negative ? -x : x;
}

/** The first `code` at or after `from` in `b`, or -1: a loop, for the few bytes of a tag. */
function byteAfter(b: Uint8Array, code: number, from: number): number {
  for (let i = from, n = b.length; i < n; i++) if (b[i] === code) return i;
  return -1;
}

const INLINE_END = "</t></is></c>";

/** Where the text of a plain inline string starts (`<is><t>` or `<is><t xml:space="preserve">` at `at`), or -1. */
function inlineTextStart(b: Uint8Array, at: number): number {
  return startsWithAscii(b, "<is><t>", at) ? at + 7 : startsWithAscii(b, '<is><t xml:space="preserve">', at) ? at + 28 : -1;
}

/** An attribute's value as text: a one-letter value (`t="s"`) without decoding. */
function valueText(b: Uint8Array, from: number, to: number): string {
  return to === from + 1 && b[from] < 0x80 ? String.fromCharCode(b[from]) : decodeUtf8(b, from, to);
}

/**
 * Reads one worksheet part (its UTF-8 bytes; a string is encoded first): its rows and hidden rows, with merged
 * cells' non-master cells left empty. A hand-written scanner over the start tags of rows and cells: this is the
 * hot loop of reading a large ledger (600 000 cells for 100 000 rows).
 */
export function readSheet(part: Uint8Array | string, name: string, ctx: Context): GridSheet {
  const b = typeof part === "string" ? new TextEncoder().encode(part) : part;
  const rows: RawCell[][] = [];
  const hiddenRows: number[] = [];
  const start = indexOfAscii(b, "<sheetData");
  const end = lastIndexOfAscii(b, "</sheetData>");
  let row = -1;
  let col = -1;
  let cells: RawCell[] = [];
  // Cells beyond DENSE_COLUMNS, as (row, column, value) triples: placed after the rows are finished.
  const far: Array<number | RawCell> = [];
  let pos = start < 0 || end < start ? end : byteAfter(b, GT, start) + 1;
  let mergesAt = start > 0 && decodeUtf8(b, 0, start).includes("<mergeCells") ? indexOfAscii(b, "<mergeCells") : -1;
  while (pos >= 0 && pos < end) {
    // Between cells there is normally no text: the next tag starts where the last one ended.
    const lt = b[pos] === LT ? pos : byteAfter(b, LT, pos);
    if (lt < 0 || lt >= end) break;
    const c1 = b[lt + 1];
    // Attributes r, s, t and hidden, as positions in the bytes (no string per attribute).
    let rAt = -1;
    let rEnd = -1;
    let sAt = -1;
    let sEnd = -1;
    let t: string | undefined;
    let hidden: string | undefined;
    // The usual cell tag, `<c r="B2" s="2" t="s">`, read in one pass; any other form by the general reader below.
    let gt = -1;
    let k = lt + 2;
    if (c1 === 99 /* c */ && b[k] === 32 && b[k + 1] === 114 /* r */ && b[k + 2] === EQ && b[k + 3] === QUOTE) {
      k += 4;
      rAt = k;
      while (k < end && b[k] !== QUOTE && b[k] !== GT) k++;
      rEnd = k++;
      if (b[k] === 32 && b[k + 1] === 115 /* s */ && b[k + 2] === EQ && b[k + 3] === QUOTE) {
        sAt = k += 4;
        while (b[k] >= 48 && b[k] <= 57) k++;
        sEnd = k++;
      }
      if (b[k] === 32 && b[k + 1] === 116 /* t */ && b[k + 2] === EQ && b[k + 3] === QUOTE) {
        const tAt = (k += 4);
        while ((b[k] >= 97 && b[k] <= 122) || (b[k] >= 65 && b[k] <= 90)) k++;
        t = k > tAt && b[k] === QUOTE ? valueText(b, tAt, k) : "\u0000";
        k++;
      }
      const closed = b[rEnd] === QUOTE && (sAt < 0 || b[sEnd] === QUOTE) && t !== "\u0000";
      if (closed && b[k] === GT) gt = k;
      else if (closed && b[k] === SLASH && b[k + 1] === GT) gt = k + 1;
      else rAt = rEnd = sAt = sEnd = -1;
      if (gt < 0) t = undefined;
    }
    const fast = gt >= 0;
    if (!fast) gt = byteAfter(b, GT, lt);
    if (gt < 0) throw new PackageError(`sheet ${name}: unclosed tag`);
    pos = gt + 1;
    const selfClosing = b[gt - 1] === SLASH;
    const c2 = b[lt + 2];
    const isCell = c1 === 99 /* c */ && (isXmlSpace(c2) || c2 === GT || c2 === SLASH);
    const c4 = b[lt + 4];
    const isRow = !isCell && c1 === 114 /* r */ && startsWithAscii(b, "row", lt + 1) && (isXmlSpace(c4) || c4 === GT || c4 === SLASH);
    if (!isCell && !isRow) {
      // A mergeCells out of its place (the schema puts it after sheetData) still empties what it covers.
      if (mergesAt < 0 && c1 === 109 /* m */ && startsWithAscii(b, "mergeCells", lt + 1)) mergesAt = lt;
      continue;
    }
    let i = fast ? gt : lt + 1;
    while (i < gt && !isXmlSpace(b[i]) && b[i] !== GT && b[i] !== SLASH) i++;
    while (i < gt) {
      while (i < gt && isXmlSpace(b[i])) i++;
      const nameStart = i;
      while (i < gt && b[i] !== EQ && !isXmlSpace(b[i])) i++;
      const nameEnd = i;
      while (i < gt && b[i] !== QUOTE && b[i] !== APOS) i++;
      if (i >= gt) break;
      const valueEnd = byteAfter(b, b[i], i + 1);
      if (valueEnd < 0) break;
      const len = nameEnd - nameStart;
      if (len === 1) {
        const n = b[nameStart];
        if (n === 114) {
          rAt = i + 1;
          rEnd = valueEnd;
        } else if (n === 115) {
          sAt = i + 1;
          sEnd = valueEnd;
        } else if (n === 116) t = valueText(b, i + 1, valueEnd);
      } else if (len === 6 && startsWithAscii(b, "hidden", nameStart)) hidden = valueText(b, i + 1, valueEnd);
      i = valueEnd + 1;
    }
    if (isRow) {
      row = rAt < 0 ? row + 1 : digitsAt(b, rAt, rEnd) - 1;
      if (!(row >= 0)) throw new PackageError(`sheet ${name}: bad row number`);
      if (row >= MAX_ROWS) throw new PackageError(`sheet ${name}: row ${row + 1} is beyond Excel's last row (1 048 576)`);
      col = -1;
      // A new row is made as wide as the last one (up to 64 cells): rows of a table are alike, and an empty array
      // would grow to 17 slots at its first cell (a 100 000-row ledger's grid: 12 MB instead of 20). Cells it does
      // not get stay holes, which finishRows makes null or drops at the end.
      cells = rows[row] ?? (rows[row] = cells.length > 0 && cells.length <= 64 ? new Array<RawCell>(cells.length) : []);
      if (hidden === "1" || hidden === "true") hiddenRows.push(row);
      continue;
    }
    if (rAt >= 0) {
      col = columnAtBytes(b, rAt, rEnd);
      let k = rAt;
      while (k < rEnd && !(b[k] >= 48 && b[k] <= 57)) k++;
      const rr = digitsAt(b, k, rEnd) - 1;
      if (!(rr >= 0) || col < 0) throw new PackageError(`sheet ${name}: bad cell reference ${decodeUtf8(b, rAt, rEnd)}`);
      if (rr >= MAX_ROWS || col >= MAX_COLUMNS)
        throw new PackageError(`sheet ${name}: cell ${decodeUtf8(b, rAt, Math.min(rEnd, rAt + 20))} is outside Excel's grid`);
      if (rr !== row) {
        row = rr;
        cells = rows[row] ?? (rows[row] = []);
      }
    } else if (++col >= MAX_COLUMNS) throw new PackageError(`sheet ${name}: row ${row + 1} has more than 16 384 cells`);
    if (selfClosing) continue;
    const style = sAt < 0 ? -1 : digitsAt(b, sAt, sEnd);
    let v: RawCell | undefined;
    let textAt = -1;
    let textEnd = -1;
    try {
      if (b[gt + 1] === LT && b[gt + 2] === 118 /* v */ && b[gt + 3] === GT) {
        // The common case: a plain value; its end and the cell's are found without a search where they follow.
        const lt2 = byteAfter(b, LT, gt + 4);
        const vEnd = lt2 >= 0 && startsWithAscii(b, "</v>", lt2) ? lt2 : indexOfAscii(b, "</v>", gt + 4);
        const close = vEnd >= 0 && startsWithAscii(b, "</c>", vEnd + 4) ? vEnd + 4 : indexOfAscii(b, "</c>", vEnd);
        if (vEnd < 0 || close < 0) throw new PackageError(`sheet ${name}: unclosed cell`);
        if (close !== vEnd + 4) v = cellValue(t, style, decodeUtf8(b, gt + 1, close), ctx);
        else if (t === undefined || t === "n") {
          const n = numberAt(b, gt + 4, vEnd);
          v = n === n ? dateOrNumber(n, style, ctx) : typedValue(t, style, decodeUtf8(b, gt + 4, vEnd), ctx);
        } else if (t === "s") {
          const k = digitsAt(b, gt + 4, vEnd);
          v = (k === k ? ctx.strings[k] : undefined) ?? typedValue(t, style, decodeUtf8(b, gt + 4, vEnd), ctx);
        } else v = typedValue(t, style, decodeUtf8(b, gt + 4, vEnd), ctx);
        pos = close + 4;
      } else if (
        t === "inlineStr" &&
        (textAt = inlineTextStart(b, gt + 1)) >= 0 &&
        startsWithAscii(b, INLINE_END, (textEnd = byteAfter(b, LT, textAt)))
      ) {
        // Our own writer's text cell, `<is><t xml:space="preserve">text</t></is>`: the text, holding no markup, decoded.
        v = decodeText(decodeUtf8(b, textAt, textEnd));
        pos = textEnd + INLINE_END.length;
      } else {
        const close = indexOfAscii(b, "</c>", gt);
        if (close < 0) throw new PackageError(`sheet ${name}: unclosed cell`);
        v = close === gt + 1 ? undefined : cellValue(t, style, decodeUtf8(b, gt + 1, close), ctx);
        pos = close + 4;
      }
    } catch (e) {
      // A value that cannot be read (a character reference beyond Unicode) is named by its cell.
      if (!(e instanceof PackageError) || e.message.startsWith("sheet ")) throw e;
      throw new PackageError(`${quoteSheetName(name)}!${columnLetters(col)}${row + 1}: ${e.message}`);
    }
    if (v !== undefined && v !== null) {
      if (col < DENSE_COLUMNS) cells[col] = v;
      else far.push(row, col, v);
    }
  }
  // The first mergeCells, wherever it stands, without searching the 28 MB of cells again: the part before the cells,
  // the tags the loop passed, then what follows the cells.
  if (mergesAt < 0) mergesAt = indexOfAscii(b, "<mergeCells", Math.max(0, end));
  const merges = mergesAt < 0 ? [] : clearMergedCells(decodeUtf8(b, mergesAt, b.length), rows);
  finishRows(rows);
  if (far.length > 0) placeFarCells(rows, far, merges);
  return { name, rows, hiddenRows };
}
