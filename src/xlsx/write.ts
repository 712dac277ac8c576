/**
 * Writes owned sheets into an .xlsx package without touching anything else: each owned sheet's
 * part is replaced in place (it keeps its tab position) or a new part is added at the end; every
 * other part is copied byte for byte, compressed as it was. What changes besides the owned sheets
 * and their tables: styles.xml gains the few cell styles the reports use (appended, so existing
 * style indices keep their meaning), workbook.xml lists new sheets and asks for a full recalculation
 * on open, and the calculation chain (a cache Excel rebuilds) is dropped.
 *
 * Longer than 400 lines on purpose: styles, sheet XML, tables and the package's relationships are
 * written in one pass that must agree on ids and part names. The Excel-fidelity work (table names,
 * docProps/app.xml) is the moment to split it into styles / sheet / package modules.
 */
import type { Cell, SheetModel } from "../report/sheetModel";
import { a1, columnLetters } from "../report/sheetModel";
import { CT_TABLE, CT_WORKSHEET, Package, PackageError, REL, relativeTarget, relsPartOf } from "./package";
import { sheetEntries, workbookPart } from "./read";
import { attributes, escapeAttr, escapeText } from "./xml";
import { deflateEntry, writeZip, ZipEntry } from "./zip";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/** Built-in number format ids of the format codes we use (Excel's fixed table). */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };

/** What decides a cell's style. */
interface StyleKey {
  format?: string;
  bold: boolean;
  italic: boolean;
  title: boolean;
  indent: number;
  wrap: boolean;
}

function styleKeyOf(cell: Cell): StyleKey | null {
  const key: StyleKey = {
    format: cell.format,
    bold: !!cell.bold,
    italic: !!cell.italic,
    title: !!cell.title,
    indent: cell.indent ?? 0,
    wrap: !!cell.wrap,
  };
  return key.format || key.bold || key.italic || key.title || key.indent || key.wrap ? key : null;
}

/** Replaces (or adds) an attribute in a start tag. */
function setAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/(\/?>)$/, ` ${name}="${value}"$1`);
}

/** The count of `<tag>` children in a block and the block's position. */
function block(xml: string, tag: string): { start: number; openEnd: number; close: number; inner: string } | null {
  const m = new RegExp(`<${tag}\\b[^>]*?(/?)>`).exec(xml);
  if (!m) return null;
  const openEnd = m.index + m[0].length;
  if (m[1] === "/") return { start: m.index, openEnd, close: -1, inner: "" };
  const close = xml.indexOf(`</${tag}>`, openEnd);
  if (close < 0) throw new PackageError(`styles: unclosed <${tag}>`);
  return { start: m.index, openEnd, close, inner: xml.slice(openEnd, close) };
}

const MINIMAL_STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  "</styleSheet>";

/** The workbook's styles with ours appended: new fonts, number formats and cell formats (xf). */
class Styles {
  private readonly fonts: string[] = [];
  private readonly fontIds = new Map<string, number>();
  private readonly numFmts: Array<{ id: number; code: string }> = [];
  private readonly numFmtIds = new Map<string, number>();
  private readonly xfs: string[] = [];
  private readonly xfIds = new Map<string, number>();
  private readonly baseFont: string;
  private readonly fontCount: number;
  private readonly xfCount: number;
  private nextNumFmt: number;

  constructor(private readonly xml: string) {
    const fonts = block(xml, "fonts");
    const fontList = fonts ? [...fonts.inner.matchAll(/<font\b[^>]*?(?:\/>|>[\s\S]*?<\/font>)/g)].map((m) => m[0]) : [];
    this.fontCount = fontList.length;
    this.baseFont = fontList[0] ?? '<font><sz val="11"/><name val="Calibri"/></font>';
    const xfs = block(xml, "cellXfs");
    this.xfCount = xfs ? (xfs.inner.match(/<xf\b/g) ?? []).length : 0;
    if (!fonts || !xfs || this.xfCount === 0) throw new PackageError("styles.xml has no fonts or cell formats");
    const numFmts = block(xml, "numFmts");
    let max = 163;
    for (const m of (numFmts?.inner ?? "").matchAll(/<numFmt\b([^>]*)>/g)) {
      const a = attributes(m[1]);
      const id = Number(a.numFmtId);
      if (id > max) max = id;
      if (a.formatCode !== undefined && !this.numFmtIds.has(a.formatCode)) this.numFmtIds.set(a.formatCode, id);
    }
    this.nextNumFmt = max + 1;
  }

