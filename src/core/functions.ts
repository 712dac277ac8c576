/**
 * Costs per verksamhet, as förbund report them in their annual reports: Administration (the förbund's own office,
 * staff and premises: cost rows with no insats), Strukturövergripande insatser and Individinriktade insatser (cost rows
 * whose insats has that Typ in Insatser). The costs are the lines of Verksamhetens kostnader; the three rows foot to
 * it in every column.
 *
 * The forecast: each cost line's forecast is split among the verksamheter as its actual is (largest remainder to the
 * öre); Bidrag till insatser forecast by åtaganden gives each type its actual plus what its insatser still pay this
 * year, and Administration the rest. A line with no actual yet is Administration's. Never guessed: a cost row whose
 * insats is not in Insatser, or an insats without a type, refuses the table (core/compute.ts says which).
 */
import { allocate } from "./allocation";
import type { GrantCommitment } from "./grants";
import { Decimal, oreToKronor, ZERO } from "./money";
import { FUNCTION_IDS, FUNCTION_LABELS, FunctionId, GrantType, ProjectCosts } from "./functionIds";
import type { LeafLine } from "./reportLines";

export interface FunctionInput {
  /** The cost lines of Verksamhetens kostnader, each with the report's values (report sign: costs negative). */
  lines: ReadonlyArray<{ id: LeafLine; period: Decimal; priorPeriod: Decimal; priorYear: Decimal; forecast: Decimal; method: string }>;
  /** Per cost line, its rows' amounts per insats code (rows without an insats are not in it). */
  byProject: ReadonlyMap<LeafLine, ProjectCosts>;
  /** Each insats' type and what it still pays this year. */
  grants: ReadonlyArray<Pick<GrantCommitment, "code" | "remainingThisYear"> & { type: GrantType }>;
  /** The year's budget per verksamhet (positive, as typed), when Budget gives all three; else null. */
  budget: Record<FunctionId, Decimal> | null;
}

export interface FunctionLine {
  id: FunctionId;
  label: string;
  priorPeriod: Decimal;
  period: Decimal;
  /** Last year's full year (Bokslut's note before 31 December). */
  priorYear: Decimal;
  /** In report sign, or null when Budget gives no budget per verksamhet. */
  budget: Decimal | null;
  forecast: Decimal;
  /** Share of the year's forecast costs (0 when they are 0). */
  share: Decimal;
}

const ORE = new Decimal("0.01");

/** Costs per verksamhet: three lines that foot to Verksamhetens kostnader in every column. */
export function computeFunctions(input: FunctionInput): FunctionLine[] {
  const typeOf = new Map(input.grants.map((g) => [g.code, g.type]));
  const sums = { priorPeriod: zeros(), period: zeros(), priorYear: zeros(), forecast: zeros() };
  for (const line of input.lines) {
    const actual = zeros();
    const prior = zeros();
    const lastYear = zeros();
    for (const [code, v] of input.byProject.get(line.id) ?? new Map()) {
      const type = typeOf.get(code)!;
      // Report sign: a cost row's debit is a negative figure in the report.
      actual[type] = actual[type].minus(oreToKronor(v.period));
      prior[type] = prior[type].minus(oreToKronor(v.priorPeriod));
      lastYear[type] = lastYear[type].minus(oreToKronor(v.priorYear));
    }
    // Administration: the line's rows without an insats.
    const rest = (total: Decimal, parts: Record<FunctionId, Decimal>) =>
      total.minus(parts.strukturovergripande).minus(parts.individinriktade);
    actual.administration = rest(line.period, actual);
    prior.administration = rest(line.priorPeriod, prior);
    lastYear.administration = rest(line.priorYear, lastYear);
    const forecast = splitForecast(line, actual, input.grants);
    for (const id of FUNCTION_IDS) {
      sums.period[id] = sums.period[id].plus(actual[id]);
      sums.priorPeriod[id] = sums.priorPeriod[id].plus(prior[id]);
      sums.priorYear[id] = sums.priorYear[id].plus(lastYear[id]);
      sums.forecast[id] = sums.forecast[id].plus(forecast[id]);
    }
  }
  const total = FUNCTION_IDS.reduce((a, id) => a.plus(sums.forecast[id]), ZERO);
  return FUNCTION_IDS.map((id) => ({
    id,
    label: FUNCTION_LABELS[id],
    priorPeriod: sums.priorPeriod[id],
    period: sums.period[id],
    priorYear: sums.priorYear[id],
    budget: input.budget ? input.budget[id].negated() : null,
    forecast: sums.forecast[id],
    share: total.isZero() ? ZERO : sums.forecast[id].dividedBy(total),
  }));
}

function zeros(): Record<FunctionId, Decimal> {
  return { administration: ZERO, strukturovergripande: ZERO, individinriktade: ZERO };
}

/**
 * A line's forecast per verksamhet. Åtaganden: each type its actual plus its insatser's remaining this year (report
 * sign), Administration the rest. Any other method: the forecast split as the actual is, to the öre.
 */
function splitForecast(
  line: FunctionInput["lines"][number],
  actual: Record<FunctionId, Decimal>,
  grants: FunctionInput["grants"],
): Record<FunctionId, Decimal> {
  const out = zeros();
  if (line.method === "ataganden") {
    for (const g of grants) out[g.type] = out[g.type].minus(g.remainingThisYear);
    out.strukturovergripande = out.strukturovergripande.plus(actual.strukturovergripande);
    out.individinriktade = out.individinriktade.plus(actual.individinriktade);
    out.administration = line.forecast.minus(out.strukturovergripande).minus(out.individinriktade);
    return out;
  }
  const weights = FUNCTION_IDS.map((id) => actual[id].abs());
  if (weights.every((w) => w.isZero()) || line.forecast.isZero()) {
    out.administration = line.forecast;
    return out;
  }
  const parts = allocate(line.forecast.abs(), weights, { unit: ORE });
  if (!parts.ok) throw new Error(`Invariant: a forecast in whole öre splits by non-negative weights (${parts.error.code})`);
  const sign = line.forecast.isNegative() ? -1 : 1;
  FUNCTION_IDS.forEach((id, i) => (out[id] = parts.value[i].times(sign)));
  return out;
}
