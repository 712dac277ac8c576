/**
 * An SIE file as rows of the contract's Huvudbok (Datum, Verifikation, Konto, Belopp, Text, Insats)
 * and proposed Kontoplan lines for its accounts. Pure: the workbook adapters write the rows.
 *
 * Which years: the file's `#RAR` years that are calendar years, or end on 31 December and start later in
 * that year (a new förbund's first, shortened year). Without `#RAR` (an SIE 4I transaction file) the year
 * of the vouchers' dates; the rows are then added, never replacing a year (the file is a part of a year).
 *
 * Each imported year from the best source the file has for it (docs/workbook.md, "finsam sie"):
 * - vouchers: one row per #TRANS (Verifikation `series number`, Text the transaction's or the
 *   voucher's, Insats the object of the chosen dimension, default 6 = projekt);
 * - else period balances (#PSALDO, the month's movement): one row per account and month on the month's
 *   last day; an account with only object rows is the sum of one dimension's rows;
 * - else year balances (#RES, and #UB less #IB): one row per account on the year's last day, and a
 *   warning that the year cannot be compared by period;
 * and one IB row per account with an #IB. A year the file names but holds nothing for is not imported.
 */
import { dayNumber, daysInMonth, isoOfDayNumber, yearOfDayNumber } from "../dates";
import type { Issue } from "../messages";
import type { LedgerRow } from "../inputs";
import type { AccountLine } from "../reportLines";
import { addOre, asCellRef, asOre, DayNumber, Ore } from "../units";
import type { SieFile, SiePeriodBalance } from "./parse";
import { voucherDates } from "./sieFile";

/**
 * The voucher of a year read from its year balances: the balance accounts' change (#UB less #IB) and the result
 * accounts' #RES are one entry, which balances when the file's year does (as two vouchers, UB and RES, each was off by
 * the year's result, and the ledger's check said so).
 */
export const YEAR_BALANCES_VOUCHER = "ÅRSSALDO";

/** A Huvudbok row as the import writes it: the ledger row's columns (core/inputs.ts), without the cells it was read from. */
export type ImportRow = Pick<LedgerRow, "day" | "voucher" | "account" | "ore" | "text" | "project">;

/** Where an imported year's rows come from. */
export type YearSource = "vouchers" | "period_balances" | "year_balances" | "opening_balances";

export interface ImportYear {
  /** The #RAR index (0 = the file's year, −1 the year before). */
  offset: number;
  /** The calendar year the rows are dated in. */
  year: number;
  start: DayNumber;
  end: DayNumber;
  source: YearSource;
}

export interface SieLedger {
  /** Calendar years whose rows the import writes, newest first. */
  years: number[];
  importYears: ImportYear[];
  /** `replace`: the years' rows are the file's; `add`: a transaction file without #RAR, its rows are added. */
  mode: "replace" | "add";
  rows: ImportRow[];
  /** Accounts used by the rows, with their #KONTO name. */
  accounts: Map<number, string>;
  /** Accounts written with a leading zero in a #TRANS (`0351`), as written: they stay text in the workbook. */
  accountTexts: Map<number, string>;
  /** Vouchers dated outside every fiscal year of the file: how many, and the first one's line. */
  outside: { count: number; line: number };
  errors: Issue[];
  warnings: Issue[];
}

/** The default dimension of projects (insatser) in SIE: 6 = projekt. */
export const SIE_PROJECT_DIMENSION = 6;

/** The closing entry's accounts (BAS 899x, Årets resultat): the year's result moved to equity, not income or cost. */
export function isClosingAccount(account: number): boolean {
  return account >= 8990 && account <= 8999;
}

/** Balance accounts (classes 0–2) have closing balances (#UB); classes 3–8 have results (#RES). */
export const isBalanceAccount = (account: number) => account < 3000;

/**
 * Where a file states closing balances for a year, an account of classes 1–2 it leaves out closed at zero (the
 * programs leave out zero balances). Class 0 (off-balance, statistical accounts) is compared only where stated.
 */
