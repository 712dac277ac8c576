/**
 * Costs per verksamhet in a run (core/functions.ts): only when Insatser has the Typ column; refused, with warnings that
 * name the cell, when an insats has no type or a cost row's insats is not in Insatser — never guessed. The rest of the
 * run goes ahead.
 */
import { FUNCTION_IDS, FunctionId } from "./functionIds";
import { computeFunctions, FunctionLine } from "./functions";
import type { Inputs } from "./inputs";
import type { LedgerAggregates } from "./ledger";
import { Issue, IssueList } from "./messages";
import { Decimal, oreToKronor, ZERO } from "./money";
import { NOTE_COST_LINES } from "./reportLines";
import type { TertialReport } from "./tertial";

/** The table's lines, or why there is none (the same issues are among the run's warnings). */
export type FunctionsResult = { lines: FunctionLine[] } | { refused: Issue[] };

export function functionsStep(inputs: Inputs, agg: LedgerAggregates, tertial: TertialReport, warnings: IssueList): FunctionsResult | null {
  if (!inputs.present.grantTypes) return null;
  const refused = new IssueList();
  for (const g of tertial.grants) if (!g.type && g.typeCell) refused.add("grant_type_blank", { grant: g.code }, g.typeCell);
  const codes = new Set(tertial.grants.map((g) => g.code));
  const unknown = [...agg.firstCostRowByProject].filter(([code]) => !codes.has(code));
  if (unknown.length > 0) {
    const [project, cell] = unknown[0];
    const sheet = inputs.sheets.Huvudbok ?? "Huvudbok";
    refused.add("ledger_project_unknown", { project, count: unknown.length, sheet }, cell);
  }
  if (refused.length > 0) {
    for (const i of refused.items) warnings.push(i);
    return { refused: refused.items };
  }
  return {
    lines: computeFunctions({
      lines: NOTE_COST_LINES.map((id) => ({ ...tertial.byId[id], id, priorYear: oreToKronor(agg.priorYear[id]).negated() })),
      byProject: agg.costsByProject,
      grants: tertial.grants.map((g) => ({ code: g.code, remainingThisYear: g.remainingThisYear, type: g.type! })),
      // The cost lines' budget as typed (positive): what the verksamheter's budget must sum to.
      budget: functionBudget(inputs, tertial.byId.verksamhetens_kostnader.budget.negated(), warnings),
    }),
  };
}

/**
 * The year's budget per verksamhet when Budget gives all three and they sum to the cost lines' budget; otherwise a
 * warning, and none is shown (a split that does not foot would show a table that does not add up).
 */
function functionBudget(inputs: Inputs, costBudget: Decimal, warnings: IssueList): Record<FunctionId, Decimal> | null {
  const year = inputs.settings.year;
  const rows = inputs.functionBudget.filter((f) => f.year === year);
  if (rows.length === 0) return null;
  const given = new Map(rows.map((f) => [f.fn, f.amount]));
  const missing = FUNCTION_IDS.filter((id) => !given.has(id));
  if (missing.length > 0) {
    warnings.add("function_budget_partial", { year, missing }, rows[0].cell);
    return null;
  }
  const sum = FUNCTION_IDS.reduce((a, id) => a.plus(given.get(id)!), ZERO);
  if (!sum.equals(costBudget)) {
    warnings.add("function_budget_differs", { year, sum: sum.toFixed(2), budget: costBudget.toFixed(2) }, rows[0].cell);
    return null;
  }
  return Object.fromEntries(FUNCTION_IDS.map((id) => [id, given.get(id)!])) as Record<FunctionId, Decimal>;
}
