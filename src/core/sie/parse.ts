/**
 * Reads an SIE file (SIE filformat 4B, types 1–4) into plain data, with every problem as a catalogue
 * issue that names the file's line. What real files break is accepted where the meaning is clear:
 * tabs between fields, quoted or bare fields, `\"` inside quotes, object lists with or without spaces
 * (`{1 "100" 6 "P1"}`), unknown tags (ignored, as the specification says), CR/LF line ends.
 * Only #TRANS rows count as transactions (#RTRANS and #BTRANS record changes, not postings).
 */
import type { Issue } from "../messages";
import { isoOfDayNumber } from "../dates";
import { asCellRef, DayNumber } from "../units";
import { crc32String } from "./crc32";
import { decode, detectEncoding, SieEncoding } from "./encoding";
import type { SieTransaction } from "./transaction";

export type { SieTransaction };
import { MAX_TOTAL_ORE } from "../money";
import { badDateCode, dayOf, fastTrans, fieldsOf, isSpace, list, ORE_TOO_LARGE, oreOf, pairs, str } from "./fields";

export { dayOf, fieldsOf, oreOf } from "./fields";
export type { Field } from "./fields";

/** Files larger than this are refused (a 1 000 000-transaction export is about 60 MB). */
export const SIE_MAX_BYTES = 256 * 1024 * 1024;

export interface SieVoucher {
  series: string;
  number: string;
  day: DayNumber;
  text: string;
  line: number;
  transactions: SieTransaction[];
}

export interface SieBalance {
  year: number;
  account: number;
  ore: number;
  line: number;
}

export interface SiePeriodBalance extends SieBalance {
  /** Year and month, `YYYYMM`. */
  period: string;
  objects: Array<[number, string]>;
}

export interface SieFile {
  encoding: SieEncoding;
  sieType: number | null;
  program: string;
  company: string;
  orgNumber: string;
  chartType: string;
  /** `#RAR`: fiscal years by offset (0 = this year, −1 = last year). */
  years: Array<{ offset: number; start: DayNumber; end: DayNumber; line: number }>;
  accounts: Map<number, string>;
  /** The accounts as written in #KONTO (`0351` keeps its leading zero). */
  accountTexts: Map<number, string>;
  dimensions: Map<number, string>;
  objects: Map<string, string>;
  ib: SieBalance[];
  ub: SieBalance[];
  res: SieBalance[];
  psaldo: SiePeriodBalance[];
  vouchers: SieVoucher[];
  checksum: "ok" | "absent" | "wrong";
  errors: Issue[];
  warnings: Issue[];
}

