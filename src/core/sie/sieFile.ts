/** What an SIE file holds, as plain data (parse.ts reads it). */
import type { Issue } from "../messages";
import type { DayNumber, Ore } from "../units";
import type { SieEncoding } from "./encoding";
import type { SieTransaction } from "./transaction";

export interface SieVoucher {
  series: string;
  number: string;
  day: DayNumber;
  text: string;
  line: number;
  transactions: SieTransaction[];
}

export interface SieBalance {
  year: number;
  account: number;
  ore: Ore;
  line: number;
}

export interface SiePeriodBalance extends SieBalance {
  /** Year and month, `YYYYMM`. */
  period: string;
  objects: Array<[number, string]>;
}

export interface SieFile {
  encoding: SieEncoding;
  sieType: number | null;
  program: string;
  company: string;
  orgNumber: string;
  chartType: string;
  /** `#RAR`: fiscal years by offset (0 = this year, −1 = last year). */
  years: Array<{ offset: number; start: DayNumber; end: DayNumber; line: number }>;
  accounts: Map<number, string>;
  /** The accounts as written in #KONTO (`0351` keeps its leading zero). */
  accountTexts: Map<number, string>;
  dimensions: Map<number, string>;
  objects: Map<string, string>;
  ib: SieBalance[];
  ub: SieBalance[];
  res: SieBalance[];
  psaldo: SiePeriodBalance[];
  /**
   * `#PBUDGET`: a month's budget of an account, possibly per object, read in either field order real exports
   * write (`0 YYYYMM konto {…} belopp`, and BL Administration's `0 konto YYYYMM belopp`).
   */
  pbudget: SiePeriodBalance[];
  /** `#BUDGET`: a year's budget of an account, where a program writes it (`0 konto {…} belopp`). */
  budget: Array<SieBalance & { objects: Array<[number, string]> }>;
  /**
   * What is wrong with a budget record (an account or amount that is not one, a bad year index): it refuses the
   * budget (`--budget`) and the summary says it, but the ledger, which does not read the budget, imports without it.
   */
  budgetIssues: Issue[];
  vouchers: SieVoucher[];
  /**
   * Read for a summary only (`parseSie(…, { summary: true })`): each voucher's transactions are summed into this
   * tally when the voucher closes (balanced or not) and dropped, so that a million rows are not kept as objects.
   * `vouchers` is then empty: their dates and lines are in the tally (voucherDates). Absent when the rows are kept.
   */
  tally?: SieTally;
  checksum: "ok" | "absent" | "wrong";
  errors: Issue[];
  warnings: Issue[];
}

/** An empty file of the given encoding, filled by the reader. */
export function emptyFile(encoding: SieEncoding): SieFile {
  return {
    encoding,
    sieType: null,
    program: "",
    company: "",
    orgNumber: "",
    chartType: "",
    years: [],
    accounts: new Map(),
    accountTexts: new Map(),
    dimensions: new Map(),
    objects: new Map(),
    ib: [],
    ub: [],
    res: [],
    psaldo: [],
    pbudget: [],
    budget: [],
    budgetIssues: [],
    vouchers: [],
    checksum: "absent",
    errors: [],
    warnings: [],
  };
}

/** A summary read's transactions: öre per account and day, kept apart for opening-balance vouchers (`IB`). */
export interface SieTally {
  byAccountDay: Map<number, Map<number, Ore>>;
  /** The same for vouchers numbered as opening balances (`IB`), which the reconciliation counts as IB. */
  openingByAccountDay: Map<number, Map<number, Ore>>;
  /** Transactions per day. */
  countByDay: Map<number, number>;
  /** Accounts written with a leading zero (`0351`), as written. */
  accountTexts: Map<number, string>;
  /** Each voucher's date and line (a readable date only), in file order: the vouchers themselves are not kept. */
  voucherDays: number[];
  voucherLines: number[];
}

/** The vouchers' dates and lines in file order, whether the file was read whole or for a summary. */
export function voucherDates(file: SieFile): { days: readonly number[]; lines: readonly number[] } {
  if (file.tally) return { days: file.tally.voucherDays, lines: file.tally.voucherLines };
  return { days: file.vouchers.map((v) => v.day), lines: file.vouchers.map((v) => v.line) };
}
