/**
 * The report period: fiscal (calendar) year, cut-off date, months elapsed, and the same period
 * of the previous year.
 */
import { daysInMonth, dayNumber, IsoDate, isoFromParts, parseIsoDate } from "./dates";
import type { Message } from "./messages";
import { DayNumber, failure, Result, success } from "./units";

export interface ReportPeriod {
  year: number;
  cutoff: IsoDate;
  /** Whole months from 1 January to the cut-off date, 1–12. */
  months: number;
  /** Inclusive bounds. */
  start: DayNumber;
  end: DayNumber;
  priorStart: DayNumber;
  priorEnd: DayNumber;
  priorYearEnd: DayNumber;
  yearEnd: DayNumber;
  /** The prior year's same-period cut-off date (28 Feb in a non-leap year for a 29 Feb cut-off). */
  priorCutoff: IsoDate;
  /** The year is closed: the cut-off is 31 December, so every line's full year is its actual. */
  closed: boolean;
}

/**
 * Builds the period, or says what is wrong with the cut-off date.
 * @example reportPeriod(2026, "2026-08-31") // ok, months 8
 * @example reportPeriod(2026, "2026-04-15") // error cutoff_not_month_end
 */
export function reportPeriod(year: number, cutoff: IsoDate): Result<ReportPeriod, Message> {
  const p = parseIsoDate(cutoff);
  if (!p) return failure({ code: "cutoff_invalid", params: { cutoff } });
  if (p.y !== year) return failure({ code: "cutoff_outside_year", params: { cutoff, year } });
  if (p.d !== daysInMonth(p.y, p.m)) return failure({ code: "cutoff_not_month_end", params: { cutoff } });
  const priorDay = daysInMonth(year - 1, p.m);
  return success({
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
    closed: p.m === 12,
  });
}

export function defaultCutoff(year: number): IsoDate {
  return isoFromParts(year, 4, 30);
}
