/**
 * The tertial report: the income statement with notes, in report order, with the columns prior
 * period / period / budget / forecast / deviation, and a forecast method recorded per line.
 * All values carry the report sign (income positive, costs negative) and are exact to the öre.
 */
import {
  forecastActualPlusRestOfBudget,
  forecastBudget,
  forecastCommitments,
  forecastLinear,
  forecastManual,
  forecastPriorYear,
} from "./forecast";
import { coFinancedThisYear, GrantCommitment, grantCommitments, remainingThisYear } from "./grants";
import type { ForecastChoice, ForecastMethod, Grant } from "./inputs";
import type { ForecastExplanation, MethodFallback, ReportMethod } from "./methodCodes";
import type { LedgerAggregates, LineSums } from "./ledger";
import { splitByGroups } from "./memberShares";
import type { IssueList } from "./messages";
import { Decimal, oreToKronor, roundOre, ZERO } from "./money";
import type { ReportPeriod } from "./periods";
import type { DayNumber } from "./units";
import { Group, GROUPS, LEAF_LINES, LeafLine, LINE_LABELS, LINE_SIGN, REPORT_ROWS, ReportLineId } from "./reportLines";

export type { GrantCommitment };

/** The five value columns of a report line. */
export interface ColumnValues {
  priorPeriod: Decimal;
  period: Decimal;
  budget: Decimal;
  forecast: Decimal;
  deviation: Decimal;
}

export interface LineValues extends ColumnValues {
  id: ReportLineId;
  label: string;
  /** The method used: a leaf line's, `utfall_helar` when the year is closed (every full year is its actual), `summa` for totals. */
  method: ReportMethod;
  /** The chosen method could not be used as it is (the line shows the method used, and why). */
  fallback?: MethodFallback;
  /** The officer's own words: the Prognos table's comment, or a comment typed in the report and kept. */
  comment: string;
  /** What the forecast rests on beyond its method, shown where the officer wrote nothing (messages/methods.ts words it). */
  explanation?: ForecastExplanation;
  /** When `comment` was typed in the report and kept: the comment the inputs give, and where it was typed. */
  kept?: { inputComment: string; cell: string };
}

/** Member contributions split by group in every column (the note's "varav" rows). */
export interface GroupColumns extends ColumnValues {
  group: Group;
  share: Decimal;
}

export interface TertialInput {
  period: ReportPeriod;
  agg: LedgerAggregates;
  /** Budget per leaf line for the report year, typed positive; missing lines are zero. */
  budget: Partial<Record<LeafLine, Decimal>>;
  /** The year's member contributions and last year's, for accrual (null when unknown). */
  contributionsThisYear: Decimal | null;
  contributionsPriorYear: Decimal | null;
  /**
   * Tilläggsbidrag of the report year: all of them, those due by the cut-off, and those with their own group
   * shares (their part of a column is split by those shares, not the year's).
   */
  extras?: { year: Decimal; toCutoff: Decimal; own: Array<{ amount: Decimal; due: DayNumber; shares: Record<Group, Decimal> }> };
  accrue: boolean;
  choices: readonly ForecastChoice[];
  grants: readonly Grant[];
  grantsPresent: boolean;
  /** Group shares and the rounding unit, for the split of member contributions by group. */
  shares: Record<Group, Decimal>;
  roundingUnit: Decimal;
}

export interface TertialReport {
  months: number;
  lines: LineValues[];
  byId: Record<ReportLineId, LineValues>;
  grants: GrantCommitment[];
  accrued: boolean;
  contributionsPriorYearSource: "ledger" | "budget" | "none";
  contributionsByGroup: GroupColumns[];
  /** The ledger's dated rows in the period and in last year's same period: none yet means no outcome, or no comparison. */
  rows: { period: number; priorPeriod: number };
}

/** Report value of a ledger sum: minus the sum of debit-positive amounts. */
function reportValue(sums: LineSums, line: LeafLine): Decimal {
  return oreToKronor(-sums[line]);
}

export function defaultMethod(line: LeafLine, grantsPresent: boolean): ForecastMethod {
  switch (line) {
    case "medlemsbidrag":
    case "projektmedel":
      // Decided money: per plan (the budget), or per decision (manuell, with the decision as the comment).
      return "budget";
    case "personalkostnader":
      return "linjar";
    case "bidrag_till_insatser":
      return grantsPresent ? "ataganden" : "utfall_restbudget";
    default:
      return "utfall_restbudget";
  }
}

/** The period's and last year's member contributions, accrued when the setting says so. */
function contributionColumns(
  input: TertialInput,
  prior: Decimal,
  actual: Decimal,
): { prior: Decimal; actual: Decimal; source: TertialReport["contributionsPriorYearSource"] } {
  const m = input.period.months;
  if (!input.accrue) return { prior, actual, source: "none" };
  const accrued = (yearly: Decimal) => roundOre(yearly.times(m).dividedBy(12));
  // Accrued: the year's contributions month by month, and each Tilläggsbidrag in full from its due date.
  if (input.contributionsThisYear) actual = accrued(input.contributionsThisYear).plus(input.extras?.toCutoff ?? ZERO);
  const priorLedgerYear = reportValue(input.agg.priorYear, "medlemsbidrag");
  if (!priorLedgerYear.isZero()) return { prior: accrued(priorLedgerYear), actual, source: "ledger" };
  if (input.contributionsPriorYear) return { prior: accrued(input.contributionsPriorYear), actual, source: "budget" };
  return { prior, actual, source: "none" };
}

