/**
 * Writes owned sheets into an .xlsx package without touching anything else: each owned sheet's
 * part is replaced in place (it keeps its tab position) or a new part is added at the end; every
 * other part is copied byte for byte, compressed as it was. What changes besides the owned sheets
 * and their tables: styles.xml gains the few cell styles the reports use (appended, so existing
 * style indices keep their meaning, styles.ts), workbook.xml lists new sheets, their print areas and
 * titles, the sheet shown (activeTab) and asks for a full recalculation on open, docProps/app.xml lists
 * the sheets, the calculation chain (a cache Excel rebuilds) is dropped, and another sheet that was
 * selected loses only its tabSelected flag (two selected sheets would open grouped). The charts are
 * new drawing and chart parts (chartXml.ts); the sheet and table XML is in sheetXml.ts.
 */
import type { SheetModel, TableEdit } from "../report/sheetModel";
import { CT_TABLE, CT_WORKSHEET, Package, PackageError, REL, relativeTarget, relsPartOf } from "./package";
import { dateStyles, sheetEntries, workbookPart } from "./read";
import { applyEdits } from "./patchSheet";
import { appXmlWithSheets } from "./appProps";
import { chartXml, CT_CHART, CT_DRAWING, drawingXml } from "./chartXml";
import { tableXml, worksheetXml } from "./sheetXml";
import { MAIN_NS, MINIMAL_STYLES, Styles, XML_HEAD } from "./styles";
import { attributes, escapeAttr, startTags } from "./xml";
import { sheetNamesInOrder, withActiveTab, withFullCalcOnLoad, withNewSheets, withPrintNames } from "./workbookXml";
import { deflateEntry, writeZip, ZipEntry } from "./zip";

const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

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

/**
 * The package with the owned sheets written. Sheets are matched by name as Excel does (ignoring
 * case); a sheet that exists keeps its part name and tab position.
 */
export function writeSheetsToPackage(pkg: Package, models: SheetModel[], edits: TableEdit[] = []): Buffer {
  const w = new PackageWriter(pkg);
  const entries = sheetEntries(pkg, w.wbPart);
  applyEdits(pkg, entries, edits, w.styles, dateStyles(pkg, w.wbPart), w.replaced);
  const active = models.find((m) => m.active);
  let maxSheetId = Math.max(0, ...entries.map((s) => s.sheetId || 0));
  const newSheetElements: string[] = [];
  for (const model of models) {
    const existing = entries.find((s) => s.name.toLowerCase() === model.name.toLowerCase());
    if (existing && !existing.part) throw new PackageError(`${model.name} is not a worksheet`);
    const part =
      existing?.part ??
      w.newSheetPart((id) => newSheetElements.push(`<sheet name="${escapeAttr(model.name)}" sheetId="${++maxSheetId}" r:id="${id}"/>`));
    w.writeSheet(model, part, !!existing, !!active && model === active);
  }
  let wbXml = withNewSheets(pkg.text(w.wbPart), newSheetElements);
  wbXml = withFullCalcOnLoad(wbXml);
  wbXml = withPrintNames(wbXml, sheetNamesInOrder(wbXml), models);
  if (active) {
    wbXml = withActiveTab(
      wbXml,
      sheetNamesInOrder(wbXml).findIndex((n) => n.toLowerCase() === active.name.toLowerCase()),
    );
    w.unselectOthers(entries, active, models);
  }
  if (newSheetElements.length) w.updateAppProps(entries, models);
  w.replaced.set(w.wbPart, deflateEntry(w.wbPart, wbXml));
  w.updateWorkbookRels();
  w.writeStyles();
  return w.assemble();
}

/**
 * The parts one write changes: replaced in place, added at the end, removed, and their content types; the
 * workbook's relationships and styles as they grow. Every part not named here is copied byte for byte.
 */
class PackageWriter {
  readonly wbPart: string;
  readonly wbRels: ReturnType<Package["relationships"]>;
  readonly styles: Styles;
  readonly replaced = new Map<string, ZipEntry>();
  private readonly before: Set<string>;
  private readonly used: Set<string>;
  private readonly added: ZipEntry[] = [];
  private readonly overrides = new Map<string, string>();
  private readonly removed = new Set<string>();
  private readonly newWbRels: Array<{ id: string; type: string; target: string }> = [];
  private readonly usedRelIds: Set<string>;
  private readonly stylesRel: ReturnType<Package["relationships"]>[number] | undefined;
  private readonly stylesPart: string;
  /** Table ids are unique in the workbook; ours follow the highest id in use. */
  private tableId = 0;

