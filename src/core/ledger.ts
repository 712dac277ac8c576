/**
 * Ledger aggregation: every row is mapped through the chart of accounts to a report line and
 * summed, in integer öre, into the current period, the prior year's same period and the prior
 * full year. Grant payments are summed per project code.
 */
import type { AccountRule, LedgerRow } from "./inputs";
import type { IssueList } from "./messages";
import type { ReportPeriod } from "./periods";
import type { ProjectCosts } from "./functionIds";
import { AccountLine, BALANCE_LINES, BalanceLine, isBalanceLine, LEAF_LINES, LeafLine, NOTE_COST_LINES } from "./reportLines";
import { Decimal, oreToKronor } from "./money";
import { addOre, asOre, CellRef, DayNumber, Ore } from "./units";
import { checkVouchers, isOpeningBalance, VoucherFindings } from "./voucherChecks";

export { checkVouchers, isOpeningBalance };
export type { VoucherFindings };

export type LineSums = Record<LeafLine, Ore>;

export function emptySums(): LineSums {
  const s = {} as LineSums;
  for (const l of LEAF_LINES) s[l] = asOre(0);
  return s;
}

export type BalanceSums = Record<BalanceLine, Ore>;

export function emptyBalances(): BalanceSums {
  const s = {} as BalanceSums;
  for (const l of BALANCE_LINES) s[l] = asOre(0);
  return s;
}

/** Balance-sheet accounts (debit positive, öre), for the financial statements. */
export interface BalanceAggregates {
  /** IB rows dated in the report year, per balance line; their count and their sum over every account. */
  openingThisYear: BalanceSums;
  ibThisYear: { rows: number; sum: Ore; accounts: Set<number> };
  /** Transactions from 1 January to the cut-off, per balance line. */
  movementThisYear: BalanceSums;
  /** The earliest transaction on an equity account from 1 January to the cut-off (its day and date cell), or null. */
  firstEquityRow: { day: DayNumber; cell: CellRef } | null;
  /** IB rows dated in the prior year, and the prior year's transactions, per balance line. */
  openingPriorYear: BalanceSums;
  ibPriorYear: { rows: number; sum: Ore; accounts: Set<number> };
  movementPriorYear: BalanceSums;
  /** The prior year's transactions from its start to the cut-off's day a year earlier (its same period), per balance line. */
  movementPriorPeriod: BalanceSums;
  /** Accounts with rows in the two years but no report line: balance accounts (class 1–2) and others. */
  unmapped: Map<number, Ore>;
  /** The closing entries (line `avslutspost`, debit positive) this year to the cut-off and in the prior year. */
  closingThisYear: Ore;
  closingPriorYear: Ore;
  /** The closing entries in last year's same period (the whole year when the cut-off is 31 December). */
  closingPriorPeriod: Ore;
}

export interface LedgerAggregates {
  period: LineSums;
  priorPeriod: LineSums;
  priorYear: LineSums;
  /** Grant payments (debit positive) per project code up to the cut-off, all years in the ledger. */
  paidByProject: Map<string, Ore>;
  /** Grant payments in the report year up to the cut-off, per project code. */
  paidThisYearByProject: Map<string, Ore>;
  /**
   * The cost lines' rows with an insats, per line and code, in the period and last year's same period (costs per
   * verksamhet, core/functions.ts); and each code's first such row, to name one that is not in Insatser.
   */
  costsByProject: Map<LeafLine, ProjectCosts>;
  firstCostRowByProject: Map<string, CellRef>;
  /** Sum of IB rows on equity accounts dated in the report year (debit positive), or null if none. */
  openingEquityIb: Ore | null;
  rowsAfterCutoff: number;
  firstRowAfterCutoff: CellRef | "";
  /** Dated rows (not IB) from the report year's start to the cut-off, whatever their account. */
  rowsInPeriod: number;
  /** Dated rows (not IB) in last year's same period (its start to the cut-off's day a year earlier). */
  rowsInPriorPeriod: number;
  rowsOtherYears: number;
  firstRowOtherYear: CellRef | "";
  /** Row count and amount sum, for the run log and staleness checks. */
  rowCount: number;
  balances: BalanceAggregates;
}

