/**
 * The tertial report: the income statement with notes, in report order, with the columns prior
 * period / period / budget / forecast / deviation, and a forecast method recorded per line.
 * All values carry the report sign (income positive, costs negative) and are exact to the öre.
 */
import type { ForecastChoice, ForecastMethod, Grant } from "./inputs";
import { METHOD_LABELS } from "./inputs";
import { IssueList } from "./issues";
import type { LedgerAggregates, LineSums } from "./ledger";
import { Decimal, maxDec, minDec, oreToKronor, roundOre, ZERO } from "./money";
import type { ReportPeriod } from "./periods";
import { LEAF_LINES, LeafLine, LINE_LABELS, LINE_SIGN, REPORT_ROWS, ReportLineId } from "./reportLines";

export interface LineValues {
  id: ReportLineId;
  label: string;
  priorPeriod: Decimal;
  period: Decimal;
  budget: Decimal;
  forecast: Decimal;
  deviation: Decimal;
  /** Method code for leaf lines, "summa" for totals. */
  method: ForecastMethod | "summa";
  /** The method as printed: "linjär", or "utfall+restbudget (ersätter föregående år)". */
  methodText: string;
  /** Manual forecast comment, or an explanation of the method's inputs. */
  comment: string;
}

export interface GrantCommitment extends Omit<Grant, "cell"> {
  /** Paid up to the cut-off according to the ledger (positive). */
  paid: Decimal;
  paidThisYear: Decimal;
  /** What the even spread over the grant's period still falls in this year after the cut-off. */
  remainingThisYear: Decimal;
  /** Granted − paid, not below zero. */
  unpaid: Decimal;
}

export interface TertialInput {
  period: ReportPeriod;
  agg: LedgerAggregates;
  /** Budget per leaf line for the report year, typed positive; missing lines are zero. */
  budget: Partial<Record<LeafLine, Decimal>>;
  /** The year's member contributions and last year's, for accrual (null when unknown). */
  contributionsThisYear: Decimal | null;
  contributionsPriorYear: Decimal | null;
  accrue: boolean;
  choices: readonly ForecastChoice[];
  grants: readonly Grant[];
  grantsPresent: boolean;
}

export interface TertialReport {
  months: number;
  lines: LineValues[];
  byId: Record<ReportLineId, LineValues>;
  grants: GrantCommitment[];
  accrued: boolean;
  contributionsPriorYearSource: "ledger" | "budget" | "none";
}

/** Report value of a ledger sum: minus the sum of debit-positive amounts. */
function reportValue(sums: LineSums, line: LeafLine): Decimal {
  return oreToKronor(-sums[line]);
}

export function defaultMethod(line: LeafLine, grantsPresent: boolean): ForecastMethod {
  switch (line) {
    case "medlemsbidrag":
      return "budget";
    case "personalkostnader":
      return "linjar";
    case "bidrag_till_insatser":
      return grantsPresent ? "ataganden" : "utfall_restbudget";
    default:
      return "utfall_restbudget";
  }
}

function overlapDays(aFrom: number, aTo: number, bFrom: number, bTo: number): number {
  const from = Math.max(aFrom, bFrom);
  const to = Math.min(aTo, bTo);
  return to >= from ? to - from + 1 : 0;
}

export function grantCommitments(grants: readonly Grant[], agg: LedgerAggregates, period: ReportPeriod): GrantCommitment[] {
  return grants.map((g) => {
    const paid = oreToKronor(agg.paidByProject.get(g.code) ?? 0);
    const paidThisYear = oreToKronor(agg.paidThisYearByProject.get(g.code) ?? 0);
    const totalDays = g.to - g.from + 1;
    const restDays = overlapDays(g.from, g.to, period.end + 1, period.yearEnd);
    const spread = roundOre(g.granted.times(restDays).dividedBy(totalDays));
    const unpaid = maxDec(ZERO, g.granted.minus(paid));
    return {
      code: g.code,
      name: g.name,
      dnr: g.dnr,
      granted: g.granted,
      from: g.from,
      to: g.to,
      paid,
      paidThisYear,
      remainingThisYear: minDec(spread, unpaid),
      unpaid,
    };
  });
}

