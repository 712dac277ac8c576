/**
 * The summary of an SIE file that `finsam sie <file> --json` prints and the task pane previews:
 * who exported what, for which years, how many accounts, vouchers and transactions, whether every
 * voucher balances, the checksum, the year's result as the annual report has it, and the
 * reconciliation: where the rows an import would write disagree with the file's own #UB, #RES or
 * #PSALDO, that is one error (the one the import refuses with), and each difference a warning.
 */
import { isoOfDayNumber } from "../dates";
import type { Issue } from "../messages";
import { oreToKronorString } from "../money";
import { addOre, asCellRef, asOre, Ore } from "../units";
import { isClosingAccount, sieLedgerRows, YearSource } from "./ledgerRows";
import type { SieFile } from "./parse";
import { Reconciliation, reconcile } from "./reconcile";
import { sieBudget } from "./budget";

export interface SieSummary {
  sieType: number | null;
  program: string;
  encoding: string;
  company: string;
  orgNumber: string;
  fiscalYears: Array<{ offset: number; start: string; end: string }>;
  /** Each year the file gives rows for, and from what: vouchers, period balances, year balances or opening balances only. */
  years: Array<{ year: number; source: YearSource }>;
  accounts: number;
  vouchers: number;
  transactions: number;
  balanced: boolean;
  unbalanced: Array<{ series: string; number: string; line: number; difference: string }>;
  /** Vouchers dated outside every fiscal year (#RAR) of the file, and the first one's line (0 when none). */
  vouchersOutsideYears: { count: number; line: number };
  checksum: SieFile["checksum"];
  openingBalances: string;
  closingBalances: string;
  /** Year 0's result as the annual report has it (profit positive), closing entries left out; null when the file has none. */
  result: string | null;
  transactionsByClass: Record<string, string>;
  /**
   * The budget the file carries for year 0 (#PBUDGET, else #BUDGET), per account summed over its months: what
   * `--budget` would take into Budget (through Kontoplan); null when the file has none.
   */
  budget: { year: number; source: "PBUDGET" | "BUDGET"; accounts: number; total: string } | null;
  /** Every figure of the file compared with the rows, and every difference (complete). */
  reconciliation: {
    compared: number;
    total: string;
    differences: Array<{ year: number; kind: string; account: number; period: string; stated: string; computed: string; line: number }>;
  };
  /** Issues (errors first), with `name:line` as their place. */
  errors: Issue[];
  warnings: Issue[];
}

const kr = oreToKronorString;

/** Whether the file's vouchers fall in year 0 (all of them when the file has no #RAR). */
export function yearZeroFilter(file: SieFile): (day: number) => boolean {
  const y0 = file.years.find((y) => y.offset === 0);
  return y0 ? (day) => day >= y0.start && day <= y0.end : () => true;
}

/** The reconciliation as the JSON has it: amounts as exact kronor. */
export function reconciliationJson(r: Reconciliation): SieSummary["reconciliation"] {
  return {
    compared: r.compared,
    total: kr(r.total),
    differences: r.differences.map((d) => ({ ...d, stated: kr(d.stated), computed: kr(d.computed) })),
  };
}

