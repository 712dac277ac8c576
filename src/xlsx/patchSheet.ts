/**
 * An input sheet's part with a table edit applied (the SIE import, report/sheetModel `TableEdit`): only the
 * cells the edit names are written, rows below the table are added, and every other byte of the part stays as
 * it was — cells beside and below the table, formulas, hidden rows, row heights, column widths, conditional
 * formats, comments' anchors. A written cell keeps its old cell style when that shows the value the same way
 * (a date in a date format), otherwise takes the style of its column's cell above, or the report's style.
 */
import { FORMATS, TableEdit, a1, columnLetters } from "../report/sheetModel";
import { Package, PackageError } from "./package";
import type { sheetEntries } from "./read";
import { deflateEntry, ZipEntry } from "./zip";
import { cellXml } from "./sheetXml";
import { Styles } from "./styles";
import { attributes, elements, startTags } from "./xml";

/** A cell the edit would write whose formula other cells share (a shared or array formula's master): refused, naming it. */
export class EditRefusedAt extends Error {
  constructor(readonly cell: string) {
    super(`the cell ${cell} holds a shared or array formula`);
  }
}

interface RowToken {
  index: number;
  /** Where the `<row` starts and where the row element ends in the part. */
  start: number;
  end: number;
  /** The start tag's attribute text and, for a row with content, the cells' text. */
  attrs: string;
  cells: string | null;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** The rows of `<sheetData>` in order, each with its position (rows without `r` numbered as Excel does). */
function rowsOf(xml: string, from: number, to: number): RowToken[] {
  const out: RowToken[] = [];
  let pos = from;
  let index = -1;
  for (;;) {
    const lt = xml.indexOf("<row", pos);
    if (lt < 0 || lt >= to) return out;
    const after = xml.charCodeAt(lt + 4);
    if (!(isSpace(after) || after === 62 || after === 47)) {
      pos = lt + 4;
      continue;
    }
    const gt = xml.indexOf(">", lt);
    if (gt < 0) throw new PackageError("unclosed <row> tag");
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const attrs = xml.slice(lt + 4, selfClosing ? gt - 1 : gt);
    const r = attributes(attrs).r;
    index = r === undefined ? index + 1 : Number(r) - 1;
    if (selfClosing) {
      out.push({ index, start: lt, end: gt + 1, attrs, cells: null });
      pos = gt + 1;
      continue;
    }
    const close = xml.indexOf("</row>", gt);
    if (close < 0) throw new PackageError("a <row> is never closed");
    out.push({ index, start: lt, end: close + 6, attrs, cells: xml.slice(gt + 1, close) });
    pos = close + 6;
  }
}

interface CellToken {
  col: number;
  xml: string;
  style: number;
}

/** The cells of a row's content, each with its column (cells without `r` follow the one before). */
function cellsOf(text: string, row: number): CellToken[] {
  const out: CellToken[] = [];
  let col = -1;
  let pos = 0;
  for (;;) {
    const lt = text.indexOf("<c", pos);
    if (lt < 0) return out;
    const after = text.charCodeAt(lt + 2);
    if (!(isSpace(after) || after === 62 || after === 47)) {
      pos = lt + 2;
      continue;
    }
    const gt = text.indexOf(">", lt);
    if (gt < 0) throw new PackageError("unclosed <c> tag");
    const selfClosing = text.charCodeAt(gt - 1) === 47;
    const end = selfClosing ? gt + 1 : text.indexOf("</c>", gt) + 4;
    if (end < 4) throw new PackageError("a <c> is never closed");
    const a = attributes(text.slice(lt + 2, selfClosing ? gt - 1 : gt));
    let xml = text.slice(lt, end);
    if (a.r !== undefined) {
      const m = /^\$?([A-Za-z]{1,3})/.exec(a.r);
      col = m ? columnIndex(m[1]) : col + 1;
    } else {
      col++;
      xml = `<c r="${a1(row, col)}"` + xml.slice(2); // a cell among written ones needs its own reference
    }
    out.push({ col, xml, style: a.s === undefined ? 0 : Number(a.s) || 0 });
    pos = end;
  }
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Whether a cell's XML holds the master of a shared formula or an array formula (other cells depend on it). */
function isFormulaMaster(cell: string): boolean {
  for (const f of startTags(cell, "f")) {
    const a = attributes(f);
    if ((a.t === "shared" && a.ref !== undefined) || a.t === "array") return true;
  }
  return false;
}

/** `<dimension ref>` widened to hold the table's rows and columns. */
function withDimension(xml: string, edit: TableEdit, lastRow: number): string {
  const d = /<dimension\b[^>]*?ref\s*=\s*"([^"]*)"[^>]*?\/?>/.exec(xml.slice(0, xml.indexOf("<sheetData")));
  if (!d) return xml;
  const [a, b] = d[1].split(":");
  const parse = (ref: string) => {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref ?? "");
    return m ? { col: columnIndex(m[1]), row: Number(m[2]) - 1 } : null;
  };
  const tl = parse(a);
  const br = parse(b ?? a);
  if (!tl || !br) return xml;
  const top = Math.min(tl.row, edit.lastRow);
  const left = Math.min(tl.col, edit.left);
  const bottom = Math.max(br.row, lastRow);
  const right = Math.max(br.col, edit.left + edit.width - 1);
  const tag = d[0].replace(d[1], `${columnLetters(left)}${top + 1}:${columnLetters(right)}${bottom + 1}`);
  return xml.slice(0, d.index) + tag + xml.slice(d.index + d[0].length);
}

