/**
 * The SIE reader's loop and its records (parse.ts is the entry point): one method per kind of record, every problem
 * an issue that names the file's line.
 */
import type { Issue } from "../messages";
import { isoOfDayNumber } from "../dates";
import { MAX_TOTAL_ORE } from "../money";
import { asCellRef, DayNumber, Ore } from "../units";
import { checksumOf } from "./crc32";
import { decode, lineEndsAsLf } from "./encoding";
import { badDateCode, dayOf, fastTrans, Field, fieldsOf, isSpace, list, ORE_TOO_LARGE, oreOf, pairs, str, TransCache } from "./fields";
import type { SieFile, SieVoucher } from "./sieFile";
import { emptyTally, foldVoucher } from "./tally";
import { budgetFields, pbudgetFields } from "./budgetRecords";

/**
 * The reader's state over one file: the voucher being read and its braces, the checksum's lines, the line number,
 * and the running total of every amount. One method per kind of record; `read` is the loop over the lines.
 */
export class SieReader {
  private voucher: SieVoucher | null = null;
  /** Inside a voucher's braces. */
  private inBlock = false;
  /** A #VER line without `{`: the next record must be the brace. */
  private awaitingBrace = false;
  private sawTag = false;
  private ksummaStart = -1;
  private ksummaValue: string | null = null;
  private lineNo = 0;
  /** The object lists and account texts the rows share. */
  private readonly cache: TransCache = { objects: new Map(), accounts: new Map() };
  /** Every amount read, without its sign: while it stays below MAX_TOTAL_ORE every sum taken over them is exact. */
  private absoluteTotal = 0;

  constructor(
    private readonly file: SieFile,
    private readonly name: string,
    /** A summary read: transactions are tallied per account and day and not kept (SieFile.tally). */
    private readonly summary = false,
  ) {
    if (summary) file.tally = emptyTally();
  }

  private at(line: number) {
    return asCellRef(`${this.name}:${line}`);
  }
  private error(issue: Omit<Issue, "cell">, line: number = this.lineNo): void {
    (this.budgetRecord ? this.file.budgetIssues : this.file.errors).push({ ...issue, cell: this.at(line) } as Issue);
  }
  /** Reading a budget record: its problems are the budget's (SieFile.budgetIssues), not the whole file's. */
  private budgetRecord = false;

  read(bytes: Uint8Array): SieFile {
    const file = this.file;
    const text = lineEndsAsLf(decode(bytes, file.encoding));
    const replacements = text.split("\ufffd").length - 1;
    if (replacements > 0) file.warnings.push({ code: "sie_replacement_characters", params: { count: replacements }, cell: this.at(1) });
    let pos = 0;
    while (pos <= text.length) {
      let end = text.indexOf("\n", pos);
      if (end < 0) end = text.length;
      const lineStart = pos;
      pos = end + 1;
      this.lineNo++;
      // Positions first, strings only when needed: most lines are braces and #TRANS rows.
      let stop = end;
      while (stop > lineStart && (text.charCodeAt(stop - 1) === 13 || isSpace(text.charCodeAt(stop - 1)))) stop--;
      let lead = lineStart;
      while (lead < stop && isSpace(text.charCodeAt(lead))) lead++;
      if (stop - lead === 1) {
        const c = text.charCodeAt(lead);
        if (c === 123 /* { */) {
          this.openBrace();
          continue;
        }
        if (c === 125 /* } */) {
          this.closeBrace();
          continue;
        }
      }
      if (this.inBlock && text.startsWith("#TRANS", lead) && isSpace(text.charCodeAt(lead + 6))) {
        const t = fastTrans(text, lead, stop, this.lineNo, this.summary, this.cache);
        if (t) {
          this.counted(t.ore);
          this.voucher!.transactions.push(t);
          continue;
        }
      }
      const trimmed = text.slice(lead, stop);
      if (trimmed === "") {
        if (end === text.length) break;
        continue;
      }
      if (trimmed[0] !== "#") {
        if (!this.sawTag) {
          file.errors.push({ code: "sie_not_sie", params: {}, cell: this.at(this.lineNo) });
          return file;
        }
        // Inside a voucher every line is a record; elsewhere a stray line is passed over, as the programs do.
        if (this.inBlock) this.error({ code: "sie_not_a_record", params: { text: trimmed.slice(0, 40) } });
        continue;
      }
      this.record(trimmed);
    }
    return this.finish(bytes);
  }

