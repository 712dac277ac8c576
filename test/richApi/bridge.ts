/**
 * The office.js bridge of Microsoft's library: where a context the library makes itself sends its requests
 * (`Excel.createWorkbook`, or `Excel.run` without a context, in a desktop Excel). office.js provides
 * `OSF.DDA.RichApi.executeRichApiRequestAsync` in a page; this one hands each request to a RichApi host in the
 * safe-array form the library builds (`[customData, "POST", path, headers, body, 0, flags, …]`) and answers in the
 * form it reads (`{status, value: {data: [status, headers, body]}}`). Used in Node (helpers/officeLibrary.ts) and in
 * the browser harness.
 */

/** The request executor interface of Microsoft's library, as the RichApi host implements it. */
export interface RequestExecutor {
  executeAsync(
    customData: unknown,
    flags: unknown,
    // The request body as the library builds it (host.ts types it).
    message: { Body: never },
  ): Promise<{ HttpStatusCode: number; Body: unknown }>;
}

/** Installs the bridge on the library's `OSF`; `executor()` is the host at the time of each request. */
export function installOfficeBridge(osf: unknown, executor: () => RequestExecutor | undefined): void {
  const richApi = (osf as { DDA: { RichApi: Record<string, unknown> } }).DDA.RichApi;
  richApi.executeRichApiRequestAsync = (request: unknown[], callback: (result: unknown) => void) => {
    const host = executor();
    if (!host) throw new Error("office.js bridge: no RichApi host behind it");
    const headers = request[3] as string[];
    const message = {
      Headers: Object.fromEntries(headers.flatMap((h, i) => (i % 2 === 0 ? [[h, headers[i + 1]]] : []))),
      Body: JSON.parse(request[4] as string) as never,
    };
    void host
      .executeAsync(request[0], request[6], message)
      .then((r) => callback({ status: "succeeded", value: { data: [r.HttpStatusCode, [], JSON.stringify(r.Body)] } }));
  };
}