  constructor(private readonly pkg: Package) {
    this.wbPart = workbookPart(pkg);
    this.wbRels = pkg.relationships(this.wbPart);
    this.before = pkg.reachable();
    this.used = new Set(pkg.entries.map((e) => e.name));
    this.usedRelIds = new Set(this.wbRels.map((r) => r.id));
    this.stylesRel = this.wbRels.find((r) => r.kind === "styles" && !r.external && pkg.has(r.target));
    if (this.stylesRel) this.stylesPart = this.stylesRel.target;
    else {
      this.stylesPart = freePart(this.used, "xl", "styles");
      this.newWbRels.push({ id: this.freeRelId(), type: `${REL}/styles`, target: relativeTarget(this.wbPart, this.stylesPart) });
      this.overrides.set(this.stylesPart, CT_STYLES);
    }
    this.styles = new Styles(this.stylesRel ? pkg.text(this.stylesRel.target) : MINIMAL_STYLES);
    const types = overridesOf(pkg);
    for (const e of pkg.entries) {
      if (types.get(e.name) !== CT_TABLE) continue;
      const head = /<table\b([^>]*)>/.exec(pkg.text(e.name));
      this.tableId = Math.max(this.tableId, Number(head ? attributes(head[1]).id : 0) || 0);
    }
  }

  private freeRelId(): string {
    let n = this.usedRelIds.size + 1;
    while (this.usedRelIds.has(`rId${n}`)) n++;
    this.usedRelIds.add(`rId${n}`);
    return `rId${n}`;
  }

  /** A new worksheet part, related from the workbook; `sheetElement` gets its relationship id for workbook.xml. */
  newSheetPart(sheetElement: (relId: string) => void): string {
    const part = freePart(this.used, "xl/worksheets", "sheet");
    const id = this.freeRelId();
    this.newWbRels.push({ id, type: `${REL}/worksheet`, target: relativeTarget(this.wbPart, part) });
    sheetElement(id);
    this.overrides.set(part, CT_WORKSHEET);
    return part;
  }

  /** A sheet's part, its tables, its charts and its relationships (an existing sheet's old tables go). */
  writeSheet(model: SheetModel, part: string, existing: boolean, selected: boolean): void {
    if (existing) for (const r of this.pkg.relationships(part)) if (r.kind === "table" && !r.external) this.removed.add(r.target);
    const sheetRels: Array<{ id: string; type: string; target: string }> = [];
    model.tables.forEach((t, i) => {
      const tablePart = freePart(this.used, "xl/tables", "table");
      this.added.push(deflateEntry(tablePart, tableXml(model, t, ++this.tableId)));
      this.overrides.set(tablePart, CT_TABLE);
      sheetRels.push({ id: `rId${i + 1}`, type: `${REL}/table`, target: relativeTarget(part, tablePart) });
    });
    const drawingRelId = this.writeCharts(model, part, sheetRels);
    const xml = worksheetXml(model, this.styles, { selected, drawingRelId });
    if (existing) this.replaced.set(part, deflateEntry(part, xml));
    else this.added.push(deflateEntry(part, xml));
    const relsPart = relsPartOf(part);
    if (sheetRels.length) {
      const e = deflateEntry(relsPart, relationshipsXml(sheetRels));
      if (this.pkg.has(relsPart)) this.replaced.set(relsPart, e);
      else this.added.push(e);
    } else if (this.pkg.has(relsPart)) this.removed.add(relsPart);
  }

  /** A sheet's charts: one drawing part with a chart part each. The drawing's relationship id, if any. */
  private writeCharts(model: SheetModel, part: string, sheetRels: Array<{ id: string; type: string; target: string }>): string | undefined {
    const charts = model.charts ?? [];
    if (charts.length === 0) return undefined;
    const drawingPart = freePart(this.used, "xl/drawings", "drawing");
    const drawingRelId = `rId${model.tables.length + 1}`;
    sheetRels.push({ id: drawingRelId, type: `${REL}/drawing`, target: relativeTarget(part, drawingPart) });
    this.added.push(deflateEntry(drawingPart, drawingXml(charts)));
    this.overrides.set(drawingPart, CT_DRAWING);
    const chartRels = charts.map((ch, i) => {
      const chartPart = freePart(this.used, "xl/charts", "chart");
      this.added.push(deflateEntry(chartPart, chartXml(model, ch)));
      this.overrides.set(chartPart, CT_CHART);
      return { id: `rId${i + 1}`, type: `${REL}/chart`, target: relativeTarget(drawingPart, chartPart) };
    });
    this.added.push(deflateEntry(relsPartOf(drawingPart), relationshipsXml(chartRels)));
    return drawingRelId;
  }

