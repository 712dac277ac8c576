/**
 * The equity ceiling: projected closing equity against a ceiling that is a rule applied to the
 * year's member contributions — a flat percentage, or bands applied like tax brackets.
 */
import type { CeilingBand, CeilingRule } from "./inputs";
import type { IssueList } from "./messages";
import { Decimal, maxDec, minDec, oreToKronor, roundOre, ZERO } from "./money";
import type { CellRef, Ore } from "./units";

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
  rule: CeilingRule;
}

const ORE_UNIT = new Decimal("0.01");

export function applyCeiling(basis: Decimal, rule: CeilingRule, bands: readonly CeilingBand[]): CeilingResult {
  if (rule.kind === "flat") {
    const amount = roundOre(basis.times(rule.rate));
    return {
      ceiling: amount,
      bands: [{ from: ZERO, to: null, rate: rule.rate, basisInBand: basis, amount }],
      rule,
    };
  }
  const sorted = [...bands].sort((a, b) => a.from.comparedTo(b.from));
  const used: CeilingBandUse[] = sorted.map((b) => {
    const top = b.to === null ? basis : minDec(basis, b.to);
    const inBand = maxDec(ZERO, top.minus(b.from));
    return { from: b.from, to: b.to, rate: b.rate, basisInBand: inBand, amount: inBand.times(b.rate) };
  });
  // The ceiling is the exact sum rounded to öre; each band is its exact level floored to öre, and the öre left to the
  // ceiling go one each to the largest remainders, so that they foot to it and each is within an öre of its exact
  // level (two bands at 2,5 % of 1 001 kr are 25,03 + 25,02, not 25,03 + 25,03 against 50,05).
  const ceiling = roundOre(used.reduce((a, u) => a.plus(u.amount), ZERO));
  const floors = used.map((u) => u.amount.toDecimalPlaces(2, Decimal.ROUND_FLOOR));
  const left = ceiling
    .minus(floors.reduce((a, f) => a.plus(f), ZERO))
    .dividedBy(ORE_UNIT)
    .toNumber();
  const order = used.map((u, i) => ({ i, rest: u.amount.minus(floors[i]) })).sort((x, y) => y.rest.comparedTo(x.rest) || x.i - y.i);
  for (let k = 0; k < left; k++) floors[order[k].i] = floors[order[k].i].plus(ORE_UNIT);
  used.forEach((u, i) => (u.amount = floors[i]));
  return { ceiling, bands: used, rule };
}

export interface EquityYear {
  year: number;
  opening: Decimal;
  result: Decimal;
  /** Booked directly on equity accounts this year, outside the result (the report year only; else 0). */
  direct: Decimal;
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
  /** The setting, this year's IB rows, last year's closing by last year's IB rows and rows, or none (0). */
  openingSource: "setting" | "ledger" | "prior_year" | "none";
  /**
   * Booked directly on equity accounts from 1 January to the cut-off, outside the result (a correction of an earlier
   * year, say): part of the closing equity, as in the balance sheet. Positive when it increases equity.
   */
  directPostings: Decimal;
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
  /** The part of the unpaid grants that this year's forecast already pays (its grant costs after the cut-off). */
  commitmentsInForecast: Decimal;
  /** "Återstående belopp för beslutad finansiering": unpaid grants that remain after the forecast year. */
  commitmentsAfterYear: Decimal;
  /** The co-financiers' part of what remains after the year (they pay it back): at most `commitmentsAfterYear`. */
  coFinancedAfterYear: Decimal;
  /** The förbund's own part of what remains after the year: `commitmentsAfterYear` − `coFinancedAfterYear`. */
  ownCommitmentsAfterYear: Decimal;
  /** Closing equity less the förbund's own commitments that remain after the year: each commitment counted once. */
  equityAfterCommitments: Decimal;
  years: EquityYear[];
  /** What the budget's plan years achieve; null without later budget years. */
  plan: EquityPlan | null;
}

/**
 * Decided grants split into what this year's forecast already pays and what remains after the
 * year. The forecast's grant payments after the cut-off are the line's forecast less its actual
 * (the line is a cost: negative); they pay decided grants first, up to what is unpaid. Under the
 * `åtaganden` method that is exactly the grants' remaining share this year; in a closed year it is 0.
 * Always: inForecast + afterYear = unpaid, both between 0 and unpaid.
 * @example commitmentsSplit(dec(1700000), { period: dec(-2200000), forecast: dec(-2450000) }) // { inForecast: 250000, afterYear: 1450000 }
 */
