/**
 * Microsoft's own Excel JavaScript library (`@microsoft/office-js`'s `dist/excel-web-16.00.js`, from
 * node_modules, no network) loaded into Node: the real proxy classes, load/sync rules and the serializer that
 * turns a batch into the RichApi request. A context's request executor is replaced by a recorder that keeps
 * each request body (the JSON the library would POST) and answers with no results: enough for batches that only
 * write, and for the library's own client-side checks. A full RichApi host over the in-memory Excel (issue 23)
 * is not built yet; this is its first part.
 */
import { readFileSync } from "fs";
import vm from "vm";

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
  // The office.js bridge: where a context the library makes itself sends its requests (`Excel.createWorkbook`, or
  // `Excel.run` without a context, in a desktop Excel). office.js provides it in a page; here it hands the request
  // to the host set by `setOfficeBridge`, in the safe-array form the library builds and reads.
  const richApi = (sandbox.OSF as { DDA: { RichApi: Record<string, unknown> } }).DDA.RichApi;
  richApi.executeRichApiRequestAsync = (request: unknown[], callback: (result: unknown) => void) => {
    if (!bridge) throw new Error("officeLibrary: no host behind the office.js bridge (setOfficeBridge)");
    const headers = request[3] as string[];
    const message = {
      Headers: Object.fromEntries(headers.flatMap((h, i) => (i % 2 === 0 ? [[h, headers[i + 1]]] : []))),
      Body: JSON.parse(request[4] as string) as never,
    };
    void bridge
      .executeAsync(request[0], request[6], message)
      .then((r) => callback({ status: "succeeded", value: { data: [r.HttpStatusCode, [], JSON.stringify(r.Body)] } }));
  };
  loaded = { Excel: sandbox.Excel as typeof Excel, OfficeExtension: sandbox.OfficeExtension as typeof OfficeExtension };
  return loaded;
}

/** The request executor interface of Microsoft's library, as the RichApi host implements it. */
export interface RequestExecutor {
  executeAsync(
    customData: unknown,
    flags: unknown,
    // The request body as the library builds it (test/richApi/host.ts types it).
    message: { Body: never },
  ): Promise<{ HttpStatusCode: number; Body: unknown }>;
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