export function summarizeSie(file: SieFile, name: string): SieSummary {
  const inYear = yearZeroFilter(file);
  const vouchers = file.vouchers.filter((v) => inYear(v.day));
  const voucherCount = file.tally ? file.tally.voucherDays.filter((day) => inYear(day)).length : vouchers.length;
  // Every sum here is exact: the reader refuses a file whose amounts together pass 2^53 öre (MAX_TOTAL_ORE).
  const byClass = new Map<string, Ore>();
  let transactions = 0;
  let closingFree = asOre(0);
  const add = (account: number, accountText: string, ore: Ore) => {
    const cls = accountText[0];
    byClass.set(cls, addOre(byClass.get(cls) ?? asOre(0), ore));
    if (account >= 3000 && account <= 8999 && !isClosingAccount(account)) closingFree = addOre(closingFree, ore);
  };
  if (file.tally) {
    // A summary read (parseSie's `summary`): the same sums from the tally per account and day.
    const tally = file.tally;
    for (const [day, n] of tally.countByDay) if (inYear(day)) transactions += n;
    for (const target of [tally.openingByAccountDay, tally.byAccountDay])
      for (const [account, days] of target)
        for (const [day, ore] of days) if (inYear(day)) add(account, tally.accountTexts.get(account) ?? String(account), ore);
  } else
    for (const v of vouchers)
      for (const t of v.transactions) {
        transactions++;
        add(t.account, t.accountText, t.ore);
      }
  const sumOver = (rows: SieFile["ib"], from: number, to: number) =>
    rows.filter((r) => r.year === 0 && r.account >= from && r.account <= to).reduce((a, r) => addOre(a, r.ore), asOre(0));
  const res0 = file.res.filter((r) => r.year === 0 && r.account >= 3000 && r.account <= 8999 && !isClosingAccount(r.account));
  const warnings = [...file.warnings];

  // What an import would write, every #RAR year as it is, and how it agrees with the file's own figures.
  const ledger = file.errors.length === 0 ? sieLedgerRows(file, name, 6, true) : null;
  const reconciliation = ledger && ledger.errors.length === 0 ? reconcile(file, name, ledger.importYears, ledger.rows) : null;
  if (ledger) warnings.push(...ledger.warnings);
  if (ledger && ledger.outside.count > 0)
    warnings.push({
      code: "sie_vouchers_outside_years",
      params: { count: ledger.outside.count },
      cell: asCellRef(`${name}:${ledger.outside.line}`),
    });
  // The same one error the import refuses with: a file whose own figures its rows do not give cannot be imported as it is.
  const errors = [...file.errors];
  if (reconciliation && reconciliation.differences.length > 0) {
    const params = {
      count: reconciliation.differences.length,
      accounts: reconciliation.accounts,
      total: kr(reconciliation.total),
      years: [...new Set(reconciliation.differences.map((d) => d.year))],
    };
    errors.push({ code: "sie_reconciliation_failed", params, cell: asCellRef(`${name}:${reconciliation.differences[0].line}`) });
  }
  for (const d of reconciliation?.differences ?? []) {
    warnings.push({
      code: "sie_balance_mismatch",
      params: { kind: d.kind, account: d.account, period: d.period, year: d.year, stated: kr(d.stated), computed: kr(d.computed) },
      cell: asCellRef(`${name}:${d.line}`),
    });
  }
  // The budget is read here as --budget would read it: what would refuse it is a warning (the ledger imports without it).
  const budget = file.errors.length === 0 ? sieBudget(file, name) : null;
  if (budget) warnings.push(...budget.errors);
  const unbalanced = file.errors
    .filter((e) => e.code === "sie_unbalanced_voucher")
    .map((e) => {
      const p = e.params as { series: string; number: string; difference: string };
      return { series: p.series, number: p.number, line: Number(String(e.cell).split(":").pop()), difference: p.difference };
    });
  // The annual report's result: minus the result accounts (profit positive), without the closing entry.
  const resultOre = res0.length > 0 ? -res0.reduce((a, r) => a + r.ore, 0) : voucherCount > 0 ? -closingFree : null;
  return {
    sieType: file.sieType,
    program: file.program,
    encoding: file.encoding,
    company: file.company,
    orgNumber: file.orgNumber,
    fiscalYears: [...file.years]
      .sort((a, b) => b.offset - a.offset)
      .map((y) => ({ offset: y.offset, start: isoOfDayNumber(y.start), end: isoOfDayNumber(y.end) })),
    years: (ledger?.importYears ?? []).map((y) => ({ year: y.year, source: y.source })),
    accounts: file.accounts.size,
    vouchers: voucherCount,
    transactions,
    balanced: unbalanced.length === 0,
    unbalanced,
    vouchersOutsideYears: ledger?.outside ?? { count: 0, line: 0 },
    checksum: file.checksum,
    openingBalances: kr(sumOver(file.ib, 1000, 2999)),
    closingBalances: kr(sumOver(file.ub, 1000, 2999)),
    result: resultOre === null ? null : kr(resultOre),
    transactionsByClass: Object.fromEntries([...byClass].sort().map(([c, ore]) => [c, kr(ore)])),
    budget: budget
      ? {
          year: budget.year,
          source: budget.source,
          accounts: budget.accounts.size,
          total: kr(asOre([...budget.accounts.values()].reduce((a, x) => a + x, 0))),
        }
      : null,
    reconciliation: reconciliationJson(reconciliation ?? { compared: 0, differences: [], total: asOre(0), accounts: [] }),
    errors,
    warnings,
  };
}

export { encodingWorthSaying, fiscalYearName } from "./summaryNames";
