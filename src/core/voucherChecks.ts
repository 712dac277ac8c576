/**
 * The ledger's voucher checks (docs/rules.md): vouchers that do not balance, rows without a voucher id pasted twice,
 * and vouchers imported twice; and which vouchers are opening balances (`IB`), which none of them checks.
 * core/ledger.ts re-exports them.
 */
import { yearOfDayNumber } from "./dates";
import type { LedgerRow } from "./inputs";
import { addOre, CellRef, DayNumber, Ore } from "./units";

/** A voucher id that marks opening balances: `IB` in any case, spaces around, at most eight characters. */
export function isOpeningBalance(voucher: string): boolean {
  if (voucher === "IB") return true;
  // This runs for every row of the ledger, twice: most ids have no B to be "IB", and need no new strings to say so.
  if (voucher.length > 8 || (voucher.indexOf("B") < 0 && voucher.indexOf("b") < 0)) return false;
  return voucher.trim().toUpperCase() === "IB";
}

export interface VoucherFindings {
  /** Vouchers (by id and year) whose rows do not sum to zero. */
  unbalanced: number;
  firstUnbalanced: { voucher: string; cell: CellRef; ore: Ore } | null;
  /** Rows without a voucher id identical to an earlier such row (date, account, amount, text, project): a double paste? */
  duplicateRows: number;
  firstDuplicate: CellRef | "";
  /** Vouchers (by id and year) whose rows appear again, the same, in a later separate run: imported twice? */
  duplicateVouchers: number;
  firstDuplicateVoucher: { voucher: string; cell: CellRef } | null;
}

/**
 * Bookkeeping sanity checks that do not stop a run: every voucher balances (debit = credit), and
 * nothing was entered twice. Identical rows inside one voucher are normal (several programs write
 * them), so a double import is found by what was imported: a voucher whose rows stand again, the same,
 * further down the ledger. Rows without a voucher id are compared row by row. Opening balances (IB)
 * are not checked.
 */
export function checkVouchers(rows: readonly LedgerRow[]): VoucherFindings {
  const n = rows.length;
  // Rows without a voucher id: a numeric hash per row; only rows whose hash occurs twice are compared in full.
  // Only those rows are hashed and sorted (a ledger from an accounting program has an id on every row).
  const loose: number[] = [];
  for (let i = 0; i < n; i++) if (!rows[i].voucher) loose.push(i);
  const hashes = new Float64Array(loose.length);
  loose.forEach((i, k) => {
    const r = rows[i];
    hashes[k] = ((r.day * 100003 + r.account) * 7919 + r.ore) % 9007199254740881;
  });
  const sorted = hashes.slice().sort();
  const repeated = new Set<number>();
  for (let k = 1; k < sorted.length; k++) if (sorted[k] === sorted[k - 1]) repeated.add(sorted[k]);
  let duplicateRows = 0;
  let firstDuplicate: CellRef | "" = "";
  if (repeated.size > 0) {
    const seen = new Set<string>();
    for (let k = 0; k < loose.length; k++) {
      if (!repeated.has(hashes[k])) continue;
      const r = rows[loose[k]];
      const key = `${r.day}\u0000${r.account}\u0000${r.ore}\u0000${r.text}\u0000${r.project}`;
      if (seen.has(key)) {
        if (duplicateRows === 0) firstDuplicate = r.cell;
        duplicateRows++;
      } else seen.add(key);
    }
  }
  // Vouchers: runs of consecutive rows with one id in one year; a later run of the same id with the same rows.
  // Each voucher's first run (by year and id): where it starts and how many rows it has.
  const firstRun = new Map<number, Map<string, { start: number; length: number }>>();
  // The year of a day, remembered (a ledger has a few hundred days and tens of thousands of vouchers).
  const years = new Map<number, number>();
  const yearOf = (day: DayNumber) => {
    let y = years.get(day);
    if (y === undefined) years.set(day, (y = yearOfDayNumber(day)));
    return y;
  };
  let duplicateVouchers = 0;
  let firstDuplicateVoucher: VoucherFindings["firstDuplicateVoucher"] = null;
  const sameRows = (a: number, b: number, length: number) => {
    for (let k = 0; k < length; k++) {
      const x = rows[a + k];
      const y = rows[b + k];
      if (x.day !== y.day || x.account !== y.account || x.ore !== y.ore) return false;
    }
    return true;
  };
  let start = -1;
  const closeRun = (end: number) => {
    if (start < 0) return;
    const r = rows[start];
    let runs = firstRun.get(yearOf(r.day));
    if (!runs) firstRun.set(yearOf(r.day), (runs = new Map()));
    const earlier = runs.get(r.voucher);
    if (earlier === undefined) runs.set(r.voucher, { start, length: end - start });
    else if (earlier.length === end - start && sameRows(earlier.start, start, end - start)) {
      if (duplicateVouchers === 0) firstDuplicateVoucher = { voucher: r.voucher, cell: r.cell };
      duplicateVouchers++;
    }
    start = -1;
  };
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    if (!r.voucher || isOpeningBalance(r.voucher)) {
      closeRun(i);
      continue;
    }
    if (start >= 0 && rows[start].voucher === r.voucher && rows[start].day === r.day) continue;
    closeRun(i);
    start = i;
  }
  closeRun(n);
  // Voucher sums per year (numbering restarts each year); no string keys are built per row.
  // A voucher's first row by index: its cell is named only for the first unbalanced voucher.
  type VoucherSum = { ore: Ore; first: number };
  const sumsByYear = new Map<number, Map<string, VoucherSum>>();
  const yearOfDay = new Map<DayNumber, Map<string, VoucherSum>>();
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const v = row.voucher;
    if (!v || isOpeningBalance(v)) continue;
    let sums = yearOfDay.get(row.day);
    if (!sums) {
      const year = yearOf(row.day);
      sums = sumsByYear.get(year);
      if (!sums) sumsByYear.set(year, (sums = new Map()));
      yearOfDay.set(row.day, sums);
    }
    const s = sums.get(v);
    if (s) s.ore = addOre(s.ore, row.ore);
    else sums.set(v, { ore: row.ore, first: i });
  }
  let unbalanced = 0;
  let firstUnbalanced: VoucherFindings["firstUnbalanced"] = null;
  for (const byVoucher of sumsByYear.values()) {
    for (const [voucher, s] of byVoucher) {
      if (s.ore === 0) continue;
      unbalanced++;
      if (!firstUnbalanced) firstUnbalanced = { voucher, cell: rows[s.first].cell, ore: s.ore };
    }
  }
  return { unbalanced, firstUnbalanced, duplicateRows, firstDuplicate, duplicateVouchers, firstDuplicateVoucher };
}
