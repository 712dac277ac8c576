/** Warnings about the ledger that do not stop a run: empty period (or last year's), rows after the cut-off or in other years, vouchers. */
import { isoOfDayNumber } from "./dates";
import type { Inputs } from "./inputs";
import { checkVouchers, LedgerAggregates } from "./ledger";
import type { IssueList } from "./messages";
import { oreToKronor } from "./money";
import { priorYearHasRows } from "./openingBalances";
import type { ReportPeriod } from "./periods";
import type { DayNumber } from "./units";

/** The 1900 and 1904 date systems differ by 1 462 days. */
const DAYS_1904 = 1462;

/** Most dated rows fall outside the report years, yet would fall inside if shifted by the 1904 difference. */
function looksShifted1904(days: readonly { day: DayNumber }[], period: ReportPeriod): boolean {
  let inside = 0;
  let shiftedInside = 0;
  for (const r of days) {
    if (r.day >= period.priorStart && r.day <= period.yearEnd) inside++;
    const d = r.day + DAYS_1904;
    if (d >= period.priorStart && d <= period.yearEnd) shiftedInside++;
  }
  const n = days.length;
  return n >= 10 && inside <= n * 0.1 && shiftedInside >= n * 0.9;
}

/** Warnings about the ledger that do not stop a run. */
export function ledgerWarnings(inputs: Inputs, agg: LedgerAggregates, period: ReportPeriod, warnings: IssueList): void {
  const sheet = inputs.sheets.Huvudbok ?? "Huvudbok";
  if (agg.rowsAfterCutoff > 0) {
    warnings.add("rows_after_cutoff", { count: agg.rowsAfterCutoff, sheet, cutoff: period.cutoff }, agg.firstRowAfterCutoff);
  }
  if (agg.rowsInPeriod === 0) {
    const s = inputs.settings;
    warnings.add("no_rows_in_period", { sheet, year: period.year, cutoff: period.cutoff }, s.cells.cutoff ?? s.tableCell);
  }
  // The same-period columns show 0, which is no comparison: last year's rows all after its same period (year balances
  // dated 31 December, as an SIE file without last year's vouchers gives them), or no rows for last year at all.
  if (agg.rowsInPriorPeriod === 0 && agg.rowsInPeriod > 0) {
    const cell = inputs.settings.cells.cutoff ?? inputs.settings.tableCell;
    if (priorYearHasRows(agg)) {
      warnings.add("no_rows_in_prior_period", { sheet, year: period.year - 1, to: isoOfDayNumber(period.priorEnd) }, cell);
    } else warnings.add("no_rows_prior_year", { sheet, year: period.year - 1 }, cell);
  }
  const vouchers = checkVouchers(inputs.ledger);
  if (vouchers.firstUnbalanced) {
    const u = vouchers.firstUnbalanced;
    const difference = oreToKronor(u.ore).toFixed(2);
    warnings.add("unbalanced_voucher", { count: vouchers.unbalanced, sheet, voucher: u.voucher, difference }, u.cell);
  }
  if (vouchers.duplicateRows > 0) {
    warnings.add("duplicate_rows", { count: vouchers.duplicateRows, sheet }, vouchers.firstDuplicate);
  }
  if (vouchers.firstDuplicateVoucher) {
    const d = vouchers.firstDuplicateVoucher;
    warnings.add("duplicate_vouchers", { count: vouchers.duplicateVouchers, sheet, voucher: d.voucher }, d.cell);
  }
  if (looksShifted1904(inputs.ledger, period)) warnings.add("dates_1904", { sheet }, agg.firstRowOtherYear);
  if (agg.rowsOtherYears > 0) {
    const params = { count: agg.rowsOtherYears, sheet, from: period.year - 1, to: period.year };
    warnings.add("rows_other_years", params, agg.firstRowOtherYear);
  }
}
