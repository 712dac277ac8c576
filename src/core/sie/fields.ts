/**
 * Reading one SIE line: its fields (bare or quoted words, object lists), amounts as öre, dates as day
 * numbers, and the fast path for the common #TRANS row. Written without closures or per-character
 * strings: these run once per line of files with a million rows.
 */
import { dayNumber, daysInMonth, FIRST_SHEET_YEAR } from "../dates";
import { MAX_AMOUNT_ORE } from "../money";
import { asOre, DayNumber, Ore } from "../units";
import type { SieTransaction } from "./transaction";

/** The fields of one line: bare or quoted words, and object lists as nested arrays. */
export type Field = string | string[];

export const isSpace = (c: number) => c === 32 || c === 9;

/** Splits a line into fields. Written without closures or per-character strings: it runs once per line. */
export function fieldsOf(line: string): Field[] {
  const out: Field[] = [];
  let i = 0;
  const n = line.length;
  let list: string[] | null = null;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (list === null && c === 123 /* { */) {
      list = [];
      i++;
      continue;
    }
    if (list !== null && c === 125 /* } */) {
      out.push(list);
      list = null;
      i++;
      continue;
    }
    let value: string;
    if (c === 34 /* " */) {
      let close = line.indexOf('"', i + 1);
      while (close > 0 && line.charCodeAt(close - 1) === 92 /* \ */) close = line.indexOf('"', close + 1);
      if (close < 0) close = n;
      value = line.slice(i + 1, close);
      if (value.indexOf("\\") >= 0) value = value.replace(/\\"/g, '"');
      i = close + 1;
    } else {
      const from = i;
      // A bare word ends at a space, a brace, or where a quoted one begins (`6"P1"` without a space).
      while (i < n) {
        const d = line.charCodeAt(i);
        if (isSpace(d) || d === 34 || (list === null ? d === 123 : d === 125)) break;
        i++;
      }
      value = line.slice(from, i);
    }
    if (list !== null) list.push(value);
    else out.push(value);
  }
  if (list !== null) out.push(list);
  return out;
}

/** Amounts beyond the largest the workbook reads (MAX_AMOUNT_ORE, 1 000 billion kr): `oreOf` answers this, not a number. */
export const ORE_TOO_LARGE = "too large";

/** Whole kronor above this are beyond MAX_AMOUNT_ORE whatever the öre. */
const MAX_WHOLE = MAX_AMOUNT_ORE / 100;

/**
 * An amount with at most two decimals as öre, or null when it is not an amount, or `ORE_TOO_LARGE`
 * when it is one but beyond ±MAX_AMOUNT_ORE. Lenient as the programs are: `.20`, `-.5`, `+12`,
 * a comma as the decimal sign.
 */
export function oreOf(text: string): Ore | typeof ORE_TOO_LARGE | null {
  return oreAt(text, 0, text.length);
}

/** `oreOf` of `text.slice(from, n)`, without the slice (the reader's hot path). */
export function oreAt(text: string, from: number, n: number): Ore | typeof ORE_TOO_LARGE | null {
  let i = from;
  const first = n > from ? text.charCodeAt(from) : 0;
  const negative = first === 45; /* - */
  if (negative || first === 43 /* + */) i++;
  let whole = 0;
  let digits = 0;
  let tooLarge = false;
  for (; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    if (whole > MAX_WHOLE) tooLarge = true;
    else whole = whole * 10 + d;
    digits++;
  }
  let cents = 0;
  let decimals = 0;
  if (i < n) {
    const sep = text.charCodeAt(i);
    decimals = n - i - 1;
    if ((sep !== 46 && sep !== 44) || decimals < 1 || decimals > 2) return null;
    for (let k = i + 1; k < n; k++) {
      const d = text.charCodeAt(k) - 48;
      if (d < 0 || d > 9) return null;
      cents = cents * 10 + d;
    }
    if (decimals === 1) cents *= 10;
  }
  if (digits === 0 && decimals === 0) return null;
  if (tooLarge || whole > MAX_WHOLE) return ORE_TOO_LARGE;
  const ore = whole * 100 + cents;
  if (ore > MAX_AMOUNT_ORE) return ORE_TOO_LARGE;
  return asOre(negative ? -ore : ore);
}

