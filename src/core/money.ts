/**
 * Exact money arithmetic. Amounts are kronor held as decimal.js values; nothing here ever
 * passes through floating-point kronor except at the very edge, where a value is handed to a
 * spreadsheet cell (`toCellNumber`).
 */
import DecimalJs from "decimal.js";
import type { Ore } from "./units";

/** A private decimal.js constructor: 40 significant digits, half away from zero. */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

/**
 * The largest amount read anywhere, in a workbook cell or an SIE file: 1 000 billion kronor (10^14 öre), far above
 * any association's books. The workbook reader and the SIE import refuse the same amounts.
 */
export const MAX_AMOUNT_ORE = 1e14;

/**
 * What the amounts of a ledger or an SIE file may add up to, counted without their signs: every sum of öre taken
 * over them then stays below 2^53, where a double holds each whole number exactly. A file beyond it is refused.
 */
export const MAX_TOTAL_ORE = Number.MAX_SAFE_INTEGER;

export function dec(value: number | string | Decimal): Decimal {
  return new Decimal(value);
}

/** Sum of a list of decimals. */
export function sum(values: readonly Decimal[]): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** Round to whole öre, half away from zero. Every amount the reports carry has passed through here. */
export function roundOre(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Exact kronor as the JSON contract writes them: "4251000", "-52000.50". */
export function toKronorString(value: Decimal): string {
  const v = roundOre(value);
  if (v.isInteger()) return v.toFixed(0);
  return v.toFixed(2);
}

/** The number a spreadsheet cell gets. Öre-exact decimals convert to the nearest double. */
export function toCellNumber(value: Decimal): number {
  const n = roundOre(value).toNumber();
  return Object.is(n, -0) ? 0 : n;
}

/** Integer öre as the JSON contract's exact kronor text ("4251000", "-52000.50"). */
export function oreToKronorString(ore: Ore | number): string {
  return toKronorString(oreToKronor(ore));
}

/** Integer öre (a JS safe integer) to decimal kronor. */
export function oreToKronor(ore: Ore | number): Decimal {
  return new Decimal(ore).dividedBy(100);
}

/**
 * Integer öre as exact kronor text without trailing zeros, as Decimal's `toFixed()` gives it:
 * 123450 → "1234.5", -5 → "-0.05", 0 → "0". Integer arithmetic only (öre are safe integers).
 */
export function oreText(ore: Ore | number): string {
  if (ore === 0) return "0";
  const abs = Math.abs(ore);
  const kr = Math.floor(abs / 100);
  const rest = abs - kr * 100;
  const sign = ore < 0 ? "-" : "";
  if (rest === 0) return `${sign}${kr}`;
  return rest % 10 === 0 ? `${sign}${kr}.${rest / 10}` : `${sign}${kr}.${rest < 10 ? "0" : ""}${rest}`;
}

/**
 * A cell number's exact öre when its decimal form has at most two decimals and it is below 1e9 kr in
 * size, else null (then the caller takes the Decimal path). Exact: doubles below 1e9 are 1e-7 apart, so
 * `round(n·100)/100` gives n back only when n is that two-decimal number. Negative zero gives 0.
 */
export function exactOre(n: number): Ore | null {
  if (!(Math.abs(n) < 1e9)) return null;
  const ore = Math.round(n * 100);
  return ore / 100 === n ? ((ore + 0) as Ore) : null;
}

/**
 * A formula's number carrying binary noise (`113.00999999999999`) as the öre parseAmount rounds it to, when it is
 * below 1e6 kr and within 5e-10 kr of that öre; else null (the Decimal path decides). Exact: below 1e6 a double lies
 * within 6e-11 of its shortest decimal and of the öre's nearest double, and the difference of two such close doubles
 * is exact, so the decimal is within 1e-9 of the öre (parseAmount's tolerance) and no tie is rounded.
 */
export function noisyOre(n: number): Ore | null {
  if (!(Math.abs(n) < 1e6)) return null;
  const ore = Math.round(n * 100);
  return Math.abs(n - ore / 100) < 5e-10 ? ((ore + 0) as Ore) : null;
}

export function maxDec(a: Decimal, b: Decimal): Decimal {
  return a.greaterThan(b) ? a : b;
}

export function minDec(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b;
}
