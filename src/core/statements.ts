/**
 * The financial statements at the cut-off date, as a samordningsförbund's annual report presents
 * them: resultaträkning, balansräkning, kassaflödesanalys (indirect method) and four notes, each referenced from the
 * line it explains: 1 Verksamhetens intäkter and 2 Verksamhetens kostnader (the report's lines, totalling the income
 * statement's), 3 Medlemsbidrag per medlem (from note 1's Medlemsbidrag), 4 Beslutade insatser (from the remaining
 * decided funding below the balance sheet). Before 31 December, the income statement also has last year's full year.
 *
 * Balances come from the year's opening plus its transactions up to the cut-off, per balance line of
 * Kontoplan. The opening, and the comparison column (31 December last year), is this year's IB when the
 * ledger has it, else last year's IB plus last year's transactions (core/openingBalances.ts). The cash flow's
 * comparison, when the ledger has last year's IB rows, is as the income statement's: last year's same period
 * (priorPeriodCashFlow) and, before 31 December, its full year beside it (priorCashFlow).
 * The year's result goes into equity. When the Tertialrapport accrues member contributions, the
 * difference between the accrued and the booked amount is shown as accrued income (fordringar) or
 * prepaid income (kortfristiga skulder), so the statements agree with the report and still balance.
 *
 * Amounts are presented as annual reports print them: assets, equity, provisions and liabilities
 * positive; the cash flow positive when cash comes in.
 */
import { isoOfDayNumber } from "./dates";
import type { BalanceAggregates } from "./ledger";
import { coFinancedPart, GrantCommitment } from "./grants";
import type { Issue, IssueList } from "./messages";
import { Decimal, oreToKronor, ZERO } from "./money";
import { balanceSums, closingByRows, LastYearClosing, lastYearClosing } from "./openingBalances";
import type { ReportPeriod } from "./periods";
import { BalanceLine, Group, LINE_LABELS, NOTE_COST_LINES, NOTE_INCOME_LINES, ReportLineId } from "./reportLines";

/** The Tertialrapport's values per income-statement line that the statements use (report sign). */
export type LineValuesLike = Record<ReportLineId, { period: Decimal; priorPeriod: Decimal }>;

export interface StatementLine {
  id: string;
  label: string;
  amount: Decimal;
  /**
   * The comparison: same period last year (income statement; cash flow, when the ledger holds last year's opening),
   * 31 December last year (balance sheet); null when not known.
   */
  prior: Decimal | null;
  /** Last year's full year (income statement, its notes and the cash flow, before 31 December); undefined elsewhere. */
  priorYear?: Decimal;
  /** Note number in the annual report's notes. */
  note?: number;
  /** A subtotal or total (bold in the report). */
  total?: boolean;
  /** A sub-line ("därav"), indented. */
  sub?: boolean;
}

export interface FinancialStatements {
  incomeStatement: StatementLine[];
  balanceSheet: StatementLine[];
  /** Memo lines below the balance sheet (remaining decided grants). */
  memo: StatementLine[];
  cashFlow: StatementLine[];
  notes: {
    /** Note 1: the income lines (Medlemsbidrag refers to note 3); note 2: the cost lines; each totals its statement line. */
    income: StatementLine[];
    costs: StatementLine[];
    memberContributions: Array<{ member: string; group: Group; amount: Decimal }>;
    /** Each decided grant: granted, paid, what remains, and the co-financiers' part of what remains (zero for the förbund's own). */
    decidedGrantsRemaining: Array<{
      code: string;
      name: string;
      dnr: string;
      granted: Decimal;
      paid: Decimal;
      remaining: Decimal;
      coFinanced: Decimal;
    }>;
  };
  /**
   * Where the year's opening balances come from: this year's IB rows, last year's IB rows and rows (no IB rows for the
   * year yet), or none at all (the association's first year: zero).
   */
  opening: "ib" | "prior_year" | "none";
  /** Assets less equity, provisions and liabilities at the cut-off (zero when the statements balance). */
  difference: Decimal;
  /** Accounts with rows but no report line, with their net (debit positive). */
  unmappedAccounts: Array<{ account: number; amount: Decimal }>;
  /** Why the statements are not shown (opening balances or the balance sheet do not balance); empty when they are. */
  refused: Issue[];
}

