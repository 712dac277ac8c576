/** The request context: queues operations and applies them, in order, at `sync`, counting round trips and bytes. */
import { FailurePlan, Op, PAYLOAD_LIMIT, SyncStats } from "./base";
import type { MockExcel } from "./excel";
import { MockExcelError } from "./model";
import { WorkbookProxy } from "./workbook";

export type { FailurePlan, SyncStats };

export class MockContext {
  queue: Op[] = [];
  readonly workbook: WorkbookProxy;
  constructor(readonly excel: MockExcel) {
    this.workbook = new WorkbookProxy(this);
  }
  enqueue(op: Op): void {
    this.queue.push(op);
  }
  /**
   * Applies the queued operations. `measured.requestBytes` is the real request's size when the batch came through
   * Microsoft's library (test/richApi): then the request limit is checked on it, and the response limit is left to
   * the host, which measures the real response.
   */
  async sync(measured?: { requestBytes: number }): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const stats = this.excel.stats;
    stats.syncs++;
    const n = stats.syncs;
    const request = measured?.requestBytes ?? ops.reduce((s, o) => s + o.bytes + 16, 64);
    stats.requestBytes.push(request);
    if (request > (this.excel.payloadLimit ?? PAYLOAD_LIMIT))
      throw new MockExcelError(this.excel.payloadErrorCode, `Request of ${request} bytes exceeds the payload limit.`);
    const fail = this.excel.failure;
    const commits: Array<() => void> = [];
    let response = 64;
    for (let i = 0; i < ops.length; i++) {
      if (fail && fail.sync === n && i === (fail.afterOps ?? 0)) {
        this.excel.failure = undefined;
        throw new MockExcelError("GeneralException", `Injected failure of sync ${n} after ${i} operations.`);
      }
      try {
        ops[i].apply();
      } catch (e) {
        if (e instanceof MockExcelError && ops[i].location) e.debugInfo.errorLocation ??= ops[i].location;
        throw e;
      }
      if (ops[i].load) {
        const r = ops[i].load!();
        response += r.bytes + 16;
        commits.push(r.commit);
      }
    }
    if (fail && fail.sync === n) {
      this.excel.failure = undefined;
      throw new MockExcelError("GeneralException", `Injected failure of sync ${n}.`);
    }
    stats.responseBytes.push(response);
    if (!measured && response > (this.excel.payloadLimit ?? PAYLOAD_LIMIT))
      throw new MockExcelError("ResponsePayloadSizeLimitExceeded", `Response of ${response} bytes exceeds the payload limit.`);
    for (const c of commits) c();
    this.excel.workbook.calculationSuspended = 0;
  }
}
