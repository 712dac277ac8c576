/**
 * An in-memory Excel that behaves like Office.js for the API subset Finsam Ekonomi uses:
 * - proxies whose properties throw when read before `load` and `context.sync()`;
 * - writes and method calls queued and applied, in order, only at `sync`;
 * - `…OrNullObject` lookups with `isNullObject`;
 * - a count of round trips and of request and response payload bytes per sync, with Excel on the
 *   web's 5 MB limit enforced; range reads over 5 million cells rejected;
 * - protected sheets refuse changes; table names are unique and tables may not overlap;
 * - a switch that fails the Nth sync (optionally after applying its first k operations, as a
 *   batch that breaks half way does).
 * It does not calculate formulas: a formula cell reads back as "". The full list of the rules it
 * enforces, and what it does not model, is in README.md beside this file.
 */
import { CELL_READ_LIMIT, PAYLOAD_LIMIT } from "./base";
import { FailurePlan, MockContext, SyncStats } from "./context";
import { MockExcelError, MWorkbook } from "./model";
import type { CreatedWorkbook } from "./workbook";

export { CELL_READ_LIMIT, PAYLOAD_LIMIT, MockContext, MockExcelError, MWorkbook };
export type { FailurePlan, SyncStats } from "./context";
export { RangeProxy, RangeFormatProxy, RangeFontProxy } from "./range";
export { WorksheetProxy, WorksheetCollectionProxy } from "./worksheet";
export { WorkbookProxy } from "./workbook";
export { TableProxy, TableCollectionProxy } from "./table";
export { ChartProxy, ChartCollectionProxy } from "./chart";

export class MockExcel {
  stats: SyncStats = { syncs: 0, requestBytes: [], responseBytes: [], maxCellsRead: 0 };
  failure?: FailurePlan;
  /** Request and response limit in bytes (Excel on the web: 5 MB); tests lower it to make splitting happen. */
  payloadLimit?: number;
  /**
   * The code an oversized request fails with: RequestPayloadSizeLimitExceeded, or GeneralException, as Excel on the
   * web reports it for some large batches (office-js#1314, #1012). Nothing of the request is applied either way.
   */
  payloadErrorCode: "RequestPayloadSizeLimitExceeded" | "GeneralException" = "RequestPayloadSizeLimitExceeded";
  runs = 0;
  /**
   * The newest ExcelApi requirement set this Excel has (`Office.context.requirements.isSetSupported`). A member of a
   * newer set is ApiNotFound, as in an older Excel: `table.resize` needs 1.13, which Excel 2019 lacks.
   */
  apiVersion = "1.17";
  /** Whether this Excel has ExcelApi `version` (what `isSetSupported("ExcelApi", version)` answers). */
  supports(version: string): boolean {
    const [major, minor] = version.split(".").map(Number);
    const [hasMajor, hasMinor] = this.apiVersion.split(".").map(Number);
    return hasMajor > major || (hasMajor === major && hasMinor >= minor);
  }
  /** The workbooks `Excel.createWorkbook` opened, in order. */
  createdWorkbooks: CreatedWorkbook[] = [];
  constructor(public workbook: MWorkbook = new MWorkbook()) {}

  /** Like `Excel.run`: one request context per action; pending operations are synced at the end. */
  run = async <R>(batch: (context: MockContext) => Promise<R>): Promise<R> => {
    this.runs++;
    const context = new MockContext(this);
    const result = await batch(context);
    if (context.queue.length) await context.sync();
    return result;
  };

  /** `Excel.createWorkbook(base64)` as Microsoft's library does it: its own run, `application.createWorkbook(base64).open()`. */
  createWorkbook = (base64?: string): Promise<void> =>
    this.run(async (context) => {
      context.workbook.application.createWorkbook(base64).open();
      await context.sync();
    });

  resetStats(): void {
    this.stats = { syncs: 0, requestBytes: [], responseBytes: [], maxCellsRead: 0 };
  }
  get maxPayload(): number {
    return Math.max(0, ...this.stats.requestBytes, ...this.stats.responseBytes);
  }
}