export interface StatementsInput {
  period: ReportPeriod;
  balances: BalanceAggregates;
  /** The Tertialrapport's income-statement lines (report sign): period and same period last year. */
  lines: LineValuesLike;
  /** Booked member contributions to the cut-off and in last year's same period (report sign), before any accrual. */
  bookedContributions: { period: Decimal; priorPeriod: Decimal };
  /** Last year's full-year result from the ledger (report sign), for a comparison built from last year's IB. */
  priorYearResult: Decimal;
  /** Last year's full year per line (report sign), shown beside the period before 31 December. */
  priorYearLines: Record<ReportLineId, Decimal>;
  grants: readonly GrantCommitment[];
  members: Array<{ member: string; group: Group; amount: Decimal }>;
}

const k = (ore: number) => oreToKronor(ore);

/** Balances at 31 December last year (debit positive) and the equity then (credit positive, last year's result in it). */
function priorBalances(b: BalanceAggregates, result: Decimal): LastYearClosing {
  if (b.ibThisYear.rows === 0) return closingByRows(b, result);
  const bal = balanceSums(b.openingThisYear);
  return { bal, equity: bal.eget_kapital.negated() };
}

export function computeStatements(input: StatementsInput, warnings: IssueList): FinancialStatements {
  const b = input.balances;
  const L = input.lines;
  const line = (id: string, label: string, amount: Decimal, prior: Decimal | null, extra: Partial<StatementLine> = {}): StatementLine => ({
    id,
    label,
    amount,
    prior,
    ...extra,
  });

  // Resultaträkning: the report's rows, period and same period last year, and (before 31 December) last year's full year.
  const fullYear = (id: ReportLineId) => (input.period.closed ? {} : { priorYear: input.priorYearLines[id] });
  const rr = (id: keyof typeof L, extra: Partial<StatementLine> = {}) =>
    line(id, LINE_LABELS[id], L[id].period, L[id].priorPeriod, { ...fullYear(id), ...extra });
  const incomeStatement = [
    rr("verksamhetens_intakter", { note: 1 }),
    rr("verksamhetens_kostnader", { note: 2 }),
    rr("avskrivningar"),
    rr("verksamhetens_nettokostnader", { total: true }),
    rr("finansiella_intakter"),
    rr("finansiella_kostnader"),
    rr("resultat_efter_finansiella_poster", { total: true }),
    rr("extraordinara_poster"),
    rr("arets_resultat", { total: true }),
  ];
  const result = L.arets_resultat.period;

  // Balansräkning. The year opens where last year closed when the ledger has no IB rows for the year (rules.md 5).
  const prior = priorBalances(b, input.priorYearResult);
  const moved = balanceSums(b.movementThisYear);
  const now = {} as Record<BalanceLine, Decimal>;
  for (const l of Object.keys(moved) as BalanceLine[]) now[l] = prior.bal[l].plus(moved[l]);
  const accrual = L.medlemsbidrag.period.minus(input.bookedContributions.period);
  const asset = (x: Decimal) => x;
  const claim = (x: Decimal) => x.negated();
  const fordringar = asset(now.fordringar).plus(Decimal.max(ZERO, accrual));
  const kortfristiga = claim(now.kortfristiga_skulder).plus(Decimal.max(ZERO, accrual.negated()));
  const priorResult = input.priorYearResult;
  const equityPrior = prior.equity;
  // Equity at the cut-off: the opening, what was booked on equity accounts this year (without a closing entry, which
  // carries a result), and the year's result.
  const equityOther = claim(moved.eget_kapital).minus(k(b.closingThisYear));
  const equityAccounts = equityPrior.plus(equityOther);
  const equityNow = equityAccounts.plus(result);
  const assets = {
    anlaggningstillgangar: [asset(now.anlaggningstillgangar), asset(prior.bal.anlaggningstillgangar)],
    fordringar: [fordringar, asset(prior.bal.fordringar)],
    kassa_och_bank: [asset(now.kassa_och_bank), asset(prior.bal.kassa_och_bank)],
  } as const;
  const claims = {
    eget_kapital: [equityNow, equityPrior],
    avsattningar: [claim(now.avsattningar), claim(prior.bal.avsattningar)],
    langfristiga_skulder: [claim(now.langfristiga_skulder), claim(prior.bal.langfristiga_skulder)],
    kortfristiga_skulder: [kortfristiga, claim(prior.bal.kortfristiga_skulder)],
  } as const;
  const total = (group: Record<string, readonly [Decimal, Decimal]>, i: 0 | 1) => Object.values(group).reduce((a, v) => a.plus(v[i]), ZERO);
  const balanceSheet = [
    ...Object.entries(assets).map(([id, v]) => line(id, LINE_LABELS[id as BalanceLine], v[0], v[1])),
    line("summa_tillgangar", "Summa tillgångar", total(assets, 0), total(assets, 1), { total: true }),
    line("eget_kapital", LINE_LABELS.eget_kapital, equityNow, equityPrior),
    line("arets_resultat", "därav årets resultat", result, priorResult, { sub: true }),
    // Booked straight onto equity accounts this year (a correction of an earlier year, say): shown, so that the change
    // in equity is explained by the lines above it (Kontroller checks it).
    ...(equityOther.isZero() ? [] : [line("bokat_direkt", "därav bokat direkt mot eget kapital", equityOther, null, { sub: true })]),
    ...Object.entries(claims)
      .filter(([id]) => id !== "eget_kapital")
      .map(([id, v]) => line(id, LINE_LABELS[id as BalanceLine], v[0], v[1])),
    line("summa_eget_kapital_och_skulder", "Summa eget kapital, avsättningar och skulder", total(claims, 0), total(claims, 1), {
      total: true,
    }),
  ];
  const unpaid = input.grants.reduce((a, g) => a.plus(g.unpaid), ZERO);
  const memo = [line("beslutad_finansiering", "Återstående belopp för beslutad finansiering", unpaid, null, { note: 4 })];

  // Kassaflödesanalys, indirect method; the opening balances are the balance sheet's comparison column.
  const end = (i: 0 | 1): Presented => ({
    anlaggningstillgangar: assets.anlaggningstillgangar[i],
    fordringar: assets.fordringar[i],
    kassa_och_bank: assets.kassa_och_bank[i],
    avsattningar: claims.avsattningar[i],
    langfristiga_skulder: claims.langfristiga_skulder[i],
    kortfristiga_skulder: claims.kortfristiga_skulder[i],
  });
  const thisYear = cashFlowOf(result, L.avskrivningar.period, equityOther, end(1), end(0));
  const lastYear = priorCashFlow(b, prior.bal, input, warnings);
  // Before 31 December the comparison is last year's same period and its full year beside it, as in the income statement.
  const interim = !input.period.closed;
  const samePeriod = interim ? priorPeriodCashFlow(b, input, warnings) : lastYear;
  const cashFlow = CASH_FLOW_LINES.map(([id, label, extra]) =>
    line(id, label, thisYear[id], samePeriod?.[id] ?? null, { ...(interim && lastYear ? { priorYear: lastYear[id] } : {}), ...extra }),
  );

  const unmappedAccounts = [...b.unmapped]
    .filter(([, ore]) => ore !== 0)
    .sort((a, b2) => a[0] - b2[0])
    .map(([account, ore]) => ({ account, amount: k(ore) }));
  const balanceUnmapped = unmappedAccounts.filter((a) => a.account >= 1000 && a.account <= 2999).map((a) => a.account);
  if (balanceUnmapped.length > 0) warnings.add("balance_accounts_without_line", { accounts: balanceUnmapped.slice(0, 20) }, "");

  return {
    incomeStatement,
    balanceSheet,
    memo,
    cashFlow,
    notes: {
      income: [
        ...NOTE_INCOME_LINES.map((id) => rr(id, id === "medlemsbidrag" ? { note: 3 } : {})).filter(
          (l) => l.id === "medlemsbidrag" || !allZero(l),
        ),
        rr("verksamhetens_intakter", { label: "Summa", total: true }),
      ],
      costs: [
        ...NOTE_COST_LINES.map((id) => rr(id)).filter((l) => !allZero(l)),
        rr("verksamhetens_kostnader", { label: "Summa", total: true }),
      ],
      memberContributions: input.members,
      decidedGrantsRemaining: input.grants.map((g) => ({
        code: g.code,
        name: g.name,
        dnr: g.dnr,
        granted: g.granted,
        paid: g.paid,
        remaining: g.unpaid,
        coFinanced: coFinancedPart(g, g.unpaid),
      })),
    },
    opening: b.ibThisYear.rows > 0 ? "ib" : b.ibPriorYear.rows > 0 ? "prior_year" : "none",
    difference: total(assets, 0).minus(total(claims, 0)),
    unmappedAccounts,
    refused: [],
  };
}

