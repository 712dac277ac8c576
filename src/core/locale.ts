/**
 * How a language writes amounts, dates and percentages in messages: Swedish (`12 771,00 kr`,
 * `2026-08-31`, `25 %`) or English (`SEK 12,771.00`, `2026-08-31`, `25%`). Dates are ISO in both: the sheets, the
 * board text and the cut-off field write them so, and a message beside them should not write them otherwise.
 * Reports are written as numbers with invariant formats; this is only for text that people read.
 */
import { Decimal } from "./money";

export type Lang = "sv" | "en";

/** The language of a locale tag or environment value: Swedish for `sv…`, English for `en…`, else `fallback`. */
export function langOfTag(tag: string | null | undefined, fallback: Lang = "sv"): Lang {
  const t = (tag ?? "").trim().toLowerCase();
  if (t.startsWith("sv")) return "sv";
  if (t.startsWith("en")) return "en";
  return fallback;
}

const NBSP = "\u00a0";

function grouped(intDigits: string, separator: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * A number with fixed decimals in the language's separators.
 * @example formatDecimal("-12771", 2, "sv") // "-12 771,00" (no-break space)
 * @example formatDecimal("-12771", 2, "en") // "-12,771.00"
 */
export function formatDecimal(value: Decimal | string | number, places: number, lang: Lang): string {
  const d = new Decimal(value).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  const negative = d.isNegative() && !d.isZero();
  const [int, frac] = d.abs().toFixed(places).split(".");
  const sep = lang === "sv" ? NBSP : ",";
  const dec = lang === "sv" ? "," : ".";
  return (negative ? "-" : "") + grouped(int, sep) + (frac ? dec + frac : "");
}

/**
 * An amount of kronor to the öre.
 * @example formatMoney("12771", "sv") // "12 771,00 kr"
 * @example formatMoney("-12771", "en") // "SEK -12,771.00"
 */
export function formatMoney(kronor: Decimal | string | number, lang: Lang): string {
  const n = formatDecimal(kronor, 2, lang);
  return lang === "sv" ? `${n}${NBSP}kr` : `SEK ${n}`;
}

/**
 * A calendar date, ISO in both languages (the English pane wrote "31 Aug 2026" beside the board text's "2026-08-31").
 * @example formatDate("2026-08-31") // "2026-08-31"
 */
export function formatDate(iso: string): string {
  return iso;
}

/**
 * A fraction as a percentage, up to four decimals.
 * @example formatPercentage("0.255", "sv") // "25,5 %"
 * @example formatPercentage("0.255", "en") // "25.5%"
 */
export function formatPercentage(fraction: Decimal | string, lang: Lang): string {
  const t = new Decimal(fraction).times(100).toDecimalPlaces(4).toFixed();
  return lang === "sv" ? `${t.replace(".", ",")}${NBSP}%` : `${t}%`;
}

/** A whole count with thousands separators: `1 234` / `1,234`. */
export function formatCount(n: number, lang: Lang): string {
  return formatDecimal(n, 0, lang);
}

/** The formatting functions a message receives, bound to one language. */
export interface Formatter {
  lang: Lang;
  money(kronor: Decimal | string | number): string;
  date(iso: string): string;
  percent(fraction: Decimal | string): string;
  count(n: number): string;
}

export function formatter(lang: Lang): Formatter {
  return {
    lang,
    money: (k) => formatMoney(k, lang),
    date: (d) => formatDate(d),
    percent: (p) => formatPercentage(p, lang),
    count: (n) => formatCount(n, lang),
  };
}