/**
 * The worksheet part with the edit applied. `dateStyle(s)` tells whether cell style `s` shows a date.
 * Throws EditRefusedAt for a written cell that is a shared or array formula's master.
 */
export function patchSheetXml(xml: string, edit: TableEdit, styles: Styles, dateStyle: (s: number) => boolean): string {
  let text = xml;
  const empty = /<sheetData\s*\/>/.exec(text);
  if (empty) text = text.slice(0, empty.index) + "<sheetData></sheetData>" + text.slice(empty.index + empty[0].length);
  const sdStart = text.indexOf("<sheetData");
  const sdClose = text.lastIndexOf("</sheetData>");
  if (sdStart < 0 || sdClose < 0) throw new PackageError(`sheet ${edit.sheet} has no sheetData`);
  const from = text.indexOf(">", sdStart) + 1;

  // What each touched row gets: column → new cell (null empties it).
  const wanted = new Map<number, Map<number, (typeof edit.changes)[number]["cell"]>>();
  const want = (row: number, col: number, cell: (typeof edit.changes)[number]["cell"]) => {
    let m = wanted.get(row);
    if (!m) wanted.set(row, (m = new Map()));
    m.set(col, cell);
  };
  for (const ch of edit.changes) want(ch.row, ch.col, ch.cell);
  edit.appended.forEach((r, i) => r.forEach((cell, c) => want(edit.lastRow + 1 + i, edit.left + c, cell)));
  const lastRow = edit.lastRow + edit.appended.length;

  // The style each table column's cells have (the last one seen above), for cells that did not exist.
  const columnStyle = new Map<number, number>();
  const styleFor = (cell: NonNullable<(typeof edit.changes)[number]["cell"]>, old: number | undefined, col: number): number => {
    const needsDate = cell.format === FORMATS.date;
    if (old !== undefined && old !== 0 && dateStyle(old) === needsDate) return old;
    const above = columnStyle.get(col);
    if (above !== undefined && above !== 0 && dateStyle(above) === needsDate) return above;
    return styles.cellStyle(cell);
  };

  const rewriteRow = (row: number, cells: CellToken[], attrs: string | null): string => {
    const changes = wanted.get(row)!;
    const byCol = new Map(cells.map((c) => [c.col, c]));
    const out: CellToken[] = cells.filter((c) => !changes.has(c.col));
    for (const [col, cell] of changes) {
      const old = byCol.get(col);
      if (old && isFormulaMaster(old.xml)) throw new EditRefusedAt(`${edit.sheet}!${a1(row, col)}`);
      if (!cell) {
        // Emptied: the cell keeps its format (a styled empty cell), or goes when it had none.
        if (old && old.style) out.push({ col, xml: `<c r="${a1(row, col)}" s="${old.style}"/>`, style: old.style });
        continue;
      }
      const s = styleFor(cell, old?.style, col);
      out.push({ col, xml: cellXml(a1(row, col), cell, s), style: s });
    }
    out.sort((x, y) => x.col - y.col);
    for (const c of out) if (c.col >= edit.left && c.col < edit.left + edit.width && c.style) columnStyle.set(c.col, c.style);
    // `spans` is an optional hint of the row's columns; it goes rather than be wrong.
    const head = attrs === null ? ` r="${row + 1}"` : attrs.replace(/\s+spans\s*=\s*"[^"]*"/, "");
    return `<row${head}>${out.map((c) => c.xml).join("")}</row>`;
  };

  const parts: string[] = [text.slice(0, from)];
  let pos = from;
  const rows = rowsOf(text, from, sdClose);
  const pending = [...wanted.keys()].sort((a, b) => a - b);
  let next = 0;
  const flushBefore = (limit: number) => {
    while (next < pending.length && pending[next] < limit) {
      parts.push(rewriteRow(pending[next], [], null));
      next++;
    }
  };
  for (const r of rows) {
    // Rows the edit needs that the part does not have yet come before this one.
    if (next < pending.length && pending[next] < r.index) {
      parts.push(text.slice(pos, r.start));
      pos = r.start;
      flushBefore(r.index);
    }
    if (!wanted.has(r.index)) {
      // An untouched row of the table: its columns' styles serve cells added below it.
      if (r.cells && r.index <= edit.lastRow)
        for (const c of cellsOf(r.cells, r.index))
          if (c.style && c.col >= edit.left && c.col < edit.left + edit.width) columnStyle.set(c.col, c.style);
      continue;
    }
    parts.push(text.slice(pos, r.start));
    parts.push(rewriteRow(r.index, r.cells ? cellsOf(r.cells, r.index) : [], r.attrs));
    pos = r.end;
    if (pending[next] === r.index) next++;
  }
  parts.push(text.slice(pos, sdClose));
  flushBefore(Infinity);
  parts.push(text.slice(sdClose));
  return withDimension(parts.join(""), edit, lastRow);
}