/** The cash flow's lines in order: id, label and how the line is shown. */
const CASH_FLOW_LINES = [
  ["arets_resultat", "Årets resultat", {}],
  ["justering_avskrivningar", "Justering för avskrivningar", { sub: true }],
  ["forandring_avsattningar", "Justering för förändring av avsättningar", { sub: true }],
  ["forandring_fordringar", "Förändring av fordringar", { sub: true }],
  ["forandring_kortfristiga_skulder", "Förändring av kortfristiga skulder", { sub: true }],
  ["kassaflode_lopande", "Kassaflöde från den löpande verksamheten", { total: true }],
  ["investeringar", "Investeringar i anläggningstillgångar", {}],
  ["finansiering", "Kassaflöde från finansieringsverksamheten", {}],
  ["arets_kassaflode", "Årets kassaflöde", { total: true }],
  ["likvida_medel_ib", "Likvida medel vid årets början", {}],
  ["likvida_medel_ub", "Likvida medel vid periodens slut", { total: true }],
] as const satisfies ReadonlyArray<readonly [string, string, Partial<StatementLine>]>;

type CashFlow = Record<(typeof CASH_FLOW_LINES)[number][0], Decimal>;

/**
 * Last year's cash flow (its full year): the comparison column of the kassaflödesanalys at 31 December, its full-year
 * column before. From last year's IB rows to its closing by last year's own rows, with last year's result and
 * depreciation. Null when the ledger has no IB rows for last year (the year's opening is not known), or when last
 * year's rows do not end in the balance sheet's comparison column (this year's IB rows say otherwise): the column is
 * then left out rather than shown apart from the balance sheet above it, and a warning names the first balance line
 * that differs (prior_year_closing_differs). Last year's IB rows that do not sum to zero refuse the statements before
 * this (ib_unbalanced).
 */
