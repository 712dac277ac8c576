/**
 * The whole calculation from typed inputs, in named steps: check the inputs' meaning (errors name
 * cells), member shares, the ledger's aggregates and warnings, the tertial report, and the equity
 * check. Pure: no I/O, no clock.
 */
import { allocationMessage } from "./allocation";
import { computeEquity, EquityReport } from "./equity";
import { coFinancedAfterYear, unpaidTotal } from "./grants";
import type { Inputs, InputTable, ReportComment } from "./inputs";
import { functionsStep, FunctionsResult } from "./functionsStep";
import { aggregateLedger, directEquityPostings, LedgerAggregates, LineSums } from "./ledger";
import { ledgerWarnings } from "./ledgerWarnings";
import { defaultDueDays, dueDates } from "./dueDates";
import { ExtraShare, extraSharesStep, extrasOf } from "./extras";
import { computeMemberShares, MemberSharesYear } from "./memberShares";
import { Issue, IssueList } from "./messages";
import { shownComment } from "./messages/methods";
import { Decimal, oreToKronor, ZERO } from "./money";
import { defaultCutoff, reportPeriod, ReportPeriod } from "./periods";
import { isBalanceLine, LEAF_LINES, LeafLine, LINE_SIGN, REPORT_ROWS, ReportLineId } from "./reportLines";
import { lastYearClosing, priorYearHasRows, priorYearResult } from "./openingBalances";
import { computeStatements, FinancialStatements } from "./statements";
import { computeTertial, TertialReport } from "./tertial";
import type { CellRef } from "./units";
import { asCellRef } from "./units";
import { validateInputs } from "./validate";
import type { Output } from "./outputs";

export { OUTPUTS } from "./outputs";
export type { Output } from "./outputs";

/** Which input tables each output reads (and therefore validates). Optional tables may be absent. */
export function tablesFor(outputs: ReadonlySet<Output>): { required: Set<InputTable>; optional: Set<InputTable> } {
  const required = new Set<InputTable>(["Installningar"]);
  const optional = new Set<InputTable>(["Budget"]);
  if (outputs.has("medlemsandelar")) required.add("Medlemmar");
  if (outputs.has("tertial") || outputs.has("eget-kapital")) {
    for (const t of ["Kontoplan", "Huvudbok"] as InputTable[]) required.add(t);
    for (const t of ["Insatser", "Prognos"] as InputTable[]) optional.add(t);
  }
  if (outputs.has("eget-kapital")) optional.add("Takregel");
  return { required, optional };
}

export interface ComputeOptions {
  outputs: ReadonlySet<Output>;
  /** `--brytdatum` or the task pane's cut-off field; overrides the setting. */
  cutoffOverride?: string;
}

/** Member contributions of a year, and where the figure came from. */
export type ContributionSource = { kind: "budget"; year: number } | { kind: "state" } | { kind: "total" };

export interface Computation {
  inputs: Inputs;
  outputs: ReadonlySet<Output>;
  period: ReportPeriod;
  /** Member contributions per year (report year first known), with where the figure came from. */
  contributions: Map<number, { total: Decimal; source: ContributionSource }>;
  memberShares: MemberSharesYear[] | null;
  /** Each Tilläggsbidrag split among the members (one installment, its due date). */
  extraShares: ExtraShare[];
  tertial: TertialReport | null;
  equity: EquityReport | null;
  /** The financial statements at the cut-off (Bokslut); null when Kontoplan has no balance-sheet lines. */
  statements: FinancialStatements | null;
  /** Costs per verksamhet (core/functions.ts): null when Insatser has no Typ column; refused when it cannot be told. */
  functions: FunctionsResult | null;
  warnings: Issue[];
}

export type ComputeResult = { ok: true; value: Computation } | { ok: false; errors: Issue[]; warnings: Issue[] };

export function budgetFor(inputs: Inputs, year: number): Partial<Record<LeafLine, Decimal>> {
  const out: Partial<Record<LeafLine, Decimal>> = {};
  for (const b of inputs.budget) if (b.year === year) out[b.line] = (out[b.line] ?? ZERO).plus(b.amount);
  return out;
}

function budgetYears(inputs: Inputs): number[] {
  return [...new Set(inputs.budget.map((b) => b.year))].sort((a, b) => a - b);
}