export function commitmentsSplit(
  unpaid: Decimal,
  grantLine: { period: Decimal; forecast: Decimal },
): { inForecast: Decimal; afterYear: Decimal } {
  const paidLater = grantLine.period.minus(grantLine.forecast);
  const inForecast = Decimal.min(unpaid, Decimal.max(ZERO, paidLater));
  return { inForecast, afterYear: unpaid.minus(inForecast) };
}

export function equityYear(
  year: number,
  opening: Decimal,
  result: Decimal,
  basis: Decimal,
  rule: CeilingRule,
  bands: readonly CeilingBand[],
  source: EquityYear["source"],
  direct: Decimal = ZERO,
): EquityYear {
  const closing = opening.plus(direct).plus(result);
  const ceiling = applyCeiling(basis, rule, bands).ceiling;
  const margin = ceiling.minus(closing);
  return { year, opening, result, direct, closing, basis, ceiling, margin, status: margin.isNegative() ? "over" : "under", source };
}

export interface EquityInput {
  year: number;
  /** The setting Ingående eget kapital, and where it is (for the warnings when it is missing or differs from the ledger). */
  openingSetting: Decimal | null;
  settingsCell: CellRef;
  /** Sum of IB rows on equity accounts in the year (debit positive), or null. */
  openingEquityIb: Ore | null;
  /** Without those: last year's closing equity by last year's IB rows and rows (core/openingBalances.ts), or null. */
  openingLastYear?: Decimal | null;
  /** Booked directly on equity accounts this year to the cut-off, outside the result (positive: more equity). */
  directPostings?: Decimal;
  forecastResult: Decimal;
  /** The year's member contributions: the ceiling's basis. */
  basis: Decimal;
  rule: CeilingRule;
  bands: readonly CeilingBand[];
  unpaidGrants: Decimal;
  /**
   * The co-financiers' part of what each grant's spread leaves after this year, together (core/grants.ts): not the
   * förbund's own commitment. Zero without co-financed grants.
   */
  coFinancedAfterYear?: Decimal;
  /** Bidrag till insatser this year: actual to the cut-off and full-year forecast (report sign, negative). */
  grantLine: { period: Decimal; forecast: Decimal };
  /** Later budget years in order, with their budgeted result, member contributions and Bidrag till insatser (positive). */
  laterYears: Array<{ year: number; result: Decimal; basis: Decimal; grants?: Decimal }>;
}

/**
 * Opening equity from the setting, else from IB rows (credit balance → positive), else last year's closing by the
 * ledger's rows for last year, else 0 with a warning.
 */
function openingEquity(input: EquityInput, warnings: IssueList): { opening: Decimal; source: EquityReport["openingSource"] } {
  const ib = input.openingEquityIb === null ? null : oreToKronor(-input.openingEquityIb);
  const ledger = ib ?? input.openingLastYear ?? null;
  if (input.openingSetting) {
    // The setting wins, but a ledger that says otherwise is said: Bokslut's equity follows the ledger.
    if (ledger && !ledger.equals(input.openingSetting)) {
      const params = { setting: input.openingSetting.toFixed(2), ledger: ledger.toFixed(2), source: ib ? "ib" : "prior_year" } as const;
      warnings.add("opening_equity_differs", params, input.settingsCell);
    }
    return { opening: input.openingSetting, source: "setting" };
  }
  if (ib) return { opening: ib, source: "ledger" };
  if (input.openingLastYear) return { opening: input.openingLastYear, source: "prior_year" };
  warnings.add("opening_equity_missing", {}, input.settingsCell);
  return { opening: ZERO, source: "none" };
}

/**
 * What the budget's plan years achieve (docs/rules.md 4b): where equity ends against the ceiling, from which year it
 * is under, whether the plan years' Bidrag till insatser hold what is decided but unpaid after this year, and, when
 * the last plan year is still over, how much more must be spent or how much less contributed that year to get under.
 */
