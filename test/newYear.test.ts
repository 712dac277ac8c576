/**
 * Issue 25, point 1: Nytt år. A closed 2026 becomes a 2027 that recalculates, whose opening equity is the 2026
 * Bokslut's closing equity and whose comparison column is 2026's outcome — through the .xlsx adapter and through
 * Office.js (Microsoft's library over the in-memory Excel). A year that is not closed is refused, naming why.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { createHash } from "crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { OUTPUTS } from "../src/core/compute";
import { messageText } from "../src/core/messages";
import { Decimal } from "../src/core/money";
import { OfficePort } from "../src/excel/officePort";
import { exampleSheets, EXAMPLE_CLOSED } from "../src/report/example";
import type { SheetModel } from "../src/report/sheetModel";
import { planNewYear, newYear } from "../src/workbook/newYear";
import type { WorkbookPort } from "../src/workbook/port";
import { recalculate } from "../src/workbook/usecases";
import { XlsxPort } from "../src/xlsx/xlsxPort";
import { FIXED_NOW, runOf } from "./helpers/office";
import { withTotalsRow } from "./helpers/package";
import { MockExcel } from "./officeMock/excel";
import { mockWorkbookOfModels } from "./officeMock/fromModels";
import { MWorkbook } from "./officeMock/model";

const OPTIONS = { source: "ekonomi-2026.xlsx", version: "test", now: FIXED_NOW };

type Json = {
  year: number;
  tertialReport: { lines: Array<{ id: string; period: string; priorPeriod: string; forecast: string }> };
  equity: { opening: string; closing: string };
  financialStatements: { balanceSheet: Array<{ id: string; amount: string; prior: string | null }> } | null;
  warnings: Array<{ code: string }>;
};

async function xlsxOf(models: SheetModel[]): Promise<XlsxPort> {
  const port = XlsxPort.empty();
  await port.writeSheets(models);
  return XlsxPort.fromBuffer(port.toBuffer());
}

async function recalcJson(port: WorkbookPort, cutoff?: string): Promise<Json> {
  const outcome = await recalculate(port, { outputs: new Set(OUTPUTS), version: "test", now: FIXED_NOW, cutoffOverride: cutoff });
  expect(outcome.errors).toEqual([]);
  return outcome.json as unknown as Json;
}

const closed2026 = () => exampleSheets(EXAMPLE_CLOSED);

describe("a closed 2026 becomes 2027", () => {
  test("through .xlsx: the new workbook recalculates; opening equity = 2026's closing; comparison = 2026's outcome", async () => {
    const y2026 = await recalcJson(await xlsxOf(closed2026()), "2026-12-31");
    const target = XlsxPort.empty();
    const outcome = await newYear(await xlsxOf(closed2026()), target, OPTIONS);
    expect(outcome.errors).toEqual([]);
    expect(outcome.year).toBe(2027);
    const closing2026 = y2026.financialStatements!.balanceSheet.find((l) => l.id === "eget_kapital")!.amount;
    expect(outcome.openingEquity!.toFixed()).toBe(closing2026);
    expect(y2026.equity.closing).toBe(closing2026);

    const y2027 = await recalcJson(XlsxPort.fromBuffer(target.toBuffer()));
    expect(y2027.year).toBe(2027);
    // The setting Nytt år writes is the opening the ledger gives (2026's IB rows, rows and result): nothing to contradict.
    expect(y2027.warnings.map((w) => w.code)).not.toContain("opening_equity_differs");
    expect(y2027.equity.opening).toBe(closing2026);
    // The comparison column over the whole year (cut-off 31 December 2027) is 2026's outcome, line by line.
    const full2027 = await recalcJson(XlsxPort.fromBuffer(target.toBuffer()), "2027-12-31");
    expect(full2027.tertialReport.lines.length).toBeGreaterThan(8);
    for (const l of full2027.tertialReport.lines) {
      const then = y2026.tertialReport.lines.find((x) => x.id === l.id)!;
      expect([l.id, l.priorPeriod]).toEqual([l.id, then.period]);
    }
    // Bokslut's comparison column is 31 December 2026.
    const equity2027 = y2027.financialStatements!.balanceSheet.find((l) => l.id === "eget_kapital")!;
    expect(equity2027.prior).toBe(closing2026);
  });

  test("the new year before anything is booked: the report says its actual is nothing yet, naming the cut-off cell", async () => {
    const target = XlsxPort.empty();
    expect((await newYear(await xlsxOf(closed2026()), target, OPTIONS)).errors).toEqual([]);
    const run = await recalculate(XlsxPort.fromBuffer(target.toBuffer()), { outputs: new Set(OUTPUTS), version: "test", now: FIXED_NOW });
    const empty = run.warnings.filter((w) => w.code === "no_rows_in_period");
    expect(empty).toEqual([
      {
        code: "no_rows_in_period",
        params: { sheet: "Huvudbok", year: 2027, cutoff: "2027-04-30" },
        cell: expect.stringMatching(/^Inställningar!B\d+$/),
      },
    ]);
    expect(messageText(empty[0], "sv")).toMatch(
      /^Huvudbok har inga rader för 2027 till och med brytdatum 2027-04-30: det finns inget utfall ännu/,
    );
    // Issue 33: the sheets themselves say it is a new year. Every method built on the actual gives the budget, named so.
    const j = run.json as {
      tertialReport: { lines: Array<{ id: string; method: string; methodFallback?: string; budget: string; forecast: string }> };
      boardText: { period: string; forecast: string };
      equity: { opening: string; closing: string };
    };
    for (const l of j.tertialReport.lines) expect([l.id, l.forecast]).toEqual([l.id, l.budget]);
    const byId = new Map(j.tertialReport.lines.map((l) => [l.id, l]));
    for (const id of ["personalkostnader", "ovriga_externa_kostnader", "bidrag_till_insatser"])
      expect(byId.get(id)).toMatchObject({ method: "budget", methodFallback: "no_rows_in_period" });
    // Medlemsbidrag is forecast by its budget anyway: no fallback to name.
    expect(byId.get("medlemsbidrag")!.methodFallback).toBeUndefined();
    expect(j.boardText.period).toMatch(
      /^Per 2027-04-30 finns ännu inget utfall för 2027: huvudboken har inga rader för året\. Budgeten för 2027 är ett resultat på /,
    );
    expect(j.boardText.period).not.toMatch(/samma period i fjol|kostnaderna till 0/);
    expect(j.boardText.forecast).toMatch(/^Utan utfall bygger prognosen för helåret 2027 på budgeten: /);
    expect(j.boardText.forecast).toContain("Enligt budgeten blir eget kapital på balansdagen");
    expect(j.boardText.forecast).not.toMatch(/prognostiseras till 0/);
    // The closing equity is the opening plus the budget's result (the example budgets 2027 at -849 000).
    const result = byId.get("arets_resultat")!.budget;
    expect(result).toBe("-849000");
    expect(j.equity.closing).toBe(new Decimal(j.equity.opening).plus(result).toFixed());
    // On the sheets: Tertialrapport's paragraph and method column, Eget kapital's sentence.
    const text = (sheet: string) =>
      run
        .sheets!.find((m) => m.name === sheet)!
        .rows.flatMap((r) => r.map((c) => String(c?.value ?? "")))
        .join("\n");
    expect(text("Tertialrapport")).toContain("Per 2027-04-30 finns ännu inget utfall för 2027");
    expect(text("Tertialrapport")).toContain(
      "Utfall uppräknat till helår (inget utfall ännu)".replace("Utfall uppräknat till helår", "Budget"),
    );
    expect(text("Eget kapital")).toContain("Enligt budgeten blir eget kapital på balansdagen");
    // A year with rows up to its cut-off is not warned about.
    const source = await recalculate(await xlsxOf(closed2026()), { outputs: new Set(OUTPUTS), version: "test", now: FIXED_NOW });
    expect(source.warnings.map((w) => w.code)).not.toContain("no_rows_in_period");
  });

  test("what is carried and what is not", async () => {
    const source = await xlsxOf(closed2026());
    const grid = await source.readGrid();
    const plan = planNewYear(grid, OPTIONS);
    expect(plan.errors).toEqual([]);
    const sheet = (name: string) => plan.sheets!.find((s) => s.name === name)!;
    const texts = (name: string) => sheet(name).rows.map((r) => r.map((c) => c?.value ?? null));
    const settings = new Map(texts("Inställningar").map((r) => [r[0], r[1]]));
    expect(settings.get("Räkenskapsår")).toBe(2027);
    expect(settings.get("Brytdatum")).toBe("2027-04-30");
    expect(settings.get("Statens bidrag")).toBeNull();
    expect(settings.get("Förbund")).toBe("Samordningsförbundet Älvdalen (fiktivt)");
    // Budget keeps 2027 and later; Huvudbok keeps 2026 on; Prognos is empty; owned sheets are not copied.
    const budgetHeader = texts("Budget")[0];
    expect(budgetHeader.filter((h) => /^\d{4}$/.test(String(h)))).toEqual(["2027", "2028"]);
    const ledgerDates = texts("Huvudbok")
      .slice(1)
      .map((r) => r[0] as number);
    expect(Math.min(...ledgerDates)).toBeGreaterThanOrEqual(46023); // 2026-01-01
    expect(
      texts("Prognos")
        .slice(1)
        .flat()
        .filter((v) => v !== null),
    ).toEqual([]);
    // Dates stay dates (Insatser Från as a date serial with a date format).
    const grants = sheet("Insatser");
    const grantHeader = grants.rows[0].map((c) => c?.value);
    const from = grants.rows[1][grantHeader.indexOf("Från")]!;
    expect(typeof from.value).toBe("number");
    expect(from.format).toBe("yyyy-mm-dd");
    expect(plan.sheets!.map((s) => s.name)).not.toContain("Tertialrapport");
    expect(plan.sheets!.map((s) => s.name)).toContain("Körlogg");
    // Körlogg's first row names the source and its fingerprint.
    const log = texts("Körlogg");
    const first = log.find((r) => String(r[1]).startsWith("Nytt år 2027 från ekonomi-2026.xlsx"))!;
    expect(String(first[10])).toMatch(/^[0-9a-f]{64}$/);
    // Its heading is the new year's; the row keeps the closed year's cut-off.
    const heading = new Map(log.slice(0, 9).map((r) => [r[0], r[1]]));
    expect([heading.get("Räkenskapsår"), heading.get("Brytdatum"), first[3]]).toEqual([2027, "2027-04-30", "2026-12-31"]);
    // The officer is told what changed.
    const codes = plan.warnings.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(["new_year_setting_cleared", "new_year_key_basis", "new_year_done"]));
    const done = plan.warnings.find((w) => w.code === "new_year_done")!;
    expect(messageText(done, "sv")).toMatch(/^Arbetsboken för 2027 är skapad från ekonomi-2026\.xlsx\. Ingående eget kapital /);
  });

  test("an amount is never dated: Takregel's Från and Till stay amounts, Insatser's dates stay dates (ExcelJS reads them so)", async () => {
    const target = XlsxPort.empty();
    expect((await newYear(await xlsxOf(closed2026()), target, OPTIONS)).errors).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(target.toBuffer() as unknown as ArrayBuffer);
    const bands = wb.getWorksheet("Takregel")!;
    for (const ref of ["A3", "B3", "A4"]) {
      const cell = bands.getCell(ref);
      expect([ref, typeof cell.value, cell.numFmt]).toEqual([ref, "number", "#,##0.00"]);
    }
    const grants = wb.getWorksheet("Insatser")!;
    expect(grants.getCell("E2").value).toBeInstanceOf(Date);
    expect(grants.getCell("E2").numFmt).toBe("yyyy-mm-dd");
    // …and the next year computes with the same bands.
    const again = await recalculate(XlsxPort.fromBuffer(target.toBuffer()), { outputs: new Set(OUTPUTS), version: "t", now: FIXED_NOW });
    expect(again.errors).toEqual([]);
  });

  test("a grant keeps its decided amount; what was paid before 2026 moves to Utbetalt tidigare, so nothing is paid twice", async () => {
    const y2026 = await recalcJson(await xlsxOf(closed2026()), "2026-12-31");
    const target = XlsxPort.empty();
    await newYear(await xlsxOf(closed2026()), target, OPTIONS);
    const y2027 = await recalcJson(XlsxPort.fromBuffer(target.toBuffer()), "2027-04-30");
    const unpaid = (j: Json) => (j as unknown as { equity: { unpaidGrants: string } }).equity.unpaidGrants;
    // No 2027 grant payments are booked yet: what was unpaid at the end of 2026 is unpaid now.
    expect(unpaid(y2027)).toBe(unpaid(y2026));
    // The ESF-co-financed insats runs into 2027 with its co-financing: only the own part is counted against equity.
    type G = { code: string; coFinancing: string; coFinancier: string; ownPart: string };
    const esf = (j: Json) => (j as unknown as { tertialReport: { grants: G[] } }).tertialReport.grants.find((g) => g.code === "P25/4");
    expect(esf(y2027)).toMatchObject({ coFinancing: "1200000", coFinancier: "Svenska ESF-rådet", ownPart: "3600000" });
    const own = (j: Json) => (j as unknown as { equity: { ownCommitmentsAfterYear: string } }).equity.ownCommitmentsAfterYear;
    expect(Number(own(y2027))).toBeLessThan(Number(unpaid(y2027)));
  });

  test("through Office.js on Microsoft's library: the same 2027 as through .xlsx", async () => {
    const source = new MockExcel(mockWorkbookOfModels(closed2026()));
    const target = new MockExcel(new MWorkbook());
    target.workbook.addSheet("Blad1");
    const outcome = await runOf(source)((ctxA) => runOf(target)((ctxB) => newYear(new OfficePort(ctxA), new OfficePort(ctxB), OPTIONS)));
    expect(outcome.errors).toEqual([]);
    const viaXlsx = XlsxPort.empty();
    const again = await newYear(await xlsxOf(closed2026()), viaXlsx, OPTIONS);
    expect(outcome.openingEquity!.toFixed()).toBe(again.openingEquity!.toFixed());
    const y2027 = await runOf(target)((ctx) =>
      recalculate(new OfficePort(ctx), { outputs: new Set(OUTPUTS), version: "test", now: FIXED_NOW }),
    );
    expect(y2027.errors).toEqual([]);
    expect((y2027.json as unknown as Json).equity.opening).toBe(outcome.openingEquity!.toFixed());
  });
});

test("a totals row under Huvudbok is counted among what stays in the source: the new year's tables have none", async () => {
  const source = (await xlsxOf(closed2026())).toBuffer();
  const outside = async (buf: Buffer) => {
    const plan = planNewYear(await XlsxPort.fromBuffer(buf).readGrid(), OPTIONS);
    expect(plan.errors).toEqual([]);
    return (plan.warnings.find((w) => w.code === "new_year_rows_left")!.params as { outside: number }).outside;
  };
  // "Summa" and the sum under Belopp.
  expect((await outside(withTotalsRow(source, "Huvudbok").buf)) - (await outside(source))).toBe(2);
});

test("what stays in the source is said: older ledger rows, budget years, Prognos choices, notes beside a table, own sheets", async () => {
  const grid = await (await xlsxOf(closed2026())).readGrid();
  const members = grid.sheets.find((x) => x.name === "Medlemmar")!;
  // A note beside the header, as a read grid would hold it: a row array of its own (a read grid's rows are shared
  // with its tables, and a grid is not changed once read).
  const header = [...members.rows[0]];
  header[8] = "Not till revisorn: nyckeln enligt SCB";
  members.rows[0] = header;
  grid.sheets.push({ name: "Anteckningar", rows: [["Egna anteckningar"]] });
  grid.sheetNames = [...(grid.sheetNames ?? []), "Anteckningar"];
  const plan = planNewYear(grid, OPTIONS);
  const left = plan.warnings.find((w) => w.code === "new_year_rows_left")!;
  expect(left.params).toMatchObject({ before: 2026, budgetYears: "2025, 2026", outside: 1 });
  expect((left.params as { ledgerRows: number }).ledgerRows).toBeGreaterThan(100);
  expect((left.params as { forecastRows: number }).forecastRows).toBeGreaterThan(0);
  expect(messageText(left, "sv")).toMatch(
    /^Stannade i källfilen och finns inte i det nya årets arbetsbok: \d+ rader i Huvudbok före 2026, budgetåren 2025, 2026, /,
  );
  const own = plan.warnings.find((w) => w.code === "new_year_sheets_left")!;
  expect(own.params).toEqual({ sheets: "Anteckningar" });
});

describe("refused, naming why", () => {
  test("a year whose ledger stops in September is not closed: nothing is planned", async () => {
    const plan = planNewYear(await (await xlsxOf(exampleSheets())).readGrid(), OPTIONS);
    expect(plan.ok).toBe(false);
    expect(plan.errors).toEqual([
      { code: "new_year_not_closed", params: { year: 2026, sheet: "Huvudbok", last: expect.stringMatching(/^2026-09-/) }, cell: "" },
    ]);
    expect(messageText(plan.errors[0], "sv")).toMatch(/^Året 2026 ser inte avslutat ut: Huvudbok har inga rader i december 2026/);
    expect(plan.sheets).toBeUndefined();
  });
});

describe("finsam nytt-ar", () => {
  const cli = path.join(__dirname, "..", "dist", "cli", "main.js");
  const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
  const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

  test("writes the new year to a new file, leaves the source as it was, and never replaces a file", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "finsam-nytt-ar-"));
    const source = path.join(dir, "ekonomi-2026.xlsx");
    writeFileSync(source, (await xlsxOf(closed2026())).toBuffer());
    const before = sha(source);
    const out = path.join(dir, "ekonomi-2027.xlsx");
    const r = run(["nytt-ar", source, "-o", out, "--json"]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { ok: boolean; year: number; openingEquity: string; notes: Array<{ code: string }> };
    expect(doc).toMatchObject({ ok: true, year: 2027 });
    expect(doc.notes.map((n) => n.code)).toContain("new_year_done");
    expect(sha(source)).toBe(before);
    // The new workbook recalculates from the command line.
    expect(run(["berakna", out, "-o", path.join(dir, "ekonomi-2027.beraknad.xlsx")]).status).toBe(0);
    // Again: the output exists, so nothing is written.
    const again = run(["new-year", source, "-o", out]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/finns redan|exists/);
    // Without -o: a usage error.
    expect(run(["nytt-ar", source]).status).toBe(2);
    // A year that is not closed: refused, nothing written.
    const open = path.join(dir, "oppet.xlsx");
    writeFileSync(open, (await xlsxOf(exampleSheets())).toBuffer());
    const refused = run(["nytt-ar", open, "-o", path.join(dir, "x.xlsx")]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Året 2026 ser inte avslutat ut");
    expect(existsSync(path.join(dir, "x.xlsx"))).toBe(false);
    // The example with its year closed is a workbook to try it on; --avslutat belongs to exempel only.
    const closed = path.join(dir, "avslutat.xlsx");
    expect(run(["exempel", closed, "--avslutat"]).status).toBe(0);
    expect(run(["example", path.join(dir, "closed.xlsx"), "--closed"]).status).toBe(0);
    const carried = run(["nytt-ar", closed, "-o", path.join(dir, "fran-exemplet.xlsx"), "--json"]);
    expect(carried.status).toBe(0);
    // One closing equity for the year (issue 33): the closed example's Brytdatum is 31 December, so its own run
    // has no rows after the cut-off and ends at the equity Nytt år carries over.
    const closedRun = run(["recalc", closed, "-o", path.join(dir, "avslutat.beraknad.xlsx"), "--json"]);
    expect(closedRun.status).toBe(0);
    const result = JSON.parse(closedRun.stdout) as { cutoff: string; equity: { closing: string }; warnings: Array<{ code: string }> };
    expect(result.cutoff).toBe("2026-12-31");
    expect(result.warnings.map((w) => w.code)).not.toContain("rows_after_cutoff");
    expect(result.equity.closing).toBe((JSON.parse(carried.stdout) as { openingEquity: string }).openingEquity);
    expect(run(["mall", path.join(dir, "m.xlsx"), "--avslutat"]).status).toBe(2);
  });
});