/** Reads an SIE file from its bytes. `name` is the file's name, for the messages' locations. */
export function parseSie(bytes: Uint8Array, name: string, maxBytes = SIE_MAX_BYTES): SieFile {
  const encoding = detectEncoding(bytes);
  const file: SieFile = {
    encoding,
    sieType: null,
    program: "",
    company: "",
    orgNumber: "",
    chartType: "",
    years: [],
    accounts: new Map(),
    accountTexts: new Map(),
    dimensions: new Map(),
    objects: new Map(),
    ib: [],
    ub: [],
    res: [],
    psaldo: [],
    vouchers: [],
    checksum: "absent",
    errors: [],
    warnings: [],
  };
  const at = (line: number) => asCellRef(`${name}:${line}`);
  if (bytes.length > maxBytes) {
    file.errors.push({ code: "sie_too_large", params: { megabytes: Math.round((maxBytes / 1048576) * 10) / 10 }, cell: at(1) });
    return file;
  }
  const text = lineEndsAsLf(decode(bytes, encoding));
  const replacements = text.split("\ufffd").length - 1;
  if (replacements > 0) file.warnings.push({ code: "sie_replacement_characters", params: { count: replacements }, cell: at(1) });

  let voucher: SieVoucher | null = null;
  /** Inside a voucher's braces. */
  let inBlock = false;
  /** A #VER line without `{`: the next record must be the brace. */
  let awaitingBrace = false;
  let sawTag = false;
  let ksummaStart = -1;
  let ksummaValue: string | null = null;
  let lineNo = 0;
  let pos = 0;
  const error = (issue: Omit<Issue, "cell">, line: number) => {
    file.errors.push({ ...issue, cell: at(line) } as Issue);
  };
  /** An account field: digits (leading zeros kept in the text), else an error naming the value. */
  const accountOf = (value: string, line: number): number | null => {
    if (/^\d{1,15}$/.test(value)) return Number(value);
    error({ code: "sie_account_not_number", params: { value } }, line);
    return null;
  };
  /** Every amount read, without its sign: while it stays below MAX_TOTAL_ORE every sum taken over them is exact. */
  let absoluteTotal = 0;
  const counted = (ore: number, line: number): void => {
    if (absoluteTotal > MAX_TOTAL_ORE) return;
    absoluteTotal += ore < 0 ? -ore : ore;
    if (absoluteTotal > MAX_TOTAL_ORE) error({ code: "sie_amounts_total_too_large", params: {} }, line);
  };
  /** An amount field as öre, or null after an error naming the value. */
  const amountOf = (value: string, line: number): number | null => {
    const ore = oreOf(value);
    if (ore === null) error({ code: "sie_bad_amount", params: { value } }, line);
    else if (ore === ORE_TOO_LARGE) error({ code: "sie_amount_too_large", params: { value } }, line);
    else {
      counted(ore, line);
      return ore;
    }
    return null;
  };
  const closeVoucher = () => {
    if (!voucher) return;
    const sum = voucher.transactions.reduce((a, t) => a + t.ore, 0);
    if (sum !== 0) {
      error(
        { code: "sie_unbalanced_voucher", params: { series: voucher.series, number: voucher.number, difference: (sum / 100).toFixed(2) } },
        voucher.line,
      );
    }
    file.vouchers.push(voucher);
    voucher = null;
  };
  const openBrace = () => {
    if (awaitingBrace) {
      awaitingBrace = false;
      inBlock = true;
    } else error({ code: "sie_stray_brace", params: { brace: "{" } }, lineNo);
  };
  const closeBrace = () => {
    if (inBlock) closeVoucher();
    else error({ code: "sie_stray_brace", params: { brace: "}" } }, lineNo);
    inBlock = false;
  };
  while (pos <= text.length) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    const lineStart = pos;
    pos = end + 1;
    lineNo++;
    // Positions first, strings only when needed: most lines are braces and #TRANS rows.
    let stop = end;
    while (stop > lineStart && (text.charCodeAt(stop - 1) === 13 || isSpace(text.charCodeAt(stop - 1)))) stop--;
    let lead = lineStart;
    while (lead < stop && isSpace(text.charCodeAt(lead))) lead++;
    if (stop - lead === 1) {
      const c = text.charCodeAt(lead);
      if (c === 123 /* { */) {
        openBrace();
        continue;
      }
      if (c === 125 /* } */) {
        closeBrace();
        continue;
      }
    }
    if (inBlock && text.startsWith("#TRANS", lead) && isSpace(text.charCodeAt(lead + 6))) {
      const t = fastTrans(text.slice(lead, stop), lineNo);
      if (t) {
        counted(t.ore, lineNo);
        voucher!.transactions.push(t);
        continue;
      }
    }
    const trimmed = text.slice(lead, stop);
    if (trimmed === "") {
      if (end === text.length) break;
      continue;
    }
    if (trimmed[0] !== "#") {
      if (!sawTag) {
        file.errors.push({ code: "sie_not_sie", params: {}, cell: at(lineNo) });
        return file;
      }
      // Inside a voucher every line is a record; elsewhere a stray line is passed over, as the programs do.
      if (inBlock) error({ code: "sie_not_a_record", params: { text: trimmed.slice(0, 40) } }, lineNo);
      continue;
    }
    sawTag = true;
    const f = fieldsOf(trimmed);
    const tag = str(f[0]).toUpperCase();
    if (awaitingBrace) {
      // A #VER whose `{` never came: its transactions cannot be told from what follows.
      error({ code: "sie_voucher_without_brace", params: {} }, voucher ? voucher.line : lineNo);
      awaitingBrace = false;
      closeVoucher();
    }
    switch (tag) {
      case "#KSUMMA":
        if (f.length === 1) ksummaStart = lineNo;
        else ksummaValue = str(f[1]);
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
      case "#RAR": {
        const start = dayOf(str(f[2]));
        const stop = dayOf(str(f[3]));
        const offset = Number(str(f[1]));
        if (start === null || stop === null) {
          const bad = start === null ? str(f[2]) : str(f[3]);
          error({ code: badDateCode(bad), params: { value: `${str(f[2])} ${str(f[3])}` } }, lineNo);
        } else if (!Number.isInteger(offset) || str(f[1]) === "")
          error({ code: "sie_bad_year_index", params: { value: str(f[1]) } }, lineNo);
        else if (stop < start)
          error({ code: "sie_fiscal_year_reversed", params: { start: isoOfDayNumber(start), end: isoOfDayNumber(stop) } }, lineNo);
        else {
          const other = file.years.find((y) => y.offset === offset || (start <= y.end && stop >= y.start));
          if (other)
            error(
              {
                code: "sie_fiscal_years_overlap",
                params: {
                  start: isoOfDayNumber(start),
                  end: isoOfDayNumber(stop),
                  otherStart: isoOfDayNumber(other.start),
                  otherEnd: isoOfDayNumber(other.end),
                },
              },
              lineNo,
            );
          else file.years.push({ offset, start, end: stop, line: lineNo });
        }
        break;
      }
      case "#KONTO": {
        const account = accountOf(str(f[1]), lineNo);
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
      case "#RES": {
        const year = Number(str(f[1]));
        const account = accountOf(str(f[2]), lineNo);
        const ore = amountOf(str(f[3]), lineNo);
        if (account === null || ore === null) break;
        if (!Number.isInteger(year) || str(f[1]) === "") {
          error({ code: "sie_bad_year_index", params: { value: str(f[1]) } }, lineNo);
          break;
        }
        const target = tag === "#IB" ? file.ib : tag === "#UB" ? file.ub : file.res;
        target.push({ year, account, ore, line: lineNo });
        break;
      }
      case "#PSALDO": {
        const account = accountOf(str(f[3]), lineNo);
        const ore = amountOf(str(f[5]), lineNo);
        if (account === null || ore === null) break;
        file.psaldo.push({
          year: Number(str(f[1])),
          period: str(f[2]),
          account,
          objects: pairs(list(f[4])),
          ore,
          line: lineNo,
        });
        break;
      }
      case "#VER": {
        if (inBlock) {
          // The earlier voucher's `}` never came.
          error({ code: "sie_voucher_not_closed", params: {} }, voucher ? voucher.line : lineNo);
          inBlock = false;
        }
        closeVoucher();
        const day = dayOf(str(f[3]));
        if (day === null) {
          error({ code: badDateCode(str(f[3])), params: { value: str(f[3]) } }, lineNo);
          // Its block is still read (and dropped), so that its rows are not taken as stray records.
          voucher = { series: str(f[1]), number: str(f[2]), day: NaN as DayNumber, text: "", line: lineNo, transactions: [] };
          awaitingBrace = !trimmed.endsWith("{");
          inBlock = !awaitingBrace;
          break;
        }
        voucher = { series: str(f[1]), number: str(f[2]), day, text: str(f[4]), line: lineNo, transactions: [] };
        if (trimmed.endsWith("{")) inBlock = true;
        else awaitingBrace = true;
        break;
      }
      case "#TRANS": {
        if (!inBlock || !voucher) {
          error({ code: "sie_trans_outside_voucher", params: {} }, lineNo);
          break;
        }
        const accountText = str(f[1]);
        const amountText = str(f[3]);
        if (accountText === "" || amountText === "") {
          error({ code: "sie_trans_incomplete", params: {} }, lineNo);
          break;
        }
        const account = accountOf(accountText, lineNo);
        const ore = amountOf(amountText, lineNo);
        if (account === null || ore === null) break;
        const transDate = str(f[4]);
        if (transDate !== "" && dayOf(transDate) === null) error({ code: badDateCode(transDate), params: { value: transDate } }, lineNo);
        voucher.transactions.push({
          account,
          accountText,
          objects: pairs(list(f[2])),
          ore,
          text: str(f[5]),
          line: lineNo,
        });
        break;
      }
      default:
      // #FLAGGA, #FORMAT, #GEN, #RTRANS, #BTRANS and tags this reader does not use: ignored.
    }
  }
  if (awaitingBrace) error({ code: "sie_voucher_without_brace", params: {} }, voucher ? (voucher as SieVoucher).line : lineNo);
  else if (inBlock) error({ code: "sie_voucher_not_closed", params: {} }, voucher ? (voucher as SieVoucher).line : lineNo);
  closeVoucher();
  // A voucher whose date could not be read was reported; it holds no transactions for the import.
  file.vouchers = file.vouchers.filter((v) => !Number.isNaN(v.day));
  if (!sawTag) file.errors.push({ code: "sie_not_sie", params: {}, cell: at(1) });
  if (ksummaStart > 0 && ksummaValue === null) file.errors.push({ code: "sie_checksum_unclosed", params: {}, cell: at(ksummaStart) });
  if (ksummaValue !== null && ksummaStart > 0) {
    const actual = checksumOf(bytes, ksummaStart);
    file.checksum = String(actual) === ksummaValue.trim() ? "ok" : "wrong";
    if (file.checksum === "wrong")
      file.errors.push({ code: "sie_checksum_wrong", params: { stated: ksummaValue, actual: String(actual) }, cell: at(ksummaStart) });
  }
  return file;
}

/** CR LF and LF are line ends; so is a lone CR (old Mac exports): read as LF. */
export function lineEndsAsLf(text: string): string {
  const cr = text.indexOf("\r");
  if (cr < 0) return text;
  // Most files are CR LF throughout: only a lone CR makes the copy worth it.
  return /\r(?!\n)/.test(text) ? text.replace(/\r\n?/g, "\n") : text;
}

/**
 * #KSUMMA: CRC-32 over the fields of every record between the opening #KSUMMA and the closing one,
 * in the file's own bytes, without separators, quotes or braces (checked against two real exports).
 */
export function checksumOf(bytes: Uint8Array, startLine: number): number {
  // Latin-1 maps each byte to one character, so the fields' characters are the file's bytes.
  const text = lineEndsAsLf(decode(bytes, "latin-1"));
  const lines = text.split("\n");
  let joined = "";
  for (let i = startLine; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, "");
    if (/^\s*#KSUMMA\b/i.test(line)) break;
    for (const f of fieldsOf(line)) joined += Array.isArray(f) ? f.join("") : f === "{" || f === "}" ? "" : f;
  }
  return crc32String(joined);
}
