/**
 * The summary of an SIE file that `finsam sie <file> --json` prints and the task pane previews:
 * who exported what, for which years, how many accounts, vouchers and transactions, whether every
 * voucher balances, the checksum, and the year's totals. Where the file's own closing balances
 * (#UB) or results (#RES) disagree with its opening balances plus its transactions, that is a warning.
 */
import { isoOfDayNumber } from "../dates";
import type { Issue } from "../messages";
import { oreToKronor, toKronorString } from "../money";
import { asCellRef } from "../units";
import type { SieFile } from "./parse";

export interface SieSummary {
  sieType: number | null;
  program: string;
  encoding: string;
  company: string;
  orgNumber: string;
  fiscalYears: Array<{ offset: number; start: string; end: string }>;
  accounts: number;
  vouchers: number;
  transactions: number;
  balanced: boolean;
  unbalanced: Array<{ series: string; number: string; line: number; difference: string }>;
  checksum: SieFile["checksum"];
  openingBalances: string;
  closingBalances: string;
  result: string | null;
  transactionsByClass: Record<string, string>;
  /** Issues (errors first), with `name:line` as their place. */
  errors: Issue[];
  warnings: Issue[];
}

const kr = (ore: number) => toKronorString(oreToKronor(ore));

/** Whether the file's vouchers fall in year 0 (all of them when the file has no #RAR). */
export function yearZeroFilter(file: SieFile): (day: number) => boolean {
  const y0 = file.years.find((y) => y.offset === 0);
  return y0 ? (day) => day >= y0.start && day <= y0.end : () => true;
}

export function summarizeSie(file: SieFile, name: string): SieSummary {
  const inYear = yearZeroFilter(file);
  const vouchers = file.vouchers.filter((v) => inYear(v.day));
  const byClass = new Map<string, number>();
  const byAccount = new Map<number, number>();
  let transactions = 0;
  for (const v of vouchers) {
    for (const t of v.transactions) {
      transactions++;
      const cls = t.accountText[0];
      byClass.set(cls, (byClass.get(cls) ?? 0) + t.ore);
      byAccount.set(t.account, (byAccount.get(t.account) ?? 0) + t.ore);
    }
  }
  const sumOver = (rows: SieFile["ib"], from: number, to: number) =>
    rows.filter((r) => r.year === 0 && r.account >= from && r.account <= to).reduce((a, r) => a + r.ore, 0);
  const res0 = file.res.filter((r) => r.year === 0 && r.account >= 3000 && r.account <= 8999);
  const warnings = [...file.warnings];
  if (vouchers.length > 0) {
    const ib = new Map(file.ib.filter((r) => r.year === 0).map((r) => [r.account, r.ore]));
    const mismatch = (kind: "UB" | "RES", account: number, stated: number, computed: number, line: number) => {
      if (stated !== computed && warnings.length < 50) {
        warnings.push({
          code: "sie_balance_mismatch",
          params: { kind, account, stated: (stated / 100).toFixed(2), computed: (computed / 100).toFixed(2) },
          cell: asCellRef(`${name}:${line}`),
        });
      }
    };
    for (const u of file.ub.filter((r) => r.year === 0))
      mismatch("UB", u.account, u.ore, (ib.get(u.account) ?? 0) + (byAccount.get(u.account) ?? 0), u.line);
    for (const r of file.res.filter((x) => x.year === 0)) mismatch("RES", r.account, r.ore, byAccount.get(r.account) ?? 0, r.line);
  }
  const unbalanced = file.errors
    .filter((e) => e.code === "sie_unbalanced_voucher")
    .map((e) => {
      const p = e.params as { series: string; number: string; difference: string };
      return { series: p.series, number: p.number, line: Number(String(e.cell).split(":").pop()), difference: p.difference };
    });
  return {
    sieType: file.sieType,
    program: file.program,
    encoding: file.encoding,
    company: file.company,
    orgNumber: file.orgNumber,
    fiscalYears: [...file.years]
      .sort((a, b) => b.offset - a.offset)
      .map((y) => ({ offset: y.offset, start: isoOfDayNumber(y.start), end: isoOfDayNumber(y.end) })),
    accounts: file.accounts.size,
    vouchers: vouchers.length,
    transactions,
    balanced: unbalanced.length === 0,
    unbalanced,
    checksum: file.checksum,
    openingBalances: kr(sumOver(file.ib, 1000, 2999)),
    closingBalances: kr(sumOver(file.ub, 1000, 2999)),
    result: res0.length ? kr(res0.reduce((a, r) => a + r.ore, 0)) : null,
    transactionsByClass: Object.fromEntries([...byClass].sort().map(([c, ore]) => [c, kr(ore)])),
    errors: file.errors,
    warnings,
  };
}