  /** One record (a line starting with #). */
  private record(trimmed: string): void {
    this.sawTag = true;
    const f = fieldsOf(trimmed);
    const tag = str(f[0]).toUpperCase();
    if (this.awaitingBrace) {
      // A #VER whose `{` never came: its transactions cannot be told from what follows.
      this.error({ code: "sie_voucher_without_brace", params: {} }, this.voucher ? this.voucher.line : this.lineNo);
      this.awaitingBrace = false;
      this.closeVoucher();
    }
    const file = this.file;
    switch (tag) {
      case "#KSUMMA":
        if (f.length === 1) this.ksummaStart = this.lineNo;
        else this.ksummaValue = str(f[1]);
        break;
      case "#SIETYP":
        file.sieType = Number(str(f[1])) || null;
        break;
      case "#PROGRAM":
        file.program = [str(f[1]), str(f[2])].filter(Boolean).join(" ");
        break;
      case "#FNAMN":
        // The name is one quoted field; some exports leave a name of several words unquoted.
        file.company = f.slice(1).map(str).join(" ");
        break;
      case "#ORGNR":
        file.orgNumber = str(f[1]);
        break;
      case "#KPTYP":
        file.chartType = str(f[1]);
        break;
      case "#RAR":
        this.fiscalYear(f);
        break;
      case "#KONTO": {
        const account = this.accountOf(str(f[1]));
        if (account !== null) {
          file.accounts.set(account, f.slice(2).map(str).join(" "));
          file.accountTexts.set(account, str(f[1]));
        }
        break;
      }
      case "#DIM":
        file.dimensions.set(Number(str(f[1])), str(f[2]));
        break;
      case "#OBJEKT":
        file.objects.set(`${str(f[1])}/${str(f[2])}`, str(f[3]));
        break;
      case "#IB":
      case "#UB":
      case "#RES":
        this.balance(tag, f);
        break;
      case "#PSALDO":
        this.periodBalance(f);
        break;
      case "#PBUDGET":
      case "#BUDGET":
        this.budgetRecord = true;
        try {
          if (tag === "#PBUDGET") this.periodBudget(f);
          else this.yearBudget(f);
        } finally {
          this.budgetRecord = false;
        }
        break;
      case "#VER":
        this.openVoucher(f, trimmed);
        break;
      case "#TRANS":
        this.transaction(f);
        break;
      default:
      // #FLAGGA, #FORMAT, #GEN, #RTRANS, #BTRANS and tags this reader does not use: ignored.
    }
  }

  /** #RAR: a fiscal year; its dates must exist, it may not end before it starts nor overlap another. */
  private fiscalYear(f: Field[]): void {
    const start = dayOf(str(f[2]));
    const stop = dayOf(str(f[3]));
    const offset = Number(str(f[1]));
    if (start === null || stop === null) {
      const bad = start === null ? str(f[2]) : str(f[3]);
      this.error({ code: badDateCode(bad), params: { value: `${str(f[2])} ${str(f[3])}` } });
    } else if (!Number.isInteger(offset) || str(f[1]) === "") this.error({ code: "sie_bad_year_index", params: { value: str(f[1]) } });
    else if (stop < start)
      this.error({ code: "sie_fiscal_year_reversed", params: { start: isoOfDayNumber(start), end: isoOfDayNumber(stop) } });
    else {
      const other = this.file.years.find((y) => y.offset === offset || (start <= y.end && stop >= y.start));
      if (!other) this.file.years.push({ offset, start, end: stop, line: this.lineNo });
      else {
        const params = {
          start: isoOfDayNumber(start),
          end: isoOfDayNumber(stop),
          otherStart: isoOfDayNumber(other.start),
          otherEnd: isoOfDayNumber(other.end),
        };
        this.error({ code: "sie_fiscal_years_overlap", params });
      }
    }
  }

