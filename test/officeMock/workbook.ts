/** The workbook and its application object, defined names, and worksheet functions. */
import { ClientObject, CollectionProxy } from "./base";
import type { MockContext } from "./context";
import { MockExcelError, MWorkbook } from "./model";
import { TableCollectionProxy } from "./table";
import { WorksheetCollectionProxy } from "./worksheet";

export class ApplicationProxy extends ClientObject<MWorkbook> {
  declare calculationMode: string;
  constructor(context: MockContext, resolve: () => MWorkbook) {
    super(context, resolve);
    this.prop("calculationMode", {
      get: (wb) => wb.calculationMode,
      set: (wb, v) => {
        if (!["Automatic", "AutomaticExceptTables", "Manual"].includes(String(v)))
          throw new MockExcelError("InvalidArgument", `Bad calculation mode ${String(v)}.`);
        wb.calculationMode = v as MWorkbook["calculationMode"];
      },
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    this.call("suspendApiCalculationUntilNextSync", 8, (wb) => {
      wb.calculationSuspended++;
      // "Once set, it is the developer's responsibility to re-calc the workbook, to ensure that any dependencies
      // are propagated" (the reference): until a calculate, formulas may show values from before the writes.
      wb.dependenciesStale = true;
    });
  }
  /** `application.calculate(type)`: recalculates the workbook; the only way to propagate what a suspended batch wrote. */
  calculate(calculationType: string): void {
    this.call("calculate", 16, (wb) => {
      if (!["Recalculate", "Full", "FullRebuild"].includes(calculationType))
        throw new MockExcelError("InvalidArgument", `Bad calculation type ${calculationType}.`);
      wb.dependenciesStale = false;
      wb.calculations++;
    });
  }
}

export class NamedItemProxy extends ClientObject<string> {
  declare readonly name: string;
  constructor(context: MockContext, resolve: () => string | null) {
    super(context, resolve);
    this.prop("name", { get: (n) => n });
  }
}

export class NamedItemCollectionProxy extends CollectionProxy<string, NamedItemProxy> {
  protected itemProxy(resolve: () => string | null): NamedItemProxy {
    return new NamedItemProxy(this.context, resolve);
  }
  protected makeItem(n: string): NamedItemProxy {
    return new NamedItemProxy(this.context, () => n);
  }
}

/** A worksheet function's result (`workbook.functions.date(…)`): `value` after load and sync. */
export class FunctionResultProxy extends ClientObject<number> {
  declare readonly value: number;
  constructor(context: MockContext, resolve: () => number | null) {
    super(context, resolve);
    this.prop("value", { get: (v) => v });
  }
}

export class FunctionsProxy extends ClientObject<MWorkbook> {
  /** DATE(year, month, day) as a serial of the workbook's date system. */
  date(year: number, month: number, day: number): FunctionResultProxy {
    const wb = this.context.excel.workbook;
    return this.child(
      48,
      () => {
        const serial1900 = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
        return wb.date1904 ? serial1900 - 1462 : serial1900;
      },
      (r) => new FunctionResultProxy(this.context, r),
    ) as FunctionResultProxy;
  }
}

export class WorkbookProxy extends ClientObject<MWorkbook> {
  declare readonly worksheets: WorksheetCollectionProxy;
  declare readonly tables: TableCollectionProxy;
  declare readonly application: ApplicationProxy;
  declare readonly names: NamedItemCollectionProxy;
  declare readonly functions: FunctionsProxy;
  constructor(context: MockContext) {
    super(context, () => context.excel.workbook);
    this.nav("worksheets", () => new WorksheetCollectionProxy(context, () => context.excel.workbook.sheets));
    this.nav("tables", () => new TableCollectionProxy(context, null));
    this.nav("application", () => new ApplicationProxy(context, () => context.excel.workbook));
    this.nav("names", () => new NamedItemCollectionProxy(context, () => context.excel.workbook.names));
    this.nav("functions", () => new FunctionsProxy(context, () => context.excel.workbook));
  }
}
