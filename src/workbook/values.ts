/**
 * Reading single cell values the way a Swedish user types them: amounts ("1 234 567", "1 234,50",
 * "-2 000"), percentages ("25 %", 0.25), dates (Excel serials or ISO text), yes/no.
 * Each parser returns a value or a Swedish reason.
 */
import { dayNumber, dayNumberOfExcelSerial, parseIsoDate } from "../core/dates";
import { Decimal, exactOre } from "../core/money";
import { isDateCell, isErrorCell, RawCell } from "./grid";

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

export function describe(v: RawCell): string {
  if (v === null) return "tom cell";
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
    if (!Number.isFinite(v)) return fail(`${describe(v)} är inte ett tal`);
    return ok(new Decimal(v));
  }
  if (typeof v === "string") {
    const d = parseNumberText(v);
    return d ? ok(d) : fail(`${describe(v)} är inte ett tal`);
  }
  if (isErrorCell(v)) return fail(`cellen innehåller felvärdet ${v.error}`);
  return fail(`${describe(v)} är inte ett tal`);
}

/** Largest amount accepted: far above any association's books, small enough to sum exactly in öre. */
export const MAX_AMOUNT = new Decimal("1e12");

/** An amount in kronor with at most two decimals. */
export function parseAmount(v: RawCell): Parsed<Decimal> {
  const n = parseNumber(v);
  if (!n.ok) return isErrorCell(v) ? n : fail(`${describe(v)} är inte ett belopp`);
  let d = n.value;
  if (d.decimalPlaces() > 2) {
    // Numbers computed by formulas carry binary noise (0.1 + 0.2); accept them if they are öre within 1e-9.
    const rounded = d.toDecimalPlaces(2);
    if (typeof v === "number" && d.minus(rounded).abs().lessThan("1e-9")) d = rounded;
    else return fail(`${describe(v)} har fler än två decimaler (belopp anges i kronor och ören)`);
  }
  if (d.abs().greaterThan(MAX_AMOUNT)) return fail(`${describe(v)} är orimligt stort för ett belopp`);
  return ok(d.isZero() ? new Decimal(0) : d);
}

/** A percentage: "25 %", "25%", "0,25" or 0.25 as a fraction; a bare number above 1 is percent points. */
export function parsePercent(v: RawCell): Parsed<Decimal> {
  if (typeof v === "string" && v.trim().endsWith("%")) {
    const d = parseNumberText(v.trim().slice(0, -1));
    if (!d) return fail(`${describe(v)} är inte en procentsats`);
    return ok(d.dividedBy(100));
  }
  const n = parseNumber(v);
  if (!n.ok) return isErrorCell(v) ? n : fail(`${describe(v)} är inte en procentsats`);
  return ok(n.value.abs().greaterThan(1) ? n.value.dividedBy(100) : n.value);
}

/**
 * An amount as integer öre: `parseAmount` times 100. A number cell with at most two decimals is
 * converted without Decimal (the ledger's hot path); the result is the same (see the property test).
 */
export function parseAmountOre(v: RawCell): Parsed<number> {
  const fast = typeof v === "number" ? exactOre(v) : null;
  if (fast !== null) return ok(fast);
  const d = parseAmount(v);
  return d.ok ? ok(d.value.times(100).toNumber()) : d;
}

/** A whole number (years, account numbers, counts). */
export function parseInteger(v: RawCell): Parsed<number> {
  if (typeof v === "number" && Number.isSafeInteger(v)) return ok(v === 0 ? 0 : v);
  const n = parseNumber(v);
  if (!n.ok) return n;
  if (!n.value.isInteger()) return fail(`${describe(v)} är inte ett heltal`);
  if (n.value.abs().greaterThan(Number.MAX_SAFE_INTEGER)) return fail(`${describe(v)} är för stort`);
  return ok(n.value.toNumber());
}

const dateCells = new Map<string, Parsed<number>>();

/** A date: an Excel serial, a date cell, or ISO text. Returns a day number. */
export function parseDate(v: RawCell): Parsed<number> {
  if (isDateCell(v)) {
    // A ledger has a few hundred distinct dates over many rows.
    const known = dateCells.get(v.date);
    if (known) return known;
    const p = parseIsoDate(v.date);
    const parsed: Parsed<number> = p ? ok(dayNumber(p.y, p.m, p.d)) : fail(`${v.date} är inte ett giltigt datum`);
    if (dateCells.size > 100000) dateCells.clear();
    dateCells.set(v.date, parsed);
    return parsed;
  }
  if (typeof v === "number") {
    const d = dayNumberOfExcelSerial(v);
    return d === null ? fail(`${describe(v)} är inte ett giltigt datum`) : ok(d);
  }
  if (typeof v === "string") {
    const t = v.trim();
    const p = parseIsoDate(t);
    if (p) return ok(dayNumber(p.y, p.m, p.d));
    return fail(`${describe(v)} är inte ett datum (skriv ÅÅÅÅ-MM-DD)`);
  }
  if (isErrorCell(v)) return fail(`cellen innehåller felvärdet ${v.error}`);
  return fail(`${describe(v)} är inte ett datum`);
}

export function parseYesNo(v: RawCell): Parsed<boolean> {
  if (typeof v === "boolean") return ok(v);
  if (typeof v === "string") {
    const t = v.trim().toLowerCase();
    if (["ja", "j", "yes", "y", "sant", "true", "1"].includes(t)) return ok(true);
    if (["nej", "n", "no", "falskt", "false", "0"].includes(t)) return ok(false);
  }
  if (typeof v === "number" && (v === 0 || v === 1)) return ok(v === 1);
  return fail(`${describe(v)} är inte Ja eller Nej`);
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
