/** The port both adapters implement: read the grid, write the owned sheets. */
import type { Issue } from "../core/messages";
import type { SheetModel, TableEdit } from "../report/sheetModel";
import type { WorkbookGrid } from "./grid";

export interface WorkbookPort {
  /** All sheets and tables as plain cell values. */
  readGrid(): Promise<WorkbookGrid>;
  /**
   * Replaces the content of the given owned sheets (creating them if absent), and applies `edits` to input
   * tables (only the cells they name, and rows appended below the table); touches nothing else.
   * May return notes for the run's warnings (Excel in manual calculation mode); throws WriteRefused,
   * having written nothing, when the workbook does not allow the write.
   */
  writeSheets(sheets: SheetModel[], edits?: TableEdit[]): Promise<Issue[] | void>;
}

/**
 * A write the workbook does not allow (a strict package, a sheet protected with a password), found
 * before anything was written. The use case turns it into the run's errors.
 */
export class WriteRefused extends Error {
  constructor(readonly issues: Issue[]) {
    super(`write refused: ${issues.map((i) => i.code).join(", ")}`);
    this.name = "WriteRefused";
  }
}