/** The year's total member contributions: settings for the report year, else the budget line. */
function resolveContributions(inputs: Inputs, errors: IssueList): Computation["contributions"] {
  const s = inputs.settings;
  const out: Computation["contributions"] = new Map();
  for (const y of budgetYears(inputs)) {
    const b = budgetFor(inputs, y).medlemsbidrag;
    if (b) out.set(y, { total: b, source: { kind: "budget", year: y } });
  }
  let total: Decimal | null = null;
  let source: ContributionSource | null = null;
  if (s.stateContribution) {
    if (s.shares.Stat.isZero()) {
      errors.add("state_share_zero", {}, s.cells.stateContribution ?? s.tableCell);
    } else {
      total = s.stateContribution.dividedBy(s.shares.Stat);
      source = { kind: "state" };
      if (s.totalContributions && !s.totalContributions.equals(total)) {
        errors.add(
          "total_conflict",
          { total: s.totalContributions.toFixed(), derived: total.toFixed() },
          s.cells.totalContributions ?? s.tableCell,
        );
      }
    }
  }
  if (s.totalContributions) {
    total = s.totalContributions;
    source = { kind: "total" };
  }
  if (total && source) out.set(s.year, { total, source });
  return out;
}

/** Member shares for every year with a known total. */
function memberSharesStep(inputs: Inputs, contributions: Computation["contributions"], errors: IssueList): MemberSharesYear[] {
  const s = inputs.settings;
  const out: MemberSharesYear[] = [];
  for (const [year, c] of [...contributions.entries()].sort((a, b) => a[0] - b[0])) {
    const due = dueDates(year, s.dueDays ?? defaultDueDays(s.installments));
    const r = computeMemberShares(year, c.total, s.shares, inputs.members, s.roundingUnit, s.installments, due);
    if (r.ok) {
      out.push(r.value);
      continue;
    }
    const cell = year === s.year ? (s.cells.totalContributions ?? s.cells.stateContribution ?? s.tableCell) : s.tableCell;
    errors.addMessage(allocationMessage(r.error, year), cell);
  }
  return out;
}

/** Warnings about the budget: none for the year, negative amounts, contributions that differ from the settings. */
function budgetWarnings(inputs: Inputs, budget: Partial<Record<LeafLine, Decimal>>, thisYear: Decimal | null, warnings: IssueList): void {
  const s = inputs.settings;
  if (Object.keys(budget).length === 0) {
    warnings.add("budget_missing", { year: s.year }, asCellRef(`${inputs.sheets.Budget ?? "Budget"}!A1`));
  }
  for (const b of inputs.budget) {
    if (b.amount.isNegative() && !b.amount.isZero()) warnings.add("budget_negative", {}, b.cell);
  }
  if (thisYear && budget.medlemsbidrag && !budget.medlemsbidrag.equals(thisYear)) {
    warnings.add(
      "contributions_differ",
      { year: s.year, budget: budget.medlemsbidrag.toFixed(), settings: thisYear.toFixed() },
      s.cells.totalContributions ?? s.cells.stateContribution ?? s.tableCell,
    );
  }
}

/** The tertial report from the ledger's aggregates. */
function tertialStep(
  inputs: Inputs,
  agg: LedgerAggregates,
  period: ReportPeriod,
  contributions: Computation["contributions"],
  warnings: IssueList,
): TertialReport {
  const s = inputs.settings;
  const budget = budgetFor(inputs, s.year);
  const thisYear = contributions.get(s.year)?.total ?? null;
  budgetWarnings(inputs, budget, thisYear, warnings);
  const tertial = computeTertial(
    {
      period,
      agg,
      budget,
      contributionsThisYear: thisYear,
      contributionsPriorYear: contributions.get(s.year - 1)?.total ?? null,
      extras: {
        year: extrasOf(inputs, s.year),
        toCutoff: extrasOf(inputs, s.year, period.end),
        own: inputs.extras.filter((e) => e.year === s.year && e.shares).map((e) => ({ amount: e.amount, due: e.due, shares: e.shares! })),
      },
      accrue: s.accrueContributions,
      choices: inputs.forecastChoices,
      grants: inputs.grants,
      grantsPresent: inputs.present.grants && inputs.grants.length > 0,
      shares: s.shares,
      roundingUnit: s.roundingUnit,
    },
    warnings,
  );
  if (s.accrueContributions && tertial.contributionsPriorYearSource === "none" && tertial.byId.medlemsbidrag.priorPeriod.isZero()) {
    warnings.add("prior_contributions_missing", {});
  }
  keepReportComments(tertial, inputs.reportComments ?? [], warnings);
  return tertial;
}

/**
 * A comment typed in the last report (it differs from what the inputs said when that report was
 * written) is kept instead of the inputs' comment, with a warning that names its cell. Once the
 * inputs say the same, or the cell is emptied, the inputs' comment shows again.
 */