function priorCashFlow(
  b: BalanceAggregates,
  comparison: Record<BalanceLine, Decimal>,
  input: StatementsInput,
  warnings: IssueList,
): CashFlow | null {
  const result = input.priorYearResult;
  const last = lastYearClosing(b, result);
  if (!last) return null;
  const close = last.bal;
  const differs = (Object.keys(close) as BalanceLine[]).find((l) => l !== "eget_kapital" && !close[l].equals(comparison[l]));
  if (differs) {
    // Both are shown nowhere else side by side: the balance sheet's column is this year's IB, last year's rows end elsewhere.
    const params = { year: input.period.year - 1, line: differs, rows: close[differs].toFixed(2), ib: comparison[differs].toFixed(2) };
    warnings.add("prior_year_closing_differs", params, "");
    return null;
  }
  const open = balanceSums(b.openingPriorYear);
  // Other changes of equity than the result: last year's closing equity (its result counted once) less its opening.
  const equityOther = last.equity.minus(open.eget_kapital.negated()).minus(result);
  const flow = cashFlowOf(result, input.priorYearLines.avskrivningar, equityOther, presented(open), presented(close));
  // The indirect method ends in the change of cash whenever both ends balance. Last year's rows on accounts without a
  // report line, or its vouchers that do not balance, leave its closing unbalanced: then the column is left out, and said.
  const difference = unmet(flow);
  if (difference.isZero()) return flow;
  warnings.add("prior_cash_flow_unbalanced", { year: input.period.year - 1, difference: difference.toFixed(2) }, "");
  return null;
}

/**
 * Last year's same period (before 31 December), the cash flow's comparison as in the income statement: from last
 * year's IB rows by its rows to the cut-off's day a year earlier, with that period's result and depreciation (the
 * Tertialrapport's same-period column, member contributions accrued as the year's are: the difference from what was
 * booked counts as fordringar or kortfristiga skulder). Null without last year's IB rows, or when they do not sum to
 * zero; left out, and said (prior_period_cash_flow_unbalanced), when its ends do not meet.
 */