  private fontId(bold: boolean, italic: boolean, title: boolean): number {
    if (!bold && !italic && !title) return 0;
    const key = `${bold}|${italic}|${title}`;
    let id = this.fontIds.get(key);
    if (id === undefined) {
      let f = this.baseFont.replace(/<(b|i)\b[^>]*\/>/g, "").replace(/^<font\b[^>]*\/>$/, "<font></font>");
      if (title)
        f = /<sz\b[^>]*\/>/.test(f) ? f.replace(/<sz\b[^>]*\/>/, '<sz val="14"/>') : f.replace(/^<font\b[^>]*>/, '$&<sz val="14"/>');
      f = f.replace(/^<font\b[^>]*>/, `$&${bold ? "<b/>" : ""}${italic ? "<i/>" : ""}`);
      id = this.fontCount + this.fonts.length;
      this.fonts.push(f);
      this.fontIds.set(key, id);
    }
    return id;
  }

  private numFmtId(code: string | undefined): number {
    if (code === undefined) return 0;
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmtIds.set(code, id);
      this.numFmts.push({ id, code });
    }
    return id;
  }

  /** The cell format index (the `s` attribute) for a style. */
  xf(key: StyleKey): number {
    const k = JSON.stringify(key);
    let id = this.xfIds.get(k);
    if (id === undefined) {
      const numFmt = this.numFmtId(key.format);
      const font = this.fontId(key.bold, key.italic, key.title);
      const align = key.indent || key.wrap;
      const alignment = align
        ? `<alignment${key.indent ? ` horizontal="left" indent="${key.indent}"` : ""}${key.wrap ? ' vertical="top" wrapText="1"' : ""}/>`
        : "";
      const applies = `${numFmt ? ' applyNumberFormat="1"' : ""}${font ? ' applyFont="1"' : ""}${align ? ' applyAlignment="1"' : ""}`;
      const close = alignment ? `>${alignment}</xf>` : "/>";
      const xf = `<xf numFmtId="${numFmt}" fontId="${font}" fillId="0" borderId="0" xfId="0"${applies}${close}`;
      id = this.xfCount + this.xfs.length;
      this.xfs.push(xf);
      this.xfIds.set(k, id);
    }
    return id;
  }

  /** styles.xml with our additions, or the original text when nothing was added. */
  render(): string {
    let xml = this.xml;
    if (this.xfs.length === 0) return xml;
    const append = (x: string, tag: string, items: string[], total: number): string => {
      if (items.length === 0) return x;
      const b = block(x, tag)!;
      const open = setAttribute(x.slice(b.start, b.openEnd).replace(/\/>$/, ">"), "count", String(total));
      const inner = b.close < 0 ? "" : b.inner;
      const after = b.close < 0 ? b.openEnd : b.close + tag.length + 3;
      return x.slice(0, b.start) + open + inner + items.join("") + `</${tag}>` + x.slice(after);
    };
    // cellXfs and fonts come after numFmts; edit back to front so positions hold.
    xml = append(xml, "cellXfs", this.xfs, this.xfCount + this.xfs.length);
    xml = append(xml, "fonts", this.fonts, this.fontCount + this.fonts.length);
    if (this.numFmts.length > 0) {
      const items = this.numFmts.map((n) => `<numFmt numFmtId="${n.id}" formatCode="${escapeAttr(n.code)}"/>`);
      const existing = block(xml, "numFmts");
      if (existing) {
        const count = (existing.inner.match(/<numFmt\b/g) ?? []).length + items.length;
        xml = append(xml, "numFmts", items, count);
      } else {
        // numFmts is the first child of styleSheet.
        const root = /<styleSheet\b[^>]*>/.exec(xml)!;
        const at = root.index + root[0].length;
        xml = xml.slice(0, at) + `<numFmts count="${items.length}">${items.join("")}</numFmts>` + xml.slice(at);
      }
    }
    return xml;
  }
}

