/**
 * When each installment of the member contributions falls due. The setting `Förfallodagar` lists
 * them as month-day (`01-31; 04-30; 07-31; 10-31`); without it, each installment is due on the last
 * day of the first month of its share of the year: 1 → 31 January; 2 → January, July; 3 → January,
 * May, September; 4 → January, April, July, October; 12 → every month.
 */
import { daysInMonth, IsoDate, isoFromParts } from "./dates";

export interface MonthDay {
  month: number;
  day: number;
}

/** The default due days for `count` installments in a year. */
export function defaultDueDays(count: number): MonthDay[] {
  return Array.from({ length: count }, (_, i) => {
    const month = Math.floor((i * 12) / count) + 1;
    return { month, day: daysInMonth(2001, month) };
  });
}

/** The due dates in `year` (29 February becomes the 28th in a common year). */
export function dueDates(year: number, days: readonly MonthDay[]): IsoDate[] {
  return days.map((d) => isoFromParts(year, d.month, Math.min(d.day, daysInMonth(year, d.month))));
}

/**
 * Parses `01-31; 04-30` (or `2026-01-31`; separated by `;`, `,` or spaces):
 * exactly `count` dates, each possible in a leap year, in calendar order. Null when it is not that.
 */
export function parseDueDays(text: string, count: number): MonthDay[] | null {
  const parts = text
    .split(/[;,\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  const out: MonthDay[] = [];
  for (const p of parts) {
    const m = /^(?:\d{4}-)?(\d{1,2})-(\d{1,2})$/.exec(p);
    if (!m) return null;
    const month = Number(m[1]);
    const day = Number(m[2]);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2000, month)) return null;
    const prev = out[out.length - 1];
    if (prev && (month < prev.month || (month === prev.month && day <= prev.day))) return null;
    out.push({ month, day });
  }
  return out.length === count ? out : null;
}
