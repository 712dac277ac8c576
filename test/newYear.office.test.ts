/**
 * Issue 25, point 1 in Excel: Nytt år from the ribbon and the pane. The open workbook is read through Microsoft's
 * library (over the in-memory Excel), the new workbook is built by the same use case and .xlsx writer as
 * `finsam nytt-ar`, and Excel opens it through the library's own `Excel.createWorkbook` (its request goes the way
 * office.js sends it in a desktop Excel). The open workbook is never written; a refused year creates nothing.
 */
import ExcelJS from "exceljs";
import { OUTPUTS } from "../src/core/compute";
import { messageText } from "../src/core/messages";
import { VERSION } from "../src/core/version";
import { runCommand } from "../src/commands/commands";
import { ActionEnv, ActionResult, recalcAction } from "../src/excel/actions";
import { exampleSheets, EXAMPLE_CLOSED } from "../src/report/example";
import type { SheetModel } from "../src/report/sheetModel";
import { newYear } from "../src/workbook/newYear";
import { recalculate } from "../src/workbook/usecases";
import { XlsxPort } from "../src/xlsx/xlsxPort";
import { FIXED_NOW, runOf } from "./helpers/office";
import { officeLibrary, setOfficeBridge } from "./helpers/officeLibrary";
import { describeWithSchemas, validateParts } from "./helpers/schema";
import { MockExcel } from "./officeMock/excel";
import { mockWorkbookOfModels } from "./officeMock/fromModels";
import { RichApiHost } from "./richApi/host";

const closed2026 = () => exampleSheets(EXAMPLE_CLOSED);

/** Excel with the workbook open under `name`. */
function excelOf(models: SheetModel[], name = "ekonomi-2026.xlsx"): MockExcel {
  const excel = new MockExcel(mockWorkbookOfModels(models));
  excel.workbook.name = name;
  return excel;
}

/** What the pane hands the actions in Excel: `Excel.run` and `Excel.createWorkbook`, both Microsoft's library's. */
function envOf(excel: MockExcel, port?: ActionEnv["port"]): ActionEnv {
  const { Excel: X } = officeLibrary();
  return {
    run: runOf(excel),
    now: FIXED_NOW,
    port,
    createWorkbook: (base64) => {
      setOfficeBridge(new RichApiHost(excel));
      return X.createWorkbook(base64);
    },
  };
}

/** Runs Nytt år as the ribbon button does; the pane's hooks and `showAsTaskpane` are recorded. */
async function clickNewYear(env: ActionEnv): Promise<{ result: ActionResult; shown: number; started: number }> {
  const seen = { shown: 0, started: 0 };
  const host = {
    actions: { associate: () => undefined },
    addin: { showAsTaskpane: () => (seen.shown++, Promise.resolve()) },
  };
  const hooks = { started: () => void seen.started++, finished: () => undefined, cutoffOverride: () => undefined };
  const result = await runCommand("newYear", env, host, hooks);
  return { result, ...seen };
}

/** The same new year through the .xlsx adapter, as `finsam nytt-ar` makes it. */
async function viaXlsx(models: SheetModel[]): Promise<Buffer> {
  const source = XlsxPort.empty();
  await source.writeSheets(models);
  const target = XlsxPort.empty();
  const outcome = await newYear(XlsxPort.fromBuffer(source.toBuffer()), target, {
    source: "ekonomi-2026.xlsx",
    version: VERSION,
    now: FIXED_NOW,
  });
  expect(outcome.errors).toEqual([]);
  return target.toBuffer();
}

