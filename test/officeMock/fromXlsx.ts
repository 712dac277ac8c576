/**
 * Loads an ExcelJS workbook into the in-memory Excel, as Excel would hold it: values (dates as
 * serial numbers, formulas with their cached results), number formats, tables, hidden rows.
 * And the reverse view: an owned sheet of either adapter as comparable cells.
 */
import ExcelJS from "exceljs";
import { MCell, MSheet, MTable, MWorkbook, parseA1 } from "./model";

const DAY_MS = 86400000;
/** Excel's 1900 serial of a UTC date (ExcelJS reads dates as UTC midnight). */
export function serialOfDate(d: Date): number {
  const days = Math.round((d.getTime() - Date.UTC(1899, 11, 30)) / DAY_MS);
  return days;
}

function cellOf(cell: ExcelJS.Cell): MCell | null {
  const v = cell.value;
  const fmt = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : undefined;
  const base = (x: Partial<MCell>): MCell => ({ v: "", ...(fmt ? { fmt } : {}), ...(cell.font?.bold ? { bold: true } : {}), ...x });
  if (v === null || v === undefined) return fmt ? base({}) : null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return base({ v });
  if (v instanceof Date) return base({ v: serialOfDate(v) });
  if (typeof v === "object") {
    if ("error" in v) return base({ v: String(v.error), error: true });
    if ("richText" in v) return base({ v: v.richText.map((p) => p.text).join("") });
    if ("formula" in v || "sharedFormula" in v) {
      const r = cell.result as unknown;
      const f = cell.formula ?? "";
      if (r instanceof Date) return base({ v: serialOfDate(r), f });
      if (r && typeof r === "object" && "error" in r) return base({ v: String((r as { error: string }).error), f, error: true });
      return base({ v: (r as string | number | boolean | undefined) ?? "", f });
    }
    if ("text" in v) return base({ v: String((v as { text: unknown }).text) });
  }
  return base({ v: String(v) });
}

export function mockWorkbookOf(wb: ExcelJS.Workbook): MWorkbook {
  const m = new MWorkbook();
  wb.eachSheet((ws) => {
    const s = new MSheet(ws.name);
    m.sheets.push(s);
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.hidden) s.hiddenRows.add(r - 1);
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const mc = cellOf(cell);
        if (mc) s.cells.set(MSheet.key(r - 1, c - 1), mc);
      });
    });
    for (const t of ws.getTables() as unknown as Array<{
      table?: { name?: string; displayName?: string; tableRef?: string; ref?: string; totalsRow?: boolean; headerRow?: boolean };
    }>) {
      const model = t.table ?? {};
      const ref = model.tableRef ?? model.ref;
      const name = model.displayName ?? model.name;
      if (!ref || !name) continue;
      const table = new MTable(name, s, parseA1(ref));
      table.showTotals = model.totalsRow === true;
      table.showHeaders = model.headerRow !== false;
      m.tables.push(table);
    }
  });
  return m;
}

/** A comparable view of one cell: the in-memory cell without its error flag; colours as RRGGBB, alignments in lower case. */
export type CellView = Omit<MCell, "error">;

export function viewOfMockSheet(s: MSheet): Map<string, CellView> {
  const out = new Map<string, CellView>();
  for (const [k, c] of s.cells) {
    const view: CellView = { v: c.f !== undefined ? "" : c.v };
    if (c.f !== undefined) view.f = c.f;
    if (c.fmt) view.fmt = c.fmt;
    if (c.bold) view.bold = true;
    if (c.italic) view.italic = true;
    if (c.size) view.size = c.size;
    if (c.indent) view.indent = c.indent;
    if (c.color) view.color = c.color.replace("#", "");
    if (c.fill) view.fill = c.fill.replace("#", "");
    if (c.hAlign) view.hAlign = c.hAlign.toLowerCase();
    if (c.vAlign) view.vAlign = c.vAlign.toLowerCase();
    if (c.wrap) view.wrap = true;
    if (c.unlocked) view.unlocked = true;
    // An empty cell is not content, whatever its format (a file does not keep an empty text).
    if (view.v === "" && view.f === undefined) continue;
    out.set(`${Math.floor(k / 16384)},${k % 16384}`, view);
  }
  return out;
}

export function viewOfExcelJsSheet(ws: ExcelJS.Worksheet): Map<string, CellView> {
  const out = new Map<string, CellView>();
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // ExcelJS gives every cell of a merge the first cell's value; only that first cell is content.
      if (cell.isMerged && cell.master !== cell) return;
      const v = cell.value;
      const view: CellView = { v: "" };
      if (v && typeof v === "object" && "formula" in v) view.f = String(v.formula);
      else if (v !== null && v !== undefined) view.v = v as string | number | boolean;
      if (cell.numFmt && cell.numFmt !== "General") view.fmt = cell.numFmt;
      if (cell.font?.bold) view.bold = true;
      if (cell.font?.italic) view.italic = true;
      // Size only where it differs from the workbook's default 11 pt (a title).
      if (cell.font?.size && cell.font.size !== 11) view.size = cell.font.size;
      if (cell.alignment?.indent) view.indent = cell.alignment.indent;
      const argb = (c?: Partial<ExcelJS.Color>) => (c?.argb ? c.argb.slice(-6).toUpperCase() : undefined);
      const color = argb(cell.font?.color);
      if (color) view.color = color;
      const fill = cell.fill?.type === "pattern" && cell.fill.pattern === "solid" ? argb(cell.fill.fgColor) : undefined;
      if (fill) view.fill = fill;
      const a = cell.alignment;
      if (a?.horizontal && a.horizontal !== "left") view.hAlign = a.horizontal;
      if (a?.vertical) view.vAlign = a.vertical;
      if (a?.wrapText) view.wrap = true;
      if (cell.protection?.locked === false) view.unlocked = true;
      if (view.v === "" && Object.keys(view).length === 1) return;
      out.set(`${r - 1},${c - 1}`, view);
    });
  });
  return out;
}
