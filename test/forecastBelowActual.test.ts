/**
 * docs/rules.md, "Prognos under utfallet": a full year set apart from the actual (budget, manuell, medfinansiering)
 * that falls short of what is already booked is used as it is, with a warning that names the line, the method, the
 * two figures and what the rest of the year would have to give back. The example's figures at 2026-08-31, by hand:
 * Personalkostnader −1 679 138 kr, Projektmedel 378 275 kr, Övriga intäkter 0 kr.
 */
import { OUTPUTS } from "../src/core/compute";
import { messageText } from "../src/core/messages";
import type { SheetModel } from "../src/report/sheetModel";
import { recalculate } from "../src/workbook/usecases";
import { XlsxPort } from "../src/xlsx/xlsxPort";
import { exampleWith } from "./helpers/exampleWith";
import { FIXED_NOW } from "./helpers/office";

type Line = { id: string; period: string; forecast: string; method: string };

/** The models with the Budget sheet's Personalkostnader 2026 (2 460 000 in the example) set to `amount`. */
function withBudget(models: SheetModel[], amount: number): SheetModel[] {
  const budget = models.find((m) => m.name === "Budget")!;
  const row = budget.rows.find((r) => r.some((c) => c?.value === "personalkostnader"))!;
  const at = row.findIndex((c) => c?.value === 2460000);
  expect(at).toBeGreaterThan(0);
  row[at] = { value: amount };
  return models;
}

async function run(models: SheetModel[], cutoff = "2026-08-31") {
  const input = XlsxPort.empty();
  await input.writeSheets(models);
  const outcome = await recalculate(XlsxPort.fromBuffer(input.toBuffer()), {
    outputs: new Set(OUTPUTS),
    version: "test",
    now: FIXED_NOW,
    cutoffOverride: cutoff,
  });
  expect(outcome.errors).toEqual([]);
  const lines = (outcome.json as unknown as { tertialReport: { lines: Line[] } }).tertialReport.lines;
  const kontroller = outcome.sheets!.find((x) => x.name === "Kontroller")!;
  return {
    warnings: outcome.warnings.filter((w) => w.code === "forecast_below_actual"),
    line: (id: string) => lines.find((l) => l.id === id)!,
    kontroller: kontroller.rows.map((r) => String(r[0]?.value ?? "")),
  };
}

describe("a forecast that falls short of the actual", () => {
  test("a cost line's manual full year below its costs so far: used as it is, with a warning naming the Prognos cell", async () => {
    const { models, cell } = exampleWith({ line: "personalkostnader", method: "manuell", amount: 1500000 });
    const { warnings, line, kontroller } = await run(models);
    expect(line("personalkostnader")).toMatchObject({ period: "-1679138", forecast: "-1500000", method: "manuell" });
    // −1 500 000 − (−1 679 138) = 179 138 that the rest of the year would have to give back.
    expect(warnings).toEqual([
      expect.objectContaining({
        cell,
        params: { line: "personalkostnader", method: "manuell", forecast: "-1500000.00", actual: "-1679138.00", back: "179138.00" },
      }),
    ]);
    // The amounts' thousands are set apart with no-break spaces.
    expect(messageText(warnings[0], "sv").replace(/\u00a0/g, " ")).toBe(
      "Personalkostnader (bedömning): helårsprognosen -1 500 000,00 kr når inte upp till det som redan är bokfört till och " +
        "med brytdatum, -1 679 138,00 kr; prognosen förutsätter att 179 138,00 kr av det går tillbaka under resten av året. " +
        "Stämmer det inte, ändra prognosen i tabellen Prognos (metod eller belopp).",
    );
    // Kept in the workbook: the end of Kontroller lists the run's warnings, each with the cell it names.
    const listed = kontroller.slice(kontroller.indexOf("Varningar vid beräkningen") + 1);
    expect(listed).toContain(`${cell}: ${messageText(warnings[0], "sv")}`);
  });

  test("an income line's full year below its income so far (Projektmedel, manuell 300 000 against 378 275)", async () => {
    const { models } = exampleWith({ line: "projektmedel", method: "manuell", amount: 300000 });
    const { warnings } = await run(models);
    expect(warnings.map((w) => w.params)).toEqual([
      { line: "projektmedel", method: "manuell", forecast: "300000.00", actual: "378275.00", back: "78275.00" },
    ]);
  });

  test("the budget as the full year, below the actual: the same warning, naming the method budget", async () => {
    const { models } = exampleWith({ line: "personalkostnader", method: "budget" });
    // The example's budget (−2 460 000) is above the costs so far: no warning.
    expect((await run(models)).warnings).toEqual([]);
    const { warnings, line } = await run(withBudget(models, 1600000));
    expect(line("personalkostnader").forecast).toBe("-1600000");
    expect(warnings.map((w) => w.params)).toEqual([
      { line: "personalkostnader", method: "budget", forecast: "-1600000.00", actual: "-1679138.00", back: "79138.00" },
    ]);
  });

  test("exactly the actual is no warning; one öre short is", async () => {
    expect((await run(exampleWith({ line: "personalkostnader", method: "manuell", amount: 1679138 }).models)).warnings).toEqual([]);
    const short = await run(exampleWith({ line: "personalkostnader", method: "manuell", amount: 1679137.99 }).models);
    expect(short.warnings.map((w) => w.params.back)).toEqual(["0.01"]);
  });

  test("methods built on the actual never warn, nor does a closed year (its full year is the actual)", async () => {
    // linjär and utfall+restbudget carry the actual forward; the example's defaults give no warning either.
    expect((await run(exampleWith({ line: "personalkostnader", method: "linjär" }).models)).warnings).toEqual([]);
    expect((await run(exampleWith({ line: "personalkostnader", method: "utfall+restbudget" }).models)).warnings).toEqual([]);
    const closed = await run(exampleWith({ line: "personalkostnader", method: "manuell", amount: 1500000 }).models, "2026-12-31");
    expect(closed.warnings).toEqual([]);
    // A budget typed negative (an income on a cost line; budget_negative says so) makes utfall+restbudget fall short of
    // the actual: −1 679 138 + 100 000 × 4/12. That method follows the actual, so it is not this warning's case.
    const negative = withBudget(exampleWith({ line: "personalkostnader", method: "utfall+restbudget" }).models, -100000);
    const { warnings, line } = await run(negative);
    expect(line("personalkostnader").forecast).toBe("-1645804.67");
    expect(warnings).toEqual([]);
  });

  test("no warning where the line got the budget because there is no actual yet", async () => {
    // Without the year's ledger rows (the example's 2025 rows kept), linjär gives the budget; typed negative, it is
    // below the actual of 0.
    const models = withBudget(exampleWith({ line: "personalkostnader", method: "linjär" }).models, -100000);
    const ledger = models.find((m) => m.name === "Huvudbok")!;
    const t = ledger.tables[0];
    const year2026 = 46023; // 2026-01-01 as an Excel serial
    const kept = ledger.rows.slice(t.top + 1, t.bottom + 1).filter((r) => (r[0]?.value as number) < year2026);
    expect(kept.length).toBeGreaterThan(0);
    ledger.rows.splice(t.top + 1, t.bottom - t.top, ...kept);
    t.bottom = t.top + kept.length;
    const { warnings, line } = await run(models);
    expect(line("personalkostnader")).toMatchObject({ period: "0", forecast: "100000", method: "budget" });
    expect(warnings).toEqual([]);
  });
});
