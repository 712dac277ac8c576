/**
 * The voucher checks (core/ledger.ts `checkVouchers`) against a plain reference written from their documentation:
 * unbalanced vouchers per year and id, rows without an id that repeat an earlier one, and vouchers whose run of rows
 * stands again, the same, later in the same year; opening balances (`IB`, any case, with spaces) not checked. The fast
 * paths (only id-less rows hashed, a run of rows looked up once, only runs whose id-and-year number repeats grouped in
 * a map, years remembered per day, `IB` told without new strings) must not change a count, nor which voucher, row or
 * sum a warning names first.
 */
import fc from "fast-check";
import { dayNumber, yearOfDayNumber } from "../src/core/dates";
import type { LedgerRow } from "../src/core/inputs";
import { checkVouchers, isOpeningBalance } from "../src/core/ledger";
import { asCellRef, asOre, DayNumber } from "../src/core/units";

function reference(rows: readonly LedgerRow[]) {
  // Sums by year, then by id; years and ids in the order they first appear (which voucher is named first).
  const years = new Map<number, Map<string, { ore: number; cell: string }>>();
  for (const r of rows) {
    if (!r.voucher || r.voucher.trim().toUpperCase() === "IB") continue;
    const year = yearOfDayNumber(r.day);
    if (!years.has(year)) years.set(year, new Map());
    const sums = years.get(year)!;
    const s = sums.get(r.voucher) ?? { ore: 0, cell: r.cell };
    sums.set(r.voucher, { ore: s.ore + r.ore, cell: s.cell });
  }
  const unbalancedSums = [...years.values()].flatMap((sums) => [...sums].filter(([, s]) => s.ore !== 0));
  const [firstVoucher, firstSum] = unbalancedSums[0] ?? [];
  const seen = new Set<string>();
  let duplicateRows = 0;
  let firstDuplicate = "";
  for (const r of rows) {
    if (r.voucher) continue;
    const k = [r.day, r.account, r.ore, r.text, r.project].join("|");
    if (seen.has(k)) {
      if (duplicateRows === 0) firstDuplicate = r.cell;
      duplicateRows++;
    } else seen.add(k);
  }
  // Runs: consecutive rows with one id and one day.
  const runs: Array<{ key: string; rows: LedgerRow[] }> = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    const checked = r.voucher && r.voucher.trim().toUpperCase() !== "IB";
    if (checked && last && last.rows[0].voucher === r.voucher && last.rows[0].day === r.day && last.key !== "") last.rows.push(r);
    else runs.push({ key: checked ? `${yearOfDayNumber(r.day)}|${r.voucher}` : "", rows: [r] });
  }
  const first = new Map<string, LedgerRow[]>();
  let duplicateVouchers = 0;
  let firstDuplicateVoucher: { voucher: string; cell: string } | null = null;
  for (const run of runs) {
    if (run.key === "") continue;
    const e = first.get(run.key);
    if (!e) first.set(run.key, run.rows);
    else if (
      e.length === run.rows.length &&
      e.every((x, i) => x.day === run.rows[i].day && x.account === run.rows[i].account && x.ore === run.rows[i].ore)
    ) {
      if (duplicateVouchers === 0) firstDuplicateVoucher = { voucher: run.rows[0].voucher, cell: run.rows[0].cell };
      duplicateVouchers++;
    }
  }
  return {
    unbalanced: unbalancedSums.length,
    firstUnbalanced: firstSum ? { voucher: firstVoucher, cell: firstSum.cell, ore: firstSum.ore } : null,
    duplicateRows,
    firstDuplicate,
    duplicateVouchers,
    firstDuplicateVoucher,
  };
}

const row = fc.record({
  day: fc.constantFrom(dayNumber(2025, 12, 31), dayNumber(2026, 1, 1), dayNumber(2026, 1, 2)),
  voucher: fc.constantFrom("", "", "A 1", "A 2", "B 1", "IB", " ib ", "Ib", "ıb", "b"),
  account: fc.constantFrom(1930, 3010, 5010),
  ore: fc.integer({ min: -3, max: 3 }),
  text: fc.constantFrom("", "x"),
  project: fc.constantFrom("", "P1"),
});

test("checkVouchers counts and names first what the reference does, on random ledgers", () => {
  // A stretch of the ledger pasted again somewhere (a double import), as often as not.
  const ledger = fc
    .tuple(fc.array(row, { maxLength: 40 }), fc.nat(40), fc.nat(6), fc.nat(40), fc.boolean())
    .map(([rows, from, length, at, again]) =>
      again ? [...rows.slice(0, at), ...rows.slice(from, from + length), ...rows.slice(at)] : rows,
    );
  fc.assert(
    fc.property(ledger, (raw) => {
      const rows: LedgerRow[] = raw.map((r, i) => ({
        ...r,
        day: r.day as DayNumber,
        ore: asOre(r.ore),
        cell: asCellRef(`Huvudbok!A${i + 2}`),
        dateCell: asCellRef(`Huvudbok!A${i + 2}`),
        accountCell: asCellRef(`Huvudbok!C${i + 2}`),
      }));
      expect(checkVouchers(rows)).toEqual(reference(rows));
    }),
    { numRuns: 2000 },
  );
});

test("IB is told as before: any case, spaces around, at most eight characters; a dotless ı upper-cases to I", () => {
  for (const v of ["IB", "ib", " Ib ", "ıb", "IB      "]) expect([v, isOpeningBalance(v)]).toEqual([v, v.length <= 8]);
  for (const v of ["I B", "IBB", "A 1", "", "b", "B 12"]) expect([v, isOpeningBalance(v)]).toEqual([v, false]);
});