export const omittedMeansZero = (account: number) => account >= 1000 && account < 3000;

const lastDay = (year: number, month: number) => dayNumber(year, month, daysInMonth(year, month));

/**
 * The last day of a period `YYYYMM` that overlaps the fiscal year [start, end] (#PSALDO, #PBUDGET), or null when the
 * text is no month or the month lies outside the year (`sie_bad_period`).
 */
export function periodEnd(period: string, start: number, end: number): DayNumber | null {
  const month = Number(period.slice(4, 6));
  const year = Number(period.slice(0, 4));
  if (!/^\d{6}$/.test(period) || month < 1 || month > 12) return null;
  if (lastDay(year, month) < start || dayNumber(year, month, 1) > end) return null;
  return lastDay(year, month);
}

/** The fiscal years to import, or the errors and warnings why not. */
function yearsOf(
  file: SieFile,
  name: string,
  errors: Issue[],
  warnings: Issue[],
  anyYear: boolean,
): { years: ImportYear[]; mode: "replace" | "add" } {
  const at = (line: number) => asCellRef(`${name}:${line}`);
  // A transaction file (SIE 4I: vouchers and no balances at all, with or without #RAR) is a part of a year:
  // its vouchers are added to the year of their dates, and nothing is replaced.
  const transactionFile = file.ib.length === 0 && file.ub.length === 0 && file.res.length === 0 && file.psaldo.length === 0;
  const dates = voucherDates(file);
  if (file.years.length === 0 || (transactionFile && dates.days.length > 0)) {
    if (dates.days.length === 0) {
      errors.push({ code: "sie_no_fiscal_year", params: {}, cell: at(1) });
      return { years: [], mode: "replace" };
    }
    let first = Infinity;
    let last = -Infinity;
    for (const day of dates.days) {
      const y = yearOfDayNumber(day as DayNumber);
      if (y < first) first = y;
      if (y > last) last = y;
    }
    if (first !== last) {
      errors.push({ code: "sie_years_span", params: { first, last }, cell: at(dates.lines[0]) });
      return { years: [], mode: "add" };
    }
    warnings.push({ code: "sie_transactions_added", params: { year: first }, cell: at(1) });
    return {
      years: [{ offset: 0, year: first, start: dayNumber(first, 1, 1), end: dayNumber(first, 12, 31), source: "vouchers" }],
      mode: "add",
    };
  }
  const years: ImportYear[] = [];
  for (const y of file.years) {
    const year = yearOfDayNumber(y.end);
    // A calendar year, or a first (shortened) year that ends on 31 December.
    const fits = anyYear || (y.end === dayNumber(year, 12, 31) && yearOfDayNumber(y.start) === year);
    if (!fits) {
      const params = { start: isoOfDayNumber(y.start), end: isoOfDayNumber(y.end) };
      if (y.offset === 0) errors.push({ code: "sie_year_not_calendar", params, cell: at(y.line) });
      else warnings.push({ code: "sie_year_skipped", params, cell: at(y.line) });
      continue;
    }
    years.push({ offset: y.offset, year, start: y.start, end: y.end, source: "vouchers" });
  }
  return { years, mode: "replace" };
}

/**
 * The period balances (or, with `balances`, the #PBUDGET rows) of one year as one movement per account and month:
 * the row without objects, else the sum of one dimension's object rows (several dimensions that disagree cannot be summed
 * without counting twice: an error naming the first row).
 */
