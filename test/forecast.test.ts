/** The six forecast methods (src/core/forecast.ts), each on the worked examples of docs/rules.md. */
import fc from "fast-check";
import {
  forecastActualPlusRestOfBudget,
  forecastBudget,
  forecastCommitments,
  forecastLinear,
  forecastManual,
  forecastPriorYear,
} from "../src/core/forecast";
import { Decimal } from "../src/core/money";

const d = (v: string | number) => new Decimal(v);

describe("forecast methods", () => {
  test("budget: the budget", () => expect(forecastBudget(d(-2400000)).toFixed()).toBe("-2400000"));

  test("linjär: staff actual 760 tkr at 30 April → −2 280 tkr", () => {
    expect(forecastLinear(d(-760000), 4).toFixed()).toBe("-2280000");
  });

  test("linjär rounds once, to the öre, half away from zero", () => {
    expect(forecastLinear(d("-0.01"), 8).toFixed()).toBe("-0.02"); // −0.015 → −0.02
    expect(forecastLinear(d(100), 7).toFixed()).toBe("171.43");
  });

  test("utfall+restbudget: −760 − 2 400 × 8/12 = −2 360 tkr", () => {
    expect(forecastActualPlusRestOfBudget(d(-760000), d(-2400000), 4).toFixed()).toBe("-2360000");
  });

  test("at 12 months utfall+restbudget and linjär are the actual", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e9, max: 1e9 }), (actualOre, budgetOre) => {
        const actual = d(actualOre).dividedBy(100);
        expect(forecastActualPlusRestOfBudget(actual, d(budgetOre).dividedBy(100), 12).equals(actual)).toBe(true);
        expect(forecastLinear(actual, 12).equals(actual)).toBe(true);
      }),
    );
  });

  test("föregående år: actual × last year's full year / last year's same period", () => {
    expect(forecastPriorYear(d(100), d(300), d(150))!.toFixed()).toBe("200");
    expect(forecastPriorYear(d(-1000), d(-2500), d(-800))!.toFixed()).toBe("-3125");
  });

  test("föregående år: no value when last year's period is zero (the caller falls back and warns)", () => {
    expect(forecastPriorYear(d(100), d(300), d(0))).toBeNull();
  });

  test("åtaganden: the actual plus what decided grants still pay, with the cost sign", () => {
    expect(forecastCommitments(d(-1000000), d(250000), -1).toFixed()).toBe("-1250000");
    expect(forecastCommitments(d(-1000000), d(0), -1).toFixed()).toBe("-1000000");
  });

  test("manuell: the amount typed positive, with the line's sign", () => {
    expect(forecastManual(d(2000000), -1).toFixed()).toBe("-2000000");
    expect(forecastManual(d(9000000), 1).toFixed()).toBe("9000000");
  });
});
