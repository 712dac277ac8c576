/**
 * Where the year's opening balances come from (docs/rules.md 5, "Ingående balanser"): this year's IB rows; without
 * them, last year's closing by last year's own IB rows and rows, last year's result counted into equity once (the
 * books of last year need not be closed yet: an interim report in April). Without IB rows for either year the
 * opening is known only when last year has no rows at all (the association's first year): zero.
 */
import type { BalanceAggregates, BalanceSums, LedgerAggregates } from "./ledger";
import { Decimal, oreToKronor, ZERO } from "./money";
import { BalanceLine, LEAF_LINES } from "./reportLines";

/** Balances per balance line (debit positive), in kronor: `a`, plus `b` when given. */
export function balanceSums(a: BalanceSums, b?: BalanceSums): Record<BalanceLine, Decimal> {
  const out = {} as Record<BalanceLine, Decimal>;
  for (const l of Object.keys(a) as BalanceLine[]) out[l] = oreToKronor(a[l] + (b ? b[l] : 0));
  return out;
}

/** Last year's full-year result by the ledger (report sign: a surplus positive). */
export function priorYearResult(agg: LedgerAggregates): Decimal {
  return LEAF_LINES.reduce((a, l) => a.minus(oreToKronor(agg.priorYear[l])), ZERO);
}

export interface LastYearClosing {
  /** Balances at 31 December last year (debit positive), as last year's IB rows and rows leave them. */
  bal: Record<BalanceLine, Decimal>;
  /** Equity at 31 December last year (credit positive): the equity accounts, without a closing entry, plus last year's result. */
  equity: Decimal;
}

/**
 * Last year's closing by its own IB rows and rows; null when the ledger has no IB rows for last year, or when they do
 * not sum to zero (the run warns with ib_unbalanced, and nothing is carried from them).
 */
export function lastYearClosing(b: BalanceAggregates, result: Decimal): LastYearClosing | null {
  return b.ibPriorYear.rows === 0 || b.ibPriorYear.sum !== 0 ? null : closingByRows(b, result);
}

/**
 * Last year's closing by whatever IB rows and rows the ledger has for it: the opening of the comparison column when
 * this year has no IB rows (with none for last year either, right only in the association's first year; compute
 * refuses the statements otherwise, opening_balances_missing).
 */
export function closingByRows(b: BalanceAggregates, result: Decimal): LastYearClosing {
  const bal = balanceSums(b.openingPriorYear, b.movementPriorYear);
  // A closing entry (8999 against 2099) already moved the result into the equity accounts: taken out, and the result
  // added, so that it is counted once whether last year's books are closed or not.
  return { bal, equity: bal.eget_kapital.negated().minus(oreToKronor(b.closingPriorYear)).plus(result) };
}

/** Last year's rows exist (on any line): then, without IB rows for either year, the opening is not known. */
export function priorYearHasRows(agg: LedgerAggregates): boolean {
  const b = agg.balances;
  return (
    LEAF_LINES.some((l) => agg.priorYear[l] !== 0) ||
    (Object.keys(b.movementPriorYear) as BalanceLine[]).some((l) => b.movementPriorYear[l] !== 0) ||
    b.closingPriorYear !== 0
  );
}
