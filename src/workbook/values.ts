/**
 * Reading single cell values the way a Swedish user types them: amounts ("1 234 567", "1 234,50",
 * "-2 000"), percentages ("25 %", 0.25), dates (Excel serials or ISO text), yes/no.
 * Each parser returns a value, or what was wrong with the cell (a value problem of the message
 * catalogue, with the cell described as the user sees it).
 */
import { dayNumber, dayNumberOfExcelSerial, excelSerialOfDayNumber, FIRST_SHEET_YEAR, parseIsoDate } from "../core/dates";
import type { ValueProblem } from "../core/messages";
import { Decimal, exactOre, MAX_AMOUNT_ORE, noisyOre } from "../core/money";
import type { DayNumber, Ore, Result } from "../core/units";
import { isDateCell, isErrorCell, isUncalculated, RawCell } from "./grid";

/** What was wrong with a cell: the problem, and the cell as the user sees it (null when empty). */
export interface ValueFailure {
  problem: ValueProblem;
  value: string | null;
}

export type Parsed<T> = Result<T, ValueFailure>;

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(problem: ValueProblem, v: RawCell): Parsed<T> => ({
  ok: false,
  error: { problem: isUncalculated(v) ? "no_cached_value" : isErrorCell(v) ? "error_value" : problem, value: describe(v) },
});

/** The failure for a cell that holds an error value, or a formula without a computed value. */
export function errorCellFailure(v: { error: string }): ValueFailure {
  return { problem: isUncalculated(v) ? "no_cached_value" : "error_value", value: v.error };
}

/** The cell as a message shows it: text quoted (cut at 40 characters), numbers as written, null when empty. */
export function describe(v: RawCell): string | null {
  if (v === null) return null;
  if (typeof v === "string") return `"${v.length > 40 ? v.slice(0, 40) + "…" : v}"`;
  if (isErrorCell(v)) return v.error;
  if (isDateCell(v)) return v.date;
  return String(v);
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

/**
 * Parses number text. Swedish first: space (any kind) as thousands separator and decimal comma,
 * so "1 234,50" and "1234,5" read as expected and a single comma is always a decimal comma.
 * Also accepted: "1.234.567,50", "1,234,567.50", "1'234'567.50" — a separator used between
 * groups must separate groups of exactly three digits. Anything else is not a number.
 */
export function parseNumberText(text: string): Decimal | null {
  let t = text.trim().replace(/\u2212/g, "-");
  let sign = "";
  if (t.startsWith("-") || t.startsWith("+")) {
    sign = t[0] === "-" ? "-" : "";
    t = t.slice(1).trim();
  }
  t = t.replace(/[\s\u00a0\u202f\u2009\u2007]/g, " ").replace(/\u2019/g, "'");
  if (t === "") return null;
  const commas = count(t, ",");
  const dots = count(t, ".");
  const hasSpace = t.includes(" ");
  const hasApostrophe = t.includes("'");
  let groupSep: string | null = null;
  let decimalSep: string | null = null;
  if (hasSpace || hasApostrophe) {
    if ((hasSpace && hasApostrophe) || commas + dots > 1) return null;
    groupSep = hasSpace ? " " : "'";
    decimalSep = commas ? "," : dots ? "." : null;
  } else if (commas > 0 && dots > 0) {
    decimalSep = t.lastIndexOf(",") > t.lastIndexOf(".") ? "," : ".";
    groupSep = decimalSep === "," ? "." : ",";
  } else if (commas === 1) decimalSep = ",";
  else if (commas > 1) groupSep = ",";
  else if (dots === 1) decimalSep = ".";
  else if (dots > 1) groupSep = ".";
  const parts = decimalSep ? t.split(decimalSep) : [t];
  if (parts.length > 2) return null;
  let intPart = parts[0];
  const frac = parts[1];
  if (groupSep) {
    const escaped = groupSep === "." ? "\\." : groupSep;
    if (!new RegExp(`^\\d{1,3}(${escaped}\\d{3})+$`).test(intPart)) return null;
    intPart = intPart.split(groupSep).join("");
  }
  if (!/^\d*$/.test(intPart) || (frac !== undefined && !/^\d+$/.test(frac))) return null;
  if (intPart === "" && frac === undefined) return null;
  return new Decimal(sign + (intPart || "0") + (frac !== undefined ? "." + frac : ""));
}

/** Any number: a numeric cell or number text. */
export function parseNumber(v: RawCell): Parsed<Decimal> {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return fail("not_number", v);
    return ok(new Decimal(v));
  }
  if (typeof v === "string") {
    const d = parseNumberText(v);
    return d ? ok(d) : fail("not_number", v);
  }
  return fail("not_number", v);
}

/** Largest amount accepted (core/money's MAX_AMOUNT_ORE, as the SIE import has it): far above any association's books. */
export const MAX_AMOUNT = new Decimal(MAX_AMOUNT_ORE).dividedBy(100);

