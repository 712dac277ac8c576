/**
 * Reads an .xlsx package into the neutral grid: every worksheet's cells (formulas give their cached
 * result), hidden rows, merged cells (only the top-left holds the value) and every Excel table.
 * Numbers in a date or time format become calendar dates, as Excel shows them. The worksheet parts
 * themselves are read by the scanner in scan.ts.
 */
import type { GridSheet, GridTable, RawCell, WorkbookGrid } from "../workbook/grid";
import { Package, PackageError } from "./package";
import { Context, parseA1, readSheet } from "./scan";
import { attributes, decodeText, elements, PRESERVE, startTags, stringItemText } from "./xml";

export { digitsAt, numberAt, parseA1 } from "./scan";

/** The workbook part the package root points to. */
export function workbookPart(pkg: Package): string {
  const rel = pkg.relationships("").find((r) => r.kind === "officeDocument" && !r.external);
  if (!rel || !pkg.has(rel.target)) throw new PackageError("no workbook part (is this an .xlsx file?)");
  return rel.target;
}

/**
 * Whether the workbook is Strict Open XML (ISO/IEC 29500 strict: purl.oclc.org namespaces or
 * `conformance="strict"`). We read it, but write only transitional parts, and a package must not mix them.
 */
/** A macro-enabled workbook (`.xlsm`): its main part's content type says so, whatever the file is called. */
export function isMacroEnabled(pkg: Package): boolean {
  const types = pkg.has("[Content_Types].xml") ? pkg.text("[Content_Types].xml") : "";
  const part = "/" + workbookPart(pkg);
  for (const tag of startTags(types, "Override")) {
    const a = attributes(tag);
    if (a.PartName === part) return /macroEnabled/i.test(a.ContentType ?? "");
  }
  return false;
}

export function isStrict(pkg: Package): boolean {
  const xml = pkg.text(workbookPart(pkg));
  const root = /<workbook\b[^>]*>/.exec(xml)?.[0] ?? "";
  return /conformance\s*=\s*["']strict["']/.test(root) || root.includes("http://purl.oclc.org/ooxml/spreadsheetml/main");
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  /** The worksheet part; undefined for a chart sheet or dialog sheet. */
  part?: string;
}

/** The sheets listed in workbook.xml, in tab order. */
export function sheetEntries(pkg: Package, wbPart: string): SheetEntry[] {
  const xml = pkg.text(wbPart);
  const rels = new Map(pkg.relationships(wbPart).map((r) => [r.id, r]));
  const out: SheetEntry[] = [];
  for (const tag of startTags(xml, "sheet")) {
    const a = attributes(tag);
    const rel = rels.get(a.id);
    out.push({
      name: a.name,
      sheetId: Number(a.sheetId),
      relId: a.id,
      part: rel && rel.kind === "worksheet" && pkg.has(rel.target) ? rel.target : undefined,
    });
  }
  return out;
}

/** Built-in number formats that show a date or a time. */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** Whether a format code shows a date or time: y, m, d, h or s outside quotes, brackets and escapes. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "");
  return /[ymdhs]/i.test(bare.replace(/General/gi, ""));
}

/** For every cell style index (the `s` attribute), whether its number format is a date or time. */
export function dateStyles(pkg: Package, wbPart: string): boolean[] {
  const rel = pkg.relationships(wbPart).find((r) => r.kind === "styles" && !r.external);
  if (!rel || !pkg.has(rel.target)) return [];
  const xml = pkg.text(rel.target);
  const custom = new Map<number, string>();
  for (const tag of startTags(xml, "numFmt")) {
    const a = attributes(tag);
    custom.set(Number(a.numFmtId), a.formatCode ?? "");
  }
  const xfs = elements(xml, "cellXfs").next();
  if (xfs.done) return [];
  const out: boolean[] = [];
  for (const tag of startTags(xfs.value.inner, "xf")) {
    const id = Number(attributes(tag).numFmtId ?? 0);
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
  }
  return out;
}

export function sharedStrings(pkg: Package, wbPart: string): string[] {
  const rel = pkg.relationships(wbPart).find((r) => r.kind === "sharedStrings" && !r.external);
  if (!rel || !pkg.has(rel.target)) return [];
  return sharedStringsOf(pkg.text(rel.target));
}

