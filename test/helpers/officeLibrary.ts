/**
 * Microsoft's own Excel JavaScript library (`@microsoft/office-js`'s `dist/excel-web-16.00.js`, from
 * node_modules, no network) loaded into Node: the real proxy classes, load/sync rules and the serializer that
 * turns a batch into the RichApi request. A context's request executor is replaced by a recorder that keeps
 * each request body (the JSON the library would POST) and answers with no results: enough for batches that only
 * write, and for the library's own client-side checks. The RichApi host that answers the library's requests from the
 * in-memory Excel, for reads and writes alike, is test/richApi.
 */
import { readFileSync } from "fs";
import vm from "vm";
import { installOfficeBridge, RequestExecutor } from "../richApi/bridge";

export type { RequestExecutor };

const LIBRARY = require.resolve("@microsoft/office-js/dist/excel-web-16.00.js");

export interface OfficeLibrary {
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension;
}

let loaded: OfficeLibrary | undefined;

/** The library, evaluated once in a sandbox whose `window` is the sandbox itself. */
export function officeLibrary(): OfficeLibrary {
  if (loaded) return loaded;
  // The page's own Error: in a browser the library's errors are `instanceof Error` of the add-in's realm.
  const sandbox: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    Promise,
    JSON,
    Error,
    TypeError,
    navigator: { userAgent: "node" },
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(readFileSync(LIBRARY, "utf8"), sandbox, { filename: "excel-web-16.00.js" });
  installOfficeBridge(sandbox.OSF, () => bridge);
  loaded = { Excel: sandbox.Excel as typeof Excel, OfficeExtension: sandbox.OfficeExtension as typeof OfficeExtension };
  return loaded;
}

let bridge: RequestExecutor | undefined;

/** The host that answers the contexts the library makes itself (office.js's bridge in a page). */
export function setOfficeBridge(host: RequestExecutor | undefined): void {
  bridge = host;
}

/** A request context of the real library whose requests are recorded (bodies as the JSON text sent) and answered empty. */
export function recordingContext(options: { firstId?: number } = {}): { context: Excel.RequestContext; requests: string[] } {
  const { Excel: X } = officeLibrary();
  const context = new X.RequestContext("https://host.invalid/richapi");
  // Ids grow through a run (every path and action takes the next one): a late request spells them with more digits.
  if (options.firstId) (context as unknown as { m_nextId: number }).m_nextId = options.firstId;
  const requests: string[] = [];
  (context as unknown as { _requestExecutor: unknown })._requestExecutor = {
    executeAsync(_customData: unknown, _flags: unknown, message: { Body: unknown }) {
      requests.push(JSON.stringify(message.Body));
      return Promise.resolve({ HttpStatusCode: 200, ErrorCode: null, ErrorMessage: null, Headers: {}, Body: { Results: [] } });
    },
  };
  return { context, requests };
}