/** Finds the rule for an account number: binary search over sorted, non-overlapping ranges. */
export class AccountIndex {
  private readonly sorted: AccountRule[];
  private readonly cache = new Map<number, AccountRule | null>();
  constructor(rules: readonly AccountRule[]) {
    this.sorted = [...rules].sort((a, b) => a.from - b.from);
  }
  lookup(account: number): AccountRule | null {
    const hit = this.cache.get(account);
    if (hit !== undefined) return hit;
    let lo = 0;
    let hi = this.sorted.length - 1;
    let found: AccountRule | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.sorted[mid];
      if (account < r.from) hi = mid - 1;
      else if (account > r.to) lo = mid + 1;
      else {
        found = r;
        break;
      }
    }
    this.cache.set(account, found);
    return found;
  }
  /** Pairs of rules whose ranges overlap (each reported once, at the later rule). */
  overlaps(): Array<[AccountRule, AccountRule]> {
    const out: Array<[AccountRule, AccountRule]> = [];
    let widest: AccountRule | null = null;
    for (const r of this.sorted) {
      if (widest && r.from <= widest.to) out.push([widest, r]);
      if (!widest || r.to > widest.to) widest = r;
    }
    return out;
  }
}

/** Adds a row's amount to a line; the row's cell is asked for only when it is named (a reader may make it on demand). */
function addSafe(target: LineSums, line: LeafLine, row: LedgerRow, errors: IssueList): void {
  const v = addOre(target[line], row.ore);
  if (!Number.isSafeInteger(v)) {
    errors.add("amount_overflow", {}, row.cell);
    return;
  }
  target[line] = v;
}

/** The lines of Verksamhetens kostnader, whose rows with an insats are summed per code. */
const COST_LINES = new Set<AccountLine>(NOTE_COST_LINES);

/** A cost row with an insats: this year's period, or last year (its full year, and its same period). */
function addProjectCost(agg: LedgerAggregates, line: LeafLine, row: LedgerRow, thisYear: boolean, inPriorPeriod: boolean): void {
  let byCode = agg.costsByProject.get(line);
  if (!byCode) agg.costsByProject.set(line, (byCode = new Map()));
  const v = byCode.get(row.project) ?? { period: asOre(0), priorPeriod: asOre(0), priorYear: asOre(0) };
  if (thisYear) v.period = addOre(v.period, row.ore);
  else {
    v.priorYear = addOre(v.priorYear, row.ore);
    if (inPriorPeriod) v.priorPeriod = addOre(v.priorPeriod, row.ore);
  }
  byCode.set(row.project, v);
  if (!agg.firstCostRowByProject.has(row.project)) agg.firstCostRowByProject.set(row.project, row.cell);
}

function addTo(map: Map<string, Ore>, key: string, ore: Ore): void {
  map.set(key, addOre(map.get(key) ?? asOre(0), ore));
}

