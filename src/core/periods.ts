/**
 * The report period: fiscal (calendar) year, cut-off date, months elapsed, and the same period
 * of the previous year.
 */
import { daysInMonth, dayNumber, IsoDate, isoFromParts, parseIsoDate } from "./dates";

export interface ReportPeriod {
  year: number;
  cutoff: IsoDate;
  /** Whole months from 1 January to the cut-off date, 1–12. */
  months: number;
  /** Day numbers, inclusive. */
  start: number;
  end: number;
  priorStart: number;
  priorEnd: number;
  priorYearEnd: number;
  yearEnd: number;
  /** The prior year's same-period cut-off date (28 Feb in a non-leap year for a 29 Feb cut-off). */
  priorCutoff: IsoDate;
}

export type PeriodProblem = "cutoff_invalid" | "cutoff_outside_year" | "cutoff_not_month_end";

/** Builds the period, or returns the problem with the cut-off date. */
export function reportPeriod(year: number, cutoff: IsoDate): ReportPeriod | PeriodProblem {
  const p = parseIsoDate(cutoff);
  if (!p) return "cutoff_invalid";
  if (p.y !== year) return "cutoff_outside_year";
  if (p.d !== daysInMonth(p.y, p.m)) return "cutoff_not_month_end";
  const priorDay = daysInMonth(year - 1, p.m);
  return {
    year,
    cutoff,
    months: p.m,
    start: dayNumber(year, 1, 1),
    end: dayNumber(year, p.m, p.d),
    priorStart: dayNumber(year - 1, 1, 1),
    priorEnd: dayNumber(year - 1, p.m, priorDay),
    priorYearEnd: dayNumber(year - 1, 12, 31),
    yearEnd: dayNumber(year, 12, 31),
    priorCutoff: isoFromParts(year - 1, p.m, priorDay),
  };
}

export function defaultCutoff(year: number): IsoDate {
  return isoFromParts(year, 4, 30);
}
