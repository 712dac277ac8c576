/**
 * Member shares: the year's total split exactly into groups (stat/region/kommuner), each group
 * among its members by their keys, and each member's amount into installments — all by the
 * largest-remainder method at the rounding unit (see allocation.ts for the tie rule).
 */
import { allocate, AllocationProblem, compareSwedish, ranksBy } from "./allocation";
import { dayNumberOfIso } from "./dates";
import type { Member } from "./inputs";
import { isMemberOn, keyFor, monthsIn } from "./membership";
import { Decimal, ZERO } from "./money";
import { Group, GROUPS } from "./reportLines";
import { Result, success } from "./units";

export interface GroupShare {
  group: Group;
  share: Decimal;
  amount: Decimal;
}

export interface MemberShare {
  member: string;
  group: Group;
  /** The member's key this year. */
  key: Decimal;
  /** Months of the year it is a member (12 unless Från/Till say otherwise). */
  months: number;
  /** Key ÷ sum of the group's keys. */
  shareOfGroup: Decimal;
  amount: Decimal;
  installments: Decimal[];
}

export interface MemberSharesYear {
  year: number;
  total: Decimal;
  groups: GroupShare[];
  members: MemberShare[];
}

/** Canonical group order for ties: alphabetical (Kommun, Region, Stat). */
const GROUP_RANK = ranksBy(GROUPS, compareSwedish);

/**
 * Splits a total by the group shares at `unit`; the extra unit of a tie alternates with the year.
 * Parts in GROUPS order (Stat, Region, Kommun).
 */
export function splitByGroups(
  total: Decimal,
  shares: Record<Group, Decimal>,
  unit: Decimal,
  year: number,
): Result<Decimal[], AllocationProblem> {
  return allocate(
    total,
    GROUPS.map((g) => shares[g]),
    { unit, canonicalRank: GROUP_RANK, rotation: year },
  );
}

export function computeMemberShares(
  year: number,
  total: Decimal,
  shares: Record<Group, Decimal>,
  members: readonly Member[],
  unit: Decimal,
  installmentCount: number,
  /** The installments' due dates this year (ISO), one per installment; a member pays those that fall in its membership. */
  due: readonly string[] = [],
): Result<MemberSharesYear, AllocationProblem> {
  const groupAmounts = splitByGroups(total, shares, unit, year);
  if (!groupAmounts.ok) return groupAmounts;
  const groups: GroupShare[] = GROUPS.map((group, i) => ({ group, share: shares[group], amount: groupAmounts.value[i] }));
  const result: MemberShare[] = [];
  const ones = new Array<Decimal>(installmentCount).fill(new Decimal(1));
  for (const g of groups) {
    // A member of part of the year weighs key × its months; one that is no member this year is not in it.
    const inGroup = members.filter((m) => m.group === g.group && monthsIn(m, year) > 0);
    if (inGroup.length === 0) continue;
    const keys = inGroup.map((m) => keyFor(m, year).times(monthsIn(m, year)));
    const keySum = keys.reduce((a, k) => a.plus(k), ZERO);
    const amounts = allocate(g.amount, keys, {
      unit,
      canonicalRank: ranksBy(inGroup, (a, b) => compareSwedish(a.name, b.name)),
      rotation: year,
    });
    if (!amounts.ok) return amounts;
    for (let i = 0; i < inGroup.length; i++) {
      const m = inGroup[i];
      const installments = allocate(amounts.value[i], installmentWeights(m, due, installmentCount, ones), { unit });
      if (!installments.ok) return installments;
      result.push({
        member: m.name,
        group: m.group,
        key: keyFor(m, year),
        months: monthsIn(m, year),
        shareOfGroup: keySum.isZero() ? ZERO : keys[i].dividedBy(keySum),
        amount: amounts.value[i],
        installments: installments.value,
      });
    }
  }
  return success({ year, total, groups, members: result });
}

/**
 * Which installments a member pays: those due while it is a member; when none is (it joined after the last due date
 * or left before the first), the one nearest its membership. A member of the whole year pays them all alike.
 */
function installmentWeights(m: Member, due: readonly string[], count: number, ones: Decimal[]): Decimal[] {
  if ((m.from === null && m.to === null) || due.length !== count) return ones;
  const days = due.map((d) => dayNumberOfIso(d)!);
  const inside = days.map((d) => (isMemberOn(m, d) ? new Decimal(1) : ZERO));
  if (inside.some((w) => !w.isZero())) return inside;
  const nearest = m.to !== null && days[0] > m.to ? 0 : count - 1;
  return ones.map((_, i) => (i === nearest ? new Decimal(1) : ZERO));
}
