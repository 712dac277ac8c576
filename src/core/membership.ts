/**
 * Members over time (docs/rules.md 2b): which key a member has in a year, and for how many months of the year it
 * is a member. A month counts when the member is a member on its first day.
 */
import { dayNumber } from "./dates";
import type { Member } from "./inputs";
import { Decimal, ZERO } from "./money";
import type { DayNumber } from "./units";

/**
 * The member's key in `year`: its `Nyckel <year>`; else the latest earlier year's key (plan years use the latest);
 * else Fördelningsnyckel; else the earliest year's key.
 * @example keyFor({ keys: new Map([[2026, 10], [2027, 12]]) }, 2029) // 12
 */
export function keyFor(m: Pick<Member, "keys" | "baseKey">, year: number): Decimal {
  const own = m.keys.get(year);
  if (own) return own;
  const years = [...m.keys.keys()].sort((a, b) => a - b);
  const earlier = years.filter((y) => y < year);
  if (earlier.length > 0) return m.keys.get(earlier[earlier.length - 1])!;
  if (m.baseKey) return m.baseKey;
  return years.length > 0 ? m.keys.get(years[0])! : ZERO;
}

/**
 * Months of `year` the member is a member, 0–12: those whose first day lies within Från–Till.
 * @example monthsIn({ from: dayNumber(2026, 4, 1), to: null }, 2026) // 9
 */
export function monthsIn(m: Pick<Member, "from" | "to">, year: number): number {
  let n = 0;
  for (let month = 1; month <= 12; month++) if (isMemberOn(m, dayNumber(year, month, 1))) n++;
  return n;
}

/** Whether the member is a member on `day`. */
export function isMemberOn(m: Pick<Member, "from" | "to">, day: DayNumber): boolean {
  return (m.from === null || day >= m.from) && (m.to === null || day <= m.to);
}
