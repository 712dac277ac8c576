/**
 * Trust: the run log keeps every run; the staleness check in Kontroller (and every owned sheet's
 * header) says "Aktuell" after a run and "Indata har ändrats – beräkna om" once LibreOffice
 * recalculates a file whose input was changed; ten runs leave the workbook identical except the
 * log and the time; a run whose Nth round trip fails changes no input cell and the next run repairs
 * the owned sheets without duplicates; owned sheets edited by hand are rewritten.
 */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync } from "fs";
import os from "os";
import path from "path";
import vm from "vm";
import ExcelJS from "exceljs";
import { LOG_HEADERS, OWNED_SHEETS, STATUS_CURRENT, STATUS_STALE } from "../src/report/sheets";
import { ActionResult, errorMessage, recalcAction } from "../src/excel/actions";
import { failure, runCommand } from "../src/commands/commands";
import { messageText } from "../src/core/messages";
import { rawOf, rawOfCell } from "./helpers/exceljs";
import { MockExcel } from "./officeMock/excel";
import { MWorkbook } from "./officeMock/model";
import { exampleWorkbook, mockExcelOf, runOf } from "./helpers/office";
import { convert, describeWithLibreOffice } from "./helpers/libreoffice";

const cli = path.join(__dirname, "..", "dist", "cli", "main.js");
const tmp = mkdtempSync(path.join(os.tmpdir(), "finsam-trust-"));
const OWNED = Object.values(OWNED_SHEETS) as string[];
const COMPUTED = [OWNED_SHEETS.memberShares, OWNED_SHEETS.tertial, OWNED_SHEETS.equity, OWNED_SHEETS.checks] as string[];

