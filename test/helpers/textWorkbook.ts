/**
 * Small readable workbooks as text, for golden tests and bad-input cases:
 *
 *   @brytdatum 2021-08-31        (options: @only, @brytdatum)
 *   # Inställningar               (a sheet; the first row is the header)
 *   Inställning | Värde
 *   Förbund | Testförbundet
 *
 * Cells are split on "|" and trimmed; empty is blank; plain numbers (-12, 3.5) become numeric
 * cells; everything else is text (so "1 234,50" exercises the Swedish number parser).
 */
import ExcelJS from "exceljs";
import type { Output } from "../../src/core/compute";
import type { GridSheet, RawCell, WorkbookGrid } from "../../src/workbook/grid";

export interface TextCase {
  grid: WorkbookGrid;
  only: Output[];
  cutoff?: string;
}

export function parseCell(text: string): RawCell {
  const t = text.trim();
  if (t === "") return null;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?)$/.test(t)) return { error: t };
  return t;
}

export function parseTextWorkbook(source: string): TextCase {
  const sheets: GridSheet[] = [];
  const only: Output[] = [];
  let cutoff: string | undefined;
  let current: GridSheet | null = null;
  for (const line of source.split("\n")) {
    if (line.trim() === "" || line.startsWith("//")) continue;
    if (line.startsWith("@only ")) only.push(line.slice(6).trim() as Output);
    else if (line.startsWith("@brytdatum ")) cutoff = line.slice(11).trim();
    else if (line.startsWith("# ")) {
      current = { name: line.slice(2).trim(), rows: [] };
      sheets.push(current);
    } else if (current) current.rows.push(line.split("|").map(parseCell));
  }
  return { grid: { sheets, tables: [] }, only, cutoff };
}

/** Writes a grid as a real .xlsx file (plain sheets, no tables), cells typed as in the grid. */
export async function writeGridXlsx(grid: WorkbookGrid, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of grid.sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (typeof v === "object" && "error" in v) cell.value = { error: v.error } as ExcelJS.CellErrorValue;
        else if (typeof v === "object" && "date" in v) cell.value = new Date(`${v.date}T00:00:00Z`);
        else cell.value = v;
      }),
    );
  }
  await wb.xlsx.writeFile(file);
}