  /** #IB, #UB, #RES: a year's balance of an account. */
  private balance(tag: "#IB" | "#UB" | "#RES", f: Field[]): void {
    const year = Number(str(f[1]));
    const account = this.accountOf(str(f[2]));
    const ore = this.amountOf(str(f[3]));
    if (account === null || ore === null || !this.yearIndexOk(f[1])) return;
    const target = tag === "#IB" ? this.file.ib : tag === "#UB" ? this.file.ub : this.file.res;
    target.push({ year, account, ore, line: this.lineNo });
  }

  /** #PSALDO: a month's balance of an account, possibly per object. */
  private periodBalance(f: Field[]): void {
    const account = this.accountOf(str(f[3]));
    const ore = this.amountOf(str(f[5]));
    if (account === null || ore === null) return;
    const objects = pairs(list(f[4]));
    this.file.psaldo.push({ year: Number(str(f[1])), period: str(f[2]), account, objects, ore, line: this.lineNo });
  }

  /** #PBUDGET (either field order, budgetRecords.ts) and #BUDGET: a month's or a year's budget of an account. */
  private periodBudget(f: Field[]): void {
    const r = pbudgetFields(f);
    const account = this.accountOf(r.account);
    const ore = this.amountOf(r.amount);
    if (account === null || ore === null || !this.yearIndexOk(f[1])) return;
    this.file.pbudget.push({ year: Number(str(f[1])), period: r.period, account, objects: r.objects, ore, line: this.lineNo });
  }
  private yearBudget(f: Field[]): void {
    const r = budgetFields(f);
    const account = this.accountOf(r.account);
    const ore = this.amountOf(r.amount);
    if (account === null || ore === null || !this.yearIndexOk(f[1])) return;
    this.file.budget.push({ year: Number(str(f[1])), account, objects: r.objects, ore, line: this.lineNo });
  }

  /** A year index (`0`, `-1`): an integer, else an error naming the line. */
  private yearIndexOk(f: Field | undefined): boolean {
    if (Number.isInteger(Number(str(f))) && str(f) !== "") return true;
    this.error({ code: "sie_bad_year_index", params: { value: str(f) } });
    return false;
  }

  /** #VER: a voucher opens (its braces follow on this line or the next). */
  private openVoucher(f: Field[], trimmed: string): void {
    if (this.inBlock) {
      // The earlier voucher's `}` never came.
      this.error({ code: "sie_voucher_not_closed", params: {} }, this.voucher ? this.voucher.line : this.lineNo);
      this.inBlock = false;
    }
    this.closeVoucher();
    const day = dayOf(str(f[3]));
    const series = str(f[1]);
    const number = str(f[2]);
    if (day === null) {
      this.error({ code: badDateCode(str(f[3])), params: { value: str(f[3]) } });
      // Its block is still read (and dropped), so that its rows are not taken as stray records.
      this.voucher = { series, number, day: NaN as DayNumber, text: "", line: this.lineNo, transactions: [] };
      this.awaitingBrace = !trimmed.endsWith("{");
      this.inBlock = !this.awaitingBrace;
      return;
    }
    this.voucher = { series, number, day, text: str(f[4]), line: this.lineNo, transactions: [] };
    if (trimmed.endsWith("{")) this.inBlock = true;
    else this.awaitingBrace = true;
  }

  /** #TRANS (the general case; the common row takes `fastTrans`): a transaction of the open voucher. */
  private transaction(f: Field[]): void {
    const voucher = this.voucher;
    if (!this.inBlock || !voucher) {
      this.error({ code: "sie_trans_outside_voucher", params: {} });
      return;
    }
    const accountText = str(f[1]);
    const amountText = str(f[3]);
    if (accountText === "" || amountText === "") {
      this.error({ code: "sie_trans_incomplete", params: {} });
      return;
    }
    const account = this.accountOf(accountText);
    const ore = this.amountOf(amountText);
    if (account === null || ore === null) return;
    const transDate = str(f[4]);
    if (transDate !== "" && dayOf(transDate) === null) this.error({ code: badDateCode(transDate), params: { value: transDate } });
    voucher.transactions.push({ account, accountText, objects: pairs(list(f[2])), ore, text: str(f[5]), line: this.lineNo });
  }