describe("Nytt år in Excel", () => {
  test("opens the 2027 workbook the command line makes, byte for byte, and leaves the open workbook as it was", async () => {
    const excel = excelOf(closed2026());
    const before = excel.workbook.snapshot();
    const { result, shown, started } = await clickNewYear(envOf(excel));
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ action: "new-year", ok: true, status: "new_year_done" });
    // The pane opens on what to check in the new workbook, after the action said it started.
    expect([started, shown]).toEqual([1, 1]);
    const codes = result.warnings.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(["new_year_done", "new_year_opened", "new_year_rows_left"]));
    expect(
      messageText(
        result.warnings.find((w) => w.code === "new_year_opened")!,
        "sv",
      ),
    ).toBe(
      "Arbetsboken för 2027 öppnades i ett nytt fönster och är inte sparad än: spara den under ett eget namn. " +
        "Den här arbetsboken ändrades inte.",
    );
    expect(excel.workbook.snapshot()).toBe(before);

    expect(excel.createdWorkbooks).toHaveLength(1);
    const created = Buffer.from(excel.createdWorkbooks[0].bytes);
    // Körlogg names the open workbook by its name in Excel, as the command line names the file.
    expect(Buffer.compare(created, await viaXlsx(closed2026()))).toBe(0);

    // It recalculates: 2027, opening equity = 2026's closing.
    const y2027 = await recalculate(XlsxPort.fromBuffer(created), { outputs: new Set(OUTPUTS), version: "test", now: FIXED_NOW });
    expect(y2027.errors).toEqual([]);
    const done = result.warnings.find((w) => w.code === "new_year_done")!.params as { equity: string; year: number };
    expect(done.year).toBe(2027);
    expect((y2027.json as { equity: { opening: string } }).equity.opening).toBe(String(Number(done.equity)));
    // ExcelJS, an independent reader, opens it with its sheets.
    const oracle = new ExcelJS.Workbook();
    await oracle.xlsx.load(created as unknown as ArrayBuffer);
    expect(oracle.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Inställningar", "Huvudbok", "Körlogg"]));
  });

  test("reads in few requests and writes nothing to the open workbook: the only other request opens the new one", async () => {
    const excel = excelOf(closed2026());
    const before = excel.workbook.snapshot();
    await clickNewYear(envOf(excel));
    // One Excel.run reads (a few round trips); Excel.createWorkbook's own run is the last request, carrying the file.
    expect(excel.runs).toBe(1);
    const requests = excel.stats.requestBytes;
    expect(requests.length).toBeLessThanOrEqual(6);
    const base64 = Math.ceil(excel.createdWorkbooks[0].bytes.length / 3) * 4;
    expect(requests[requests.length - 1]).toBeGreaterThan(base64);
    expect(requests[requests.length - 1]).toBeLessThan(base64 + 4096);
    expect(Math.max(...requests.slice(0, -1))).toBeLessThan(base64 / 2);
    expect(excel.workbook.snapshot()).toBe(before);
  });

  test("a year that is not closed: refused, naming why; nothing is created and the pane opens on the reason", async () => {
    const excel = excelOf(exampleSheets());
    const before = excel.workbook.snapshot();
    const { result, shown } = await clickNewYear(envOf(excel));
    expect(result).toMatchObject({ ok: false, status: "new_year_refused" });
    expect(result.errors.map((e) => e.code)).toEqual(["new_year_not_closed"]);
    expect(shown).toBe(1);
    expect(excel.createdWorkbooks).toEqual([]);
    expect(excel.runs).toBe(1);
    expect(excel.workbook.snapshot()).toBe(before);
  });

  test("Excel refuses to open it (an extension-hardening policy, say): an unexpected error; the open workbook untouched", async () => {
    const excel = excelOf(closed2026());
    // Calculated once, so that it has a Körlogg (where a failed action would otherwise get its row).
    expect((await recalcAction({ run: runOf(excel), now: FIXED_NOW }, null)).ok).toBe(true);
    expect(excel.workbook.sheets.map((s) => s.name)).toContain("Körlogg");
    const before = excel.workbook.snapshot();
    const env: ActionEnv = {
      ...envOf(excel),
      createWorkbook: () => Promise.reject(new Error("This operation is not allowed due to the extension hardening policy.")),
    };
    const { result, shown } = await clickNewYear(env);
    expect(result).toMatchObject({ ok: false, status: "aborted", action: "new-year" });
    expect(result.errors.map((e) => e.code)).toEqual(["unexpected"]);
    expect(messageText(result.errors[0], "sv")).toContain("extension hardening policy");
    expect(shown).toBe(1);
    // No Körlogg row for the failure: Nytt år never writes to the open workbook.
    expect(excel.workbook.snapshot()).toBe(before);
  });

  test("a new workbook larger than one request: refused before anything is sent, pointing to the command line", async () => {
    const excel = excelOf(closed2026());
    const { result } = await clickNewYear(envOf(excel, { payloadBudget: 40_000 }));
    expect(result).toMatchObject({ ok: false, status: "new_year_refused" });
    expect(result.errors.map((e) => e.code)).toEqual(["new_year_too_large"]);
    expect(messageText(result.errors[0], "sv")).toMatch(/^Den nya arbetsboken blir \d+,\d MB, mer än de 0,0 MB .* finsam nytt-ar/);
    expect(excel.createdWorkbooks).toEqual([]);
    expect(excel.runs).toBe(1);
  });
});

describeWithSchemas("Nytt år in Excel, the file Excel gets", () => {
  test("is valid against the ISO/IEC 29500 schemas", async () => {
    const excel = excelOf(closed2026());
    await clickNewYear(envOf(excel));
    const r = validateParts(Buffer.from(excel.createdWorkbooks[0].bytes));
    expect(r.errors).toEqual([]);
    expect(r.validated.length).toBeGreaterThan(10);
  });
});