function keepReportComments(tertial: TertialReport, comments: readonly ReportComment[], warnings: IssueList): void {
  for (const c of comments) {
    const line = tertial.byId[c.line as ReportLineId];
    if (!line || c.text === "") continue;
    // The report is Swedish: what it showed from the inputs is compared in the catalogue's Swedish words.
    const shown = shownComment(line, "sv");
    const typed = c.inputComment === null ? c.text !== shown : c.text !== c.inputComment;
    if (!typed || c.text === shown) continue;
    tertial.byId[line.id] = { ...line, comment: c.text, kept: { inputComment: shown, cell: c.cell } };
    const leaf = (LEAF_LINES as readonly string[]).includes(line.id);
    const method = line.method === "utfall_helar" || line.method === "summa" ? undefined : line.method;
    warnings.add("report_comment_kept", { line: line.label, ...(leaf && method ? { id: line.id, method, text: c.text } : {}) }, c.cell);
  }
  tertial.lines = tertial.lines.map((l) => tertial.byId[l.id]);
}

/** Equity against the ceiling, for the report year and the budget years after it. */
function equityStep(
  inputs: Inputs,
  agg: LedgerAggregates,
  tertial: TertialReport,
  contributions: Computation["contributions"],
  basis: Decimal,
  warnings: IssueList,
): EquityReport {
  const s = inputs.settings;
  const laterYears = budgetYears(inputs)
    .filter((y) => y > s.year)
    .map((y) => {
      const b = budgetFor(inputs, y);
      const result = LEAF_LINES.reduce((a, l) => a.plus((b[l] ?? ZERO).times(LINE_SIGN[l])), ZERO);
      // Takunderlag: the year's member contributions, or all its budgeted operating income.
      // Tilläggsbidrag of a plan year come on top of its budget: in its result and in the ceiling's base.
      const extra = extrasOf(inputs, y);
      const members = (contributions.get(y)?.total ?? ZERO).plus(extra);
      const income = members.plus(b.projektmedel ?? ZERO).plus(b.ovriga_intakter ?? ZERO);
      const basis = s.ceilingBasis === "income" ? income : members;
      return { year: y, result: result.plus(extra), basis, grants: b.bidrag_till_insatser ?? ZERO };
    });
  // Booked straight onto equity accounts this year (not the closing entry, which carries the result): part of the
  // closing equity, as in the balance sheet, and said, naming the earliest such row.
  const direct = directEquityPostings(agg.balances);
  if (!direct.isZero()) {
    const first = agg.balances.firstEquityRow;
    warnings.add(
      "equity_direct_postings",
      { year: s.year, amount: direct.toFixed(2), sheet: inputs.sheets.Huvudbok ?? "Huvudbok" },
      first?.cell ?? "",
    );
  }
  return computeEquity(
    {
      year: s.year,
      directPostings: direct,
      openingSetting: s.openingEquity,
      settingsCell: s.cells.openingEquity ?? s.tableCell,
      openingEquityIb: agg.openingEquityIb,
      openingLastYear: lastYearClosing(agg.balances, priorYearResult(agg))?.equity ?? null,
      forecastResult: tertial.byId.arets_resultat.forecast,
      basis,
      rule: s.ceilingRule,
      bands: inputs.ceilingBands,
      unpaidGrants: unpaidTotal(tertial.grants),
      coFinancedAfterYear: coFinancedAfterYear(tertial.grants),
      grantLine: { period: tertial.byId.bidrag_till_insatser.period, forecast: tertial.byId.bidrag_till_insatser.forecast },
      laterYears,
    },
    warnings,
  );
}

/**
 * The financial statements, when Kontoplan has balance-sheet lines beyond equity. Opening balances
 * that do not sum to zero, and statements that do not balance, refuse the statements by name (the
 * accounts): the Bokslut sheet then says why instead of showing figures, and the rest of the run —
 * the Tertialrapport of an interim month whose prior year is not closed yet — still goes ahead.
 */
