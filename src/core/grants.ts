/**
 * Decided grants (Insatser) against the ledger: paid so far, paid this year, what the grant's even
 * spread still falls in this year after the cut-off, and what is still unpaid.
 */
import type { Grant } from "./inputs";
import type { LedgerAggregates } from "./ledger";
import { Decimal, maxDec, minDec, oreToKronor, roundOre, ZERO } from "./money";
import type { ReportPeriod } from "./periods";
import type { DayNumber } from "./units";

export interface GrantCommitment extends Omit<Grant, "cell" | "paidEarlier"> {
  /** Paid up to the cut-off according to the ledger (positive). */
  paid: Decimal;
  paidThisYear: Decimal;
  /** What the even spread over the grant's period still falls in this year after the cut-off (at most the unpaid). */
  remainingThisYear: Decimal;
  /** The spread: the grant's days, and those of them after the cut-off this year (remaining = granted × rest / total). */
  totalDays: number;
  restDays: number;
  /** Granted − paid, not below zero. */
  unpaid: Decimal;
  /** The förbund's own part of the grant: granted − the co-financiers' part. */
  ownPart: Decimal;
  /** The co-financiers' part of this year's costs of the insats (paid this year + remaining this year). */
  coFinancedThisYear: Decimal;
  /** The co-financiers' part of what the grant's spread leaves after this year (unpaid − remaining this year). */
  coFinancedAfterYear: Decimal;
}

/**
 * The co-financiers' part of an amount of a grant's costs: amount × co-financing / granted, to the öre (zero for a grant
 * of zero or without co-financing).
 * @example coFinancedPart({ granted: dec(1000000), coFinancing: dec(400000) }, dec(250000)) // 100000
 */
export function coFinancedPart(g: Pick<Grant, "granted" | "coFinancing">, amount: Decimal): Decimal {
  if (g.granted.isZero() || g.coFinancing.isZero()) return ZERO;
  return roundOre(amount.times(g.coFinancing).dividedBy(g.granted));
}

/** Days two inclusive intervals share. @example overlapDays(1, 10, 5, 20) // 6 */
export function overlapDays(aFrom: DayNumber, aTo: DayNumber, bFrom: DayNumber, bTo: DayNumber): number {
  const from = Math.max(aFrom, bFrom);
  const to = Math.min(aTo, bTo);
  return to >= from ? to - from + 1 : 0;
}

export function grantCommitments(grants: readonly Grant[], agg: LedgerAggregates, period: ReportPeriod): GrantCommitment[] {
  const afterCutoff = (period.end + 1) as DayNumber;
  return grants.map((g) => {
    // The ledger's payments, and those of earlier years' ledgers carried by Nytt år (`Utbetalt tidigare`).
    const paid = oreToKronor(agg.paidByProject.get(g.code) ?? 0).plus(g.paidEarlier);
    const paidThisYear = oreToKronor(agg.paidThisYearByProject.get(g.code) ?? 0);
    const totalDays = g.to - g.from + 1;
    const restDays = overlapDays(g.from, g.to, afterCutoff, period.yearEnd);
    const spread = roundOre(g.granted.times(restDays).dividedBy(totalDays));
    const unpaid = maxDec(ZERO, g.granted.minus(paid));
    const remaining = minDec(spread, unpaid);
    return {
      code: g.code,
      name: g.name,
      dnr: g.dnr,
      type: g.type,
      typeCell: g.typeCell,
      granted: g.granted,
      from: g.from,
      to: g.to,
      paid,
      paidThisYear,
      remainingThisYear: remaining,
      unpaid,
      totalDays,
      restDays,
      coFinancing: g.coFinancing,
      coFinancier: g.coFinancier,
      ownPart: g.granted.minus(g.coFinancing),
      coFinancedThisYear: coFinancedPart(g, paidThisYear.plus(remaining)),
      coFinancedAfterYear: coFinancedPart(g, unpaid.minus(remaining)),
    };
  });
}

/** What the grants still pay this year, together. */
export function remainingThisYear(grants: readonly GrantCommitment[]): Decimal {
  return grants.reduce((a, g) => a.plus(g.remainingThisYear), ZERO);
}

/** Decided but not yet paid, together. */
export function unpaidTotal(grants: readonly GrantCommitment[]): Decimal {
  return grants.reduce((a, g) => a.plus(g.unpaid), ZERO);
}

/** The co-financiers' part of the grants' costs this year, together: the forecast of `medfinansiering`. */
export function coFinancedThisYear(grants: readonly GrantCommitment[]): Decimal {
  return grants.reduce((a, g) => a.plus(g.coFinancedThisYear), ZERO);
}

/** The co-financiers' part of what the grants' spreads leave after this year, together. */
export function coFinancedAfterYear(grants: readonly GrantCommitment[]): Decimal {
  return grants.reduce((a, g) => a.plus(g.coFinancedAfterYear), ZERO);
}

/** Whether any grant is co-financed (the reports then show own part and co-financing). */
export function anyCoFinanced(grants: readonly Pick<Grant, "coFinancing">[]): boolean {
  return grants.some((g) => !g.coFinancing.isZero());
}
