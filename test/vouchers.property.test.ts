/**
 * The voucher checks (core/ledger.ts `checkVouchers`) against a plain reference written from their documentation:
 * unbalanced vouchers per year and id, rows without an id that repeat an earlier one, and vouchers whose run of rows
 * stands again, the same, later in the same year; opening balances (`IB`, any case, with spaces) not checked. The fast
 * paths (only id-less rows hashed, years remembered per day, `IB` told without new strings) must not change a count.
 */
import fc from "fast-check";
import { dayNumber, yearOfDayNumber } from "../src/core/dates";
import type { LedgerRow } from "../src/core/inputs";
import { checkVouchers, isOpeningBalance } from "../src/core/ledger";
import { asCellRef, asOre, DayNumber } from "../src/core/units";

function reference(rows: readonly LedgerRow[]) {
  const sums = new Map<string, number>();
  for (const r of rows) {
    if (!r.voucher || r.voucher.trim().toUpperCase() === "IB") continue;
    const k = `${yearOfDayNumber(r.day)}|${r.voucher}`;
    sums.set(k, (sums.get(k) ?? 0) + r.ore);
  }
  const seen = new Set<string>();
  let duplicateRows = 0;
  for (const r of rows) {
    if (r.voucher) continue;
    const k = [r.day, r.account, r.ore, r.text, r.project].join("|");
    if (seen.has(k)) duplicateRows++;
    else seen.add(k);
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
  for (const run of runs) {
    if (run.key === "") continue;
    const e = first.get(run.key);
    if (!e) first.set(run.key, run.rows);
    else if (
      e.length === run.rows.length &&
      e.every((x, i) => x.day === run.rows[i].day && x.account === run.rows[i].account && x.ore === run.rows[i].ore)
    )
      duplicateVouchers++;
  }
  return { unbalanced: [...sums.values()].filter((x) => x !== 0).length, duplicateRows, duplicateVouchers };
}

const row = fc.record({
  day: fc.constantFrom(dayNumber(2025, 12, 31), dayNumber(2026, 1, 1), dayNumber(2026, 1, 2)),
  voucher: fc.constantFrom("", "", "A 1", "A 2", "B 1", "IB", " ib ", "Ib", "ıb", "b"),
  account: fc.constantFrom(1930, 3010, 5010),
  ore: fc.integer({ min: -3, max: 3 }),
  text: fc.constantFrom("", "x"),
  project: fc.constantFrom("", "P1"),
});

test("checkVouchers counts what the reference counts, on random ledgers", () => {
  fc.assert(
    fc.property(fc.array(row, { maxLength: 40 }), (raw) => {
      const rows: LedgerRow[] = raw.map((r, i) => ({
        ...r,
        day: r.day as DayNumber,
        ore: asOre(r.ore),
        cell: asCellRef(`Huvudbok!A${i + 2}`),
        dateCell: asCellRef(`Huvudbok!A${i + 2}`),
        accountCell: asCellRef(`Huvudbok!C${i + 2}`),
      }));
      const f = checkVouchers(rows);
      expect({ unbalanced: f.unbalanced, duplicateRows: f.duplicateRows, duplicateVouchers: f.duplicateVouchers }).toEqual(reference(rows));
    }),
    { numRuns: 2000 },
  );
});

test("IB is told as before: any case, spaces around, at most eight characters; a dotless ı upper-cases to I", () => {
  for (const v of ["IB", "ib", " Ib ", "ıb", "IB      "]) expect([v, isOpeningBalance(v)]).toEqual([v, v.length <= 8]);
  for (const v of ["I B", "IBB", "A 1", "", "b", "B 12"]) expect([v, isOpeningBalance(v)]).toEqual([v, false]);
});
