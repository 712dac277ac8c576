/** Builds an in-memory Excel workbook from sheet models (input sheets as the template writes them). */
import type { SheetModel } from "../../src/report/sheetModel";
import { MSheet, MTable, MWorkbook } from "./model";

export function mockWorkbookOfModels(models: SheetModel[]): MWorkbook {
  const wb = new MWorkbook();
  for (const m of models) {
    const s = new MSheet(m.name);
    wb.sheets.push(s);
    m.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell || (cell.value === null && !cell.format)) return;
        s.cells.set(MSheet.key(r, c), {
          v: cell.value ?? "",
          ...(cell.format ? { fmt: cell.format } : {}),
          ...(cell.bold ? { bold: true } : {}),
        });
      }),
    );
    for (const t of m.tables) wb.tables.push(new MTable(t.name, s, { top: t.top, left: t.left, bottom: t.bottom, right: t.right }));
  }
  return wb;
}