export function computeTertial(input: TertialInput, warnings: IssueList): TertialReport {
  const { period, agg } = input;
  const m = period.months;
  const byId = {} as Record<ReportLineId, LineValues>;
  const grants = grantCommitments(input.grants, agg, period);
  const choiceByLine = new Map(input.choices.map((c) => [c.line, c]));
  let priorSource: TertialReport["contributionsPriorYearSource"] = "none";

  for (const line of LEAF_LINES) {
    const sign = LINE_SIGN[line];
    let prior = reportValue(agg.priorPeriod, line);
    let actual = reportValue(agg.period, line);
    const budget = (input.budget[line] ?? ZERO).times(sign);
    if (line === "medlemsbidrag" && input.accrue) {
      if (input.contributionsThisYear) actual = roundOre(input.contributionsThisYear.times(m).dividedBy(12));
      const priorLedgerYear = reportValue(agg.priorYear, line);
      if (!priorLedgerYear.isZero()) {
        prior = roundOre(priorLedgerYear.times(m).dividedBy(12));
        priorSource = "ledger";
      } else if (input.contributionsPriorYear) {
        prior = roundOre(input.contributionsPriorYear.times(m).dividedBy(12));
        priorSource = "budget";
      }
    }
    const choice = choiceByLine.get(line);
    let method: ForecastMethod = choice?.method ?? defaultMethod(line, input.grantsPresent);
    let methodText = METHOD_LABELS[method];
    let comment = choice?.comment ?? "";
    let forecast: Decimal;
    const restOfBudget = () => actual.plus(roundOre(budget.times(12 - m).dividedBy(12)));
    switch (method) {
      case "budget":
        forecast = budget;
        break;
      case "linjar":
        forecast = roundOre(actual.times(12).dividedBy(m));
        break;
      case "utfall_restbudget":
        forecast = restOfBudget();
        break;
      case "foregaende_ar": {
        const py = reportValue(agg.priorYear, line);
        const pp = reportValue(agg.priorPeriod, line);
        if (pp.isZero()) {
          forecast = restOfBudget();
          method = "utfall_restbudget";
          methodText = `${METHOD_LABELS.utfall_restbudget} (ersätter föregående år: inget utfall samma period i fjol)`;
          warnings.add(
            "forecast_fallback",
            `${LINE_LABELS[line]}: föregående år kan inte användas eftersom fjolårets utfall för samma period är 0; utfall+restbudget används.`,
            choice?.cell ?? "",
          );
        } else {
          forecast = roundOre(actual.times(py).dividedBy(pp));
          if (!comment) comment = "Utfall × fjolårets helår / fjolårets utfall samma period";
        }
        break;
      }
      case "ataganden": {
        const remaining = grants.reduce((a, g) => a.plus(g.remainingThisYear), ZERO);
        forecast = actual.plus(remaining.times(sign));
        if (!comment) comment = `Utfall + beslutade insatsers återstående del i år enligt Insatser (${grants.length} st)`;
        break;
      }
      case "manuell":
        forecast = (choice?.amount ?? ZERO).times(sign);
        break;
    }
    byId[line] = {
      id: line,
      label: LINE_LABELS[line],
      priorPeriod: prior,
      period: actual,
      budget,
      forecast,
      deviation: forecast.minus(budget),
      method,
      methodText,
      comment,
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
      methodText: "summa",
      comment: "",
    };
  }
  const lines = REPORT_ROWS.map((r) => byId[r.id]);
  return { months: m, lines, byId, grants, accrued: input.accrue, contributionsPriorYearSource: priorSource };
}
