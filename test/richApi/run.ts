/**
 * `Excel.run` of Microsoft's library over the in-memory Excel: a real `Excel.RequestContext` whose requests are
 * answered by the RichApi host (host.ts). Tests give the adapter this run; its code meets the real proxies.
 */
import type { ExcelRun } from "../../src/excel/actions";
import type { MockExcel } from "../officeMock/excel";
import { officeLibrary } from "../helpers/officeLibrary";
import { RichApiHost } from "./host";

/** A context of the real library whose requests `host` answers. */
export function hostContext(host: RichApiHost): Excel.RequestContext {
  const { Excel: X } = officeLibrary();
  const context = new X.RequestContext("https://host.invalid/richapi");
  (context as unknown as { _requestExecutor: RichApiHost })._requestExecutor = host;
  return context;
}

/** `Excel.run` on Microsoft's library, answered by the in-memory Excel `excel`. */
export function libraryRun(excel: MockExcel, host = new RichApiHost(excel)): ExcelRun {
  const { Excel: X } = officeLibrary();
  return <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    excel.runs++;
    return X.run(hostContext(host), batch) as Promise<T>;
  };
}