function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : "0";
}

function cellXml(ref: string, cell: Cell, s: number): string {
  const sAttr = s ? ` s="${s}"` : "";
  const v = cell.value;
  if (cell.formula !== undefined) {
    const f = `<f>${escapeText(cell.formula)}</f>`;
    if (v === null) return `<c r="${ref}"${sAttr}>${f}</c>`;
    if (typeof v === "number") return `<c r="${ref}"${sAttr}>${f}<v>${numberText(v)}</v></c>`;
    if (typeof v === "boolean") return `<c r="${ref}"${sAttr} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${sAttr} t="str">${f}<v>${escapeText(v)}</v></c>`;
  }
  if (v === null || v === "") return s ? `<c r="${ref}"${sAttr}/>` : "";
  if (typeof v === "number") return `<c r="${ref}"${sAttr}><v>${numberText(v)}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>`;
}

/** A worksheet part for a sheet model; table relationships are rId1…rIdN in table order. */
export function worksheetXml(model: SheetModel, styles: Styles): string {
  const rows: string[] = [];
  let maxCol = 0;
  model.rows.forEach((row, r) => {
    let cells = "";
    row.forEach((cell, c) => {
      if (!cell) return;
      const key = styleKeyOf(cell);
      const x = cellXml(a1(r, c), cell, key ? styles.xf(key) : 0);
      if (x) {
        cells += x;
        if (c + 1 > maxCol) maxCol = c + 1;
      }
    });
    if (cells) rows.push(`<row r="${r + 1}">${cells}</row>`);
  });
  const lastRow = Math.max(1, model.rows.length, ...model.tables.map((t) => t.bottom + 1));
  const dimension = maxCol > 0 ? `A1:${columnLetters(Math.max(maxCol, ...model.tables.map((t) => t.right + 1)) - 1)}${lastRow}` : "A1";
  const pane =
    model.freezeRows > 0
      ? `<pane ySplit="${model.freezeRows}" topLeftCell="A${model.freezeRows + 1}" activePane="bottomLeft" ` +
        `state="frozen"/><selection pane="bottomLeft" activeCell="A${model.freezeRows + 1}" sqref="A${model.freezeRows + 1}"/>`
      : "";
  const cols = model.columnWidths
    .map((w, i) => (w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : ""))
    .join("");
  const tableParts = model.tables.length
    ? `<tableParts count="${model.tables.length}">${model.tables.map((_, i) => `<tablePart r:id="rId${i + 1}"/>`).join("")}</tableParts>`
    : "";
  return (
    XML_HEAD +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL}">` +
    `<dimension ref="${dimension}"/>` +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows.join("")}</sheetData>` +
    // Protected without a password, as the add-in leaves them: a stray keystroke cannot change a result.
    '<sheetProtection sheet="1" objects="1" scenarios="1" formatCells="0" formatColumns="0" formatRows="0" sort="0" autoFilter="0"/>' +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    tableParts +
    "</worksheet>"
  );
}

/** A table part: header names from the model's header row, the report's table style. */
export function tableXml(model: SheetModel, t: SheetModel["tables"][number], id: number): string {
  const ref = `${a1(t.top, t.left)}:${a1(t.bottom, t.right)}`;
  const header = model.rows[t.top] ?? [];
  const names: string[] = [];
  for (let c = t.left; c <= t.right; c++) {
    // Excel requires each column's name to be the header cell's text exactly, and unique.
    const name = String(header[c]?.value ?? "");
    if (name === "" || names.some((n) => n.toLowerCase() === name.toLowerCase())) {
      throw new PackageError(`table ${t.name}: header ${a1(t.top, c)} is empty or repeated`);
    }
    names.push(name);
  }
  const columns = names.map((n, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(n)}"/>`).join("");
  return (
    XML_HEAD +
    `<table xmlns="${MAIN_NS}" id="${id}" name="${escapeAttr(t.name)}" displayName="${escapeAttr(t.name)}" ` +
    `ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${names.length}">${columns}</tableColumns>` +
    '<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>' +
    "</table>"
  );
}