export function aggregateLedger(
  rows: readonly LedgerRow[],
  accounts: readonly AccountRule[],
  period: ReportPeriod,
  errors: IssueList,
): LedgerAggregates {
  const index = new AccountIndex(accounts);
  const agg: LedgerAggregates = {
    period: emptySums(),
    priorPeriod: emptySums(),
    priorYear: emptySums(),
    paidByProject: new Map(),
    paidThisYearByProject: new Map(),
    costsByProject: new Map(),
    firstCostRowByProject: new Map(),
    openingEquityIb: null,
    rowsAfterCutoff: 0,
    firstRowAfterCutoff: "",
    rowsInPeriod: 0,
    rowsInPriorPeriod: 0,
    rowsOtherYears: 0,
    firstRowOtherYear: "",
    rowCount: rows.length,
    balances: {
      openingThisYear: emptyBalances(),
      ibThisYear: { rows: 0, sum: asOre(0), accounts: new Set() },
      movementThisYear: emptyBalances(),
      firstEquityRow: null,
      openingPriorYear: emptyBalances(),
      ibPriorYear: { rows: 0, sum: asOre(0), accounts: new Set() },
      movementPriorYear: emptyBalances(),
      movementPriorPeriod: emptyBalances(),
      unmapped: new Map(),
      closingThisYear: asOre(0),
      closingPriorYear: asOre(0),
      closingPriorPeriod: asOre(0),
    },
  };
  const bal = agg.balances;
  let unknownReported = 0;
  for (const row of rows) {
    const rule = index.lookup(row.account);
    if (!rule) {
      if (unknownReported < 50) {
        errors.add("unknown_account", { account: row.account }, row.accountCell);
      }
      unknownReported++;
      continue;
    }
    const line: AccountLine | null = rule.line;
    const day = row.day;
    if (isOpeningBalance(row.voucher)) {
      const thisYear = day >= period.start && day <= period.yearEnd;
      const priorYear = day >= period.priorStart && day <= period.priorYearEnd;
      if (line === "eget_kapital" && thisYear) {
        agg.openingEquityIb = addOre(agg.openingEquityIb ?? asOre(0), row.ore);
      }
      if (thisYear || priorYear) {
        const ib = thisYear ? bal.ibThisYear : bal.ibPriorYear;
        ib.rows++;
        ib.sum = addOre(ib.sum, row.ore);
        ib.accounts.add(row.account);
        if (isBalanceLine(line)) {
          const target = thisYear ? bal.openingThisYear : bal.openingPriorYear;
          target[line] = addOre(target[line], row.ore);
        } else if (line === null) bal.unmapped.set(row.account, addOre(bal.unmapped.get(row.account) ?? asOre(0), row.ore));
      }
      continue;
    }
    if (day > period.yearEnd || day < period.priorStart) {
      if (agg.rowsOtherYears === 0) agg.firstRowOtherYear = row.dateCell;
      agg.rowsOtherYears++;
      // Grant payments of earlier years still count as paid.
      if (day < period.priorStart && line === "bidrag_till_insatser" && row.project) {
        addTo(agg.paidByProject, row.project, row.ore);
      }
      continue;
    }
    if (day > period.end) {
      // After the cut-off (and within the report year, checked above): left out of actuals.
      if (agg.rowsAfterCutoff === 0) agg.firstRowAfterCutoff = row.dateCell;
      agg.rowsAfterCutoff++;
      continue;
    }
    if (day >= period.start) agg.rowsInPeriod++;
    else if (day >= period.priorStart && day <= period.priorEnd) agg.rowsInPriorPeriod++;
    if (line === null) {
      bal.unmapped.set(row.account, addOre(bal.unmapped.get(row.account) ?? asOre(0), row.ore));
      continue;
    }
    if (isBalanceLine(line)) {
      const target = day >= period.start ? bal.movementThisYear : bal.movementPriorYear;
      target[line] = addOre(target[line], row.ore);
      if (day < period.start && day <= period.priorEnd) bal.movementPriorPeriod[line] = addOre(bal.movementPriorPeriod[line], row.ore);
      if (line === "eget_kapital" && day >= period.start && (bal.firstEquityRow === null || day < bal.firstEquityRow.day))
        bal.firstEquityRow = { day, cell: row.dateCell };
      continue;
    }
    if (line === "avslutspost") {
      // Neither income nor cost: the statements take it out of equity, where its counter entry went.
      if (day >= period.start) bal.closingThisYear = addOre(bal.closingThisYear, row.ore);
      else {
        bal.closingPriorYear = addOre(bal.closingPriorYear, row.ore);
        if (day <= period.priorEnd) bal.closingPriorPeriod = addOre(bal.closingPriorPeriod, row.ore);
      }
      continue;
    }
    if (row.project && COST_LINES.has(line)) addProjectCost(agg, line, row, day >= period.start, day <= period.priorEnd);
    if (day >= period.start) {
      addSafe(agg.period, line, row, errors);
      if (line === "bidrag_till_insatser" && row.project) {
        addTo(agg.paidByProject, row.project, row.ore);
        addTo(agg.paidThisYearByProject, row.project, row.ore);
      }
    } else {
      addSafe(agg.priorYear, line, row, errors);
      if (day <= period.priorEnd) addSafe(agg.priorPeriod, line, row, errors);
      if (line === "bidrag_till_insatser" && row.project) {
        addTo(agg.paidByProject, row.project, row.ore);
      }
    }
  }
  if (unknownReported > 50) {
    errors.add("unknown_accounts_more", { count: unknownReported - 50 });
  }
  return agg;
}

/**
 * What was booked directly on equity accounts from 1 January to the cut-off, outside the result, in kronor (positive:
 * more equity): the equity accounts' movement less the closing entry's counterpart (8999 against 2099 moves the
 * result, which the income statement already has). Zero when no row of the period is on an equity account (Kontoplan
 * maps none to eget_kapital, say): a closing entry whose counterpart is not an equity account is no direct posting.
 */
export function directEquityPostings(bal: BalanceAggregates): Decimal {
  if (bal.firstEquityRow === null) return oreToKronor(0);
  return oreToKronor(-(bal.movementThisYear.eget_kapital + bal.closingThisYear));
}
