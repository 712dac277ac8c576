/** The workbook and its application object. */
import { ClientObject } from "./base";
import type { MockContext } from "./context";
import type { MWorkbook } from "./model";
import { TableCollectionProxy } from "./table";
import { WorksheetCollectionProxy } from "./worksheet";

export class ApplicationProxy extends ClientObject<MWorkbook> {
  suspendApiCalculationUntilNextSync(): void {
    this.call("suspendApiCalculationUntilNextSync", 8, (wb) => {
      wb.calculationSuspended++;
    });
  }
}

export class WorkbookProxy extends ClientObject<MWorkbook> {
  declare readonly worksheets: WorksheetCollectionProxy;
  declare readonly tables: TableCollectionProxy;
  declare readonly application: ApplicationProxy;
  constructor(context: MockContext) {
    super(context, () => context.excel.workbook);
    this.nav("worksheets", () => new WorksheetCollectionProxy(context, () => context.excel.workbook.sheets));
    this.nav("tables", () => new TableCollectionProxy(context, null));
    this.nav("application", () => new ApplicationProxy(context, () => context.excel.workbook));
  }
}
