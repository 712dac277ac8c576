/** The JSON result (docs/workbook.md, "JSON"): all amounts as strings of exact kronor; messages in the chosen language. */
import { methodText } from "../core/messages/methods";
import type { Computation } from "../core/compute";
import type { EquityReport } from "../core/equity";
import { FUNCTION_LABELS_EN } from "../core/functionIds";
import type { TertialReport } from "../core/tertial";
import type { Lang } from "../core/locale";
import { issueText } from "../core/messages";
import { toKronorString as k } from "../core/money";
import { GROUP_LABELS, JSON_LINE_ORDER } from "../core/reportLines";
import type { RunInfo } from "./sheets";
import type { FinancialStatements, StatementLine } from "../core/statements";
import { isoOfDayNumber } from "../core/dates";
import { boardText } from "./boardText";

export function resultJson(c: Computation, run: RunInfo, lang: Lang): Record<string, unknown> {
  const s = c.inputs.settings;
  return {
    association: s.association,
    year: s.year,
    cutoff: c.period.cutoff,
    displayUnit: s.displayUnit,
    version: run.version,
    fingerprint: run.fingerprint,
    computedAt: run.computedAt,
    renamedTables: run.tableNames?.renamed() ?? [],
    memberShares: memberSharesJson(c),
    tertialReport: c.tertial && c.outputs.has("tertial") ? { ...tertialJson(c.tertial, lang), functions: functionsJson(c, lang) } : null,
    equity: c.equity ? equityJson(c.equity) : null,
    boardText: c.tertial && c.outputs.has("tertial") ? boardText(c, lang) : null,
    financialStatements: c.statements && c.statements.refused.length === 0 ? statementsJson(c.statements) : null,
    notes: c.statements ? notesJson(c.statements) : null,
    warnings: c.warnings.map((w) => issueText(w, lang)),
  };
}

type SharesYear = NonNullable<Computation["memberShares"]>[number];

/** One year's member shares: the total, the groups, the members with their installments. */
function yearJson(y: SharesYear) {
  return {
    year: y.year,
    total: k(y.total),
    groups: y.groups.map((g) => ({ group: g.group, label: GROUP_LABELS[g.group], share: g.share.toFixed(), amount: k(g.amount) })),
    members: y.members.map((m) => ({
      member: m.member,
      group: m.group,
      key: m.key.toFixed(),
      // Only for a member of part of the year (Från/Till), so that other documents stay as they were.
      ...(m.months < 12 ? { months: m.months } : {}),
      amount: k(m.amount),
      installments: m.installments.map(k),
    })),
  };
}

/** The report year's member shares at the top, every year's in `years`, and the Tilläggsbidrag when there are any. */
function memberSharesJson(c: Computation): Record<string, unknown> | null {
  const shares = c.memberShares?.find((y) => y.year === c.inputs.settings.year);
  if (!shares) return null;
  const y = yearJson(shares);
  const extras = c.extraShares.map((x) => ({
    year: x.extra.year,
    amount: k(x.extra.amount),
    due: isoOfDayNumber(x.extra.due),
    decision: x.extra.decision,
    members: x.shares.members.map((m) => ({ member: m.member, amount: k(m.amount) })),
  }));
  // Tilläggsbidrag only when there are any (other documents stay as they were).
  return {
    total: y.total,
    groups: y.groups,
    members: y.members,
    years: c.memberShares!.map(yearJson),
    ...(extras.length ? { extras } : {}),
  };
}

/** The report's lines in the JSON's order, the method as a code with its words in the document's language, and the grants. */
function tertialJson(t: TertialReport, lang: Lang): Record<string, unknown> {
  return {
    months: t.months,
    accrued: t.accrued,
    lines: JSON_LINE_ORDER.map((id) => {
      const v = t.byId[id];
      return {
        id,
        label: v.label,
        priorPeriod: k(v.priorPeriod),
        period: k(v.period),
        budget: k(v.budget),
        forecast: k(v.forecast),
        deviation: k(v.deviation),
        method: v.method,
        ...(v.fallback ? { methodFallback: v.fallback } : {}),
        methodText: methodText(v, lang),
        ...(v.comment ? { comment: v.comment } : {}),
        ...(v.explanation ? { explanation: v.explanation } : {}),
      };
    }),
    grants: t.grants.map((g) => ({
      code: g.code,
      name: g.name,
      granted: k(g.granted),
      from: isoOfDayNumber(g.from),
      to: isoOfDayNumber(g.to),
      paid: k(g.paid),
      remainingThisYear: k(g.remainingThisYear),
      unpaid: k(g.unpaid),
      coFinancing: k(g.coFinancing),
      coFinancier: g.coFinancier,
      ownPart: k(g.ownPart),
      coFinancedThisYear: k(g.coFinancedThisYear),
      coFinancedAfterYear: k(g.coFinancedAfterYear),
    })),
  };
}