function statementsStep(
  inputs: Inputs,
  agg: LedgerAggregates,
  tertial: TertialReport,
  period: ReportPeriod,
  memberShares: MemberSharesYear[] | null,
  warnings: IssueList,
): FinancialStatements | null {
  const problems = new IssueList();
  if (!inputs.accounts.some((a) => isBalanceLine(a.line) && a.line !== "eget_kapital")) {
    warnings.add("bokslut_no_balance_lines", {});
    return null;
  }
  const b = agg.balances;
  for (const [year, ib] of [
    [period.year, b.ibThisYear],
    [period.year - 1, b.ibPriorYear],
  ] as const) {
    if (ib.rows > 0 && ib.sum !== 0) {
      const accounts = [...ib.accounts].sort((x, y) => x - y).slice(0, 20);
      problems.add("ib_unbalanced", { year, difference: oreToKronor(ib.sum).toFixed(2), accounts });
    }
  }
  // Without IB rows for either year, last year's rows alone do not give its closing balances (rules.md 5).
  if (b.ibThisYear.rows === 0 && b.ibPriorYear.rows === 0 && priorYearHasRows(agg))
    problems.add("opening_balances_missing", { year: period.year });
  const booked = (sums: LineSums) => oreToKronor(sums.medlemsbidrag).times(LINE_SIGN.medlemsbidrag).negated();
  const bookedContributions = { period: booked(agg.period), priorPeriod: booked(agg.priorPeriod) };
  // Last year's full year per line (report sign), its totals as the report adds them.
  const priorYearLines = {} as Record<ReportLineId, Decimal>;
  for (const l of LEAF_LINES) priorYearLines[l] = oreToKronor(agg.priorYear[l]).negated();
  for (const row of REPORT_ROWS) if (row.parts) priorYearLines[row.id] = row.parts.reduce((a, p) => a.plus(priorYearLines[p]), ZERO);
  const year = memberShares?.find((y) => y.year === period.year);
  const st = computeStatements(
    {
      period,
      balances: b,
      lines: tertial.byId,
      bookedContributions,
      priorYearResult: priorYearResult(agg),
      priorYearLines,
      grants: tertial.grants,
      members: year ? year.members.map((m) => ({ member: m.member, group: m.group, amount: m.amount })) : [],
    },
    warnings,
  );
  if (!st.difference.isZero()) {
    problems.add("statements_unbalanced", {
      difference: st.difference.toFixed(2),
      accounts: st.unmappedAccounts.map((a) => a.account).slice(0, 20),
    });
  }
  st.refused = problems.items;
  warnings.push(...problems.items);
  return st;
}

export function compute(inputs: Inputs, options: ComputeOptions): ComputeResult {
  const errors = new IssueList();
  const warnings = new IssueList();
  const s = inputs.settings;
  const outputs = options.outputs;
  const needsLedger = outputs.has("tertial") || outputs.has("eget-kapital");
  const fail = (): ComputeResult => ({ ok: false, errors: errors.items, warnings: warnings.items });

  const cutoff = options.cutoffOverride ?? s.cutoff ?? defaultCutoff(s.year);
  const cutoffCell: CellRef = options.cutoffOverride ? asCellRef("--brytdatum") : (s.cells.cutoff ?? s.tableCell);
  const period = reportPeriod(s.year, cutoff);
  if (!period.ok) errors.addMessage(period.error, cutoffCell);
  const contributions = resolveContributions(inputs, errors);
  const thisYear = contributions.get(s.year);
  if (!thisYear && (outputs.has("medlemsandelar") || outputs.has("eget-kapital") || (needsLedger && s.accrueContributions))) {
    errors.add("contributions_missing", { year: s.year }, s.tableCell);
  }
  validateInputs(inputs, outputs, errors);
  if (errors.length > 0 || !period.ok) return fail();

  const memberShares = outputs.has("medlemsandelar") ? memberSharesStep(inputs, contributions, errors) : null;
  const extraShares = outputs.has("medlemsandelar") ? extraSharesStep(inputs, errors) : [];
  let tertial: TertialReport | null = null;
  let equity: EquityReport | null = null;
  let statements: FinancialStatements | null = null;
  let functions: FunctionsResult | null = null;
  if (needsLedger) {
    const agg = aggregateLedger(inputs.ledger, inputs.accounts, period.value, errors);
    if (errors.length > 0) return fail();
    ledgerWarnings(inputs, agg, period.value, warnings);
    tertial = tertialStep(inputs, agg, period.value, contributions, warnings);
    if (outputs.has("eget-kapital") && thisYear) {
      // Takunderlag: this year's member contributions, or all its operating income as forecast.
      const basis =
        s.ceilingBasis === "income" ? tertial.byId.verksamhetens_intakter.forecast : thisYear.total.plus(extrasOf(inputs, s.year));
      equity = equityStep(inputs, agg, tertial, contributions, basis, warnings);
    }
    functions = functionsStep(inputs, agg, tertial, warnings);
    if (outputs.has("tertial")) statements = statementsStep(inputs, agg, tertial, period.value, memberShares, warnings);
  }
  if (errors.length > 0) return fail();
  return {
    ok: true,
    value: {
      inputs,
      outputs,
      period: period.value,
      contributions,
      memberShares,
      extraShares,
      tertial,
      equity,
      statements,
      functions,
      warnings: warnings.items,
    },
  };
}
