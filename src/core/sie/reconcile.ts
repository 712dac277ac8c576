/**
 * Reconciliation: what the imported ledger rows will give, per year and account, against the SIE
 * file's own figures (docs/rules.md, "SIE-importens avstämning"). For every year the import writes:
 *
 * - `#UB` (closing balance, classes 0–2): the year's IB plus its rows;
 * - `#RES` (result, classes 3–8): the year's rows;
 * - `#PSALDO` (the month's movement, without objects or as one dimension's sum): the rows of that month,
 *   for a year whose rows come from vouchers (a year read from its period balances agrees with them by
 *   construction, and is held to #UB and #RES).
 *
 * Where the file states a kind of figure for a year, an account it leaves out is stated as zero (the
 * programs leave out zero balances), so that a row the file does not account for is never let through.
 * Pure: no I/O, integer öre.
 */
import { isOpeningBalance } from "../ledger";
import type { ImportRow, ImportYear } from "./ledgerRows";
import { isBalanceAccount, omittedMeansZero, periodMovements } from "./ledgerRows";
import type { SieFile } from "./parse";
import { addOre, asOre, DayNumber, Ore } from "../units";

export type ReconcileKind = "UB" | "RES" | "PSALDO";

export interface Difference {
  /** The calendar year the rows are dated in. */
  year: number;
  kind: ReconcileKind;
  account: number;
  /** `YYYYMM` for #PSALDO. */
  period: string;
  /** Öre, debit positive: what the file states, and what the rows give. */
  stated: Ore;
  computed: Ore;
  /** The file's line that states it (the year's first line of that kind where the file leaves the account out). */
  line: number;
}

export interface Reconciliation {
  /** Figures compared, for the summary ("412 saldon stämmer"). */
  compared: number;
  differences: Difference[];
  /** Σ |computed − stated| over the differences, öre. */
  total: Ore;
  /** The accounts with a difference, ascending, each once. */
  accounts: number[];
}

const ZERO_ORE = asOre(0);

function add(map: Map<number, Ore>, key: number, ore: Ore): void {
  map.set(key, addOre(map.get(key) ?? asOre(0), ore));
}

/** Compares the rows the import will write for `years` with the file's #UB, #RES and #PSALDO. */
export function reconcile(file: SieFile, name: string, years: readonly ImportYear[], rows: readonly ImportRow[]): Reconciliation {
  const differences: Difference[] = [];
  let compared = 0;
  for (const y of years) {
    const opening = new Map<number, Ore>();
    const movement = new Map<number, Ore>();
    // Per account, per month (YYYYMM as a number): numbers only, no string per row (a million rows).
    const monthly = new Map<number, Map<number, Ore>>();
    // Period balances are compared for a year read from vouchers (one read from them agrees by construction).
    const periods = y.source === "vouchers" ? periodMovements(file, y.offset, name, []) : new Map<string, never>();
    const periodOf = periodCache();
    for (const r of rows) {
      if (r.day < y.start || r.day > y.end) continue;
      if (r.day === y.start && isOpeningBalance(r.voucher)) {
        add(opening, r.account, r.ore);
        continue;
      }
      add(movement, r.account, r.ore);
      if (periods.size > 0) {
        let months = monthly.get(r.account);
        if (!months) monthly.set(r.account, (months = new Map()));
        add(months, periodOf(r.day), r.ore);
      }
    }
    const check = (kind: ReconcileKind, account: number, period: string, stated: Ore, computed: Ore, line: number) => {
      compared++;
      if (stated !== computed) differences.push({ year: y.year, kind, account, period, stated, computed, line });
    };
    // #UB: IB plus the year's rows, for every balance account the file or the rows name.
    const ub = file.ub.filter((r) => r.year === y.offset);
    if (ub.length > 0) {
      const stated = new Map(ub.map((r) => [r.account, r]));
      const accounts = new Set<number>([...stated.keys()]);
      for (const a of [...opening.keys(), ...movement.keys()]) if (omittedMeansZero(a)) accounts.add(a);
      for (const a of [...accounts].sort((p, q) => p - q)) {
        const s = stated.get(a);
        const computed = addOre(opening.get(a) ?? ZERO_ORE, movement.get(a) ?? ZERO_ORE);
        check("UB", a, "", s?.ore ?? ZERO_ORE, computed, s?.line ?? ub[0].line);
      }
    }
    // #RES: the year's rows, for every result account the file or the rows name.
    const res = file.res.filter((r) => r.year === y.offset);
    if (res.length > 0) {
      const stated = new Map(res.map((r) => [r.account, r]));
      const accounts = new Set<number>([...stated.keys()]);
      for (const a of movement.keys()) if (!isBalanceAccount(a)) accounts.add(a);
      for (const a of [...accounts].sort((p, q) => p - q)) {
        const s = stated.get(a);
        check("RES", a, "", s?.ore ?? ZERO_ORE, movement.get(a) ?? ZERO_ORE, s?.line ?? res[0].line);
      }
    }
    // #PSALDO, month by month, for the accounts the file states period balances of.
    if (periods.size > 0) {
      const firstLine = new Map<number, number>();
      for (const p of periods.values()) if (!firstLine.has(p.account)) firstLine.set(p.account, p.line);
      const keys = new Set<string>(periods.keys());
      for (const account of firstLine.keys()) for (const month of monthly.get(account)?.keys() ?? []) keys.add(`${account}/${month}`);
      for (const k of [...keys].sort()) {
        const p = periods.get(k);
        const [account, period] = k.split("/");
        const computed = monthly.get(Number(account))?.get(Number(period)) ?? ZERO_ORE;
        check("PSALDO", Number(account), period, p?.ore ?? ZERO_ORE, computed, p?.line ?? firstLine.get(Number(account)) ?? 1);
      }
    }
  }
  differences.sort((a, b) => b.year - a.year || a.account - b.account || a.kind.localeCompare(b.kind) || a.period.localeCompare(b.period));
  const total = asOre(differences.reduce((s, d) => s + Math.abs(d.computed - d.stated), 0));
  const accounts = [...new Set(differences.map((d) => d.account))].sort((a, b) => a - b);
  return { compared, differences, total, accounts };
}

/** `YYYYMM` of a day as a number, remembered per day (a year has 365 of them and a million rows). */
function periodCache(): (day: DayNumber) => number {
  const cache = new Map<number, number>();
  return (day) => {
    let p = cache.get(day);
    if (p === undefined) {
      const d = new Date(day * 86400000);
      cache.set(day, (p = d.getUTCFullYear() * 100 + d.getUTCMonth() + 1));
    }
    return p;
  };
}
