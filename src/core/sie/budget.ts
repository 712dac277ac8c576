/**
 * The budget an SIE file carries (docs/workbook.md, "finsam sie --budget"): `#PBUDGET` (a month's budget per
 * account) of the file's year 0, else `#BUDGET` (the year's), as one amount per account; and those amounts as the
 * Budget sheet's report lines through the workbook's Kontoplan. Pure: integer öre, no I/O.
 *
 * - Object rows are handled as `#PSALDO`'s: the row without objects is the account's, else one dimension's sum.
 * - Where the file gives both `#PBUDGET` and `#BUDGET` for an account, they must agree (the file's own figures):
 *   otherwise an error naming the `#BUDGET` line.
 * - An account whose Kontoplan line is not an income or cost line (a balance account, the closing entry, an account
 *   no row covers) cannot be a Budget row: it is named in a warning with its amount, never dropped without a word.
 */
import { oreToKronorString } from "../money";
import type { Issue } from "../messages";
import { isBalanceLine, LeafLine, LINE_SIGN, type AccountLine } from "../reportLines";
import { addOre, asCellRef, asOre, Ore } from "../units";
import { periodEnd, periodMovements } from "./ledgerRows";
import type { SieFile } from "./parse";

export interface SieBudget {
  /** The calendar year of the file's year 0 (the year the budget is for). */
  year: number;
  /** Which records it was read from: `PBUDGET` when the file has any for year 0. */
  source: "PBUDGET" | "BUDGET";
  /** The year's budget per account, öre, debit positive (income negative, as the bookkeeping has it). */
  accounts: Map<number, Ore>;
  /** The first line of each account's budget records, for messages. */
  lines: Map<number, number>;
  errors: Issue[];
}

/**
 * The file's budget for year 0, or null when it has none (no `#PBUDGET` or `#BUDGET` for year 0, or no year 0, and no
 * budget record that could not be read).
 */
export function sieBudget(file: SieFile, name: string): SieBudget | null {
  const y0 = file.years.find((y) => y.offset === 0);
  const monthly = file.pbudget.filter((p) => p.year === 0);
  const yearly = file.budget.filter((b) => b.year === 0);
  if (!y0 || (monthly.length === 0 && yearly.length === 0 && file.budgetIssues.length === 0)) return null;
  // A budget record that could not be read refuses the budget, naming its line.
  const errors: Issue[] = [...file.budgetIssues];
  const at = (line: number) => asCellRef(`${name}:${line}`);
  const year = new Date(y0.end * 86400000).getUTCFullYear();
  const accounts = new Map<number, Ore>();
  const lines = new Map<number, number>();
  const add = (account: number, ore: Ore, line: number) => {
    accounts.set(account, addOre(accounts.get(account) ?? asOre(0), ore));
    if (!lines.has(account)) lines.set(account, line);
  };
  for (const p of periodMovements(file, 0, name, errors, monthly, "sie_budget_ambiguous").values()) {
    if (periodEnd(p.period, y0.start, y0.end) === null) {
      errors.push({ code: "sie_bad_period", params: { value: p.period }, cell: at(p.line) });
      continue;
    }
    add(p.account, p.ore, p.line);
  }
  // #BUDGET: per account the row without objects, else one dimension's sum, exactly as the months' object rows
  // (the year as its one period).
  const asPeriods = yearly.map((b) => ({ ...b, period: String(year) }));
  for (const b of periodMovements(file, 0, name, errors, asPeriods, "sie_budget_ambiguous").values()) {
    const fromMonths = accounts.get(b.account);
    if (fromMonths === undefined) add(b.account, b.ore, b.line);
    else if (fromMonths !== b.ore)
      errors.push({
        code: "sie_budget_mismatch",
        params: { account: b.account, year, stated: oreToKronorString(b.ore), computed: oreToKronorString(fromMonths) },
        cell: at(b.line),
      });
  }
  return { year, source: monthly.length > 0 ? "PBUDGET" : "BUDGET", accounts, lines, errors };
}

/** The budget as the Budget sheet's lines: typed positive for income and costs (report value × the line's sign). */
export interface BudgetByLine {
  /** Öre per leaf line, as typed in Budget (positive for a budgeted income or cost). */
  lines: Map<LeafLine, Ore>;
  /** Accounts whose Kontoplan line is no income or cost line (or none): not in Budget, said in a warning. */
  unmapped: Array<{ account: number; ore: Ore; line: AccountLine | null }>;
  /** Σ of the mapped accounts' budgets, öre, debit positive: what the lines must give back (the reconciliation). */
  mappedTotal: Ore;
}

/** Sums a budget per report line through `lineOf` (the workbook's Kontoplan with the import's proposals). */
export function budgetByLine(budget: SieBudget, lineOf: (account: number) => AccountLine | null): BudgetByLine {
  const lines = new Map<LeafLine, Ore>();
  const unmapped: BudgetByLine["unmapped"] = [];
  let mappedTotal = asOre(0);
  for (const [account, ore] of [...budget.accounts].sort((a, b) => a[0] - b[0])) {
    const line = lineOf(account);
    if (line === null || isBalanceLine(line) || line === "avslutspost") {
      if (ore !== 0) unmapped.push({ account, ore, line });
      continue;
    }
    // The report value is minus the bookkeeping's sum (income positive); Budget is typed positive: × the line's sign.
    lines.set(line, addOre(lines.get(line) ?? asOre(0), asOre(0 - ore * LINE_SIGN[line])));
    mappedTotal = addOre(mappedTotal, ore);
  }
  return { lines, unmapped, mappedTotal };
}