  /** An account field: digits (leading zeros kept in the text), else an error naming the value. */
  private accountOf(value: string): number | null {
    if (/^\d{1,15}$/.test(value)) return Number(value);
    this.error({ code: "sie_account_not_number", params: { value } });
    return null;
  }

  /** An amount field as öre, or null after an error naming the value. */
  private amountOf(value: string): Ore | null {
    const ore = oreOf(value);
    if (ore === null) this.error({ code: "sie_bad_amount", params: { value } });
    else if (ore === ORE_TOO_LARGE) this.error({ code: "sie_amount_too_large", params: { value } });
    else {
      this.counted(ore);
      return ore;
    }
    return null;
  }

  /** Counts an amount into the running total; the line where the total passes 2^53 öre is an error. */
  private counted(ore: Ore): void {
    if (this.absoluteTotal > MAX_TOTAL_ORE) return;
    this.absoluteTotal += ore < 0 ? -ore : ore;
    // Whatever record passes it, the total is the whole file's: no sum over its amounts can be trusted.
    if (this.absoluteTotal > MAX_TOTAL_ORE)
      this.file.errors.push({ code: "sie_amounts_total_too_large", params: {}, cell: this.at(this.lineNo) });
  }

  private closeVoucher(): void {
    const voucher = this.voucher;
    if (!voucher) return;
    const sum = voucher.transactions.reduce((a, t) => a + t.ore, 0);
    if (sum !== 0) {
      const params = { series: voucher.series, number: voucher.number, difference: (sum / 100).toFixed(2) };
      this.error({ code: "sie_unbalanced_voucher", params }, voucher.line);
    }
    // A summary read keeps the voucher's sums, date and line, not the voucher (500 000 objects cost more than the file).
    if (this.file.tally) foldVoucher(voucher, this.file.tally);
    else this.file.vouchers.push(voucher);
    this.voucher = null;
  }

  private openBrace(): void {
    if (this.awaitingBrace) {
      this.awaitingBrace = false;
      this.inBlock = true;
    } else this.error({ code: "sie_stray_brace", params: { brace: "{" } });
  }

  private closeBrace(): void {
    if (this.inBlock) this.closeVoucher();
    else this.error({ code: "sie_stray_brace", params: { brace: "}" } });
    this.inBlock = false;
  }

  /** The end of the file: a voucher left open, the checksum. */
  private finish(bytes: Uint8Array): SieFile {
    const file = this.file;
    const voucherLine = this.voucher ? this.voucher.line : this.lineNo;
    if (this.awaitingBrace) this.error({ code: "sie_voucher_without_brace", params: {} }, voucherLine);
    else if (this.inBlock) this.error({ code: "sie_voucher_not_closed", params: {} }, voucherLine);
    this.closeVoucher();
    // A voucher whose date could not be read was reported; it holds no transactions for the import.
    file.vouchers = file.vouchers.filter((v) => !Number.isNaN(v.day));
    if (!this.sawTag) file.errors.push({ code: "sie_not_sie", params: {}, cell: this.at(1) });
    if (this.ksummaStart > 0 && this.ksummaValue === null)
      file.errors.push({ code: "sie_checksum_unclosed", params: {}, cell: this.at(this.ksummaStart) });
    if (this.ksummaValue !== null && this.ksummaStart > 0) {
      const actual = checksumOf(bytes, this.ksummaStart);
      file.checksum = String(actual) === this.ksummaValue.trim() ? "ok" : "wrong";
      if (file.checksum === "wrong")
        file.errors.push({
          code: "sie_checksum_wrong",
          params: { stated: this.ksummaValue, actual: String(actual) },
          cell: this.at(this.ksummaStart),
        });
    }
    return file;
  }
}
