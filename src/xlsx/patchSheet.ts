/**
 * An input sheet's part with a table edit applied (the SIE import, report/sheetModel `TableEdit`): only the
 * cells the edit names are written, rows below the table are added, and every other byte of the part stays as
 * it was — cells beside and below the table, formulas, hidden rows, row heights, column widths, conditional
 * formats, comments' anchors. A written cell keeps its old cell style when that shows the value the same way
 * (a date in a date format), otherwise takes the style of its column's cell above, or the report's style.
 */
import { Utf8Chunks } from "./utf8Chunks";
import { Cell, FORMATS, TableEdit, a1, columnLetters, rowAt } from "../report/sheetModel";
import { Package, PackageError } from "./package";
import type { sheetEntries } from "./read";
import { deflateEntry, EntryDeflater, ZipEntry } from "./zip";
import { cellXml } from "./sheetXml";
import { Styles } from "./styles";
import { columnAt } from "./scan";
import { attributes, elements, isXmlSpace, startTags } from "./xml";

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

/** The rows of `<sheetData>` in order, each with its position (rows without `r` numbered as Excel does). */
function rowsOf(xml: string, from: number, to: number): RowToken[] {
  const out: RowToken[] = [];
  let pos = from;
  let index = -1;
  for (;;) {
    const lt = xml.indexOf("<row", pos);
    if (lt < 0 || lt >= to) return out;
    const after = xml.charCodeAt(lt + 4);
    if (!(isXmlSpace(after) || after === 62 || after === 47)) {
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
    if (!(isXmlSpace(after) || after === 62 || after === 47)) {
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

const columnIndex = (letters: string): number => columnAt(letters, 0, letters.length);

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

const LETTERS: string[] = [];
const ref = (row: number, col: number) => (LETTERS[col] ??= columnLetters(col)) + (row + 1);

/** Whether a cell carries nothing but a value and a number format (the import's cells): its style depends on those alone. */
const plain = (c: Cell) =>
  c.formula === undefined &&
  !c.bold &&
  !c.italic &&
  !c.title &&
  !c.small &&
  !c.tone &&
  !c.wrap &&
  !c.indent &&
  !c.right &&
  !c.top &&
  !c.unlocked;

/**
 * The worksheet part with the edit applied, as UTF-8 written in pieces (utf8Chunks.ts: a million appended rows never
 * become one string); with `sink`, the pieces go there as they are made and the part is never whole in memory.
 * `dateStyle(s)` tells whether cell style `s` shows a date. Throws EditRefusedAt for a written cell that is a shared
 * or array formula's master. With `checkOnly`, only what could be refused is looked at (the rows the part already
 * has) and nothing is built.
 */
export function patchSheetXml(
  xml: string,
  edit: TableEdit,
  styles: Styles,
  dateStyle: (s: number) => boolean,
  checkOnly = false,
  sink?: (piece: Buffer) => void,
): Buffer {
  let text = xml;
  const empty = /<sheetData\s*\/>/.exec(text);
  if (empty) text = text.slice(0, empty.index) + "<sheetData></sheetData>" + text.slice(empty.index + empty[0].length);
  const sdStart = text.indexOf("<sheetData");
  const sdClose = text.lastIndexOf("</sheetData>");
  if (sdStart < 0 || sdClose < 0) throw new PackageError(`sheet ${edit.sheet} has no sheetData`);
  const from = text.indexOf(">", sdStart) + 1;
  const { left, width } = edit;
  const firstAppended = edit.lastRow + 1;
  const lastRow = edit.lastRow + edit.appended.length;
  const changed = new Map(edit.changes.map((c) => [c.row, c.cells]));
  /** What row `row` gets in the table's columns (undefined: nothing). */
  const wantedAt = (row: number): Array<Cell | null | undefined> | undefined =>
    row >= firstAppended && row <= lastRow ? rowAt(edit.appended, row - firstAppended) : changed.get(row);

  const out = new Utf8Chunks(sink);
  const emit = (s: string) => {
    if (!checkOnly) out.add(s);
  };

  // The style each table column's cells have (the last one seen above), for cells that did not exist.
  const columnStyle = new Map<number, number>();
  const styleFor = (cell: Cell, old: number | undefined, col: number): number => {
    const needsDate = cell.format === FORMATS.date;
    if (old !== undefined && old !== 0 && dateStyle(old) === needsDate) return old;
    const above = columnStyle.get(col);
    if (above !== undefined && above !== 0 && dateStyle(above) === needsDate) return above;
    return styles.cellStyle(cell);
  };
  // Appended rows' cells: one style per column and format, found once.
  const appendedStyles = new Map<string, number>();
  const appendedStyle = (cell: Cell, col: number): number => {
    if (!plain(cell)) return styleFor(cell, undefined, col);
    const k = `${col}\u0001${cell.format ?? ""}`;
    let s = appendedStyles.get(k);
    if (s === undefined) appendedStyles.set(k, (s = styleFor(cell, undefined, col)));
    return s;
  };

  /** A row the part does not have yet: the table's cells only. */
  const newRow = (row: number, cells: Array<Cell | null | undefined>) => {
    let out = `<row r="${row + 1}">`;
    for (let c = 0; c < width; c++) {
      const cell = cells[c];
      if (cell) out += cellXml(ref(row, left + c), cell, appendedStyle(cell, left + c));
    }
    emit(out + "</row>");
  };

  /** A row the part has: its cells outside the change as they were, the changed ones written. */
  const mergedRow = (row: number, cells: CellToken[], attrs: string, wanted: Array<Cell | null | undefined>) => {
    const byCol = new Map(cells.map((c) => [c.col, c]));
    const out: CellToken[] = cells.filter((c) => c.col < left || c.col >= left + width || wanted[c.col - left] === undefined);
    for (let i = 0; i < width; i++) {
      const cell = wanted[i];
      if (cell === undefined) continue;
      const col = left + i;
      const old = byCol.get(col);
      if (old && isFormulaMaster(old.xml)) throw new EditRefusedAt(`${edit.sheet}!${a1(row, col)}`);
      if (checkOnly) continue;
      if (!cell) {
        // Emptied: the cell keeps its format (a styled empty cell), or goes when it had none.
        if (old && old.style) out.push({ col, xml: `<c r="${ref(row, col)}" s="${old.style}"/>`, style: old.style });
        continue;
      }
      const s = row >= firstAppended ? appendedStyle(cell, col) : styleFor(cell, old?.style, col);
      out.push({ col, xml: cellXml(ref(row, col), cell, s), style: s });
    }
    if (checkOnly) return;
    out.sort((x, y) => x.col - y.col);
    for (const c of out) if (c.col >= left && c.col < left + width && c.style) columnStyle.set(c.col, c.style);
    // `spans` is an optional hint of the row's columns; it goes rather than be wrong.
    emit(`<row${attrs.replace(/\s+spans\s*=\s*"[^"]*"/, "")}>${out.map((c) => c.xml).join("")}</row>`);
  };

  // Changed and appended rows in order, merged with the rows the part has.
  const pendingChanged = edit.changes.map((c) => c.row).sort((x, y) => x - y);
  let nextChanged = 0;
  let nextAppended = firstAppended;
  /** Emits the wanted rows the part does not have, before row `limit`. */
  const newRowsBefore = (limit: number) => {
    while (nextChanged < pendingChanged.length && pendingChanged[nextChanged] < limit) {
      const row = pendingChanged[nextChanged++];
      if (!checkOnly) newRow(row, changed.get(row)!);
    }
    if (checkOnly) {
      nextAppended = Math.max(nextAppended, Math.min(limit, lastRow + 1));
      return;
    }
    for (; nextAppended <= lastRow && nextAppended < limit; nextAppended++)
      newRow(nextAppended, rowAt(edit.appended, nextAppended - firstAppended));
  };

  emit(withDimension(text.slice(0, from), edit, lastRow));
  let pos = from;
  for (const r of rowsOf(text, from, sdClose)) {
    const pendingBefore =
      (nextChanged < pendingChanged.length && pendingChanged[nextChanged] < r.index) || (nextAppended < r.index && nextAppended <= lastRow);
    if (pendingBefore) {
      emit(text.slice(pos, r.start));
      pos = r.start;
      newRowsBefore(r.index);
    }
    const wanted = wantedAt(r.index);
    if (!wanted) {
      // An untouched row of the table: its columns' styles serve cells added below it.
      if (r.cells && r.index <= edit.lastRow && !checkOnly)
        for (const c of cellsOf(r.cells, r.index)) if (c.style && c.col >= left && c.col < left + width) columnStyle.set(c.col, c.style);
      continue;
    }
    emit(text.slice(pos, r.start));
    mergedRow(r.index, r.cells ? cellsOf(r.cells, r.index) : [], r.attrs, wanted);
    pos = r.end;
    if (pendingChanged[nextChanged] === r.index) nextChanged++;
    if (nextAppended === r.index) nextAppended++;
  }
  emit(text.slice(pos, sdClose));
  newRowsBefore(Infinity);
  if (checkOnly) return Buffer.alloc(0);
  emit(text.slice(sdClose));
  return Buffer.concat(out.pieces());
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
  replaced: Map<string, ZipEntry> | null,
): void {
  // Without `replaced`, the edits are only tried: what would be refused is refused, nothing is built.
  const checkOnly = replaced === null;
  const texts = new Map<string, Buffer>();
  const partOf = (edit: TableEdit) => {
    const entry = entries.find((s) => s.name.toLowerCase() === edit.sheet.toLowerCase());
    if (!entry?.part) throw new PackageError(`${edit.sheet} is not a worksheet`);
    return entry.part;
  };
  // A part's last edit goes straight into its deflated entry, never whole in memory; an earlier one is kept as text.
  const lastEdit = new Map(edits.map((e) => [partOf(e), e]));
  for (const edit of edits) {
    const part = partOf(edit);
    const before = texts.get(part)?.toString("utf8") ?? pkg.text(part);
    const dateStyle = (s: number) => dates[s] === true;
    if (checkOnly) patchSheetXml(before, edit, styles, dateStyle, true);
    else if (lastEdit.get(part) === edit) {
      const entry = new EntryDeflater(part);
      patchSheetXml(before, edit, styles, dateStyle, false, (piece) => entry.add(piece));
      replaced!.set(part, entry.entry());
    } else texts.set(part, patchSheetXml(before, edit, styles, dateStyle));
    if (checkOnly || !edit.table || edit.appended.length === 0) continue;
    const rel = pkg.relationships(part).find((r) => {
      if (r.kind !== "table" || r.external || !pkg.has(r.target)) return false;
      const head = startTags(pkg.text(r.target), "table").next();
      if (head.done) return false;
      const a = attributes(head.value);
      return [a.name, a.displayName].some((n) => n?.toLowerCase() === edit.table!.toLowerCase());
    });
    if (!rel) throw new PackageError(`the table ${edit.table} is not on ${edit.sheet}`);
    const table = patchTableXml(pkg.text(rel.target), edit.lastRow + edit.appended.length);
    if (table !== pkg.text(rel.target)) replaced!.set(rel.target, deflateEntry(rel.target, table));
  }
}
