/**
 * A summary read's tally (parseSie's `summary`, SieFile.tally): each voucher's transactions summed per account and
 * day when it closes, and the voucher kept only as its date and line. What summarizeSie needs of a million rows.
 */
import { isOpeningBalance } from "../ledger";
import type { Ore } from "../units";
import type { SieTally, SieVoucher } from "./sieFile";

export function emptyTally(): SieTally {
  return {
    byAccountDay: new Map(),
    openingByAccountDay: new Map(),
    countByDay: new Map(),
    accountTexts: new Map(),
    voucherDays: [],
    voucherLines: [],
  };
}

/**
 * A closed voucher into the tally: its transactions per account and day (an opening-balance voucher, `IB`, apart),
 * its date and line. A voucher whose date could not be read is left out, as the full read leaves it out.
 */
export function foldVoucher(voucher: SieVoucher, tally: SieTally): void {
  const day = voucher.day;
  if (day !== day) return;
  const id = voucher.series && voucher.number ? `${voucher.series} ${voucher.number}` : voucher.series || voucher.number;
  const target = isOpeningBalance(id) ? tally.openingByAccountDay : tally.byAccountDay;
  for (const t of voucher.transactions) {
    let days = target.get(t.account);
    if (!days) target.set(t.account, (days = new Map()));
    days.set(day, ((days.get(day) ?? 0) + t.ore) as Ore);
    if (t.accountText.length > 1 && t.accountText.charCodeAt(0) === 48) tally.accountTexts.set(t.account, t.accountText);
  }
  tally.countByDay.set(day, (tally.countByDay.get(day) ?? 0) + voucher.transactions.length);
  tally.voucherDays.push(day);
  tally.voucherLines.push(voucher.line);
}
