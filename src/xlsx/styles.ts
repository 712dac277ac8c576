/**
 * The workbook's styles with ours appended: new fonts, number formats and cell formats (xf), so that
 * existing style indices keep their meaning.
 */
import { Cell, Tone, TONE_COLORS } from "../report/sheetModel";
import { PackageError } from "./package";
import { attributes, elements, escapeAttr } from "./xml";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Built-in number format ids of the format codes we use (Excel's fixed table). */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };

/** What decides a cell's style. */
export interface StyleKey {
  format?: string;
  bold: boolean;
  italic: boolean;
  title: boolean;
  indent: number;
  wrap: boolean;
  tone?: Tone;
  small?: boolean;
  right?: boolean;
  top?: boolean;
  unlocked?: boolean;
}

export function styleKeyOf(cell: Cell): StyleKey | null {
  const key: StyleKey = {
    format: cell.format,
    bold: !!cell.bold,
    italic: !!cell.italic,
    title: !!cell.title,
    indent: cell.indent ?? 0,
    wrap: !!cell.wrap,
  };
  if (cell.tone) key.tone = cell.tone;
  if (cell.small) key.small = true;
  if (cell.right) key.right = true;
  if (cell.top) key.top = true;
  if (cell.unlocked) key.unlocked = true;
  return key.format ||
    key.bold ||
    key.italic ||
    key.title ||
    key.indent ||
    key.wrap ||
    key.tone ||
    key.small ||
    key.right ||
    key.top ||
    key.unlocked
    ? key
    : null;
}

/** Replaces (or adds) an attribute in a start tag. */
export function setAttribute(tag: string, name: string, value: string): string {
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

export const MINIMAL_STYLES =
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
export class Styles {
  private readonly fonts: string[] = [];
  private readonly fills: string[] = [];
  private readonly fillIds = new Map<string, number>();
  private readonly dxfs: string[] = [];
  private readonly dxfIds = new Map<string, number>();
  private readonly fillCount: number;
  private readonly dxfCount: number;
  private readonly fontIds = new Map<string, number>();
  private readonly numFmts: Array<{ id: number; code: string }> = [];
  private readonly numFmtIds = new Map<string, number>();
  private readonly xfs: string[] = [];
  private readonly xfIds = new Map<string, number>();
  private readonly baseFont: string;
  private readonly fontCount: number;
  private readonly xfCount: number;
  private nextNumFmt: number;
  /**
   * The workbook's own fonts, fills, differential and cell formats by their XML: a style we need that is
   * there already is used, not added again (a workbook written a hundred times keeps one of each).
   */
  private readonly existing = {
    font: new Map<string, number>(),
    fill: new Map<string, number>(),
    dxf: new Map<string, number>(),
    xf: new Map<string, number>(),
  };

  constructor(private readonly xml: string) {
    const fonts = block(xml, "fonts");
    // One pass each (elements): an element never closed is a message, not a search to the end for every one.
    const fontList = fonts ? [...elements(fonts.inner, "font")].map((e) => e.outer) : [];
    this.fontCount = fontList.length;
    this.baseFont = fontList[0] ?? '<font><sz val="11"/><name val="Calibri"/></font>';
    const fills = block(xml, "fills");
    this.fillCount = fills ? (fills.inner.match(/<fill\b/g) ?? []).length : 0;
    const dxfs = block(xml, "dxfs");
    this.dxfCount = dxfs ? (dxfs.inner.match(/<dxf\b/g) ?? []).length : 0;
    const xfs = block(xml, "cellXfs");
    this.xfCount = xfs ? (xfs.inner.match(/<xf\b/g) ?? []).length : 0;
    if (!fonts || !xfs || this.xfCount === 0 || !fills) throw new PackageError("styles.xml has no fonts, fills or cell formats");
    const index = (map: Map<string, number>, inner: string | undefined, tag: string) => {
      let i = 0;
      for (const e of elements(inner ?? "", tag)) {
        if (!map.has(e.outer)) map.set(e.outer, i);
        i++;
      }
    };
    fontList.forEach((x, i) => this.existing.font.has(x) || this.existing.font.set(x, i));
    index(this.existing.fill, fills.inner, "fill");
    index(this.existing.dxf, dxfs?.inner, "dxf");
    index(this.existing.xf, xfs.inner, "xf");
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

  private fontId(key: StyleKey): number {
    const color = key.tone ? TONE_COLORS[key.tone].font : "";
    if (!key.bold && !key.italic && !key.title && !key.small && !color) return 0;
    const k = `${key.bold}|${key.italic}|${key.title}|${key.small}|${color}`;
    let id = this.fontIds.get(k);
    if (id === undefined) {
      // The workbook's own first font with our changes: a font element's children come in the schema's order
      // (b, i, …, color, sz, …), so bold and italic go first and color just before the size.
      let f = this.baseFont
        .replace(/<(b|i)\b[^>]*\/>/g, "")
        .replace(/<color\b[^>]*\/>/g, color ? "" : "$&")
        .replace(/^<font\b[^>]*\/>$/, "<font></font>");
      const size = key.title ? "14" : key.small ? "8" : null;
      if (size)
        f = /<sz\b[^>]*\/>/.test(f)
          ? f.replace(/<sz\b[^>]*\/>/, `<sz val="${size}"/>`)
          : f.replace(/^<font\b[^>]*>/, `$&<sz val="${size}"/>`);
      if (color) f = f.replace(/<sz\b/, `<color rgb="FF${color}"/>$&`);
      f = f.replace(/^<font\b[^>]*>/, `$&${key.bold ? "<b/>" : ""}${key.italic ? "<i/>" : ""}`);
      id = this.existing.font.get(f);
      if (id === undefined) {
        id = this.fontCount + this.fonts.length;
        this.fonts.push(f);
      }
      this.fontIds.set(k, id);
    }
    return id;
  }

  private fillId(tone: Tone | undefined): number {
    const rgb = tone ? TONE_COLORS[tone].fill : undefined;
    if (!rgb) return 0;
    let id = this.fillIds.get(rgb);
    if (id === undefined) {
      const fill = `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor indexed="64"/></patternFill></fill>`;
      id = this.existing.fill.get(fill);
      if (id === undefined) {
        id = this.fillCount + this.fills.length;
        this.fills.push(fill);
      }
      this.fillIds.set(rgb, id);
    }
    return id;
  }

  /** The differential format (conditional formatting) of a tone: its font colour and fill. */
  dxf(tone: Tone): number {
    let id = this.dxfIds.get(tone);
    if (id === undefined) {
      const c = TONE_COLORS[tone];
      const fill = c.fill ? `<fill><patternFill><bgColor rgb="FF${c.fill}"/></patternFill></fill>` : "";
      const dxf = `<dxf><font><color rgb="FF${c.font}"/></font>${fill}</dxf>`;
      id = this.existing.dxf.get(dxf);
      if (id === undefined) {
        id = this.dxfCount + this.dxfs.length;
        this.dxfs.push(dxf);
      }
      this.dxfIds.set(tone, id);
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

  private readonly byCellKey = new Map<string, number>();

  /**
   * The `s` attribute for a cell (0: no style). Keyed by a short string of the style's parts, so that a
   * million-row sheet does not build an object and a JSON text per cell.
   */
  cellStyle(cell: Cell): number {
    if (
      !cell.format &&
      !cell.bold &&
      !cell.italic &&
      !cell.title &&
      !cell.indent &&
      !cell.wrap &&
      !cell.tone &&
      !cell.small &&
      !cell.right &&
      !cell.top &&
      !cell.unlocked
    )
      return 0;
    const flags =
      `${cell.bold ? 1 : 0}${cell.italic ? 1 : 0}${cell.title ? 1 : 0}${cell.wrap ? 1 : 0}${cell.indent ?? 0}` +
      `${cell.tone ?? ""}|${cell.small ? 1 : 0}${cell.right ? 1 : 0}${cell.top ? 1 : 0}${cell.unlocked ? 1 : 0}`;
    const k = `${cell.format ?? ""}\u0001${flags}`;
    let id = this.byCellKey.get(k);
    if (id === undefined) {
      const key = styleKeyOf(cell);
      id = key ? this.xf(key) : 0;
      this.byCellKey.set(k, id);
    }
    return id;
  }

  /** The cell format index (the `s` attribute) for a style. */
  xf(key: StyleKey): number {
    const k = JSON.stringify(key);
    let id = this.xfIds.get(k);
    if (id === undefined) {
      const numFmt = this.numFmtId(key.format);
      const font = this.fontId(key);
      const fill = this.fillId(key.tone);
      const align = key.indent || key.wrap || key.right || key.top;
      const horizontal = key.indent ? ` horizontal="left" indent="${key.indent}"` : key.right ? ' horizontal="right"' : "";
      const vertical = key.wrap || key.top ? ' vertical="top"' : "";
      const alignment = align ? `<alignment${horizontal}${vertical}${key.wrap ? ' wrapText="1"' : ""}/>` : "";
      const applies =
        `${numFmt ? ' applyNumberFormat="1"' : ""}${font ? ' applyFont="1"' : ""}${fill ? ' applyFill="1"' : ""}` +
        `${align ? ' applyAlignment="1"' : ""}${key.unlocked ? ' applyProtection="1"' : ""}`;
      // alignment, then protection: the order CT_Xf requires.
      const inner = alignment + (key.unlocked ? '<protection locked="0"/>' : "");
      const close = inner ? `>${inner}</xf>` : "/>";
      const xf = `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"${applies}${close}`;
      id = this.existing.xf.get(xf);
      if (id === undefined) {
        id = this.xfCount + this.xfs.length;
        this.xfs.push(xf);
      }
      this.xfIds.set(k, id);
    }
    return id;
  }

  /** styles.xml with our additions, or the original text when nothing was added. */
  render(): string {
    let xml = this.xml;
    if (this.xfs.length === 0 && this.dxfs.length === 0 && this.fonts.length === 0 && this.fills.length === 0 && this.numFmts.length === 0)
      return xml;
    const append = (x: string, tag: string, items: string[], total: number): string => {
      if (items.length === 0) return x;
      const b = block(x, tag)!;
      const open = setAttribute(x.slice(b.start, b.openEnd).replace(/\/>$/, ">"), "count", String(total));
      const inner = b.close < 0 ? "" : b.inner;
      const after = b.close < 0 ? b.openEnd : b.close + tag.length + 3;
      return x.slice(0, b.start) + open + inner + items.join("") + `</${tag}>` + x.slice(after);
    };
    // dxfs, cellXfs, fills and fonts come after numFmts; edit back to front so positions hold.
    if (this.dxfs.length > 0) {
      if (block(xml, "dxfs")) xml = append(xml, "dxfs", this.dxfs, this.dxfCount + this.dxfs.length);
      else {
        // dxfs follows cellStyles (or cellXfs), before tableStyles, colors and extLst.
        const after = ["</cellStyles>", "</cellXfs>"].map((t) => ({ t, i: xml.indexOf(t) })).find((x) => x.i >= 0)!;
        const at = after.i + after.t.length;
        xml = xml.slice(0, at) + `<dxfs count="${this.dxfs.length}">${this.dxfs.join("")}</dxfs>` + xml.slice(at);
      }
    }
    xml = append(xml, "cellXfs", this.xfs, this.xfCount + this.xfs.length);
    xml = append(xml, "fills", this.fills, this.fillCount + this.fills.length);
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
