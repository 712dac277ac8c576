/**
 * How a report line's full-year figure was reached, as codes (the words are the catalogue's: messages/methods.ts):
 * the method, a fallback the method took, and what its figure rests on beyond the method.
 */
import type { ForecastMethod } from "./inputs";

/** A line's method: a forecast method, the closed year's actual, or a total of other lines. */
export type ReportMethod = ForecastMethod | "utfall_helar" | "summa";

/**
 * A method that could not be used as chosen: `föregående år` without last year's same period gives actual + remaining
 * budget (`no_prior_period`); before the year's first ledger rows, every method built on the actual gives the budget
 * (`no_rows_in_period`).
 */
export type MethodFallback = "no_prior_period" | "no_rows_in_period";

/** What a forecast rests on beyond its method (shown where the officer has written no comment of their own). */
export type ForecastExplanation =
  | { code: "budget_plus_extras" }
  | { code: "prior_year_scaled" }
  | { code: "commitments"; grants: number }
  | { code: "cofinancing"; grants: number };
