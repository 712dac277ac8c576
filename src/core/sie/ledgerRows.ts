/**
 * An SIE file as rows of the contract's Huvudbok (Datum, Verifikation, Konto, Belopp, Text, Insats)
 * and proposed Kontoplan lines for its accounts. Pure: the workbook adapters write the rows.
 *
 * - One row per #TRANS of the fiscal years the file holds: Verifikation `series number`, Belopp debit
 *   positive, Text the transaction's text or else the voucher's, Insats the object of the chosen
 *   dimension (default 6 = projekt).
 * - One IB row per account with an #IB for a year it holds.
 * - A year with #PSALDO but no vouchers (SIE 2/3, or year −1 of an SIE 4E file): one row per account
 *   and month, Verifikation `PSALDO`, dated the last day of the month, so that the prior-year
 *   comparison works by period. Only balances without objects count (those with objects split them).
 */
import { dayNumber, daysInMonth, isoOfDayNumber, yearOfDayNumber } from "../dates";
import type { Issue } from "../messages";
import type { AccountLine } from "../reportLines";
import { asCellRef, DayNumber } from "../units";
import type { SieFile } from "./parse";

export interface ImportRow {
  day: DayNumber;
  voucher: string;
  account: number;
  /** Öre, debit positive. */
  ore: number;
  text: string;
  project: string;
}

export interface SieLedger {
  /** Calendar years the file holds (its #RAR years), newest first. */
  years: number[];
  rows: ImportRow[];
  /** Accounts used by the rows, with their #KONTO name. */
  accounts: Map<number, string>;
  errors: Issue[];
}

/** The default dimension of projects (insatser) in SIE: 6 = projekt. */
export const SIE_PROJECT_DIMENSION = 6;

export function sieLedgerRows(file: SieFile, name: string, projectDimension = SIE_PROJECT_DIMENSION): SieLedger {
  const errors: Issue[] = [];
  const rows: ImportRow[] = [];
  const accounts = new Map<number, string>();
  const use = (account: number) => accounts.set(account, file.accounts.get(account) ?? "");
  const years: Array<{ offset: number; year: number; start: DayNumber; end: DayNumber }> = [];
  for (const y of file.years) {
    const year = yearOfDayNumber(y.start);
    const calendar = y.start === dayNumber(year, 1, 1) && y.end === dayNumber(year, 12, 31);
    if (!calendar) {
      if (y.offset === 0)
        errors.push({
          code: "sie_year_not_calendar",
          params: { start: isoOfDayNumber(y.start), end: isoOfDayNumber(y.end) },
          cell: asCellRef(`${name}:1`),
        });
      continue;
    }
    years.push({ offset: y.offset, year, start: y.start, end: y.end });
  }
  if (file.years.length === 0) errors.push({ code: "sie_no_fiscal_year", params: {}, cell: asCellRef(`${name}:1`) });
  if (errors.length > 0) return { years: [], rows, accounts, errors };

  for (const y of years) {
    for (const ib of file.ib) {
      if (ib.year !== y.offset || ib.ore === 0) continue;
      rows.push({ day: y.start, voucher: "IB", account: ib.account, ore: ib.ore, text: "Ingående balans (SIE)", project: "" });
      use(ib.account);
    }
    const vouchers = file.vouchers.filter((v) => v.day >= y.start && v.day <= y.end);
    if (vouchers.length > 0) {
      for (const v of vouchers) {
        const id = [v.series, v.number].filter(Boolean).join(" ");
        for (const t of v.transactions) {
          const project = t.objects.find(([dim]) => dim === projectDimension)?.[1] ?? "";
          rows.push({ day: v.day, voucher: id, account: t.account, ore: t.ore, text: t.text || v.text, project });
          use(t.account);
        }
      }
      continue;
    }
    // No vouchers: the period balances, month by month (a balance is the month's movement in SIE).
    for (const p of file.psaldo) {
      if (p.year !== y.offset || p.objects.length > 0 || p.ore === 0) continue;
      const month = Number(p.period.slice(4, 6));
      const pYear = Number(p.period.slice(0, 4));
      if (!(month >= 1 && month <= 12)) continue;
      const day = dayNumber(pYear, month, daysInMonth(pYear, month));
      rows.push({ day, voucher: "PSALDO", account: p.account, ore: p.ore, text: "Periodsaldo (SIE)", project: "" });
      use(p.account);
    }
  }
  return { years: years.map((y) => y.year).sort((a, b) => b - a), rows, accounts, errors };
}

/** Which chart of accounts the file uses: #KPTYP names it (EUBAS97, BAS2014, KOMMUNBAS …). */
export function chartOf(file: SieFile): "BAS" | "KOMMUN-BAS" {
  return /kommun|kbas/i.test(file.chartType) ? "KOMMUN-BAS" : "BAS";
}

/**
 * The report line an account is proposed, from its number (the chart's class ranges) and, for the
 * member contributions, its name. A proposal: the officer sees every one, and existing Kontoplan
 * rows are never changed. Null: no proposal (the account gets a row without a line).
 */
export function proposeLine(account: number, name: string, chart: "BAS" | "KOMMUN-BAS"): AccountLine | null {
  if (account >= 1000 && account <= 1399) return "anlaggningstillgangar";
  if (account >= 1400 && account <= 1899) return "fordringar";
  if (account >= 1900 && account <= 1999) return "kassa_och_bank";
  if (account >= 2000 && account <= 2099) return "eget_kapital";
  if (account >= 2100 && account <= 2299) return "avsattningar";
  if (account >= 2300 && account <= 2399) return "langfristiga_skulder";
  if (account >= 2400 && account <= 2999) return "kortfristiga_skulder";
  if (account >= 3000 && account <= 3999) return /medlem|bidrag/i.test(name) ? "medlemsbidrag" : "ovriga_intakter";
  if (chart === "KOMMUN-BAS") {
    // Kommun-BAS: class 4 personnel; 5–7 other operating costs, grants by name; 78 depreciation; 84/85 financial.
    if (account >= 4000 && account <= 4999) return "personalkostnader";
    if (account >= 7800 && account <= 7899) return "avskrivningar";
    if (account >= 5000 && account <= 7999) return /bidrag|insats/i.test(name) ? "bidrag_till_insatser" : "ovriga_externa_kostnader";
    if (account >= 8400 && account <= 8499) return "finansiella_intakter";
    if (account >= 8500 && account <= 8599) return "finansiella_kostnader";
    return null;
  }
  // BAS: 4 purchased services (a samordningsförbund's grants to projects), 5–6 other external costs,
  // 70–76 personnel, 77–78 depreciation, 79 other operating costs, 83 interest income, 84 interest costs.
  if (account >= 4000 && account <= 4999) return "bidrag_till_insatser";
  if (account >= 5000 && account <= 6999) return "ovriga_externa_kostnader";
  if (account >= 7000 && account <= 7699) return "personalkostnader";
  if (account >= 7700 && account <= 7899) return "avskrivningar";
  if (account >= 7900 && account <= 7999) return "ovriga_externa_kostnader";
  if (account >= 8000 && account <= 8399) return "finansiella_intakter";
  if (account >= 8400 && account <= 8799) return "finansiella_kostnader";
  return null;
}