/** The items of a shared strings part as text. */
export function sharedStringsOf(xml: string): string[] {
  const out: string[] = [];
  // One pass: an item that is never closed is an error, not a search to the end for each of 150 000 of them.
  for (let pos = 0; ;) {
    const lt = xml.indexOf("<si", pos);
    if (lt < 0) return out;
    // The usual item, `<si><t>text</t></si>` (a ledger's 100 000 voucher texts), read where it stands; any other
    // item (runs, phonetic text, attributes, empty) by the general reader, which also passes a `<si` that is not one.
    const start = xml.startsWith("<si><t>", lt) ? lt + 7 : xml.startsWith(USUAL_PRESERVED, lt) ? lt + USUAL_PRESERVED.length : -1;
    const close = start < 0 ? -1 : xml.indexOf("<", start);
    const usual = close >= 0 && xml.startsWith("</t></si>", close);
    // The usual item's text, or an item's content.
    let raw: string;
    if (usual) {
      raw = xml.slice(start, close);
      pos = close + 9;
    } else {
      const si = elements(xml, "si", lt).next();
      if (si.done) return out;
      raw = si.value.inner;
      pos = si.value.end;
    }
    try {
      out.push(usual ? decodeText(raw) : raw === "" ? "" : stringItemText(raw));
    } catch (e) {
      if (e instanceof PackageError) throw new PackageError(`shared string ${out.length + 1}: ${e.message}`);
      throw e;
    }
  }
}

const USUAL_PRESERVED = "<si>" + PRESERVE;

/**
 * Whether a row holds a table's column names, in order: the header row of a table saved with `headerRowCount="0"` over a
 * range that still starts with it (ExcelJS writes every table it reads so, its reader taking a missing headerRowCount,
 * whose default is 1, for 0). A table whose header row is really turned off starts with its first data row.
 */
function namesRow(tableXml: string, row: readonly RawCell[] | undefined): boolean {
  const names = [...startTags(tableXml, "tableColumn")].map((t) => attributes(t).name ?? "");
  return (
    !!row &&
    names.length > 0 &&
    names.every((n, i) => n === (typeof row[i] === "string" || typeof row[i] === "number" ? String(row[i]) : ""))
  );
}

/** The Excel tables of a worksheet, cut out of its rows; `names` collects both names of every table part. */
function readTables(pkg: Package, part: string, sheet: GridSheet, names: Array<{ name: string; sheet: string }>): GridTable[] {
  const out: GridTable[] = [];
  for (const rel of pkg.relationships(part)) {
    if (rel.kind !== "table" || rel.external || !pkg.has(rel.target)) continue;
    const head = startTags(pkg.text(rel.target), "table").next();
    if (head.done) continue;
    const a = attributes(head.value);
    for (const n of new Set([a.name, a.displayName])) if (n) names.push({ name: n, sheet: sheet.name });
    const name = a.displayName ?? a.name;
    if (!name || !a.ref) continue;
    const [tl, br] = a.ref.split(":");
    const from = parseA1(tl);
    const range = parseA1(br ?? tl);
    // A totals row (totalsRowCount) is the range's last row and not data: the table's body ends above it.
    const totals = Number(a.totalsRowCount ?? 0) > 0 && range.row > from.row ? range.row : undefined;
    const to = { ...range, row: totals === undefined ? range.row : totals - 1 };
    const rows: RawCell[][] = [];
    // A table's range is read only as far as the sheet has rows and cells (`A1:XFD1048576` is not 17 billion cells).
    const lastRow = Math.min(to.row, Math.max(from.row, sheet.rows.length - 1));
    let widest = 0;
    for (let r = from.row; r <= lastRow; r++) widest = Math.max(widest, (sheet.rows[r] ?? []).length);
    const lastCol = Math.min(to.col, Math.max(from.col, widest - 1));
    const width = lastCol - from.col + 1;
    for (let r = from.row; r <= lastRow; r++) {
      const src = sheet.rows[r] ?? [];
      // A row that is already the table's row (from column A, as wide as the table) is shared, not copied: the grid
      // is not changed after it is read, and a 100 000-row ledger is 100 000 arrays fewer.
      if (from.col === 0 && src.length === width && !src.includes(undefined as unknown as RawCell)) {
        rows.push(src);
        continue;
      }
      const cells: RawCell[] = [];
      for (let c = from.col; c <= lastCol; c++) cells.push(src[c] ?? null);
      rows.push(cells);
    }
    out.push({
      name,
      sheet: sheet.name,
      top: from.row,
      left: from.col,
      rows,
      bottom: to.row,
      ...(totals === undefined ? {} : { totalsRow: totals }),
      ...(a.headerRowCount === "0" && !namesRow(pkg.text(rel.target), rows[0]) ? { headersHidden: true } : {}),
    });
  }
  return out;
}