/** A table part whose range reaches `lastRow` (its autoFilter too); the part unchanged when it already does. */
export function patchTableXml(xml: string, lastRow: number): string {
  const head = elements(xml, "table").next();
  if (head.done) throw new PackageError("a table part without <table>");
  const ref = attributes(head.value.attrs).ref ?? "";
  const m = /^([A-Za-z]{1,3}\d+):([A-Za-z]{1,3})(\d+)$/.exec(ref);
  if (!m || Number(m[3]) - 1 >= lastRow) return xml;
  const grown = `${m[1]}:${m[2]}${lastRow + 1}`;
  return xml
    .replace(/(<table\b[^>]*?\sref\s*=\s*")[^"]*(")/, `$1${grown}$2`)
    .replace(/(<autoFilter\b[^>]*?\sref\s*=\s*")[^"]*(")/, `$1${grown}$2`);
}

/**
 * The input tables' edits (the SIE import): each sheet's part patched where the edit writes, and its Excel
 * table's range grown by the appended rows; nothing else of the sheet changes (patchSheet.ts).
 */
export function applyEdits(
  pkg: Package,
  entries: ReturnType<typeof sheetEntries>,
  edits: TableEdit[],
  styles: Styles,
  dates: boolean[],
  replaced: Map<string, ZipEntry>,
): void {
  const texts = new Map<string, string>();
  for (const edit of edits) {
    const entry = entries.find((s) => s.name.toLowerCase() === edit.sheet.toLowerCase());
    if (!entry?.part) throw new PackageError(`${edit.sheet} is not a worksheet`);
    const part = entry.part;
    texts.set(
      part,
      patchSheetXml(texts.get(part) ?? pkg.text(part), edit, styles, (s) => dates[s] === true),
    );
    if (!edit.table || edit.appended.length === 0) continue;
    const rel = pkg.relationships(part).find((r) => {
      if (r.kind !== "table" || r.external || !pkg.has(r.target)) return false;
      const head = startTags(pkg.text(r.target), "table").next();
      if (head.done) return false;
      const a = attributes(head.value);
      return [a.name, a.displayName].some((n) => n?.toLowerCase() === edit.table!.toLowerCase());
    });
    if (!rel) throw new PackageError(`the table ${edit.table} is not on ${edit.sheet}`);
    const table = patchTableXml(pkg.text(rel.target), edit.lastRow + edit.appended.length);
    if (table !== pkg.text(rel.target)) replaced.set(rel.target, deflateEntry(rel.target, table));
  }
  for (const [part, xml] of texts) replaced.set(part, deflateEntry(part, xml));
}
