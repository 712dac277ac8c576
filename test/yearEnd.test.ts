/**
 * Issue 15, parts 1 and 2: a closed year's full-year figure is its actual, whatever the Prognos
 * table says; and decided grants are counted once in the equity view (what this year's forecast
 * already pays, and what remains after the year), under every forecast method.
 */
import fc from "fast-check";
import { OUTPUTS } from "../src/core/compute";
import { commitmentsSplit } from "../src/core/equity";
import { LEAF_LINES } from "../src/core/reportLines";
import { Decimal } from "../src/core/money";
import type { SheetModel } from "../src/report/sheetModel";
import { recalculate } from "../src/workbook/usecases";
import { XlsxPort } from "../src/xlsx/xlsxPort";
import { exampleWith, ForecastChoiceRow } from "./helpers/exampleWith";
import { FIXED_NOW } from "./helpers/office";

type Json = {
  tertialReport: {
    lines: Array<{ id: string; period: string; forecast: string; method: string; methodText: string }>;
    grants: Array<{ remainingThisYear: string }>;
  };
  equity: {
    closing: string;
    unpaidGrants: string;
    commitmentsInForecast: string;
    commitmentsAfterYear: string;
    coFinancedAfterYear: string;
    ownCommitmentsAfterYear: string;
    equityAfterCommitments: string;
  };
};

/** The example with one Prognos row set (helpers/exampleWith), its sheets only. */
const sheetsWith = (choice?: ForecastChoiceRow) => exampleWith(choice).models;

async function run(models: SheetModel[], cutoff?: string) {
  const input = XlsxPort.empty();
  await input.writeSheets(models);
  const port = XlsxPort.fromBuffer(input.toBuffer());
  const outcome = await recalculate(port, { outputs: new Set(OUTPUTS), version: "test", now: FIXED_NOW, cutoffOverride: cutoff });
  expect(outcome.errors).toEqual([]);
  return { outcome, json: outcome.json as unknown as Json };
}

describe("1: a closed period (cut-off 31 December) is actual, not forecast", () => {
  test("every line's full year is its actual whatever the method; the method column says Utfall helår", async () => {
    const { json } = await run(sheetsWith({ line: "medlemsbidrag", method: "budget" }), "2026-12-31");
    const lines = json.tertialReport.lines;
    for (const id of LEAF_LINES) {
      const l = lines.find((x) => x.id === id)!;
      expect([id, l.forecast, l.method, l.methodText]).toEqual([id, l.period, "utfall_helar", "Utfall helår"]);
    }
    const total = lines.find((l) => l.id === "arets_resultat")!;
    expect(total.forecast).toBe(total.period);
  });

  test("a manual forecast that differs from the actual is a warning naming the line and its Prognos cell", async () => {
    const { outcome, json } = await run(sheetsWith(), "2026-12-31");
    const w = outcome.warnings.find((x) => x.code === "manual_forecast_closed_year")!;
    expect(w).toMatchObject({ params: { line: "finansiella_kostnader", manual: "-4200.00" }, cell: "Prognos!B4" });
    const l = json.tertialReport.lines.find((x) => x.id === "finansiella_kostnader")!;
    expect(l.forecast).toBe(l.period);
    // Before the year is closed, the same manual choice is the forecast.
    const open = await run(sheetsWith(), "2026-08-31");
    expect(open.json.tertialReport.lines.find((x) => x.id === "finansiella_kostnader")!.forecast).toBe("-4200");
    expect(open.outcome.warnings.map((x) => x.code)).not.toContain("manual_forecast_closed_year");
  });
});

describe("2: decided grants are counted once in the equity view", () => {
  const dec = (s: string) => new Decimal(s);

  test("property: what the forecast pays and what remains add up to the unpaid grants, within bounds", () => {
    const ore = fc.integer({ min: -5e9, max: 5e9 }).map((n) => new Decimal(n).dividedBy(100));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5e9 }), ore, ore, ore, (u, period, forecast, closing) => {
        const unpaid = new Decimal(u).dividedBy(100);
        const s = commitmentsSplit(unpaid, { period, forecast });
        expect(s.inForecast.plus(s.afterYear).equals(unpaid)).toBe(true);
        expect(s.inForecast.greaterThanOrEqualTo(0) && s.inForecast.lessThanOrEqualTo(unpaid)).toBe(true);
        // The two views: closing less what remains = closing plus what this year pays, less all unpaid.
        expect(closing.minus(s.afterYear).equals(closing.plus(s.inForecast).minus(unpaid))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test.each([["budget"], ["linjär"], ["utfall+restbudget"], ["föregående år"], ["åtaganden"], ["manuell"]])(
    "under %s for Bidrag till insatser, the equity sheet's figures add up and each commitment is counted once",
    async (method) => {
      const { json } = await run(sheetsWith({ line: "bidrag_till_insatser", method, amount: method === "manuell" ? 2500000 : undefined }));
      const e = json.equity;
      expect(dec(e.commitmentsInForecast).plus(e.commitmentsAfterYear).equals(dec(e.unpaidGrants))).toBe(true);
      // The example's ESF-co-financed insats: its co-financier pays its part back, the rest is the förbund's own.
      expect(dec(e.coFinancedAfterYear).greaterThan(0)).toBe(true);
      expect(dec(e.coFinancedAfterYear).plus(e.ownCommitmentsAfterYear).equals(dec(e.commitmentsAfterYear))).toBe(true);
      expect(dec(e.closing).minus(e.ownCommitmentsAfterYear).equals(dec(e.equityAfterCommitments))).toBe(true);
      const line = json.tertialReport.lines.find((l) => l.id === "bidrag_till_insatser")!;
      const paidLater = dec(line.period).minus(line.forecast);
      expect(dec(e.commitmentsInForecast).equals(Decimal.min(dec(e.unpaidGrants), Decimal.max(0, paidLater)))).toBe(true);
      if (method === "åtaganden") {
        // Exactly this year's remaining share of the decided grants, which the forecast already pays.
        const remaining = json.tertialReport.grants.reduce((a, g) => a.plus(g.remainingThisYear), new Decimal(0));
        expect(dec(e.commitmentsInForecast).equals(remaining)).toBe(true);
        expect(remaining.greaterThan(0)).toBe(true);
      }
    },
  );

  test("at year end nothing of the unpaid grants is in the forecast any more: all of it remains", async () => {
    const { json } = await run(sheetsWith({ line: "bidrag_till_insatser", method: "åtaganden" }), "2026-12-31");
    expect(json.equity.commitmentsInForecast).toBe("0");
    expect(json.equity.commitmentsAfterYear).toBe(json.equity.unpaidGrants);
  });
});