/**
 * The whole workbook as the neutral grid, every part inflated in its turn. The port reads with readGridAsync, the same
 * read with the largest sheet inflated ahead; the tests hold the two to the same grid and the same refusals.
 */
export function readGrid(pkg: Package): WorkbookGrid {
  const plan = gridPlan(pkg);
  return gridOf(pkg, plan, gridContext(pkg, plan));
}

/**
 * readGrid, with the largest worksheet (a ledger's 28 MB) inflated on zlib's thread pool while the shared strings and
 * styles are read here: the same grid and the same errors in the same order (Package.inflateAhead). One part only, so
 * that a workbook with several large sheets never holds more than one of them before its turn.
 */
export async function readGridAsync(pkg: Package): Promise<WorkbookGrid> {
  const plan = gridPlan(pkg);
  const size = (part: string | undefined) => (part ? (pkg.entry(part)?.size ?? 0) : 0);
  const largest = plan.entries.reduce<string | undefined>((best, s) => (size(s.part) > size(best) ? s.part : best), undefined);
  const ahead = pkg.inflateAhead(largest && size(largest) >= INFLATE_AHEAD_BYTES ? [largest] : []);
  let ctx: Context;
  try {
    ctx = gridContext(pkg, plan);
  } finally {
    // Whatever the strings or styles say, nothing is left inflating behind the answer.
    await ahead;
  }
  return gridOf(pkg, plan, ctx);
}

/** The largest worksheet is inflated ahead from this size on; below it the thread pool's round trip costs more. */
const INFLATE_AHEAD_BYTES = 1 << 20;

interface GridPlan {
  wbPart: string;
  wbXml: string;
  entries: SheetEntry[];
}

/** The workbook part and its sheets; every part the read inflates counted against the budget before any is read. */
function gridPlan(pkg: Package): GridPlan {
  const wbPart = workbookPart(pkg);
  const wbXml = pkg.text(wbPart);
  const entries = sheetEntries(pkg, wbPart);
  pkg.reserve([
    ...pkg
      .relationships(wbPart)
      .filter((r) => !r.external && (r.kind === "sharedStrings" || r.kind === "styles"))
      .map((r) => r.target),
    ...entries.flatMap((s) => (s.part ? [s.part] : [])),
  ]);
  return { wbPart, wbXml, entries };
}

/** What reading a cell needs: the shared strings, the date styles, the date system. */
function gridContext(pkg: Package, { wbPart, wbXml }: GridPlan): Context {
  const pr = startTags(wbXml, "workbookPr").next();
  const d1904 = pr.done ? undefined : attributes(pr.value).date1904;
  return { strings: sharedStrings(pkg, wbPart), dates: dateStyles(pkg, wbPart), date1904: d1904 === "1" || d1904 === "true" };
}

function gridOf(pkg: Package, { wbXml, entries }: GridPlan, ctx: Context): WorkbookGrid {
  const sheets: GridSheet[] = [];
  const tables: GridTable[] = [];
  const tableNames: Array<{ name: string; sheet: string }> = [];
  for (const s of entries) {
    if (!s.part) continue;
    const sheet = readSheet(pkg.bytes(s.part), s.name, ctx);
    sheets.push(sheet);
    tables.push(...readTables(pkg, s.part, sheet, tableNames));
  }
  const sheetNames = entries.map((e) => e.name);
  return { sheets, tables, tableNames, sheetNames, definedNames: definedNames(wbXml), date1904: ctx.date1904 };
}

/** The names of workbook.xml's `<definedName>` elements (workbook- and sheet-scoped). */
export function definedNames(wbXml: string): string[] {
  // elements(): a definedName that is never closed is an error here, before a writer looks for its end.
  return [...elements(wbXml, "definedName")].map((e) => attributes(e.attrs).name).filter((n): n is string => !!n);
}
