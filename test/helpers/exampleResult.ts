/** The bundled example workbook computed in-process (no file written): its grid and result sheets. */
import path from "path";
import { OUTPUTS } from "../../src/core/compute";
import type { SheetModel } from "../../src/report/sheetModel";
import type { WorkbookGrid } from "../../src/workbook/grid";
import { computeFromGrid } from "../../src/workbook/usecases";
import { openXlsx } from "../../src/xlsx/xlsxFile";

export async function exampleResult(): Promise<{ grid: WorkbookGrid; sheets: SheetModel[] }> {
  const grid = await openXlsx(path.join(__dirname, "..", "..", "examples", "exempel.xlsx")).then((p) => p.readGrid());
  const outcome = computeFromGrid(grid, {
    outputs: new Set(OUTPUTS),
    version: "t",
    now: () => "2026-12-02T10:00:00Z",
    action: "Beräkna allt",
  });
  if (!outcome.ok) throw new Error(`the example does not compute: ${outcome.errors.map((e) => e.code).join(", ")}`);
  return { grid, sheets: outcome.sheets! };
}