function relationshipsXml(rels: Array<{ id: string; type: string; target: string; external?: boolean }>): string {
  return (
    XML_HEAD +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rels
      .map(
        (r) =>
          `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeAttr(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`,
      )
      .join("") +
    "</Relationships>"
  );
}

/** A part name not yet used: `xl/worksheets/sheet7.xml`. */
function freePart(used: Set<string>, dir: string, stem: string): string {
  for (let n = 1; ; n++) {
    const name = `${dir}/${stem}${n}.xml`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/** Adds the workbook's full-recalculation flag (Excel and LibreOffice recompute our formulas on open). */
function withFullCalcOnLoad(wb: string): string {
  const calc = /<calcPr\b[^>]*?\/?>/.exec(wb);
  if (calc) return wb.slice(0, calc.index) + setAttribute(calc[0], "fullCalcOnLoad", "1") + wb.slice(calc.index + calc[0].length);
  // calcPr follows sheets, functionGroups, externalReferences and definedNames, whichever is last.
  let at = -1;
  for (const tag of ["</sheets>", "</functionGroups>", "</externalReferences>", "</definedNames>"]) {
    const i = wb.indexOf(tag);
    if (i >= 0 && i + tag.length > at) at = i + tag.length;
  }
  if (at < 0) throw new PackageError("workbook.xml has no sheets");
  return wb.slice(0, at) + '<calcPr fullCalcOnLoad="1"/>' + wb.slice(at);
}

/**
 * The package with the owned sheets written. Sheets are matched by name as Excel does (ignoring
 * case); a sheet that exists keeps its part name and tab position.
 */
export function writeSheetsToPackage(pkg: Package, models: SheetModel[]): Buffer {
  const wbPart = workbookPart(pkg);
  const wbRels = pkg.relationships(wbPart);
  const before = pkg.reachable();
  const used = new Set(pkg.entries.map((e) => e.name));
  const replaced = new Map<string, ZipEntry>();
  const added: ZipEntry[] = [];
  const overrides = new Map<string, string>();
  const removed = new Set<string>();

  const stylesRel = wbRels.find((r) => r.kind === "styles" && !r.external && pkg.has(r.target));
  const newWbRels: Array<{ id: string; type: string; target: string }> = [];
  const usedRelIds = new Set(wbRels.map((r) => r.id));
  const freeRelId = () => {
    let n = usedRelIds.size + 1;
    while (usedRelIds.has(`rId${n}`)) n++;
    usedRelIds.add(`rId${n}`);
    return `rId${n}`;
  };
  let stylesPart: string;
  if (stylesRel) stylesPart = stylesRel.target;
  else {
    stylesPart = freePart(used, "xl", "styles");
    newWbRels.push({ id: freeRelId(), type: `${REL}/styles`, target: relativeTarget(wbPart, stylesPart) });
    overrides.set(stylesPart, CT_STYLES);
  }
  const styles = new Styles(stylesRel ? pkg.text(stylesRel.target) : MINIMAL_STYLES);

  // Table ids are unique in the workbook; ours follow the highest id in use.
  let tableId = 0;
  const types = overridesOf(pkg);
  for (const e of pkg.entries) {
    if (types.get(e.name) !== CT_TABLE) continue;
    const head = /<table\b([^>]*)>/.exec(pkg.text(e.name));
    tableId = Math.max(tableId, Number(head ? attributes(head[1]).id : 0) || 0);
  }

  let wbXml = pkg.text(wbPart);
  const entries = sheetEntries(pkg, wbPart);
  let maxSheetId = Math.max(0, ...entries.map((s) => s.sheetId || 0));
  const newSheetElements: string[] = [];
  for (const model of models) {
    const existing = entries.find((s) => s.name.toLowerCase() === model.name.toLowerCase());
    let part: string;
    if (existing) {
      if (!existing.part) throw new PackageError(`${model.name} is not a worksheet`);
      part = existing.part;
      // The old sheet's tables go; its relationships part is rewritten below.
      for (const r of pkg.relationships(part)) if (r.kind === "table" && !r.external) removed.add(r.target);
    } else {
      part = freePart(used, "xl/worksheets", "sheet");
      const id = freeRelId();
      newWbRels.push({ id, type: `${REL}/worksheet`, target: relativeTarget(wbPart, part) });
      newSheetElements.push(`<sheet name="${escapeAttr(model.name)}" sheetId="${++maxSheetId}" r:id="${id}"/>`);
      overrides.set(part, CT_WORKSHEET);
    }
    const sheetRels: Array<{ id: string; type: string; target: string }> = [];
    model.tables.forEach((t, i) => {
      const tablePart = freePart(used, "xl/tables", "table");
      added.push(deflateEntry(tablePart, tableXml(model, t, ++tableId)));
      overrides.set(tablePart, CT_TABLE);
      sheetRels.push({ id: `rId${i + 1}`, type: `${REL}/table`, target: relativeTarget(part, tablePart) });
    });
    const xml = worksheetXml(model, styles);
    if (existing) replaced.set(part, deflateEntry(part, xml));
    else added.push(deflateEntry(part, xml));
    const relsPart = relsPartOf(part);
    if (sheetRels.length) {
      const e = deflateEntry(relsPart, relationshipsXml(sheetRels));
      if (pkg.has(relsPart)) replaced.set(relsPart, e);
      else added.push(e);
    } else if (pkg.has(relsPart)) removed.add(relsPart);
  }

  // workbook.xml: new sheets at the end of the tab order, and a full recalculation on open.
  if (newSheetElements.length) {
    const close = wbXml.indexOf("</sheets>");
    if (close < 0) {
      const empty = /<sheets\s*\/>/.exec(wbXml);
      if (!empty) throw new PackageError("workbook.xml has no sheets");
      wbXml = wbXml.slice(0, empty.index) + `<sheets>${newSheetElements.join("")}</sheets>` + wbXml.slice(empty.index + empty[0].length);
    } else wbXml = wbXml.slice(0, close) + newSheetElements.join("") + wbXml.slice(close);
    if (!/xmlns:r\s*=/.test(wbXml.slice(0, wbXml.indexOf(">", wbXml.indexOf("<workbook")) + 1))) {
      wbXml = wbXml.replace(/<workbook\b/, `<workbook xmlns:r="${REL}"`);
    }
  }
  wbXml = withFullCalcOnLoad(wbXml);
  replaced.set(wbPart, deflateEntry(wbPart, wbXml));

  // The calculation chain lists formula cells by position; ours changed, and Excel rebuilds it.
  const calcChain = wbRels.find((r) => r.kind === "calcChain" && !r.external);
  if (calcChain) removed.add(calcChain.target);
  const wbRelsPart = relsPartOf(wbPart);
  const keptRels = wbRels
    .filter((r) => r !== calcChain)
    .map((r) => ({ id: r.id, type: r.type, target: r.external ? r.target : relativeTarget(wbPart, r.target), external: r.external }));
  if (calcChain || newWbRels.length) replaced.set(wbRelsPart, deflateEntry(wbRelsPart, relationshipsXml([...keptRels, ...newWbRels])));

  const stylesXml = styles.render();
  if (!stylesRel || stylesXml !== pkg.text(stylesPart)) {
    const e = deflateEntry(stylesPart, stylesXml);
    if (pkg.has(stylesPart)) replaced.set(stylesPart, e);
    else added.push(e);
  }

  // Assemble: every part in its place, replaced where we wrote it, then the new parts.
  const assemble = (contentTypes: ZipEntry | null, drop: Set<string>): ZipEntry[] => {
    const out: ZipEntry[] = [];
    for (const e of pkg.entries) {
      if (drop.has(e.name)) continue;
      if (e.name === "[Content_Types].xml" && contentTypes) out.push(contentTypes);
      else {
        out.push(replaced.get(e.name) ?? e);
      }
    }
    return out.concat(added);
  };
  // Parts only the replaced sheets reached (an old table, a drawing of a sheet we own) go too.
  const draft = new Package(assemble(null, removed));
  const after = draft.reachable();
  for (const p of before) if (!after.has(p)) removed.add(p);
  // …with their own relationship parts.
  for (const p of [...removed]) if (pkg.has(relsPartOf(p))) removed.add(relsPartOf(p));
  for (const p of removed) overrides.delete(p);
  const contentTypes = deflateEntry("[Content_Types].xml", contentTypesXml(pkg.text("[Content_Types].xml"), overrides, removed));
  return writeZip(assemble(contentTypes, removed));
}

/** Part name → content type, from the package's overrides. */
function overridesOf(pkg: Package): Map<string, string> {
  const map = new Map<string, string>();
  const xml = pkg.has("[Content_Types].xml") ? pkg.text("[Content_Types].xml") : "";
  for (const m of xml.matchAll(/<Override\b([^>]*)>/g)) {
    const a = attributes(m[1]);
    if (a.PartName && a.ContentType) map.set(a.PartName.replace(/^\//, ""), a.ContentType);
  }
  return map;
}

function contentTypesXml(xml: string, add: Map<string, string>, remove: Set<string>): string {
  let out = xml.replace(/<Override\b[^>]*?\/>/g, (tag) => {
    const name = (attributes(tag.slice(9)).PartName ?? "").replace(/^\//, "");
    return remove.has(name) || add.has(name) ? "" : tag;
  });
  const items = [...add].map(([part, type]) => `<Override PartName="/${escapeAttr(part)}" ContentType="${type}"/>`).join("");
  const close = out.lastIndexOf("</Types>");
  if (close < 0) throw new PackageError("[Content_Types].xml is damaged");
  out = out.slice(0, close) + items + out.slice(close);
  return out;
}

/** An empty workbook package (no sheets yet), for the template and the example. */
export function emptyPackage(): Package {
  const parts: Array<[string, string]> = [
    [
      "[Content_Types].xml",
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        `<Override PartName="/xl/styles.xml" ContentType="${CT_STYLES}"/>` +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
        "</Types>",
    ],
    [
      "_rels/.rels",
      relationshipsXml([
        { id: "rId1", type: `${REL}/officeDocument`, target: "xl/workbook.xml" },
        {
          id: "rId2",
          type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
          target: "docProps/core.xml",
        },
        { id: "rId3", type: `${REL}/extended-properties`, target: "docProps/app.xml" },
      ]),
    ],
    [
      "docProps/core.xml",
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        `xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Finsam Ekonomi</dc:creator></cp:coreProperties>`,
    ],
    [
      "docProps/app.xml",
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Finsam ` +
        `Ekonomi</Application></Properties>`,
    ],
    [
      "xl/workbook.xml",
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets/></workbook>`,
    ],
    ["xl/_rels/workbook.xml.rels", relationshipsXml([{ id: "rId1", type: `${REL}/styles`, target: "styles.xml" }])],
    ["xl/styles.xml", MINIMAL_STYLES],
  ];
  return new Package(parts.map(([name, text]) => deflateEntry(name, text)));
}
