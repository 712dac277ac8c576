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
import { columnLetters, quoteSheetName, SheetModel, TableEdit } from "../report/sheetModel";
import { CT_TABLE, CT_WORKSHEET, Package, PackageError, REL, relativeTarget, relsPartOf } from "./package";
import { dateStyles, sheetEntries, workbookPart } from "./read";
import { applyEdits } from "./patchSheet";
import { appXmlWithSheets } from "./appProps";
import { chartXml, CT_CHART, CT_DRAWING, drawingXml } from "./chartXml";
import { tableXml, worksheetXml } from "./sheetXml";
import { MAIN_NS, MINIMAL_STYLES, setAttribute, Styles, XML_HEAD } from "./styles";
import { attributes, escapeAttr, escapeText, startTags } from "./xml";
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

/** The sheets' names in tab order, from workbook.xml. */
function sheetNamesInOrder(wb: string): string[] {
  const block = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(wb)?.[1] ?? "";
  return [...block.matchAll(/<sheet\b([^>]*)\/?>/g)].map((m) => attributes(m[1]).name ?? "");
}

/** workbook.xml with activeTab on the first workbook view (a view is added when there is none). */
function withActiveTab(wb: string, index: number): string {
  if (index < 0) return wb;
  const view = /<workbookView\b[^>]*?\/?>/.exec(wb);
  if (view) {
    // firstSheet (the first tab shown) may not come after the active tab.
    let tag = setAttribute(view[0], "activeTab", String(index));
    const first = /\sfirstSheet\s*=\s*"(\d+)"/.exec(tag);
    if (first && Number(first[1]) > index) tag = setAttribute(tag, "firstSheet", String(index));
    return wb.slice(0, view.index) + tag + wb.slice(view.index + view[0].length);
  }
  const sheets = wb.indexOf("<sheets");
  return wb.slice(0, sheets) + `<bookViews><workbookView activeTab="${index}"/></bookViews>` + wb.slice(sheets);
}

/**
 * workbook.xml with each written sheet's print area and print titles as Excel keeps them: defined names
 * `_xlnm.Print_Area` and `_xlnm.Print_Titles` local to the sheet (localSheetId = its tab index). Earlier
 * ones for these sheets are replaced; every other defined name stays as it was.
 */
function withPrintNames(wb: string, order: string[], models: SheetModel[]): string {
  const index = new Map(order.map((name, i) => [name.toLowerCase(), i]));
  const ours = new Set(models.filter((m) => m.page).map((m) => index.get(m.name.toLowerCase())));
  const names: string[] = [];
  for (const m of models) {
    const p = m.page;
    const i = index.get(m.name.toLowerCase());
    if (!p || i === undefined) continue;
    const q = quoteSheetName(m.name);
    const col = (c: number) => columnLetters(c);
    const a = p.area;
    if (a)
      names.push(
        `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${escapeText(
          `${q}!$${col(a.left)}$${a.top + 1}:$${col(a.right)}$${a.bottom + 1}`,
        )}</definedName>`,
      );
    const titles: string[] = [];
    if (p.titleColumns) titles.push(`${q}!$${col(p.titleColumns.first)}:$${col(p.titleColumns.last)}`);
    if (p.titleRows) titles.push(`${q}!$${p.titleRows.first + 1}:$${p.titleRows.last + 1}`);
    if (titles.length)
      names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeText(titles.join(","))}</definedName>`);
  }
  if (names.length === 0) return wb;
  let out = wb.replace(/<definedName\b([^>]*)>[\s\S]*?<\/definedName>/g, (tag, attrs: string) => {
    const a = attributes(attrs);
    const builtIn = a.name === "_xlnm.Print_Area" || a.name === "_xlnm.Print_Titles";
    return builtIn && a.localSheetId !== undefined && ours.has(Number(a.localSheetId)) ? "" : tag;
  });
  const close = out.indexOf("</definedNames>");
  if (close >= 0) return out.slice(0, close) + names.join("") + out.slice(close);
  out = out.replace(/<definedNames\s*\/>/, "");
  // definedNames follows sheets, functionGroups and externalReferences.
  let at = -1;
  for (const tag of ["</sheets>", "</functionGroups>", "</externalReferences>"]) {
    const i = out.indexOf(tag);
    if (i >= 0 && i + tag.length > at) at = i + tag.length;
  }
  return out.slice(0, at) + `<definedNames>${names.join("")}</definedNames>` + out.slice(at);
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
export function writeSheetsToPackage(pkg: Package, models: SheetModel[], edits: TableEdit[] = []): Buffer {
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
  applyEdits(pkg, entries, edits, styles, dateStyles(pkg, wbPart), replaced);
  const active = models.find((m) => m.active);
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
    let drawingRelId: string | undefined;
    const charts = model.charts ?? [];
    if (charts.length > 0) {
      const drawingPart = freePart(used, "xl/drawings", "drawing");
      drawingRelId = `rId${model.tables.length + 1}`;
      sheetRels.push({ id: drawingRelId, type: `${REL}/drawing`, target: relativeTarget(part, drawingPart) });
      added.push(deflateEntry(drawingPart, drawingXml(charts)));
      overrides.set(drawingPart, CT_DRAWING);
      const chartRels = charts.map((ch, i) => {
        const chartPart = freePart(used, "xl/charts", "chart");
        added.push(deflateEntry(chartPart, chartXml(model, ch)));
        overrides.set(chartPart, CT_CHART);
        return { id: `rId${i + 1}`, type: `${REL}/chart`, target: relativeTarget(drawingPart, chartPart) };
      });
      added.push(deflateEntry(relsPartOf(drawingPart), relationshipsXml(chartRels)));
    }
    const xml = worksheetXml(model, styles, { selected: !!active && model === active, drawingRelId });
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
  wbXml = withPrintNames(wbXml, sheetNamesInOrder(wbXml), models);
  if (active) {
    // The shown sheet: activeTab on the workbook view, and no other sheet selected with it (Excel would
    // open them grouped, and typing would change every grouped sheet).
    const order = sheetNamesInOrder(wbXml);
    const index = order.findIndex((n) => n.toLowerCase() === active.name.toLowerCase());
    wbXml = withActiveTab(wbXml, index);
    for (const e of entries) {
      if (
        !e.part ||
        e.name.toLowerCase() === active.name.toLowerCase() ||
        models.some((m) => m.name.toLowerCase() === e.name.toLowerCase())
      )
        continue;
      const xml = pkg.text(e.part);
      const view = /<sheetView\b[^>]*>/.exec(xml);
      if (view && /\btabSelected\s*=\s*["'](1|true)["']/.test(view[0])) {
        const tag = view[0].replace(/\s+tabSelected\s*=\s*["'][^"']*["']/, "");
        replaced.set(e.part, deflateEntry(e.part, xml.slice(0, view.index) + tag + xml.slice(view.index + view[0].length)));
      }
    }
  }

  // docProps/app.xml lists the sheet names; Excel shows that list (File → Info) and expects it current.
  const appRel = pkg.relationships("").find((r) => r.kind === "extended-properties" && !r.external && pkg.has(r.target));
  if (appRel && newSheetElements.length) {
    const worksheets = entries.filter((s) => s.part).map((s) => s.name);
    const addedSheets = models.filter((m) => !entries.some((s) => s.name.toLowerCase() === m.name.toLowerCase())).map((m) => m.name);
    replaced.set(
      appRel.target,
      deflateEntry(appRel.target, appXmlWithSheets(pkg.text(appRel.target), worksheets, [...worksheets, ...addedSheets])),
    );
  }
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
