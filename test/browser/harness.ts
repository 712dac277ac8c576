/**
 * Test harness: loads before the task pane and injects the in-memory Excel in place of office.js,
 * over the example workbook, behind Microsoft's own Excel library (excel-web-16.00.js in a frame, its requests
 * answered by the RichApi host, test/richApi). `?case=` changes the workbook first: `xss` names a member with HTML,
 * `error` puts text in a ledger amount, `empty` starts from an empty workbook, `closed` is the example's 2026 closed
 * (ledger through December, as "ekonomi-2026.xlsx", for Nytt år); `?year=2011` sets the
 * example's Räkenskapsår (for importing an SIE file of that year); `below` types a voucher of 500 000 kr in the two
 * rows under the Huvudbok table (which does not grow); `?api=1.12` makes Excel lack ExcelApi 1.13; `?lang=en` runs
 * Office in English; `?slowReady=1` makes Office.onReady take 1.5 s. The real office.js script tag stays
 * in the page (served from the npm package by the test), so the pane runs under its real CSP with it.
 */
import { exampleSheets, EXAMPLE_CLOSED } from "../../src/report/example";
import { MockExcel } from "../officeMock/excel";
import { mockWorkbookOfModels } from "../officeMock/fromModels";
import { MSheet, MWorkbook } from "../officeMock/model";
import { installOfficeBridge } from "../richApi/bridge";
import { RichApiHost } from "../richApi/host";

const params = new URLSearchParams(location.search);
const kase = params.get("case");
const wb = kase === "empty" ? new MWorkbook() : mockWorkbookOfModels(kase === "closed" ? exampleSheets(EXAMPLE_CLOSED) : exampleSheets());
if (kase === "closed") wb.name = "ekonomi-2026.xlsx";
if (kase === "empty") wb.addSheet("Blad1");
const sheet = (name: string) => wb.sheet(name) as MSheet;
if (kase === "xss") for (const r of [3, 4]) sheet("Medlemmar").cell(r, 0).v = "<img src=x onerror=alert(1)>";
if (kase === "error") sheet("Huvudbok").cell(11, 3).v = "tolv kronor";
if (kase === "below") {
  const last = wb.tables.find((t) => t.name === "Huvudbok")!.rect.bottom;
  const rows = [
    [46157, "V-HAND", 1930, 500000, "Inbetalning"],
    [46157, "V-HAND", 3910, -500000, "Inbetalning"],
  ];
  rows.forEach((r, i) => r.forEach((v, c) => (sheet("Huvudbok").cell(last + 1 + i, c).v = v)));
}
const year = params.get("year");
if (year) {
  for (let r = 0; r < 40; r++)
    if (sheet("Inställningar").cell(r, 0).v === "Räkenskapsår") sheet("Inställningar").cell(r, 1).v = Number(year);
}
const excel = new MockExcel(wb);
if (params.get("api")) excel.apiVersion = params.get("api")!;
const w = window as unknown as Record<string, unknown>;
w.__finsam = { excel, workbook: wb, host: null as RichApiHost | null };

// Microsoft's Excel library (excel-web-16.00.js, served by the test from the npm package at office.js's address) in
// a frame of its own, so that it does not take over the page's Office and Excel stand-ins; its requests are
// answered by the RichApi host over the in-memory Excel, as in Node (test/richApi). `?library=0`: the in-memory
// Excel's own proxies instead.
const host = new RichApiHost(excel);
(w.__finsam as { host: RichApiHost | null }).host = host;
let X: typeof Excel | undefined;
const useLibrary = params.get("library") !== "0";
const libraryReady: Promise<void> = useLibrary
  ? new Promise((resolve, reject) => {
      const frame = document.createElement("iframe");
      frame.hidden = true;
      frame.setAttribute("aria-hidden", "true");
      frame.srcdoc = '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/excel-web-16.00.js"></script>';
      frame.addEventListener("load", () => {
        const lib = frame.contentWindow as unknown as { Excel?: typeof Excel; OSF?: unknown };
        if (!lib.Excel || !lib.OSF) return reject(new Error("excel-web-16.00.js did not load"));
        X = lib.Excel;
        installOfficeBridge(lib.OSF, () => host);
        resolve();
      });
      document.body.appendChild(frame);
    })
  : Promise.resolve();
/** `Excel.run` of the library: a request context whose executor is the host. */
const libraryRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
  excel.runs++;
  const context = new X!.RequestContext("https://host.invalid/richapi");
  (context as unknown as { _requestExecutor: RichApiHost })._requestExecutor = host;
  return X!.run(context, batch) as Promise<T>;
};

// Frozen: the real office.js, loaded by the page too, initialises asynchronously and would otherwise
// write its own onReady, context and HostType onto the stand-in.
w.Excel = Object.freeze(
  useLibrary
    ? { run: libraryRun, createWorkbook: (base64?: string) => X!.createWorkbook(base64) }
    : { run: excel.run, createWorkbook: excel.createWorkbook },
);
w.Office = Object.freeze({
  HostType: { Excel: "Excel" },
  context: {
    displayLanguage: params.get("lang") === "en" ? "en-US" : "sv-SE",
    requirements: { isSetSupported: (name: string, version?: string) => name === "ExcelApi" && excel.supports(version ?? "1.1") },
  },
  // `?slowReady=1`: Office takes a moment to be ready, as in the shared runtime at startup.
  onReady: () =>
    libraryReady.then(
      () =>
        new Promise((resolve) =>
          setTimeout(() => resolve({ host: "Excel", platform: "OfficeOnline" }), params.get("slowReady") ? 1500 : 0),
        ),
    ),
  actions: {
    associated: {} as Record<string, unknown>,
    associate(id: string, f: unknown) {
      (this.associated as Record<string, unknown>)[id] = f;
    },
  },
  addin: {
    shown: 0,
    showAsTaskpane() {
      this.shown++;
      return Promise.resolve();
    },
  },
});