/** An amount in kronor with at most two decimals. */
export function parseAmount(v: RawCell): Parsed<Decimal> {
  const n = parseNumber(v);
  if (!n.ok) return fail("not_amount", v);
  let d = n.value;
  if (d.decimalPlaces() > 2) {
    // Numbers computed by formulas carry binary noise (0.1 + 0.2); accept them if they are öre within 1e-9.
    const rounded = d.toDecimalPlaces(2);
    if (typeof v === "number" && d.minus(rounded).abs().lessThan("1e-9")) d = rounded;
    else return fail("amount_decimals", v);
  }
  if (d.abs().greaterThan(MAX_AMOUNT)) return fail("amount_too_large", v);
  return ok(d.isZero() ? new Decimal(0) : d);
}

/** A percentage: "25 %", "25%", "0,25" or 0.25 as a fraction; a bare number above 1 is percent points. */
export function parsePercent(v: RawCell): Parsed<Decimal> {
  if (typeof v === "string" && v.trim().endsWith("%")) {
    const d = parseNumberText(v.trim().slice(0, -1));
    if (!d) return fail("not_percent", v);
    return ok(d.dividedBy(100));
  }
  const n = parseNumber(v);
  if (!n.ok) return fail("not_percent", v);
  return ok(n.value.abs().greaterThan(1) ? n.value.dividedBy(100) : n.value);
}

/**
 * An amount as integer öre: `parseAmount` times 100. A number cell with at most two decimals is
 * converted without Decimal (the ledger's hot path); the result is the same (see the property test).
 */
export function parseAmountOre(v: RawCell): Parsed<Ore> {
  const fast = typeof v === "number" ? (exactOre(v) ?? noisyOre(v)) : null;
  if (fast !== null) return ok(fast);
  const d = parseAmount(v);
  return d.ok ? ok(d.value.times(100).toNumber() as Ore) : d;
}

/** A whole number (years, account numbers, counts). */
export function parseInteger(v: RawCell): Parsed<number> {
  if (typeof v === "number" && Number.isSafeInteger(v)) return ok(v === 0 ? 0 : v);
  const n = parseNumber(v);
  if (!n.ok) return fail("not_integer", v);
  if (!n.value.isInteger()) return fail("not_integer", v);
  if (n.value.abs().greaterThan(Number.MAX_SAFE_INTEGER)) return fail("integer_too_large", v);
  return ok(n.value.toNumber());
}

const dateCells = new Map<string, Parsed<DayNumber>>();

/** A date: an Excel serial, a date cell, or ISO text. Returns a day number. */
export function parseDate(v: RawCell): Parsed<DayNumber> {
  if (isDateCell(v)) {
    // A ledger has a few hundred distinct dates over many rows.
    const known = dateCells.get(v.date);
    if (known) return known;
    const p = parseIsoDate(v.date);
    const parsed: Parsed<DayNumber> = p ? ok(dayNumber(p.y, p.m, p.d)) : fail("impossible_date", v);
    if (dateCells.size > 100000) dateCells.clear();
    dateCells.set(v.date, parsed);
    return parsed;
  }
  if (typeof v === "number") {
    const d = dayNumberOfExcelSerial(v);
    return d === null ? fail("impossible_date", v) : ok(d);
  }
  if (typeof v === "string") {
    const t = v.trim();
    const p = parseIsoDate(t);
    if (p && p.y < FIRST_SHEET_YEAR) return fail("date_range", v);
    if (p) return ok(dayNumber(p.y, p.m, p.d));
    return fail(/^\d{4}-\d{2}-\d{2}$/.test(t) ? "impossible_date" : "not_iso_date", v);
  }
  return fail("not_date", v);
}

/** Days between the 1900 and the 1904 date systems' serial numbers. */
export const DATE1904_OFFSET = 1462;

/** A day as the serial number of the workbook's own date system (what its cells and SUM hold). */
export function serialInWorkbook(grid: { date1904?: boolean }, day: DayNumber): number {
  return excelSerialOfDayNumber(day) - (grid.date1904 ? DATE1904_OFFSET : 0);
}

/** A date in a workbook that counts serials from 1904 (a date cell or ISO text reads the same). */
export function parseDate1904(v: RawCell): Parsed<DayNumber> {
  return typeof v === "number" ? parseDate(v + DATE1904_OFFSET) : parseDate(v);
}

/** The date reader for a workbook's date system. */
export function dateParser(grid: { date1904?: boolean }): (v: RawCell) => Parsed<DayNumber> {
  return grid.date1904 ? parseDate1904 : parseDate;
}

export function parseYesNo(v: RawCell): Parsed<boolean> {
  if (typeof v === "boolean") return ok(v);
  if (typeof v === "string") {
    const t = v.trim().toLowerCase();
    if (["ja", "j", "yes", "y", "sant", "true", "1"].includes(t)) return ok(true);
    if (["nej", "n", "no", "falskt", "false", "0"].includes(t)) return ok(false);
  }
  if (typeof v === "number" && (v === 0 || v === 1)) return ok(v === 1);
  return fail("not_yes_no", v);
}

/** Text of a cell: strings trimmed, numbers as written. */
export function cellText(v: RawCell): string {
  if (v === null) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "SANT" : "FALSKT";
  if (isDateCell(v)) return v.date;
  return v.error;
}
