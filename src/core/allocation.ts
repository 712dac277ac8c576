/**
 * Exact allocation by the largest-remainder method (Hamilton's method) at a rounding unit.
 *
 * Given a total that is a whole number of units and non-negative weights, every part is a whole
 * number of units, the parts add up to the total exactly, and each part is within one unit of its
 * exact proportional share (total × weight / sum of weights).
 *
 * Tie rule (documented in README, "Avrundning"): parts are first given the floor of their exact
 * share; the units left over go to the largest remainders. When several parts have the same
 * remainder at the boundary and not all of them can get a unit, those tied parts are taken in
 * their canonical order (given by the caller: alphabetical for groups and members, payment
 * number for installments), rotated by `rotation` steps (the caller passes the fiscal year for
 * groups and members, so that the extra unit alternates between years, as the seed budget shows;
 * 0 for installments, so earlier payments get the extra unit). The result never depends on the
 * order in which the parts were given.
 */
import type { Message } from "./messages";
import { Decimal, ZERO } from "./money";
import { failure, Result, success } from "./units";

/** Why an allocation cannot be made. The caller adds the fiscal year when it reports one. */
export type AllocationProblem =
  | { code: "total_not_multiple_of_unit"; total: string; unit: string }
  | { code: "no_positive_weight" }
  | { code: "negative_weight" }
  | { code: "bad_unit" };

/** An allocation problem of a year's split as the catalogue's message. */
export function allocationMessage(p: AllocationProblem, year: number): Message {
  switch (p.code) {
    case "total_not_multiple_of_unit":
      return { code: p.code, params: { year, total: p.total, unit: p.unit } };
    case "no_positive_weight":
      return { code: p.code, params: { year } };
    case "negative_weight":
      return { code: p.code, params: { year } };
    case "bad_unit":
      return { code: p.code, params: { year } };
  }
}

export interface AllocationOptions {
  /** The rounding unit, e.g. 1 kr, 1000 kr or 0.01 kr. */
  unit: Decimal;
  /** Canonical rank of each part for ties (lower first). Defaults to the index. Ranks must be distinct. */
  canonicalRank?: readonly number[];
  /** Steps to rotate the tied parts' canonical order by. */
  rotation?: number;
}

/**
 * @example allocate(dec(8886000), [dec(0.5), dec(0.25), dec(0.25)], { unit: dec(1000), rotation: 2019 })
 * // ok: 4 443 000, and 2 221 000 / 2 222 000 for the two quarters (which one gets the extra
 * // 1 000 alternates with the year)
 */
export function allocate(total: Decimal, weights: readonly Decimal[], options: AllocationOptions): Result<Decimal[], AllocationProblem> {
  const { unit } = options;
  if (!unit.isFinite() || unit.lessThanOrEqualTo(0)) return failure({ code: "bad_unit" });
  if (weights.length === 0) {
    return total.isZero() ? success([]) : failure({ code: "no_positive_weight" });
  }
  for (const w of weights) {
    if (w.isNegative() && !w.isZero()) return failure({ code: "negative_weight" });
  }
  const units = total.dividedBy(unit);
  if (!units.isInteger()) return failure({ code: "total_not_multiple_of_unit", total: total.toFixed(), unit: unit.toFixed() });
  const negative = units.isNegative();
  const n = negative ? units.negated() : units;
  const weightSum = weights.reduce((a, w) => a.plus(w), ZERO);
  if (weightSum.isZero()) {
    return n.isZero() ? success(weights.map(() => ZERO)) : failure({ code: "no_positive_weight" });
  }

  // Exact integer part and remainder without division error: n·w = q·W + r with 0 ≤ r < W.
  const floors: Decimal[] = [];
  const remainders: Decimal[] = [];
  let assigned = ZERO;
  for (const w of weights) {
    const product = n.times(w);
    const r = product.modulo(weightSum);
    const q = product.minus(r).dividedBy(weightSum).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
    floors.push(q);
    remainders.push(r);
    assigned = assigned.plus(q);
  }
  let leftover = n.minus(assigned).toNumber();

  const rank = options.canonicalRank ?? weights.map((_, i) => i);
  const order = weights.map((_, i) => i);
  order.sort((a, b) => {
    const c = remainders[b].comparedTo(remainders[a]);
    return c !== 0 ? c : rank[a] - rank[b];
  });

  const extra = new Array<boolean>(weights.length).fill(false);
  let pos = 0;
  while (leftover > 0 && pos < order.length) {
    // The run of parts sharing this remainder.
    const r = remainders[order[pos]];
    let end = pos;
    while (end < order.length && remainders[order[end]].equals(r)) end++;
    const run = order.slice(pos, end); // already in canonical order
    if (run.length <= leftover) {
      for (const i of run) extra[i] = true;
      leftover -= run.length;
    } else {
      const k = run.length;
      const start = (((options.rotation ?? 0) % k) + k) % k;
      for (let j = 0; j < leftover; j++) extra[run[(start + j) % k]] = true;
      leftover = 0;
    }
    pos = end;
  }

  return success(
    floors.map((q, i) => {
      const unitsOfPart = extra[i] ? q.plus(1) : q;
      const amount = unitsOfPart.times(unit);
      return negative ? amount.negated() : amount;
    }),
  );
}

/** Canonical ranks from a sort key: rank[i] is the position of item i in sorted order. */
export function ranksBy<T>(items: readonly T[], compare: (a: T, b: T) => number): number[] {
  const idx = items.map((_, i) => i);
  idx.sort((a, b) => compare(items[a], items[b]) || a - b);
  const ranks = new Array<number>(items.length);
  idx.forEach((itemIndex, position) => (ranks[itemIndex] = position));
  return ranks;
}

const collator = new Intl.Collator("sv", { sensitivity: "variant" });
/** Swedish alphabetical order, falling back to code points so that distinct names never tie. */
export function compareSwedish(a: string, b: string): number {
  const c = collator.compare(a, b);
  if (c !== 0) return c;
  return a < b ? -1 : a > b ? 1 : 0;
}
