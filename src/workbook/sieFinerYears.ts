/**
 * A year the SIE file has only as balances (#RES and #UB, or #PSALDO: last year in this year's SIE 4E file) that
 * Huvudbok already has on more days (its vouchers, from last year's own file imported before). The import would
 * replace last year's vouchers with one row per account on 31 December each month, and the report could no longer
 * compare by period. Kept when its rows give the file's rows account by account (sie_year_kept_finer); replaced, and
 * said, when they do not (sie_year_finer_replaced). Never a year the file has vouchers for, never a transaction file.
 */
import { IssueList } from "../core/messages";
import type { ImportRow } from "../core/sie/ledgerRows";
import { readLedger } from "./read/ledger";
import type { Import } from "./sieImportEdits";

/** Öre per account of rows dated from `start` to `end`. */
function byAccount(rows: ReadonlyArray<Pick<ImportRow, "day" | "account" | "ore">>, start: number, end: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const r of rows) if (r.day >= start && r.day <= end) out.set(r.account, (out.get(r.account) ?? 0) + r.ore);
  return out;
}

/** The calendar years whose rows in Huvudbok the import keeps instead of the file's balances. */
export function finerYearsKept(x: Import): Set<number> {
  const kept = new Set<number>();
  const coarse = x.ledger.importYears.filter((y) => y.source === "year_balances" || y.source === "period_balances");
  if (x.ledger.mode !== "replace" || coarse.length === 0) return kept;
  const read = readLedger(x.grid, false, new IssueList());
  if (read.kind !== "read") return kept;
  for (const y of coarse) {
    const mine = read.value.filter((r) => r.day >= y.start && r.day <= y.end);
    const days = new Set(mine.map((r) => r.day)).size;
    const fileDays = new Set(x.ledger.rows.filter((r) => r.day >= y.start && r.day <= y.end).map((r) => r.day)).size;
    if (days <= fileDays) continue;
    const [a, b] = [byAccount(mine, y.start, y.end), byAccount(x.ledger.rows, y.start, y.end)];
    const differing = [...new Set([...a.keys(), ...b.keys()])]
      .filter((account) => (a.get(account) ?? 0) !== (b.get(account) ?? 0))
      .sort((p, q) => p - q);
    if (differing.length > 0) {
      x.warnings.push({
        code: "sie_year_finer_replaced",
        params: { year: y.year, rows: mine.length, accounts: differing.slice(0, 10) },
        cell: x.at(1),
      });
      continue;
    }
    kept.add(y.year);
    // The file's word that the year cannot be compared by period no longer holds: the kept rows can.
    const i = x.warnings.findIndex((w) => w.code === "sie_year_balances_only" && w.params.year === y.year);
    if (i >= 0) x.warnings.splice(i, 1);
    x.warnings.push({ code: "sie_year_kept_finer", params: { year: y.year, rows: mine.length, days }, cell: x.at(1) });
  }
  return kept;
}
