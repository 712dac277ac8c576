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
import { Decimal, ZERO } from "./money";

export class AllocationError extends Error {
  constructor(
    readonly code: "total_not_multiple_of_unit" | "no_positive_weight" | "negative_weight" | "bad_unit",
    message: string,
  ) {
    super(message);
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

export function allocate(total: Decimal, weights: readonly Decimal[], options: AllocationOptions): Decimal[] {
  const { unit } = options;
  if (!unit.isFinite() || unit.lessThanOrEqualTo(0)) throw new AllocationError("bad_unit", "Avrundningsenheten måste vara positiv.");
  if (weights.length === 0) {
    if (!total.isZero()) throw new AllocationError("no_positive_weight", "Det finns inga delar att fördela beloppet på.");
    return [];
  }
  for (const w of weights) {
    if (w.isNegative() && !w.isZero()) throw new AllocationError("negative_weight", "En fördelningsnyckel är negativ.");
  }
  const units = total.dividedBy(unit);
  if (!units.isInteger()) {
    throw new AllocationError(
      "total_not_multiple_of_unit",
      `Beloppet ${total.toFixed()} kr är inte en jämn multipel av avrundningsenheten ${unit.toFixed()} kr.`,
    );
  }
  const negative = units.isNegative();
  const n = negative ? units.negated() : units;
  const weightSum = weights.reduce((a, w) => a.plus(w), ZERO);
  if (weightSum.isZero()) {
    if (n.isZero()) return weights.map(() => ZERO);
    throw new AllocationError("no_positive_weight", "Alla fördelningsnycklar är noll.");
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

  return floors.map((q, i) => {
    const units_i = extra[i] ? q.plus(1) : q;
    const amount = units_i.times(unit);
    return negative ? amount.negated() : amount;
  });
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