  /**
   * The shown sheet alone selected: another sheet that was selected loses its tabSelected flag (Excel would open them
   * grouped, and typing would change every grouped sheet).
   */
  unselectOthers(entries: ReturnType<typeof sheetEntries>, active: SheetModel, models: SheetModel[]): void {
    for (const e of entries) {
      const ours = e.name.toLowerCase() === active.name.toLowerCase() || models.some((m) => m.name.toLowerCase() === e.name.toLowerCase());
      if (!e.part || ours) continue;
      // The views come before the cells (the head is the text's beginning): a large sheet is inflated again only
      // when its tab must be unselected, or when its head has no view.
      const view = /<sheetView\b[^>]*>/.exec(this.pkg.sheetHead(e.part)) ?? /<sheetView\b[^>]*>/.exec(this.pkg.text(e.part));
      if (view && /\btabSelected\s*=\s*["'](1|true)["']/.test(view[0])) {
        const xml = this.pkg.text(e.part);
        const tag = view[0].replace(/\s+tabSelected\s*=\s*["'][^"']*["']/, "");
        this.replaced.set(e.part, deflateEntry(e.part, xml.slice(0, view.index) + tag + xml.slice(view.index + view[0].length)));
      }
    }
  }

  /** docProps/app.xml lists the sheet names; Excel shows that list (File → Info) and expects it current. */
  updateAppProps(entries: ReturnType<typeof sheetEntries>, models: SheetModel[]): void {
    const appRel = this.pkg.relationships("").find((r) => r.kind === "extended-properties" && !r.external && this.pkg.has(r.target));
    if (!appRel) return;
    const worksheets = entries.filter((s) => s.part).map((s) => s.name);
    const addedSheets = models.filter((m) => !entries.some((s) => s.name.toLowerCase() === m.name.toLowerCase())).map((m) => m.name);
    const xml = appXmlWithSheets(this.pkg.text(appRel.target), worksheets, [...worksheets, ...addedSheets]);
    this.replaced.set(appRel.target, deflateEntry(appRel.target, xml));
  }

  /** The workbook's relationships: the new sheets and styles added; the calculation chain (a cache Excel rebuilds) dropped. */
  updateWorkbookRels(): void {
    const calcChain = this.wbRels.find((r) => r.kind === "calcChain" && !r.external);
    if (calcChain) this.removed.add(calcChain.target);
    const wbRelsPart = relsPartOf(this.wbPart);
    const kept = this.wbRels
      .filter((r) => r !== calcChain)
      .map((r) => ({
        id: r.id,
        type: r.type,
        target: r.external ? r.target : relativeTarget(this.wbPart, r.target),
        external: r.external,
      }));
    if (calcChain || this.newWbRels.length)
      this.replaced.set(wbRelsPart, deflateEntry(wbRelsPart, relationshipsXml([...kept, ...this.newWbRels])));
  }

  /** styles.xml, when the write added styles to it (or the package had none). */
  writeStyles(): void {
    const stylesXml = this.styles.render();
    if (this.stylesRel && stylesXml === this.pkg.text(this.stylesPart)) return;
    const e = deflateEntry(this.stylesPart, stylesXml);
    if (this.pkg.has(this.stylesPart)) this.replaced.set(this.stylesPart, e);
    else this.added.push(e);
  }

  /** Every part in its place, replaced where we wrote it, then the new parts; parts only the replaced sheets reached go. */
  assemble(): Buffer {
    const { pkg, removed, overrides } = this;
    const parts = (contentTypes: ZipEntry | null): ZipEntry[] => {
      const out: ZipEntry[] = [];
      for (const e of pkg.entries) {
        if (removed.has(e.name)) continue;
        out.push(e.name === "[Content_Types].xml" && contentTypes ? contentTypes : (this.replaced.get(e.name) ?? e));
      }
      return out.concat(this.added);
    };
    // Parts only the replaced sheets reached (an old table, a drawing of a sheet we own) go too…
    const after = new Package(parts(null)).reachable();
    for (const p of this.before) if (!after.has(p)) removed.add(p);
    // …with their own relationship parts.
    for (const p of [...removed]) if (pkg.has(relsPartOf(p))) removed.add(relsPartOf(p));
    for (const p of removed) overrides.delete(p);
    const contentTypes = deflateEntry("[Content_Types].xml", contentTypesXml(pkg.text("[Content_Types].xml"), overrides, removed));
    return writeZip(parts(contentTypes));
  }
}

/** Part name → content type, from the package's overrides. */
function overridesOf(pkg: Package): Map<string, string> {
  const map = new Map<string, string>();
  const xml = pkg.has("[Content_Types].xml") ? pkg.text("[Content_Types].xml") : "";
  for (const tag of startTags(xml, "Override")) {
    const a = attributes(tag);
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
