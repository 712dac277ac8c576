/**
 * The edits a write makes to workbook.xml: new sheets at the end of the tab order, each written sheet's print area and
 * titles, the sheet shown, and a full recalculation on open. Text in, text out; everything else stays as it was.
 */
import { columnLetters, quoteSheetName, SheetModel } from "../report/sheetModel";
import { PackageError, REL } from "./package";
import { setAttribute } from "./styles";
import { attributes, escapeText } from "./xml";

/** The sheets' names in tab order, from workbook.xml. */
export function sheetNamesInOrder(wb: string): string[] {
  const block = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(wb)?.[1] ?? "";
  return [...block.matchAll(/<sheet\b([^>]*)\/?>/g)].map((m) => attributes(m[1]).name ?? "");
}

/** workbook.xml with activeTab on the first workbook view (a view is added when there is none). */
export function withActiveTab(wb: string, index: number): string {
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
export function withPrintNames(wb: string, order: string[], models: SheetModel[]): string {
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
export function withFullCalcOnLoad(wb: string): string {
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

/** workbook.xml with new sheets at the end of the tab order. */
export function withNewSheets(wbXml: string, elements: string[]): string {
  if (elements.length === 0) return wbXml;
  let out: string;
  const close = wbXml.indexOf("</sheets>");
  if (close < 0) {
    const empty = /<sheets\s*\/>/.exec(wbXml);
    if (!empty) throw new PackageError("workbook.xml has no sheets");
    out = wbXml.slice(0, empty.index) + `<sheets>${elements.join("")}</sheets>` + wbXml.slice(empty.index + empty[0].length);
  } else out = wbXml.slice(0, close) + elements.join("") + wbXml.slice(close);
  if (!/xmlns:r\s*=/.test(out.slice(0, out.indexOf(">", out.indexOf("<workbook")) + 1)))
    out = out.replace(/<workbook\b/, `<workbook xmlns:r="${REL}"`);
  return out;
}
