/**
 * Issue 25, point 5: a planned deficit is a plan. The Eget kapital sheet says what the budget years achieve, and
 * the figure "eget kapital efter beslutad finansiering" and the projection are explained together, not side by side.
 */
import fc from "fast-check";
import { OUTPUTS } from "../src/core/compute";
import { applyCeiling, contributionCut } from "../src/core/equity";
import type { CeilingBand } from "../src/core/inputs";
import { Decimal } from "../src/core/money";
import { planText } from "../src/report/boardText";
import { exampleSheets } from "../src/report/example";
import { buildSheets } from "../src/report/sheets";
import type { SheetModel } from "../src/report/sheetModel";
import { computeFromGrid } from "../src/workbook/usecases";
import { XlsxPort } from "../src/xlsx/xlsxPort";
import { FIXED_NOW } from "./helpers/office";

async function computation(models: SheetModel[]) {
  const port = XlsxPort.empty();
  await port.writeSheets(models);
  const grid = await XlsxPort.fromBuffer(port.toBuffer()).readGrid();
  const o = computeFromGrid(grid, { outputs: new Set(OUTPUTS), version: "test", now: FIXED_NOW });
  expect(o.errors).toEqual([]);
  return o.computation!;
}

/** The example with one budget line's plan-year amounts replaced. */
function withBudget(line: string, amounts: Record<number, number>): SheetModel[] {
  const models = exampleSheets();
  const budget = models.find((m) => m.name === "Budget")!;
  const header = budget.rows[budget.tables[0].top].map((c) => String(c?.value ?? ""));
  const row = budget.rows.find((r) => r[0]?.value === line)!;
  for (const [year, amount] of Object.entries(amounts)) row[header.indexOf(year)] = { value: amount };
  return models;
}

test("the example: under the level from 2027; the decided grants fit in the budget; the two figures explained together", async () => {
  const c = await computation(exampleSheets());
  const text = planText(c)!;
  const nb = "\u00a0";
  expect(text.startsWith(`Enligt budgeten för 2027–2028 blir eget kapital 773${nb}tkr vid utgången av 2028 `)).toBe(true);
  expect(text).toContain(`(högsta rekommenderade nivå 1${nb}583${nb}tkr).`);
  expect(text).toContain("Från 2027 ligger eget kapital under nivån.");
  expect(text).toContain("så de ryms i planen");
  // The ESF pays its part of Unga vuxna back: only the förbund's own part is counted against equity (rules.md 4c).
  expect(text).toContain(`betalar medfinansiärerna tillbaka 342${nb}tkr; förbundets egen del är 2${nb}951${nb}tkr.`);
  expect(text).toContain(`Eget kapital efter beslutad finansiering (-600${nb}tkr)`);
  // On the sheet, the words stand right above the projection they speak of.
  const sheets = buildSheets(c, { version: "t", computedAt: "x", fingerprint: "f" });
  const equity = sheets.find((s) => s.name === "Eget kapital")!;
  const rowOf = (t: string) => equity.rows.findIndex((r) => String(r[0]?.value ?? "").startsWith(t));
  expect(rowOf("Enligt budgeten för 2027–2028")).toBe(rowOf("Flerårsprognos") + 1);
});

test("a plan that stays over says how much more to spend, or how much less to contribute, in the last year", async () => {
  const c = await computation(withBudget("bidrag_till_insatser", { 2027: 1_000_000, 2028: 1_000_000 }));
  const plan = c.equity!.plan!;
  expect(plan.last.status).toBe("over");
  expect(plan.spendMore.toFixed()).toBe(plan.last.margin.negated().toFixed());
  const text = planText(c)!;
  const amount = "[\\d\u00a0]+\u00a0tkr";
  const stillOver = `2028 ligger eget kapital fortfarande ${amount} över nivån: ytterligare ${amount} behöver användas det året`;
  expect(text).toMatch(new RegExp(`${stillOver}, eller medlemsbidragen 2028 minskas med ${amount}`));
  // Less budgeted for grants than is decided: the projection is said to be too high by the difference.
  expect(plan.uncovered.greaterThan(0)).toBe(true);
  expect(text).toContain("mindre än det beslutade");
});

const BANDS: CeilingBand[] = [
  { from: new Decimal(0), to: new Decimal(5_000_000), rate: new Decimal("0.2"), cell: "Takregel!A2" as never },
  { from: new Decimal(5_000_000), to: null, rate: new Decimal("0.1"), cell: "Takregel!A3" as never },
];

test("the contribution cut is the least whole krona that brings equity under the (falling) level", () => {
  const rules = [
    { rule: { kind: "flat", rate: new Decimal("0.2") } as const, bands: [] as CeilingBand[] },
    { rule: { kind: "table" } as const, bands: BANDS },
  ];
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 20_000_000 }),
      fc.integer({ min: 1, max: 20_000_000 }),
      fc.integer({ min: 0, max: 1 }),
      (closing, basis, k) => {
        const { rule, bands } = rules[k];
        const x = contributionCut(new Decimal(closing), new Decimal(basis), rule as never, bands);
        const fits = (v: Decimal) =>
          new Decimal(closing)
            .minus(v)
            .lessThanOrEqualTo(applyCeiling(Decimal.max(0, new Decimal(basis).minus(v)), rule as never, bands).ceiling);
        expect(fits(x)).toBe(true);
        if (x.greaterThan(0)) expect(fits(x.minus(1))).toBe(false);
      },
    ),
    { numRuns: 200 },
  );
  // A flat rate p: the cut is the excess / (1 − p), to the krona.
  const flat = contributionCut(new Decimal(2_000_000), new Decimal(5_000_000), { kind: "flat", rate: new Decimal("0.2") } as never, []);
  expect(flat.toFixed()).toBe("1250000");
});