interface Forecast {
  forecast: Decimal;
  method: ForecastMethod | "utfall_helar";
  fallback?: MethodFallback;
  explanation?: ForecastExplanation;
}

/**
 * A closed year (cut-off 31 December): the full year is the actual, whatever method the Prognos
 * table names. A manual forecast that differs from the actual is a warning that names the line.
 */
function closedYearLine(line: LeafLine, actual: Decimal, choice: ForecastChoice | undefined, warnings: IssueList): Forecast {
  if (choice?.method === "manuell") {
    const manual = forecastManual(choice.amount ?? ZERO, LINE_SIGN[line]);
    if (!manual.equals(actual)) {
      warnings.add("manual_forecast_closed_year", { line, manual: manual.toFixed(2), actual: actual.toFixed(2) }, choice.cell ?? "");
    }
  }
  return { forecast: actual, method: "utfall_helar" };
}

/** The methods whose forecast is built on the period's actual. */
const BUILT_ON_ACTUAL = new Set<ForecastMethod>(["linjar", "utfall_restbudget", "foregaende_ar", "ataganden", "medfinansiering"]);

/** The budget as the forecast; Tilläggsbidrag come on top of the budgeted member contributions. */
function byBudget(line: LeafLine, budget: Decimal, input: TertialInput): Forecast {
  const extra = line === "medlemsbidrag" ? (input.extras?.year ?? ZERO) : ZERO;
  if (extra.isZero()) return { forecast: forecastBudget(budget), method: "budget" };
  return { forecast: forecastBudget(budget).plus(extra), method: "budget", explanation: { code: "budget_plus_extras" } };
}

/** One leaf line's forecast by its chosen (or default) method. */
function forecastLine(
  line: LeafLine,
  values: { actual: Decimal; budget: Decimal },
  input: TertialInput,
  grants: readonly GrantCommitment[],
  choice: ForecastChoice | undefined,
  warnings: IssueList,
): Forecast {
  const { actual, budget } = values;
  const m = input.period.months;
  const sign = LINE_SIGN[line];
  const method: ForecastMethod = choice?.method ?? defaultMethod(line, input.grantsPresent);
  const plain = (forecast: Decimal, explanation?: ForecastExplanation): Forecast => ({ forecast, method, explanation });
  // Before the year's first ledger rows an actual of 0 says nothing: a method built on it gives the budget, and says so.
  if (input.agg.rowsInPeriod === 0 && BUILT_ON_ACTUAL.has(method))
    return { ...byBudget(line, budget, input), fallback: "no_rows_in_period" };
  switch (method) {
    case "budget":
      return byBudget(line, budget, input);
    case "linjar":
      return plain(forecastLinear(actual, m));
    case "utfall_restbudget":
      return plain(forecastActualPlusRestOfBudget(actual, budget, m));
    case "foregaende_ar": {
      const scaled = forecastPriorYear(actual, reportValue(input.agg.priorYear, line), reportValue(input.agg.priorPeriod, line));
      if (scaled) return plain(scaled, { code: "prior_year_scaled" });
      warnings.add("forecast_fallback", { line }, choice?.cell ?? "");
      return { forecast: forecastActualPlusRestOfBudget(actual, budget, m), method: "utfall_restbudget", fallback: "no_prior_period" };
    }
    case "ataganden":
      return plain(forecastCommitments(actual, remainingThisYear(grants), sign), { code: "commitments", grants: grants.length });
    case "medfinansiering": {
      // The co-financiers pay back their part of the year's costs of the co-financed insatser (income: positive).
      const cofinanced = grants.filter((g) => !g.coFinancing.isZero()).length;
      return plain(coFinancedThisYear(grants).times(sign), { code: "cofinancing", grants: cofinanced });
    }
    case "manuell":
      return plain(forecastManual(choice?.amount ?? ZERO, sign));
  }
}

/** The methods whose full year is set apart from the period's actual, so that it can fall short of it. */
const APART_FROM_ACTUAL = new Set<ForecastMethod>(["budget", "manuell", "medfinansiering"]);

/**
 * A full year set apart from the actual (budget, manuell, medfinansiering) that is less, in the line's direction, than
 * what is already booked: the forecast then counts on the rest of the year to give back the difference. A warning that
 * names the line, the two figures and what the rest of the year would be (rules.md, "Prognos under utfallet").
 */