export function periodMovements(
  file: SieFile,
  offset: number,
  name: string,
  errors: Issue[],
  balances: readonly SiePeriodBalance[] = file.psaldo,
  ambiguous: "sie_psaldo_ambiguous" | "sie_budget_ambiguous" = "sie_psaldo_ambiguous",
): Map<string, { account: number; period: string; ore: Ore; line: number }> {
  const groups = new Map<string, { total: SiePeriodBalance | null; byDims: Map<string, Ore>; first: SiePeriodBalance }>();
  for (const p of balances) {
    if (p.year !== offset) continue;
    const key = `${p.account}/${p.period}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { total: null, byDims: new Map(), first: p }));
    if (p.objects.length === 0) {
      g.total = p;
      continue;
    }
    const dims = p.objects
      .map((o) => o[0])
      .sort((a, b) => a - b)
      .join(",");
    g.byDims.set(dims, addOre(g.byDims.get(dims) ?? asOre(0), p.ore));
  }
  const out = new Map<string, { account: number; period: string; ore: Ore; line: number }>();
  for (const [key, g] of groups) {
    if (g.total) {
      out.set(key, { account: g.total.account, period: g.total.period, ore: g.total.ore, line: g.total.line });
      continue;
    }
    const sums = [...g.byDims.values()];
    if (sums.some((x) => x !== sums[0])) {
      errors.push({
        code: ambiguous,
        params: { account: g.first.account, period: g.first.period },
        cell: asCellRef(`${name}:${g.first.line}`),
      });
      continue;
    }
    out.set(key, { account: g.first.account, period: g.first.period, ore: sums[0], line: g.first.line });
  }
  return out;
}

/**
 * The rows the import writes. `anyYear` takes every #RAR year as it is (for the summary's reconciliation of
 * a file that cannot be imported because its years are not calendar years).
 */
export function sieLedgerRows(file: SieFile, name: string, projectDimension = SIE_PROJECT_DIMENSION, anyYear = false): SieLedger {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const rows: ImportRow[] = [];
  const accounts = new Map<number, string>();
  const accountTexts = new Map<number, string>();
  const use = (account: number) => {
    if (!accounts.has(account)) accounts.set(account, file.accounts.get(account) ?? "");
  };
  const { years: candidates, mode } = yearsOf(file, name, errors, warnings, anyYear);

  // Vouchers outside every fiscal year the file states: never dropped without a word.
  const outside = { count: 0, line: 0 };
  const dates = voucherDates(file);
  if (file.years.length > 0) {
    dates.days.forEach((day, i) => {
      if (file.years.some((y) => day >= y.start && day <= y.end)) return;
      if (outside.count === 0) outside.line = dates.lines[i];
      outside.count++;
    });
  }
  if (errors.length > 0) return { years: [], importYears: [], mode, rows, accounts, accountTexts, outside, errors, warnings };

  const importYears: ImportYear[] = [];
  for (const y of candidates) {
    const ibRows = file.ib.filter((r) => r.year === y.offset && r.ore !== 0);
    const vouchers = file.vouchers.filter((v) => v.day >= y.start && v.day <= y.end);
    const hasVouchers = dates.days.some((day) => day >= y.start && day <= y.end);
    const movementErrors: Issue[] = [];
    const movements = periodMovements(file, y.offset, name, movementErrors);
    const res = file.res.filter((r) => r.year === y.offset);
    const ub = file.ub.filter((r) => r.year === y.offset);
    // Period balances only per object combination ({7 "1"} beside {1 "Nord" 7 "1"}, Avendo's SIE 3): the months
    // cannot be totalled without counting twice. With the year's balances the year is read from them, said once.
    const byObjectOnly = [...new Set(movementErrors.filter((e) => e.code === "sie_psaldo_ambiguous").map((e) => e.params.account))];
    const fallBack = !hasVouchers && byObjectOnly.length > 0 && (res.length > 0 || ub.length > 0);
    if (fallBack)
      warnings.push({
        code: "sie_psaldo_by_object",
        params: { year: y.year, accounts: byObjectOnly.sort((a, b) => a - b) },
        cell: movementErrors[0].cell,
      });
    // With vouchers the period balances are only compared (reconcile.ts); they refuse nothing here.
    else if (!hasVouchers) errors.push(...movementErrors);
    const source: YearSource | null = hasVouchers
      ? "vouchers"
      : movements.size > 0 && !fallBack
        ? "period_balances"
        : res.length > 0 || ub.length > 0
          ? "year_balances"
          : ibRows.length > 0
            ? "opening_balances"
            : null;
    if (source === null) {
      // Nothing for the year: its rows in the workbook stay as they are.
      warnings.push({ code: "sie_year_no_data", params: { year: y.year }, cell: asCellRef(`${name}:1`) });
      continue;
    }
    importYears.push({ ...y, source });
    if (mode === "replace") {
      for (const ib of ibRows) {
        rows.push({ day: y.start, voucher: "IB", account: ib.account, ore: ib.ore, text: "Ingående balans (SIE)", project: "" });
        use(ib.account);
      }
    }
    if (source === "vouchers" && file.tally) {
      // A summary read: one row per account and day from the tally (the sums the reconciliation compares).
      for (const [target, voucher] of [
        [file.tally.openingByAccountDay, "IB"],
        [file.tally.byAccountDay, ""],
      ] as const)
        for (const [account, days] of target)
          for (const [day, ore] of days) {
            if (day < y.start || day > y.end) continue;
            rows.push({ day: day as DayNumber, voucher, account, ore, text: "", project: "" });
            use(account);
          }
      for (const [account, text] of file.tally.accountTexts) accountTexts.set(account, text);
    } else if (source === "vouchers") {
      for (const v of vouchers) {
        const id = v.series && v.number ? `${v.series} ${v.number}` : v.series || v.number;
        for (const t of v.transactions) {
          let project = "";
          for (const [dim, obj] of t.objects) if (dim === projectDimension) project = obj;
          rows.push({ day: v.day, voucher: id, account: t.account, ore: t.ore, text: t.text || v.text, project });
          use(t.account);
          if (t.accountText.length > 1 && t.accountText.charCodeAt(0) === 48) accountTexts.set(t.account, t.accountText);
        }
      }
    } else if (source === "period_balances") {
      const sorted = [...movements.values()].sort((a, b) => a.period.localeCompare(b.period) || a.account - b.account);
      for (const p of sorted) {
        if (p.ore === 0) continue;
        const monthEnd = periodEnd(p.period, y.start, y.end);
        if (monthEnd === null) {
          errors.push({ code: "sie_bad_period", params: { value: p.period }, cell: asCellRef(`${name}:${p.line}`) });
          continue;
        }
        const day = Math.min(monthEnd, y.end) as DayNumber;
        rows.push({ day, voucher: "PSALDO", account: p.account, ore: p.ore, text: "Periodsaldo (SIE)", project: "" });
        use(p.account);
      }
    } else if (source === "year_balances") {
      warnings.push({ code: "sie_year_balances_only", params: { year: y.year }, cell: asCellRef(`${name}:1`) });
      // The year's change per balance account: #UB less #IB; an account with an #IB and no #UB closed at zero
      // (the programs leave out zero balances), unless the file states no #UB for the year at all.
      const ib = new Map(ibRows.map((r) => [r.account, r.ore]));
      const closing = new Map(ub.map((r) => [r.account, r.ore]));
      const balanceAccounts = new Set([...closing.keys()]);
      if (ub.length > 0) for (const a of ib.keys()) if (omittedMeansZero(a)) balanceAccounts.add(a);
      for (const account of [...balanceAccounts].sort((a, b) => a - b)) {
        const ore = asOre((closing.get(account) ?? 0) - (ib.get(account) ?? 0));
        if (ore === 0) continue;
        rows.push({ day: y.end, voucher: YEAR_BALANCES_VOUCHER, account, ore, text: "Årets förändring (SIE #UB)", project: "" });
        use(account);
      }
      for (const r of res) {
        if (r.ore === 0) continue;
        rows.push({
          day: y.end,
          voucher: YEAR_BALANCES_VOUCHER,
          account: r.account,
          ore: r.ore,
          text: "Årets resultat per konto (SIE #RES)",
          project: "",
        });
        use(r.account);
      }
    }
  }
  if (errors.length > 0) return { years: [], importYears: [], mode, rows: [], accounts, accountTexts, outside, errors, warnings };
  return {
    years: importYears.map((y) => y.year).sort((a, b) => b - a),
    importYears,
    mode,
    rows,
    accounts,
    accountTexts,
    outside,
    errors,
    warnings,
  };
}

/** Which chart of accounts the file uses: #KPTYP names it (EUBAS97, BAS2014, KOMMUNBAS …). */
export function chartOf(file: SieFile): "BAS" | "KOMMUN-BAS" {
  return /kommun|kbas/i.test(file.chartType) ? "KOMMUN-BAS" : "BAS";
}

/**
 * The report line an account is proposed, from its number (the chart's class ranges) and, for the
 * member contributions, its name. A proposal: the officer sees every one, and existing Kontoplan
 * rows are never changed. Every account of classes 3–8 gets one; null only for class 0 and numbers
 * outside the chart.
 *
 * Class 8 is covered whole: financial items, then what a municipal income statement has no line of its
 * own for (BAS 88 appropriations and group contributions, 89 tax; Kommun-BAS 86–89) as extraordinary
 * items (a samordningsförbund pays no tax and makes no appropriations: the officer sees the proposal),
 * and 8990–8999 (Årets resultat) as the closing entry, which is neither income nor cost.
 */
export function proposeLine(account: number, name: string, chart: "BAS" | "KOMMUN-BAS"): AccountLine | null {
  if (account >= 1000 && account <= 1399) return "anlaggningstillgangar";
  if (account >= 1400 && account <= 1899) return "fordringar";
  if (account >= 1900 && account <= 1999) return "kassa_och_bank";
  if (account >= 2000 && account <= 2099) return "eget_kapital";
  if (account >= 2100 && account <= 2299) return "avsattningar";
  if (account >= 2300 && account <= 2399) return "langfristiga_skulder";
  if (account >= 2400 && account <= 2999) return "kortfristiga_skulder";
  if (account >= 3000 && account <= 3999) {
    if (/projekt|esf|medfinans|socialfond/i.test(name)) return "projektmedel";
    return /medlem|bidrag/i.test(name) ? "medlemsbidrag" : "ovriga_intakter";
  }
  if (isClosingAccount(account)) return "avslutspost";
  if (chart === "KOMMUN-BAS") {
    // Kommun-BAS: class 4 personnel; 5–7 other operating costs, grants by name; 78 depreciation;
    // 80–83 tax revenue and general grants (none in a förbund: other income); 84/85 financial; 86–89 extraordinary.
    if (account >= 4000 && account <= 4999) return "personalkostnader";
    if (account >= 7800 && account <= 7899) return "avskrivningar";
    if (account >= 5000 && account <= 7999) return /bidrag|insats/i.test(name) ? "bidrag_till_insatser" : "ovriga_externa_kostnader";
    if (account >= 8000 && account <= 8399) return "ovriga_intakter";
    if (account >= 8400 && account <= 8499) return "finansiella_intakter";
    if (account >= 8500 && account <= 8599) return "finansiella_kostnader";
    if (account >= 8600 && account <= 8999) return "extraordinara_poster";
    return null;
  }
  // BAS: 4 purchased services (a samordningsförbund's grants to projects), 5–6 other external costs,
  // 70–76 personnel, 77–78 depreciation, 79 other operating costs, 80–83 financial income,
  // 84–87 financial costs, 88 appropriations and group contributions, 89 tax.
  if (account >= 4000 && account <= 4999) return "bidrag_till_insatser";
  if (account >= 5000 && account <= 6999) return "ovriga_externa_kostnader";
  if (account >= 7000 && account <= 7699) return "personalkostnader";
  if (account >= 7700 && account <= 7899) return "avskrivningar";
  if (account >= 7900 && account <= 7999) return "ovriga_externa_kostnader";
  if (account >= 8000 && account <= 8399) return "finansiella_intakter";
  if (account >= 8400 && account <= 8799) return "finansiella_kostnader";
  if (account >= 8800 && account <= 8999) return "extraordinara_poster";
  return null;
}
