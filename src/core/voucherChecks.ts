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
  const repeated = repeatedNumbers(hashes);
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
  return { ...checkVoucherRuns(rows), duplicateRows, firstDuplicate };
}

/**
 * Vouchers, by year and id (numbering restarts each year): those whose rows do not sum to zero, and those whose run
 * of consecutive rows (one id, one day) stands again, the same, in a later run (imported twice). Most vouchers are one
 * run: each run gets a number from its id and year, and only runs whose number occurs again are grouped by id in a
 * map (tens of thousands of map entries had been most of the checks' time); a lone run is a whole voucher.
 */
function checkVoucherRuns(rows: readonly LedgerRow[]): Omit<VoucherFindings, "duplicateRows" | "firstDuplicate"> {
  const n = rows.length;
  const runStart: number[] = [];
  const runEnd: number[] = [];
  const runOre: number[] = [];
  const runYear: number[] = [];
  const runHash: number[] = [];
  // The year of a day, remembered (a ledger has a few hundred days).
  const years = new Map<DayNumber, number>();
  for (let i = 0; i < n;) {
    const r = rows[i];
    const v = r.voucher;
    if (!v || isOpeningBalance(v)) {
      i++;
      continue;
    }
    // Row by row, in the ledger's order, as a voucher's sum has always been added.
    let ore = r.ore;
    let end = i + 1;
    for (; end < n && rows[end].voucher === v && rows[end].day === r.day; end++) ore = addOre(ore, rows[end].ore);
    let year = years.get(r.day);
    if (year === undefined) years.set(r.day, (year = yearOfDayNumber(r.day)));
    runStart.push(i);
    runEnd.push(end);
    runOre.push(ore);
    runYear.push(year);
    runHash.push(voucherNumber(v, year));
    i = end;
  }
  const repeated = repeatedNumbers(runHash);
  // The first unbalanced voucher is the first by year (as the years first appear), then by its first row.
  const yearRank = new Map<number, number>();
  let unbalanced = 0;
  let first = { rank: Infinity, row: -1, ore: 0 as Ore };
  const unbalancedAt = (year: number, row: number, ore: Ore) => {
    unbalanced++;
    const rank = yearRank.get(year)!;
    if (rank < first.rank || (rank === first.rank && row < first.row)) first = { rank, row, ore };
  };
  type Voucher = { ore: Ore; first: number; length: number; year: number };
  const grouped = new Map<number, Map<string, Voucher>>();
  let duplicateVouchers = 0;
  let firstDuplicateVoucher: VoucherFindings["firstDuplicateVoucher"] = null;
  for (let k = 0; k < runStart.length; k++) {
    const year = runYear[k];
    if (!yearRank.has(year)) yearRank.set(year, yearRank.size);
    const start = runStart[k];
    if (!repeated.has(runHash[k])) {
      if (runOre[k] !== 0) unbalancedAt(year, start, runOre[k] as Ore);
      continue;
    }
    const r = rows[start];
    const length = runEnd[k] - start;
    let vouchers = grouped.get(year);
    if (!vouchers) grouped.set(year, (vouchers = new Map()));
    const voucher = vouchers.get(r.voucher);
    if (voucher === undefined) vouchers.set(r.voucher, { ore: runOre[k] as Ore, first: start, length, year });
    else {
      if (voucher.length === length && sameRows(rows, voucher.first, start, length)) {
        if (duplicateVouchers === 0) firstDuplicateVoucher = { voucher: r.voucher, cell: r.cell };
        duplicateVouchers++;
      }
      voucher.ore = addOre(voucher.ore, runOre[k] as Ore);
    }
  }
  for (const vouchers of grouped.values()) for (const v of vouchers.values()) if (v.ore !== 0) unbalancedAt(v.year, v.first, v.ore);
  const firstRow = rows[first.row];
  const firstUnbalanced = firstRow ? { voucher: firstRow.voucher, cell: firstRow.cell, ore: first.ore } : null;
  return { unbalanced, firstUnbalanced, duplicateVouchers, firstDuplicateVoucher };
}

/** The numbers that occur more than once: sorted in a typed copy (which sorts natively), neighbours compared. */
function repeatedNumbers(numbers: ArrayLike<number>): Set<number> {
  const sorted = Float64Array.from(numbers).sort();
  const repeated = new Set<number>();
  for (let k = 1; k < sorted.length; k++) if (sorted[k] === sorted[k - 1]) repeated.add(sorted[k]);
  return repeated;
}

/** Rows a[0, length) and b[0, length) alike in day, account and amount. */
function sameRows(rows: readonly LedgerRow[], a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) {
    const x = rows[a + k];
    const y = rows[b + k];
    if (x.day !== y.day || x.account !== y.account || x.ore !== y.ore) return false;
  }
  return true;
}

/** A number for a voucher id in a year: the same id in the same year always gets the same number, others almost never. */
function voucherNumber(voucher: string, year: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < voucher.length; k++) h = Math.imul(h ^ voucher.charCodeAt(k), 0x01000193);
  // 32 bits of FNV-1a and the year's low 12 bits: below 2^44, exact as a double.
  return (h >>> 0) * 4096 + (year & 4095);
}
