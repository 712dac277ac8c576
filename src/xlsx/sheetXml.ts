/** The XML of one owned sheet: its worksheet part and its table parts. */
import { Utf8Chunks } from "./utf8Chunks";
import type { Area, Cell, PageSetup, SheetModel } from "../report/sheetModel";
import { a1, columnLetters } from "../report/sheetModel";
import { OWNED_SHEET_NAMES } from "../report/sheets";
import { PackageError, REL } from "./package";
import { MAIN_NS, Styles, XML_HEAD } from "./styles";
import { escapeAttr, escapeText } from "./xml";

/** Column letters by index, built as needed (the writer asks for the same few columns on every row). */
const LETTERS: string[] = [];
const letters = (c: number) => LETTERS[c] ?? (LETTERS[c] = columnLetters(c));

function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : "0";
}

/** One cell's XML: its value (inline string, number, boolean) and formula, with cell style `s`. */
export function cellXml(ref: string, cell: Cell, s: number): string {
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

const areaRef = (a: Area) =>
  a.top === a.bottom && a.left === a.right ? a1(a.top, a.left) : `${a1(a.top, a.left)}:${a1(a.bottom, a.right)}`;

/** Page setup: fit to one page wide, A4 (paperSize 9), margins, and the page header and footer. */
function pageXml(page: PageSetup | undefined): { sheetPr: string; tail: string } {
  const m = page?.margins ?? { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
  const margins =
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" ` + `header="${m.header}" footer="${m.footer}"/>`;
  if (!page) return { sheetPr: "", tail: margins };
  return {
    sheetPr: '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
    tail:
      margins +
      `<pageSetup paperSize="9" orientation="${page.orientation}" fitToWidth="1" fitToHeight="0"/>` +
      `<headerFooter><oddHeader>${escapeText(`&C${page.header}`)}</oddHeader>` +
      `<oddFooter>${escapeText(`&C${page.footer}`)}</oddFooter></headerFooter>` +
      (page.breaksBefore?.length
        ? `<rowBreaks count="${page.breaksBefore.length}" manualBreakCount="${page.breaksBefore.length}">` +
          page.breaksBefore.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join("") +
          "</rowBreaks>"
        : ""),
  };
}

/**
 * Conditional formats: one `<conditionalFormatting>` per range, holding that range's rules (one per tone and
 * text), priorities in order over the sheet.
 */
function conditionalXml(model: SheetModel, styles: Styles): string {
  const byRange = new Map<string, string[]>();
  (model.conditionalFormats ?? []).forEach((f, i) => {
    const rule =
      `<cfRule type="cellIs" dxfId="${styles.dxf(f.tone)}" priority="${i + 1}" operator="equal">` +
      `<formula>${escapeText(`"${f.equals.replace(/"/g, '""')}"`)}</formula></cfRule>`;
    const sqref = areaRef(f.area);
    byRange.set(sqref, [...(byRange.get(sqref) ?? []), rule]);
  });
  return [...byRange].map(([sqref, rules]) => `<conditionalFormatting sqref="${sqref}">${rules.join("")}</conditionalFormatting>`).join("");
}

export interface WorksheetOptions {
  /** The sheet is the one shown when the workbook opens. */
  selected?: boolean;
  /** Relationship id of the sheet's drawing (its charts), after the tables' rId1…rIdN. */
  drawingRelId?: string;
}

/** A worksheet part for a sheet model; table relationships are rId1…rIdN in table order. */
export function worksheetXml(model: SheetModel, styles: Styles, options: WorksheetOptions = {}): Buffer {
  // The rows as UTF-8 in pieces (utf8Chunks.ts): a million-row sheet never becomes one giant string.
  const rows = new Utf8Chunks();
  let maxCol = 0;
  const heights = model.rowHeights ?? {};
  model.rows.forEach((row, r) => {
    const rowNumber = String(r + 1);
    const ht = heights[r];
    let cells = "";
    row.forEach((cell, c) => {
      if (!cell) return;
      const x = cellXml(letters(c) + rowNumber, cell, styles.cellStyle(cell));
      if (x) {
        cells += x;
        if (c + 1 > maxCol) maxCol = c + 1;
      }
    });
    if (ht !== undefined) rows.add(`<row r="${r + 1}" ht="${ht}" customHeight="1">${cells}</row>`);
    else if (cells) rows.add(`<row r="${r + 1}">${cells}</row>`);
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
  const page = pageXml(model.page);
  const merges = model.merges?.length
    ? `<mergeCells count="${model.merges.length}">${model.merges.map((m) => `<mergeCell ref="${areaRef(m)}"/>`).join("")}</mergeCells>`
    : "";
  const tableParts = model.tables.length
    ? `<tableParts count="${model.tables.length}">${model.tables.map((_, i) => `<tablePart r:id="rId${i + 1}"/>`).join("")}</tableParts>`
    : "";
  const head =
    XML_HEAD +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL}">` +
    page.sheetPr +
    `<dimension ref="${dimension}"/>` +
    `<sheetViews><sheetView${options.selected ? ' tabSelected="1"' : ""} workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    "<sheetData>";
  const tail =
    "</sheetData>" +
    // Result sheets are protected without a password, as the add-in leaves them: a stray keystroke cannot
    // change a result. Input sheets (the template's, an import's) stay open for typing.
    (OWNED_SHEET_NAMES.has(model.name)
      ? '<sheetProtection sheet="1" objects="1" scenarios="1" formatCells="0" formatColumns="0" formatRows="0" sort="0" autoFilter="0"/>'
      : "") +
    merges +
    conditionalXml(model, styles) +
    page.tail +
    (options.drawingRelId ? `<drawing r:id="${options.drawingRelId}"/>` : "") +
    tableParts +
    "</worksheet>";
  return Buffer.concat([Buffer.from(head, "utf8"), ...rows.pieces(), Buffer.from(tail, "utf8")]);
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
