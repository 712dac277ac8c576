/** The port both adapters implement: read the grid, write the owned sheets. */
import type { SheetModel } from "../report/sheetModel";
import type { WorkbookGrid } from "./grid";

export interface WorkbookPort {
  /** All sheets and tables as plain cell values. */
  readGrid(): Promise<WorkbookGrid>;
  /** Replaces the content of the given owned sheets (creating them if absent); touches nothing else. */
  writeSheets(sheets: SheetModel[]): Promise<void>;
}