/**
 * Costs per verksamhet: the three lines (report sign, exact kronor; budget null without one per verksamhet), or null
 * when Insatser has no Typ column or the table was refused (the warnings say why).
 */
function functionsJson(c: Computation, lang: Lang): Array<Record<string, unknown>> | null {
  const f = c.functions;
  if (!f || "refused" in f) return null;
  return f.lines.map((l) => ({
    id: l.id,
    label: lang === "en" ? FUNCTION_LABELS_EN[l.id] : l.label,
    priorPeriod: k(l.priorPeriod),
    period: k(l.period),
    budget: l.budget === null ? null : k(l.budget),
    forecast: k(l.forecast),
    share: l.share.toDecimalPlaces(6).toFixed(),
  }));
}

/** Equity against the ceiling, the report year and the budget years after it. */
function equityJson(e: EquityReport): Record<string, unknown> {
  return {
    opening: k(e.opening),
    openingSource: e.openingSource,
    directPostings: k(e.directPostings),
    forecastResult: k(e.forecastResult),
    closing: k(e.closing),
    basis: k(e.basis),
    ceiling: k(e.ceiling.ceiling),
    margin: k(e.margin),
    status: e.status,
    overBy: k(e.overBy),
    unpaidGrants: k(e.unpaidGrants),
    commitmentsInForecast: k(e.commitmentsInForecast),
    commitmentsAfterYear: k(e.commitmentsAfterYear),
    coFinancedAfterYear: k(e.coFinancedAfterYear),
    ownCommitmentsAfterYear: k(e.ownCommitmentsAfterYear),
    equityAfterCommitments: k(e.equityAfterCommitments),
    years: e.years.map((y) => ({
      year: y.year,
      opening: k(y.opening),
      result: k(y.result),
      direct: k(y.direct),
      closing: k(y.closing),
      basis: k(y.basis),
      ceiling: k(y.ceiling),
      margin: k(y.margin),
      status: y.status,
      source: y.source,
    })),
  };
}

/** Bokslut's notes: 1 the income lines, 2 the cost lines, 3 the year's member contributions, 4 the decided grants' remainder. */
function notesJson(st: FinancialStatements): Record<string, unknown> {
  return {
    income: statementLines(st.notes.income),
    costs: statementLines(st.notes.costs),
    memberContributions: st.notes.memberContributions.map((m) => ({ member: m.member, group: m.group, amount: k(m.amount) })),
    decidedGrantsRemaining: st.notes.decidedGrantsRemaining.map((g) => ({
      code: g.code,
      name: g.name,
      granted: k(g.granted),
      paid: k(g.paid),
      remaining: k(g.remaining),
      coFinanced: k(g.coFinanced),
    })),
  };
}

/** Statement lines: amount, comparison, and last year's full year where the income statement has it. */
function statementLines(ls: StatementLine[]): Array<Record<string, unknown>> {
  return ls.map((l) => ({
    id: l.id,
    label: l.label,
    amount: k(l.amount),
    prior: l.prior === null ? null : k(l.prior),
    ...(l.priorYear ? { priorYear: k(l.priorYear) } : {}),
  }));
}

function statementsJson(st: FinancialStatements): Record<string, unknown> {
  return {
    incomeStatement: statementLines(st.incomeStatement),
    balanceSheet: statementLines([...st.balanceSheet, ...st.memo]),
    cashFlow: statementLines(st.cashFlow),
    // Where the opening balances came from: the year's IB rows, last year's IB rows and rows, or none (rules.md 5).
    opening: st.opening,
  };
}