export interface EquityPlan {
  first: number;
  last: EquityYear;
  /** The first year (this one or a plan year) from which every year is under the ceiling; null if none. */
  underFrom: number | null;
  /** Bidrag till insatser in the plan years' budgets, together (positive). */
  budgetedGrants: Decimal;
  /** Decided grants unpaid after this year that the plan years' budgets do not hold (zero when they do). */
  uncovered: Decimal;
  /** More spending in the last plan year that brings it to the ceiling (zero when under). */
  spendMore: Decimal;
  /** Less member contributions in the last plan year that bring it to its (then lower) ceiling (zero when under). */
  contributeLess: Decimal;
}

/**
 * The smallest cut of the year's contributions (to the krona) that brings closing equity under the ceiling, where
 * the ceiling falls with the contributions: closing − x ≤ ceiling(basis − x). Bisection on whole kronor, exact.
 */
export function contributionCut(closing: Decimal, basis: Decimal, rule: CeilingRule, bands: readonly CeilingBand[]): Decimal {
  const fits = (x: Decimal) => closing.minus(x).lessThanOrEqualTo(applyCeiling(Decimal.max(ZERO, basis.minus(x)), rule, bands).ceiling);
  if (fits(ZERO)) return ZERO;
  let lo = ZERO;
  let hi = Decimal.max(closing, basis).ceil();
  if (!fits(hi)) return hi;
  while (hi.minus(lo).greaterThan(1)) {
    const mid = lo.plus(hi).dividedBy(2).floor();
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

function equityPlan(
  years: EquityYear[],
  laterYears: EquityInput["laterYears"],
  commitmentsAfterYear: Decimal,
  input: EquityInput,
): EquityPlan | null {
  if (years.length < 2) return null;
  const last = years[years.length - 1];
  let underFrom: number | null = null;
  for (let i = years.length - 1; i >= 0 && years[i].status === "under"; i--) underFrom = years[i].year;
  const budgetedGrants = laterYears.filter((l) => years.some((y) => y.year === l.year)).reduce((a, l) => a.plus(l.grants ?? ZERO), ZERO);
  const over = last.status === "over";
  return {
    first: years[1].year,
    last,
    underFrom,
    budgetedGrants,
    uncovered: Decimal.max(ZERO, commitmentsAfterYear.minus(budgetedGrants)),
    spendMore: over ? last.margin.negated() : ZERO,
    contributeLess: over ? contributionCut(last.closing, last.basis, input.rule, input.bands) : ZERO,
  };
}

/** Projected closing equity against the ceiling for the report year, and for later budget years. */
export function computeEquity(input: EquityInput, warnings: IssueList): EquityReport {
  const { opening, source } = openingEquity(input, warnings);
  const ceiling = applyCeiling(input.basis, input.rule, input.bands);
  const direct = input.directPostings ?? ZERO;
  const closing = opening.plus(direct).plus(input.forecastResult);
  const margin = ceiling.ceiling.minus(closing);
  const overBy = margin.isNegative() ? margin.negated() : ZERO;
  const split = commitmentsSplit(input.unpaidGrants, input.grantLine);
  // What the co-financiers pay back is not equity promised; it cannot be more than what remains after the year (said).
  const parts = input.coFinancedAfterYear ?? ZERO;
  if (parts.greaterThan(split.afterYear))
    warnings.add("cofinancing_capped", { parts: parts.toFixed(2), remaining: split.afterYear.toFixed(2) }, "");
  const coFinanced = Decimal.min(split.afterYear, parts);
  const own = split.afterYear.minus(coFinanced);
  const years: EquityYear[] = [
    equityYear(input.year, opening, input.forecastResult, input.basis, input.rule, input.bands, "forecast", direct),
  ];
  for (const later of input.laterYears) {
    const prev = years[years.length - 1];
    if (prev.year !== later.year - 1) break;
    years.push(equityYear(later.year, prev.closing, later.result, later.basis, input.rule, input.bands, "budget"));
  }
  return {
    opening,
    openingSource: source,
    directPostings: direct,
    forecastResult: input.forecastResult,
    closing,
    basis: input.basis,
    ceiling,
    margin,
    status: margin.isNegative() ? "over" : "under",
    overBy,
    extraSpendingNeeded: overBy,
    unpaidGrants: input.unpaidGrants,
    commitmentsInForecast: split.inForecast,
    commitmentsAfterYear: split.afterYear,
    coFinancedAfterYear: coFinanced,
    ownCommitmentsAfterYear: own,
    equityAfterCommitments: closing.minus(own),
    years,
    plan: equityPlan(years, input.laterYears, split.afterYear, input),
  };
}
