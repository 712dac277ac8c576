/**
 * Reads an SIE file (SIE filformat 4B, types 1–4) into plain data, with every problem as a catalogue
 * issue that names the file's line. What real files break is accepted where the meaning is clear:
 * tabs between fields, quoted or bare fields, `\"` inside quotes, object lists with or without spaces
 * (`{1 "100" 6 "P1"}`), unknown tags (ignored, as the specification says), CR/LF line ends.
 * Only #TRANS rows count as transactions (#RTRANS and #BTRANS record changes, not postings).
 */
import type { Issue } from "../messages";
import { asCellRef, DayNumber } from "../units";
import { crc32String } from "./crc32";
import { decode, detectEncoding, SieEncoding } from "./encoding";
import { dayOf, fastTrans, fieldsOf, isSpace, list, oreOf, pairs, str } from "./fields";

export { dayOf, fieldsOf, oreOf } from "./fields";
export type { Field } from "./fields";

/** Files larger than this are refused (a 1 000 000-transaction export is about 60 MB). */
export const SIE_MAX_BYTES = 256 * 1024 * 1024;

export interface SieTransaction {
  account: number;
  /** The account as written (`0351` keeps its class 0). */
  accountText: string;
  /** Dimension → object id (`{6 "P1"}` → 6 → "P1"). */
  objects: Array<[number, string]>;
  /** Öre, debit positive. */
  ore: number;
  text: string;
  line: number;
}

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
  years: Array<{ offset: number; start: DayNumber; end: DayNumber }>;
  accounts: Map<number, string>;
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
  const text = decode(bytes, encoding);
  const replacements = text.split("\ufffd").length - 1;
  if (replacements > 0) file.warnings.push({ code: "sie_replacement_characters", params: { count: replacements }, cell: at(1) });

  let voucher: SieVoucher | null = null;
  let inBlock = false;
  let sawTag = false;
  let ksummaStart = -1;
  let ksummaValue: string | null = null;
  let lineNo = 0;
  let pos = 0;
  const error = (issue: Omit<Issue, "cell">, line: number) => {
    if (file.errors.length < 100) file.errors.push({ ...issue, cell: at(line) } as Issue);
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
        if (voucher) inBlock = true;
        continue;
      }
      if (c === 125 /* } */) {
        if (inBlock) closeVoucher();
        inBlock = false;
        continue;
      }
    }
    if (voucher && text.startsWith("#TRANS", lead) && isSpace(text.charCodeAt(lead + 6))) {
      const t = fastTrans(text.slice(lead, stop), lineNo);
      if (t) {
        sawTag = true;
        voucher.transactions.push(t);
        continue;
      }
    }
    const trimmed = text.slice(lead, stop);
    if (trimmed === "") {
      if (end === text.length) break;
      continue;
    }
    if (trimmed === "{") {
      if (voucher) inBlock = true;
      continue;
    }
    if (trimmed === "}") {
      if (inBlock) closeVoucher();
      inBlock = false;
      continue;
    }
    if (trimmed[0] !== "#") {
      if (!sawTag) {
        file.errors.push({ code: "sie_not_sie", params: {}, cell: at(lineNo) });
        return file;
      }
      continue;
    }
    sawTag = true;
    const f = fieldsOf(trimmed);
    const tag = str(f[0]).toUpperCase();
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
        if (start === null || stop === null) error({ code: "sie_bad_date", params: { value: `${str(f[2])} ${str(f[3])}` } }, lineNo);
        else file.years.push({ offset: Number(str(f[1])), start, end: stop });
        break;
      }
      case "#KONTO":
        file.accounts.set(Number(str(f[1])), f.slice(2).map(str).join(" "));
        break;
      case "#DIM":
        file.dimensions.set(Number(str(f[1])), str(f[2]));
        break;
      case "#OBJEKT":
        file.objects.set(`${str(f[1])}/${str(f[2])}`, str(f[3]));
        break;
      case "#IB":
      case "#UB":
      case "#RES": {
        const ore = oreOf(str(f[3]));
        if (ore === null) {
          error({ code: "sie_bad_amount", params: { value: str(f[3]) } }, lineNo);
          break;
        }
        const target = tag === "#IB" ? file.ib : tag === "#UB" ? file.ub : file.res;
        target.push({ year: Number(str(f[1])), account: Number(str(f[2])), ore, line: lineNo });
        break;
      }
      case "#PSALDO": {
        const ore = oreOf(str(f[5]));
        if (ore === null) {
          error({ code: "sie_bad_amount", params: { value: str(f[5]) } }, lineNo);
          break;
        }
        file.psaldo.push({
          year: Number(str(f[1])),
          period: str(f[2]),
          account: Number(str(f[3])),
          objects: pairs(list(f[4])),
          ore,
          line: lineNo,
        });
        break;
      }
      case "#VER": {
        closeVoucher();
        const day = dayOf(str(f[3]));
        if (day === null) {
          error({ code: "sie_bad_date", params: { value: str(f[3]) } }, lineNo);
          break;
        }
        voucher = { series: str(f[1]), number: str(f[2]), day, text: str(f[4]), line: lineNo, transactions: [] };
        if (trimmed.endsWith("{")) inBlock = true;
        break;
      }
      case "#TRANS": {
        if (!voucher) break;
        const accountText = str(f[1]);
        const amountText = str(f[3]);
        if (!/^\d+$/.test(accountText) || amountText === "") {
          error({ code: "sie_trans_incomplete", params: {} }, lineNo);
          break;
        }
        const ore = oreOf(amountText);
        if (ore === null) {
          error({ code: "sie_bad_amount", params: { value: amountText } }, lineNo);
          break;
        }
        const transDate = str(f[4]);
        if (transDate !== "" && dayOf(transDate) === null) error({ code: "sie_bad_date", params: { value: transDate } }, lineNo);
        voucher.transactions.push({
          account: Number(accountText),
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
  closeVoucher();
  if (!sawTag) file.errors.push({ code: "sie_not_sie", params: {}, cell: at(1) });
  if (ksummaValue !== null && ksummaStart > 0) {
    const actual = checksumOf(bytes, ksummaStart);
    file.checksum = String(actual) === ksummaValue.trim() ? "ok" : "wrong";
    if (file.checksum === "wrong")
      file.errors.push({ code: "sie_checksum_wrong", params: { stated: ksummaValue, actual: String(actual) }, cell: at(ksummaStart) });
  }
  return file;
}

/**
 * #KSUMMA: CRC-32 over the fields of every record between the opening #KSUMMA and the closing one,
 * in the file's own bytes, without separators, quotes or braces (checked against two real exports).
 */
export function checksumOf(bytes: Uint8Array, startLine: number): number {
  // Latin-1 maps each byte to one character, so the fields' characters are the file's bytes.
  const text = decode(bytes, "latin-1");
  const lines = text.split("\n");
  let joined = "";
  for (let i = startLine; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, "");
    if (/^\s*#KSUMMA\b/i.test(line)) break;
    for (const f of fieldsOf(line)) joined += Array.isArray(f) ? f.join("") : f === "{" || f === "}" ? "" : f;
  }
  return crc32String(joined);
}
