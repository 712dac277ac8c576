/**
 * The six forecast methods, one small function each. Every amount carries the report sign
 * (income positive, costs negative) and is exact to the öre; `months` is the number of whole
 * months up to the cut-off (1–12).
 */
import { Decimal, roundOre } from "./money";

/**
 * `budget`: the full year is the budget.
 * @example forecastBudget(dec(-2400000)) // -2400000
 */
export function forecastBudget(budget: Decimal): Decimal {
  return budget;
}

/**
 * `linjär`: the period's actual, extended to twelve months.
 * @example forecastLinear(dec(-760000), 4) // -2280000
 */
export function forecastLinear(actual: Decimal, months: number): Decimal {
  return roundOre(actual.times(12).dividedBy(months));
}

/**
 * `utfall+restbudget`: the actual plus the budget's share of the months left.
 * @example forecastActualPlusRestOfBudget(dec(-760000), dec(-2400000), 4) // -2360000
 */
export function forecastActualPlusRestOfBudget(actual: Decimal, budget: Decimal, months: number): Decimal {
  return actual.plus(roundOre(budget.times(12 - months).dividedBy(12)));
}

/**
 * `föregående år`: the actual scaled by last year's full year over last year's same period; null
 * when last year's period is zero (the caller falls back to utfall+restbudget and warns).
 * @example forecastPriorYear(dec(100), dec(300), dec(150)) // 200
 */
export function forecastPriorYear(actual: Decimal, priorYear: Decimal, priorPeriod: Decimal): Decimal | null {
  if (priorPeriod.isZero()) return null;
  return roundOre(actual.times(priorYear).dividedBy(priorPeriod));
}

/**
 * `åtaganden` (grants): the actual plus what decided grants still pay this year (`remaining`,
 * positive), with the line's sign.
 * @example forecastCommitments(dec(-1000000), dec(250000), -1) // -1250000
 */
export function forecastCommitments(actual: Decimal, remaining: Decimal, sign: 1 | -1): Decimal {
  return actual.plus(remaining.times(sign));
}

/**
 * `manuell`: the amount given (typed positive, like the budget), with the line's sign.
 * @example forecastManual(dec(2000000), -1) // -2000000
 */
export function forecastManual(amount: Decimal, sign: 1 | -1): Decimal {
  return amount.times(sign);
}
