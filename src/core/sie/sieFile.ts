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
  vouchers: SieVoucher[];
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
    vouchers: [],
    checksum: "absent",
    errors: [],
    warnings: [],
  };
}
