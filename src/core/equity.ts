/**
 * The equity ceiling: projected closing equity against a ceiling that is a rule applied to the
 * year's member contributions — a flat percentage, or bands applied like tax brackets.
 */
import type { CeilingBand, CeilingRule } from "./inputs";
import { Decimal, maxDec, minDec, roundOre, ZERO } from "./money";

export interface CeilingBandUse {
  from: Decimal;
  to: Decimal | null;
  rate: Decimal;
  /** The part of the basis inside this band, and the band's contribution to the ceiling. */
  basisInBand: Decimal;
  amount: Decimal;
}

export interface CeilingResult {
  ceiling: Decimal;
  bands: CeilingBandUse[];
  ruleText: string;
}

export function formatPercent(rate: Decimal): string {
  return `${rate.times(100).toDecimalPlaces(4).toFixed().replace(".", ",")} %`;
}

export function applyCeiling(basis: Decimal, rule: CeilingRule, bands: readonly CeilingBand[]): CeilingResult {
  if (rule.kind === "flat") {
    const amount = roundOre(basis.times(rule.rate));
    return {
      ceiling: amount,
      bands: [{ from: ZERO, to: null, rate: rule.rate, basisInBand: basis, amount }],
      ruleText: `${formatPercent(rule.rate)} av årets medlemsbidrag`,
    };
  }
  const sorted = [...bands].sort((a, b) => a.from.comparedTo(b.from));
  const used: CeilingBandUse[] = sorted.map((b) => {
    const top = b.to === null ? basis : minDec(basis, b.to);
    const inBand = maxDec(ZERO, top.minus(b.from));
    return { from: b.from, to: b.to, rate: b.rate, basisInBand: inBand, amount: inBand.times(b.rate) };
  });
  const exact = used.reduce((a, u) => a.plus(u.amount), ZERO);
  for (const u of used) u.amount = roundOre(u.amount);
  return { ceiling: roundOre(exact), bands: used, ruleText: "Trappstegsregel enligt tabellen Takregel" };
}

export interface EquityYear {
  year: number;
  opening: Decimal;
  result: Decimal;
  closing: Decimal;
  basis: Decimal;
  ceiling: Decimal;
  margin: Decimal;
  status: "under" | "over";
  /** "forecast" for the report year, "budget" for later budget years. */
  source: "forecast" | "budget";
}

export interface EquityReport {
  opening: Decimal;
  openingSource: "setting" | "ledger" | "none";
  forecastResult: Decimal;
  closing: Decimal;
  basis: Decimal;
  ceiling: CeilingResult;
  margin: Decimal;
  status: "under" | "over";
  /** How much the projected equity exceeds the ceiling (zero when under). */
  overBy: Decimal;
  /** How much more must be spent this year (beyond the forecast) to end at the ceiling. */
  extraSpendingNeeded: Decimal;
  /** Decided grants not yet paid: equity that is already promised. */
  unpaidGrants: Decimal;
  /** Closing equity less unpaid grants. */
  uncommitted: Decimal;
  years: EquityYear[];
}

export function equityYear(
  year: number,
  opening: Decimal,
  result: Decimal,
  basis: Decimal,
  rule: CeilingRule,
  bands: readonly CeilingBand[],
  source: EquityYear["source"],
): EquityYear {
  const closing = opening.plus(result);
  const ceiling = applyCeiling(basis, rule, bands).ceiling;
  const margin = ceiling.minus(closing);
  return { year, opening, result, closing, basis, ceiling, margin, status: margin.isNegative() ? "over" : "under", source };
}
