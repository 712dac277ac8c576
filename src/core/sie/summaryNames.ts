/**
 * How a summary names what it read (the command line's words for it): in a module of their own, so that loading
 * the words does not load the SIE reader (a recalculation never reads an SIE file).
 */

/** What the names are made from: a summary's fiscal years, its encoding and its warnings (core/sie/summary.ts). */
interface Named {
  fiscalYears: ReadonlyArray<{ offset: number; start: string; end: string }>;
  encoding: string;
  warnings: ReadonlyArray<{ code: string }>;
}

/** Fiscal year 0 as the officer names it: `2021` for a calendar year, else `2021-07-01 – 2022-06-30`; null when the file has none. */
export function fiscalYearName(s: Pick<Named, "fiscalYears">): string | null {
  const y = s.fiscalYears.find((f) => f.offset === 0);
  if (!y) return null;
  const calendar = y.start.endsWith("-01-01") && y.end.endsWith("-12-31") && y.start.slice(0, 4) === y.end.slice(0, 4);
  return calendar ? y.start.slice(0, 4) : `${y.start} – ${y.end}`;
}

/**
 * The file's character encoding when it is worth a word: not the standard's PC8 (CP437), or characters that
 * could not be read (then the officer should know which encoding was assumed). Null otherwise.
 */
export function encodingWorthSaying(s: Pick<Named, "encoding" | "warnings">): string | null {
  return s.encoding !== "cp437" || s.warnings.some((w) => w.code === "sie_replacement_characters") ? s.encoding : null;
}