function warnIfBelowActual(line: LeafLine, f: Forecast, actual: Decimal, choice: ForecastChoice | undefined, warnings: IssueList): void {
  const rest = f.forecast.minus(actual);
  if (f.method === "utfall_helar" || !APART_FROM_ACTUAL.has(f.method) || rest.times(LINE_SIGN[line]).greaterThanOrEqualTo(0)) return;
  const params = { line, method: f.method, forecast: f.forecast.toFixed(2), actual: actual.toFixed(2), back: rest.abs().toFixed(2) };
  warnings.add("forecast_below_actual", params, choice?.cell ?? "");
}

/** Member contributions by group in each column: prior period, period, budget, forecast; deviation = forecast − budget. */
function splitContributions(v: ColumnValues, input: TertialInput): GroupColumns[] {
  const year = input.period.year;
  const split = (x: Decimal, splitYear: number): Decimal[] => {
    // Whole rounding units when the amount is one, else öre: the parts always sum to the column.
    const unit = x.dividedBy(input.roundingUnit).isInteger() ? input.roundingUnit : new Decimal("0.01");
    const parts = splitByGroups(x, input.shares, unit, splitYear);
    if (!parts.ok) throw new Error(`Invariant: group shares sum to 100 % and ${x.toFixed()} is whole öre (${parts.error.code})`);
    return parts.value;
  };
  // A Tilläggsbidrag with its own shares is split by them; the rest of the column by the year's.
  const own = input.extras?.own ?? [];
  const withOwn = (x: Decimal, items: typeof own): Decimal[] => {
    const ownTotal = items.reduce((a, e) => a.plus(e.amount), ZERO);
    if (items.length === 0 || x.lessThan(ownTotal)) return split(x, year);
    const parts = split(x.minus(ownTotal), year);
    for (const e of items) {
      const unit = e.amount.dividedBy(input.roundingUnit).isInteger() ? input.roundingUnit : new Decimal("0.01");
      const extra = splitByGroups(e.amount, e.shares, unit, year);
      if (!extra.ok) throw new Error(`Invariant: a Tilläggsbidrag's shares sum to 100 % (${extra.error.code})`);
      extra.value.forEach((v, i) => (parts[i] = parts[i].plus(v)));
    }
    return parts;
  };
  const prior = split(v.priorPeriod, year - 1);
  const period = withOwn(
    v.period,
    own.filter((e) => e.due <= input.period.end),
  );
  const budget = split(v.budget, year);
  const forecast = withOwn(v.forecast, own);
  return GROUPS.map((group, i) => ({
    group,
    share: input.shares[group],
    priorPeriod: prior[i],
    period: period[i],
    budget: budget[i],
    forecast: forecast[i],
    deviation: forecast[i].minus(budget[i]),
  }));
}

export function computeTertial(input: TertialInput, warnings: IssueList): TertialReport {
  const { period, agg } = input;
  const byId = {} as Record<ReportLineId, LineValues>;
  const grants = grantCommitments(input.grants, agg, period);
  const choiceByLine = new Map(input.choices.map((c) => [c.line, c]));
  let priorSource: TertialReport["contributionsPriorYearSource"] = "none";

  for (const line of LEAF_LINES) {
    let prior = reportValue(agg.priorPeriod, line);
    let actual = reportValue(agg.period, line);
    const budget = (input.budget[line] ?? ZERO).times(LINE_SIGN[line]);
    if (line === "medlemsbidrag") {
      const c = contributionColumns(input, prior, actual);
      ({ prior, actual } = c);
      priorSource = c.source;
    }
    const choice = choiceByLine.get(line);
    const f = period.closed
      ? closedYearLine(line, actual, choice, warnings)
      : forecastLine(line, { actual, budget }, input, grants, choice, warnings);
    if (!f.fallback) warnIfBelowActual(line, f, actual, choice, warnings);
    byId[line] = {
      id: line,
      label: LINE_LABELS[line],
      priorPeriod: prior,
      period: actual,
      budget,
      forecast: f.forecast,
      deviation: f.forecast.minus(budget),
      method: f.method,
      ...(f.fallback ? { fallback: f.fallback } : {}),
      comment: choice?.comment ?? "",
      ...(f.explanation ? { explanation: f.explanation } : {}),
    };
  }

  for (const row of REPORT_ROWS) {
    if (!row.parts) continue;
    const parts = row.parts.map((p) => byId[p]);
    const total = (pick: (v: LineValues) => Decimal) => parts.reduce((a, p) => a.plus(pick(p)), ZERO);
    byId[row.id] = {
      id: row.id,
      label: LINE_LABELS[row.id],
      priorPeriod: total((v) => v.priorPeriod),
      period: total((v) => v.period),
      budget: total((v) => v.budget),
      forecast: total((v) => v.forecast),
      deviation: total((v) => v.deviation),
      method: "summa",
      comment: "",
    };
  }
  const lines = REPORT_ROWS.map((r) => byId[r.id]);
  return {
    months: period.months,
    lines,
    byId,
    grants,
    accrued: input.accrue,
    contributionsPriorYearSource: priorSource,
    contributionsByGroup: splitContributions(byId.medlemsbidrag, input),
    rows: { period: agg.rowsInPeriod, priorPeriod: agg.rowsInPriorPeriod },
  };
}
