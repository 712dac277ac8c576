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
  /**
   * `application.createWorkbook(base64)`: what the library's `Excel.createWorkbook` queues (the public API; this member
   * is not in @types/office-js, so the add-in never calls it itself). A workbook from an .xlsx file, not yet shown.
   */
  createWorkbook(base64?: string): WorkbookCreatedProxy {
    return this.child(
      32 + (typeof base64 === "string" ? base64.length : 0),
      () => createdWorkbookOf(base64),
      (r) => new WorkbookCreatedProxy(this.context, r),
    ) as WorkbookCreatedProxy;
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

/** A workbook handed to Excel whole (`Application.createWorkbook`): its .xlsx bytes, empty for a blank workbook. */
export interface CreatedWorkbook {
  bytes: Uint8Array;
}

/**
 * The new workbook's bytes from `createWorkbook`'s Base64 argument. Excel refuses what is not Base64 or not an .xlsx
 * package (a zip); the error code is not documented, InvalidArgument is assumed. A missing argument is a blank workbook.
 */
function createdWorkbookOf(base64: string | undefined): CreatedWorkbook {
  if (base64 === undefined || base64 === null || base64 === "") return { bytes: new Uint8Array(0) };
  if (typeof base64 !== "string" || base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64))
    throw new MockExcelError("InvalidArgument", "The argument is not a Base64-encoded file.");
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  if (bytes.length < 30 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 3 || bytes[3] !== 4)
    throw new MockExcelError("InvalidArgument", "The file is not an .xlsx workbook.");
  return { bytes };
}

/** `WorkbookCreated` (ExcelApi 1.8): the workbook `createWorkbook` made, shown by `open()`. */
export class WorkbookCreatedProxy extends ClientObject<CreatedWorkbook> {
  /** Opens the new workbook in its own window: the in-memory Excel keeps it in `createdWorkbooks`. */
  open(): void {
    this.call("open", 8, (w) => this.context.excel.createdWorkbooks.push(w));
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
  declare readonly name: string;
  constructor(context: MockContext) {
    super(context, () => context.excel.workbook);
    this.prop("name", { get: (wb) => wb.name });
    this.nav("worksheets", () => new WorksheetCollectionProxy(context, () => context.excel.workbook.sheets));
    this.nav("tables", () => new TableCollectionProxy(context, null));
    this.nav("application", () => new ApplicationProxy(context, () => context.excel.workbook));
    this.nav("names", () => new NamedItemCollectionProxy(context, () => context.excel.workbook.names));
    this.nav("functions", () => new FunctionsProxy(context, () => context.excel.workbook));
  }
}
