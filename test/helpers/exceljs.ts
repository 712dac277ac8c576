/**
 * ExcelJS as an independent reader and writer of .xlsx for the tests: builds input workbooks that
 * the tests then edit cell by cell, and reads what the product writes, so the product's own .xlsx
 * reader and writer (src/xlsx) are checked against a second implementation. This was the product's
 * adapter until the command line got its own package reader and writer (see BENCHMARKS.md).
 */
import ExcelJS from "exceljs";
import { isoFromParts } from "../../src/core/dates";
import type { SheetModel } from "../../src/report/sheetModel";
import { a1 } from "../../src/report/sheetModel";
import type { GridSheet, GridTable, RawCell, WorkbookGrid } from "../../src/workbook/grid";

type CellValue = ExcelJS.CellValue;

/** An ExcelJS cell value as a neutral raw cell. Formulas give their cached result. */
export function rawOf(v: CellValue): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return { date: isoFromParts(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()) };
  if (typeof v === "object") {
    if ("error" in v && v.error) return { error: String(v.error) };
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((p) => p.text).join("");
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: CellValue }).result;
      if (result === undefined) return { error: "#FORMEL" };
      if (typeof result === "object" && result !== null && "error" in result) return { error: String(result.error) };
      return rawOf(result as CellValue);
    }
    if ("text" in v) return String((v as { text: unknown }).text);
  }
  return String(v);
}

/** A cell as a raw value; formulas read through `cell.result`, which (unlike `cell.value`) keeps a zero result. */
export function rawOfCell(cell: ExcelJS.Cell): RawCell {
  if (cell.type === ExcelJS.ValueType.Formula) {
    const result = cell.result as CellValue | undefined;
    if (result === undefined || result === null) return { error: "#FORMEL" };
    if (typeof result === "object" && "error" in result) return { error: String(result.error) };
    return rawOf(result);
  }
  return rawOf(cell.value);
}

export function gridOfWorkbook(wb: ExcelJS.Workbook): WorkbookGrid {
  const sheets: GridSheet[] = [];
  const tables: GridTable[] = [];
  wb.eachSheet((ws) => {
    const rows: RawCell[][] = [];
    const hiddenRows: number[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: RawCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        // Merged cells: only the master holds the value.
        if (cell.isMerged && cell.master !== cell) return;
        cells[colNumber - 1] = rawOfCell(cell);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      rows[rowNumber - 1] = cells;
      if (row.hidden) hiddenRows.push(rowNumber - 1);
    });
    for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
    sheets.push({ name: ws.name, rows, hiddenRows });
    for (const t of ws.getTables() as unknown as Array<{
      table?: { name?: string; displayName?: string; tableRef?: string; ref?: string };
    }>) {
      const model = t.table ?? {};
      const ref = model.tableRef ?? model.ref;
      const name = model.displayName ?? model.name;
      if (!ref || !name) continue;
      const [tl, br] = ref.split(":");
      const start = ws.getCell(tl);
      const end = ws.getCell(br ?? tl);
      const top = Number(start.row) - 1;
      const left = Number(start.col) - 1;
      const bottom = Number(end.row) - 1;
      const right = Number(end.col) - 1;
      const tRows: RawCell[][] = [];
      for (let r = top; r <= bottom; r++) {
        const src = rows[r] ?? [];
        const out: RawCell[] = [];
        for (let c = left; c <= right; c++) out.push(src[c] ?? null);
        tRows.push(out);
      }
      tables.push({ name, sheet: ws.name, top, left, rows: tRows, bottom });
    }
  });
  return { sheets, tables };
}

function excelValue(cell: SheetModel["rows"][number][number]): CellValue {
  if (!cell || cell.value === null) return null;
  if (cell.formula) return { formula: cell.formula, result: cell.value } as CellValue;
  return cell.value as CellValue;
}

/** Writes one sheet model into a (cleared or new) worksheet. */
function renderSheet(wb: ExcelJS.Workbook, model: SheetModel): void {
  let ws = wb.getWorksheet(model.name);
  if (ws) {
    for (const t of ws.getTables() as unknown as Array<{ name: string; table?: { name: string } }>) {
      ws.removeTable(t.table?.name ?? t.name);
    }
    // In place, so the sheet keeps its position among the user's sheets.
    if (ws.rowCount > 0) ws.spliceRows(1, ws.rowCount);
    ws.columns.forEach((c) => {
      c.width = undefined;
    });
  } else {
    ws = wb.addWorksheet(model.name);
  }
  ws.views = model.freezeRows > 0 ? [{ state: "frozen", ySplit: model.freezeRows, xSplit: 0 }] : [];
  model.columnWidths.forEach((w, i) => {
    ws!.getColumn(i + 1).width = w;
  });
  for (const t of model.tables) {
    const headers = model.rows[t.top].slice(t.left, t.right + 1).map((c) => String(c?.value ?? ""));
    const body: CellValue[][] = [];
    for (let r = t.top + 1; r <= t.bottom; r++) {
      const row = model.rows[r] ?? [];
      const out: CellValue[] = [];
      for (let c = t.left; c <= t.right; c++) out.push(excelValue(row[c] ?? null));
      body.push(out);
    }
    ws.addTable({
      name: t.name,
      ref: a1(t.top, t.left),
      headerRow: true,
      totalsRow: false,
      style: { theme: "TableStyleLight9", showRowStripes: true },
      columns: headers.map((name) => ({ name, filterButton: true })),
      rows: body,
    });
  }
  model.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell) return;
      const target = ws!.getCell(r + 1, c + 1);
      if (cell.format) target.numFmt = cell.format;
      target.value = excelValue(cell);
      if (cell.bold || cell.italic || cell.title) {
        target.font = { bold: !!cell.bold, italic: !!cell.italic, size: cell.title ? 14 : undefined };
      }
      if (cell.indent) target.alignment = { indent: cell.indent };
    });
  });
}

/** Writes the owned sheets into an ExcelJS workbook; other sheets are left as they are. */
export function writeSheetsToWorkbook(wb: ExcelJS.Workbook, sheets: SheetModel[]): void {
  for (const s of sheets) renderSheet(wb, s);
  wb.calcProperties.fullCalcOnLoad = true;
}

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/**
 * A grid as two readers can agree on it: sheets' rows and tables. Hidden rows are left out:
 * ExcelJS lists only hidden rows that hold values, our reader every hidden row.
 */
export function comparableGrid(g: WorkbookGrid): unknown {
  return {
    sheets: g.sheets.map((s) => ({
      name: s.name,
      rows: s.rows,
      hidden: (s.hiddenRows ?? []).filter((r) => (s.rows[r] ?? []).some((c) => c !== null)),
    })),
    tables: g.tables,
  };
}

/** An ExcelJS workbook as .xlsx bytes. */
export async function bufferOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** .xlsx bytes read by ExcelJS. */
export async function workbookOf(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}