function priorPeriodCashFlow(b: BalanceAggregates, input: StatementsInput, warnings: IssueList): CashFlow | null {
  if (b.ibPriorYear.rows === 0 || b.ibPriorYear.sum !== 0) return null;
  const L = input.lines;
  const close = presented(balanceSums(b.openingPriorYear, b.movementPriorPeriod));
  const accrual = L.medlemsbidrag.priorPeriod.minus(input.bookedContributions.priorPeriod);
  close.fordringar = close.fordringar.plus(Decimal.max(ZERO, accrual));
  close.kortfristiga_skulder = close.kortfristiga_skulder.plus(Decimal.max(ZERO, accrual.negated()));
  // Booked on equity accounts in the period, without a closing entry (which carries a result), as this year's.
  const equityOther = k(0 - (b.movementPriorPeriod.eget_kapital + b.closingPriorPeriod));
  const open = presented(balanceSums(b.openingPriorYear));
  const flow = cashFlowOf(L.arets_resultat.priorPeriod, L.avskrivningar.priorPeriod, equityOther, open, close);
  const difference = unmet(flow);
  if (difference.isZero()) return flow;
  const params = { year: input.period.year - 1, to: isoOfDayNumber(input.period.priorEnd), difference: difference.toFixed(2) };
  warnings.add("prior_period_cash_flow_unbalanced", params, "");
  return null;
}

/**
 * Opening cash plus the flow less closing cash: zero whenever both ends balance (the indirect method ends in the
 * change of cash); otherwise rows on accounts without a report line, or vouchers that do not balance, moved it.
 */
function unmet(flow: CashFlow): Decimal {
  return flow.likvida_medel_ib.plus(flow.arets_kassaflode).minus(flow.likvida_medel_ub);
}

/** The balance lines a cash flow moves between, as the balance sheet presents them (assets, provisions and debts positive). */
type Presented = Record<Exclude<BalanceLine, "eget_kapital">, Decimal>;

/** Balances (debit positive) as presented. */
function presented(bal: Record<BalanceLine, Decimal>): Presented {
  return {
    anlaggningstillgangar: bal.anlaggningstillgangar,
    fordringar: bal.fordringar,
    kassa_och_bank: bal.kassa_och_bank,
    avsattningar: bal.avsattningar.negated(),
    langfristiga_skulder: bal.langfristiga_skulder.negated(),
    kortfristiga_skulder: bal.kortfristiga_skulder.negated(),
  };
}

/**
 * A cash flow by the indirect method between two balance sheets: the result, its depreciation (report sign) added back,
 * the changes of provisions, receivables and short-term debts; investments are the change of fixed assets with the
 * depreciation; financing the change of long-term debts and the other changes of equity (rules.md 5).
 */
function cashFlowOf(result: Decimal, depreciationLine: Decimal, equityOther: Decimal, open: Presented, close: Presented): CashFlow {
  const change = (l: keyof Presented) => close[l].minus(open[l]);
  const depreciation = depreciationLine.negated();
  const provisions = change("avsattningar");
  const receivables = change("fordringar").negated();
  const shortTerm = change("kortfristiga_skulder");
  const operating = result.plus(depreciation).plus(provisions).plus(receivables).plus(shortTerm);
  const investments = change("anlaggningstillgangar").plus(depreciation).negated();
  const financing = change("langfristiga_skulder").plus(equityOther);
  const flow = operating.plus(investments).plus(financing);
  return {
    arets_resultat: result,
    justering_avskrivningar: depreciation,
    forandring_avsattningar: provisions,
    forandring_fordringar: receivables,
    forandring_kortfristiga_skulder: shortTerm,
    kassaflode_lopande: operating,
    investeringar: investments,
    finansiering: financing,
    arets_kassaflode: flow,
    likvida_medel_ib: open.kassa_och_bank,
    likvida_medel_ub: close.kassa_och_bank,
  };
}

/** A note line with nothing in any column: left out of the note (its total is unchanged). */
function allZero(l: StatementLine): boolean {
  return l.amount.isZero() && (l.prior?.isZero() ?? true) && (l.priorYear?.isZero() ?? true);
}
