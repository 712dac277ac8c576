/**
 * Co-financed insatser (docs/rules.md 4c), as properties: the co-financiers' part of a cost is its share to the öre and
 * never more than the cost; over a grant's life the parts this year and after it are its share of what is left to pay;
 * Eget kapital splits what remains after the year into the co-financiers' and the förbund's own part, which foot to it;
 * a co-financed part larger than what remains is cut to it with a warning.
 */
import fc from "fast-check";
import { computeEquity } from "../src/core/equity";
import { coFinancedPart, grantCommitments } from "../src/core/grants";
import type { Grant } from "../src/core/inputs";
import type { LedgerAggregates } from "../src/core/ledger";
import { IssueList } from "../src/core/messages";
import { Decimal, ZERO } from "../src/core/money";
import { reportPeriod } from "../src/core/periods";
import { asCellRef, DayNumber } from "../src/core/units";
import { dayNumber } from "../src/core/dates";

const ore = (max: number) => fc.integer({ min: 0, max }).map((n) => new Decimal(n).dividedBy(100));
/** A granted amount and a co-financing of at most it. */
const grantAndCoFinancing = fc
  .tuple(fc.integer({ min: 1, max: 2e9 }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([g, f]) => ({ granted: new Decimal(g).dividedBy(100), coFinancing: new Decimal(Math.floor(g * f)).dividedBy(100) }));

test("the co-financiers' part of a cost: within half an öre of its share, between 0 and the cost; of the grant, its co-financing", () => {
  fc.assert(
    fc.property(grantAndCoFinancing, ore(5e9), (g, amount) => {
      const part = coFinancedPart(g, amount);
      const exact = amount.times(g.coFinancing).dividedBy(g.granted);
      expect(part.minus(exact).abs().lessThanOrEqualTo("0.005")).toBe(true);
      expect(part.greaterThanOrEqualTo(0) && part.lessThanOrEqualTo(amount)).toBe(true);
      expect(part.decimalPlaces()).toBeLessThanOrEqual(2);
      expect(coFinancedPart(g, g.granted).equals(g.coFinancing)).toBe(true);
    }),
    { numRuns: 3000 },
  );
});

test("a grant's co-financed parts this year and after it are its share of what is paid this year and left to pay", () => {
  const period = reportPeriod(2026, "2026-08-31");
  if (!period.ok) throw new Error("period");
  const from = dayNumber(2025, 1, 1);
  fc.assert(
    fc.property(grantAndCoFinancing, fc.integer({ min: 30, max: 1500 }), ore(3e9), ore(3e9), (gc, days, earlier, thisYear) => {
      const grant: Grant = {
        code: "P1",
        name: "",
        dnr: "",
        ...gc,
        from,
        to: (from + days) as DayNumber,
        paidEarlier: earlier,
        type: null,
        typeCell: null,
        coFinancier: "ESF",
        cell: asCellRef("Insatser!A2"),
      };
      const ore100 = thisYear.times(100).toNumber();
      const agg = { paidByProject: new Map([["P1", ore100]]), paidThisYearByProject: new Map([["P1", ore100]]) };
      const [g] = grantCommitments([grant], agg as unknown as LedgerAggregates, period.value);
      expect(g.ownPart.plus(g.coFinancing).equals(g.granted)).toBe(true);
      // This year's costs and what is left after the year are the whole of paid this year + unpaid.
      const whole = coFinancedPart(g, g.paidThisYear.plus(g.unpaid));
      expect(g.coFinancedThisYear.plus(g.coFinancedAfterYear).minus(whole).abs().lessThanOrEqualTo("0.01")).toBe(true);
      expect(g.coFinancedAfterYear.greaterThanOrEqualTo(0) && g.coFinancedAfterYear.lessThanOrEqualTo(g.unpaid)).toBe(true);
    }),
    { numRuns: 2000 },
  );
});

test("Eget kapital: the co-financiers' and the own part foot to what remains after the year; equity after = closing − own", () => {
  const money = fc.integer({ min: -3e9, max: 3e9 }).map((n) => new Decimal(n).dividedBy(100));
  fc.assert(
    fc.property(ore(5e9), money, money, ore(5e9), money, (unpaid, period, forecast, coFinanced, result) => {
      const warnings = new IssueList();
      const e = computeEquity(
        {
          year: 2026,
          openingSetting: new Decimal(1000000),
          settingsCell: asCellRef("Inställningar!A1"),
          openingEquityIb: null,
          forecastResult: result,
          basis: new Decimal(8000000),
          rule: { kind: "flat", rate: new Decimal("0.2") },
          bands: [],
          unpaidGrants: unpaid,
          coFinancedAfterYear: coFinanced,
          grantLine: { period, forecast },
          laterYears: [],
        },
        warnings,
      );
      expect(e.coFinancedAfterYear.plus(e.ownCommitmentsAfterYear).equals(e.commitmentsAfterYear)).toBe(true);
      expect(e.coFinancedAfterYear.greaterThanOrEqualTo(0) && e.coFinancedAfterYear.lessThanOrEqualTo(e.commitmentsAfterYear)).toBe(true);
      expect(e.equityAfterCommitments.equals(e.closing.minus(e.ownCommitmentsAfterYear))).toBe(true);
      // Without co-financing, all of what remains is the förbund's own, as before.
      if (coFinanced.isZero()) expect(e.ownCommitmentsAfterYear.equals(e.commitmentsAfterYear)).toBe(true);
      expect(e.ownCommitmentsAfterYear.greaterThanOrEqualTo(ZERO)).toBe(true);
      // A co-financed part larger than what remains is cut to it, and said.
      const capped = warnings.items.filter((w) => w.code === "cofinancing_capped");
      expect(capped.length).toBe(coFinanced.greaterThan(e.commitmentsAfterYear) ? 1 : 0);
    }),
    { numRuns: 2000 },
  );
});