/** `YYYYMMDD` as a day number, or null for a date that does not exist or that a spreadsheet cannot hold (before 1900). */
const days = new Map<string, DayNumber | null>();

export function dayOf(text: string): DayNumber | null {
  let day = days.get(text);
  if (day === undefined) {
    day = parseDay(text);
    if (days.size > 10000) days.clear();
    days.set(text, day);
  }
  return day;
}

function parseDay(text: string): DayNumber | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  if (y < FIRST_SHEET_YEAR) return null;
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return dayNumber(y, mo, d);
}

/** The code for a date that `dayOf` refuses: one before 1900 is a real date no spreadsheet holds, the rest are not dates. */
export function badDateCode(text: string): "sie_bad_date" | "sie_date_out_of_range" {
  return /^0\d{3}(0[1-9]|1[0-2])\d{2}$|^1[0-8]\d{2}(0[1-9]|1[0-2])\d{2}$/.test(text) ? "sie_date_out_of_range" : "sie_bad_date";
}

export const str = (f: Field | undefined): string => (typeof f === "string" ? f : "");
export const list = (f: Field | undefined): string[] => (Array.isArray(f) ? f : []);

export const NO_OBJECTS: Array<[number, string]> = [];

export function pairs(items: string[]): Array<[number, string]> {
  if (items.length < 2) return NO_OBJECTS;
  const out: Array<[number, string]> = [];
  for (let i = 0; i + 1 < items.length; i += 2) out.push([Number(items[i]), items[i + 1]]);
  return out;
}

/** How many distinct object lists and account texts a reader keeps (a file of unique ones does not fill memory twice). */
const CACHE_LIMIT = 10_000;

/**
 * What a reader's rows share (a million transactions name a few accounts and objects): each object list and account
 * text read once, the same array and string for every row that writes them alike. The arrays are never changed.
 */
export interface TransCache {
  objects: Map<string, Array<[number, string]>>;
  accounts: Map<string, string>;
}

/**
 * The common case, read without a field array (a million rows must read in about a second):
 * a #TRANS line `#TRANS 1930 {} -100.50 [date] ["text"]` with a bare account and amount, or null
 * when it is anything else (quoted account or amount, a transaction date, a problem): the general
 * reader then takes it, and reports what is wrong. Rows share their object lists and account texts through `cache`.
 */
export function fastTrans(
  text: string,
  from: number,
  n: number,
  lineNo: number,
  summary: boolean,
  cache: TransCache,
): SieTransaction | null {
  let i = from + 7;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  const accountFrom = i;
  while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  if (i === accountFrom || i >= n || !isSpace(text.charCodeAt(i))) return null;
  const written = text.slice(accountFrom, i);
  let accountText = cache.accounts.get(written);
  if (accountText === undefined) {
    accountText = written;
    if (cache.accounts.size < CACHE_LIMIT) cache.accounts.set(written, written);
  }
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 123 /* { */) return null;
  const close = text.indexOf("}", i);
  if (close < 0 || close >= n) return null;
  let objects = NO_OBJECTS;
  // A summary read does not keep the objects (nothing it reports names them).
  if (close > i + 1 && !summary) {
    const inner = text.slice(i + 1, close);
    const known = cache.objects.get(inner);
    if (known) objects = known;
    else if (inner.trim() !== "") {
      objects = pairs(fieldsOf(inner) as string[]);
      if (cache.objects.size < CACHE_LIMIT) cache.objects.set(inner, objects);
    }
  }
  i = close + 1;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  const amountFrom = i;
  while (i < n && !isSpace(text.charCodeAt(i))) i++;
  const ore = oreAt(text, amountFrom, i);
  if (ore === null || ore === ORE_TOO_LARGE) return null;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  let rest = "";
  if (i < n) {
    // A transaction date (possibly empty, "") then the text: the general reader checks the date.
    const fields = fieldsOf(text.slice(i, n));
    const date = fields[0];
    if (typeof date !== "string" || (date !== "" && dayOf(date) === null)) return null;
    rest = typeof fields[1] === "string" && !summary ? fields[1] : "";
  }
  return { account: Number(accountText), accountText, objects, ore, text: rest, line: lineNo };
}
