/**
 * Member shares: the year's total split exactly into groups (stat/region/kommuner), each group
 * among its members by their keys, and each member's amount into installments — all by the
 * largest-remainder method at the rounding unit (see allocation.ts for the tie rule).
 */
import { allocate, AllocationProblem, compareSwedish, ranksBy } from "./allocation";
import type { Member } from "./inputs";
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
  key: Decimal;
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
): Result<MemberSharesYear, AllocationProblem> {
  const groupAmounts = splitByGroups(total, shares, unit, year);
  if (!groupAmounts.ok) return groupAmounts;
  const groups: GroupShare[] = GROUPS.map((group, i) => ({ group, share: shares[group], amount: groupAmounts.value[i] }));
  const result: MemberShare[] = [];
  const ones = new Array<Decimal>(installmentCount).fill(new Decimal(1));
  for (const g of groups) {
    const inGroup = members.filter((m) => m.group === g.group);
    if (inGroup.length === 0) continue;
    const keys = inGroup.map((m) => m.key);
    const keySum = keys.reduce((a, k) => a.plus(k), ZERO);
    const amounts = allocate(g.amount, keys, {
      unit,
      canonicalRank: ranksBy(inGroup, (a, b) => compareSwedish(a.name, b.name)),
      rotation: year,
    });
    if (!amounts.ok) return amounts;
    for (let i = 0; i < inGroup.length; i++) {
      const m = inGroup[i];
      const installments = allocate(amounts.value[i], ones, { unit });
      if (!installments.ok) return installments;
      result.push({
        member: m.name,
        group: m.group,
        key: m.key,
        shareOfGroup: keySum.isZero() ? ZERO : m.key.dividedBy(keySum),
        amount: amounts.value[i],
        installments: installments.value,
      });
    }
  }
  return success({ year, total, groups, members: result });
}