function cliRun(args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
function logRows(wb: ExcelJS.Workbook): unknown[][] {
  const ws = wb.getWorksheet(OWNED_SHEETS.log)!;
  const rows: unknown[][] = [];
  let inTable = false;
  ws.eachRow((row) => {
    const first = rawOf(row.getCell(1).value);
    if (first === "Tid") inTable = true;
    else if (inTable) rows.push(Array.from({ length: 11 }, (_, i) => rawOf(row.getCell(i + 1).value)));
  });
  return rows;
}

/** Every cell of the owned sheets except the time of computation and the log, as text. */
function ownedState(wb: MWorkbook): string {
  return (
    JSON.stringify(
      wb.sheets
        .filter((s) => COMPUTED.includes(s.name))
        .map((s) => [s.name, [...s.cells.entries()].filter(([k]) => k !== 5 * 16384 + 1), s.charts, s.protection, s.frozenRows]),
    ) + JSON.stringify(wb.tables.filter((t) => t.name !== "Korlogg").map((t) => [t.name, t.sheet.name, t.rect]))
  );
}
function inputState(wb: MWorkbook): string {
  return JSON.stringify(wb.sheets.filter((s) => !OWNED.includes(s.name)).map((s) => [s.name, [...s.cells.entries()], [...s.hiddenRows]]));
}

describe("Körlogg", () => {
  test("every run appends one row with action, version, cut-off, unit, fingerprint and key results; earlier rows are kept", async () => {
    const input = path.join(tmp, "logg.xlsx");
    const first = path.join(tmp, "logg.1.xlsx");
    const second = path.join(tmp, "logg.2.xlsx");
    expect(cliRun(["exempel", input]).status).toBe(0);
    expect(cliRun(["recalc", input, "-o", first]).status).toBe(0);
    const r2 = cliRun(["recalc", first, "-o", second, "--only", "tertial", "--json"]);
    expect(r2.status).toBe(0);
    const j = JSON.parse(r2.stdout) as { fingerprint: string };
    const rows1 = logRows(await load(first));
    const rows2 = logRows(await load(second));
    expect(rows1).toHaveLength(1);
    expect(rows2).toHaveLength(2);
    expect(rows2[0]).toEqual(rows1[0]);
    // The fingerprint is the last column (outside the print area).
    const [time, action, version, cutoff, unit, result, closing, ceiling, status, warnings, fp] = rows2[1];
    expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(action).toBe("Beräkna Tertialrapport (kommandorad)");
    expect(rows1[0][1]).toBe("Beräkna allt (kommandorad)");
    expect(version).toBe(require("../package.json").version);
    expect([cutoff, unit]).toEqual(["2026-08-31", "tkr"]);
    expect(fp).toBe(j.fingerprint);
    expect(result).toBeCloseTo(-788953.12, 2);
    expect([closing, ceiling, status]).toEqual([null, null, null]); // equity not computed in this run
    expect(rows1[0].slice(6, 9)).toEqual([2351046.88, 1582900, "Över taket"]);
    expect(warnings).toBe(1);
  });
});

describe("idempotence and faults (in-memory Excel)", () => {
  test("ten consecutive recalculations leave the workbook identical except the log and the time", async () => {
    const excel = mockExcelOf(exampleWorkbook());
    let t = 0;
    const env = { run: runOf(excel), now: () => `2026-09-15T08:${String(t++).padStart(2, "0")}:00Z` };
    await recalcAction(env, null);
    const state = ownedState(excel.workbook);
    const inputs = inputState(excel.workbook);
    const sheets = excel.workbook.sheets.map((s) => s.name);
    for (let i = 0; i < 9; i++) await recalcAction(env, null);
    expect(ownedState(excel.workbook)).toBe(state);
    expect(inputState(excel.workbook)).toBe(inputs);
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(sheets);
    const log = excel.workbook.tables.find((x) => x.name === "Korlogg")!;
    expect(log.rect.bottom - log.rect.top).toBe(10);
  });

  test("when any round trip of a run fails, no input cell changes and the next run repairs the owned sheets", async () => {
    const reference = mockExcelOf(exampleWorkbook());
    await recalcAction({ run: runOf(reference), now: () => "2026-09-15T08:00:00Z" }, null);
    await recalcAction({ run: runOf(reference), now: () => "2026-09-15T08:00:00Z" }, null);
    const expected = ownedState(reference.workbook);
    // How many round trips a run on an already computed workbook takes.
    reference.resetStats();
    await recalcAction({ run: runOf(reference), now: () => "2026-09-15T08:00:00Z" }, null);
    const syncs = reference.stats.syncs;
    expect(syncs).toBeGreaterThanOrEqual(4);
    let partialWrites = 0;
    let retried = 0;
    let failed = 0;
    for (let n = 1; n <= syncs; n++) {
      for (const afterOps of [0, 7, 40]) {
        const excel = mockExcelOf(exampleWorkbook());
        const env = { run: runOf(excel), now: () => "2026-09-15T08:00:00Z" };
        await recalcAction(env, null);
        const inputs = inputState(excel.workbook);
        const before = excel.stats.syncs;
        excel.failure = { sync: before + n, afterOps };
        // A GeneralException on a large write batch is taken for Excel on the web's oversize answer and the batch is
        // sent again in smaller parts (officeWrite.ts): then the run ends well, and must have written it all.
        const outcome = await recalcAction(env, null).then(
          () => "retried" as const,
          (e: Error) => (expect(e.message).toMatch(/Injected failure/), "failed" as const),
        );
        if (outcome === "retried") retried++;
        else failed++;
        expect(inputState(excel.workbook)).toBe(inputs);
        if (outcome === "retried") expect(ownedState(excel.workbook)).toBe(expected);
        if (ownedState(excel.workbook) !== expected) partialWrites++;
        await recalcAction(env, null);
        expect({ n, afterOps, same: ownedState(excel.workbook) === expected }).toEqual({ n, afterOps, same: true });
        expect(inputState(excel.workbook)).toBe(inputs);
        expect(new Set(excel.workbook.sheets.map((s) => s.name)).size).toBe(excel.workbook.sheets.length);
        expect(excel.workbook.sheets.filter((s) => / \(\d+\)$/.test(s.name))).toEqual([]);
      }
    }
    // The failures really broke writes half way (otherwise this test would prove little), and most runs failed.
    expect(partialWrites).toBeGreaterThan(0);
    expect(failed).toBeGreaterThan(retried);
  });

  test("a run that fails on a fresh workbook leaves it repairable too", async () => {
    const excel = new MockExcel(mockExcelOf(exampleWorkbook()).workbook);
    const env = { run: runOf(excel), now: () => "2026-09-15T08:00:00Z" };
    excel.failure = { sync: 4, afterOps: 25 };
    await expect(recalcAction(env, null)).rejects.toThrow();
    const r = await recalcAction(env, null);
    expect(r.ok).toBe(true);
    expect(
      excel.workbook.sheets
        .filter((s) => OWNED.includes(s.name))
        .map((s) => s.name)
        .sort(),
    ).toEqual([...OWNED].sort());
  });

  test("owned sheets edited by hand between runs are rewritten; the user's other sheets are not", async () => {
    const excel = mockExcelOf(exampleWorkbook());
    const env = { run: runOf(excel), now: () => "2026-09-15T08:00:00Z" };
    await recalcAction(env, null);
    const expected = ownedState(excel.workbook);
    const t = excel.workbook.sheet(OWNED_SHEETS.tertial)!;
    t.protection = { protected: false };
    t.cell(20, 3).v = 123;
    t.cell(60, 0).v = "min anteckning";
    excel.workbook.sheet(OWNED_SHEETS.equity)!.charts = [];
    await recalcAction(env, null);
    expect(ownedState(excel.workbook)).toBe(expected);
  });
});

describeWithLibreOffice("staleness check in LibreOffice", () => {
  let computed: string;
  beforeAll(() => {
    const input = path.join(tmp, "stale.xlsx");
    computed = path.join(tmp, "stale.beraknad.xlsx");
    expect(cliRun(["exempel", input]).status).toBe(0);
    expect(cliRun(["recalc", input]).status).toBe(0);
  });

  const statusOf = (wb: ExcelJS.Workbook, sheet: string) => rawOfCell(wb.getWorksheet(sheet)!.getCell("B9"));

  test("after a run every Kontroller formula is OK and every owned sheet's header says Aktuell", async () => {
    const out = await load(convert(computed, "xlsx", path.join(tmp, "lo-fresh")));
    for (const s of OWNED) expect([s, statusOf(out, s)]).toEqual([s, STATUS_CURRENT]);
    const results: unknown[] = [];
    out.getWorksheet("Kontroller")!.eachRow((row) => {
      const v = rawOfCell(row.getCell(2));
      if (v === "OK" || v === "FEL" || v === STATUS_CURRENT || v === STATUS_STALE) results.push(v);
    });
    expect(results.length).toBeGreaterThan(25);
    expect(results.filter((v) => v !== "OK" && v !== STATUS_CURRENT)).toEqual([]);
  });

  test("after one input amount is changed in the file, LibreOffice shows the changed status", async () => {
    const wb = await load(computed);
    const cell = wb.getWorksheet("Huvudbok")!.getCell("D20");
    cell.value = Number(cell.value) + 100;
    const edited = path.join(tmp, "stale.andrad.xlsx");
    await wb.xlsx.writeFile(edited);
    mkdirSync(path.join(tmp, "lo-stale"), { recursive: true });
    const out = await load(convert(edited, "xlsx", path.join(tmp, "lo-stale")));
    for (const s of OWNED) expect([s, statusOf(out, s)]).toEqual([s, STATUS_STALE]);
    const stale: string[] = [];
    out.getWorksheet("Kontroller")!.eachRow((row) => {
      if (rawOfCell(row.getCell(2)) === STATUS_STALE) stale.push(String(rawOf(row.getCell(1).value)));
    });
    expect(stale).toContain("Huvudbok");
    expect(stale).not.toContain("Medlemmar");
  });
});

describe("an unexpected failure reaches the user as a catalogue message and is logged", () => {
  test("the ribbon command shows the catalogue's text and Körlogg gets a row with the details", async () => {
    const excel = mockExcelOf(exampleWorkbook());
    const env = { run: runOf(excel), now: () => "2026-09-15T08:00:00Z", lang: "en" as const };
    await recalcAction(env, null);
    const logTable = () => excel.workbook.tables.find((t) => t.name === "Korlogg")!;
    const rowsBefore = logTable().rect.bottom - logTable().rect.top;
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => {});
    excel.failure = { sync: excel.stats.syncs + 3, afterOps: 0 };
    const shown: ActionResult[] = [];
    const result = await runCommand(
      "recalcAll",
      env,
      { actions: { associate: () => {} } },
      {
        started: () => {},
        finished: (r) => shown.push(r),
        cutoffOverride: () => undefined,
      },
    );
    expect(result.status).toBe("aborted");
    expect(result.errors).toHaveLength(1);
    const text = messageText(result.errors[0], "en");
    expect(text).toMatch(/^Unexpected error: Injected failure of sync \d+ after 0 operations\. The workbook's inputs are untouched/);
    expect(text).not.toMatch(/\n\s+at /);
    expect(consoleError).toHaveBeenCalled();
    consoleError.mockRestore();
    // The run log records the failure, and the owned sheet is protected again.
    const t = logTable();
    expect(t.rect.bottom - t.rect.top).toBe(rowsBefore + 1);
    const last = t.sheet.get(t.rect.bottom, t.rect.left + 1)?.v;
    const status = t.sheet.get(t.rect.bottom, t.rect.left + LOG_HEADERS.indexOf("Status"))?.v;
    expect(last).toBe("recalcAll (avbröts)");
    expect(String(status)).toMatch(/^Oväntat fel: .*Injected failure/);
    expect(t.sheet.protection.protected).toBe(true);
  });
});

test("an error from another realm (Microsoft's library in its own frame or page) is worded from its message", () => {
  const foreign = vm.runInNewContext(
    '(() => { const e = new Error("Tabellen finns inte."); e.name = "ItemNotFound"; return e; })()',
  ) as unknown;
  expect(foreign instanceof Error).toBe(false);
  expect(errorMessage(foreign)).toEqual({ name: "ItemNotFound", message: "Tabellen finns inte." });
  expect(failure("recalcAll", foreign).errors[0].params).toEqual({ detail: "Tabellen finns inte." });
  expect(errorMessage("plain text")).toBeNull();
  expect(failure("verify", "plain text").errors[0].params).toEqual({ detail: "plain text" });
});
