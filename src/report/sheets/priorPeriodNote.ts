import type { Computation } from "../../core/compute";

/**
 * Said on the printed page when the same-period columns are the ledger's zeros: last year's rows all come after the
 * same period (no_rows_in_prior_period: last year as year balances dated 31 December, say), or there are none for last
 * year (no_rows_prior_year: its accounts not imported, or the association's first year); null otherwise.
 */
export function priorPeriodNote(c: Computation): string | null {
  for (const w of c.warnings) {
    if (w.code === "no_rows_in_prior_period") {
      const { year, to } = w.params;
      return (
        `Samma period i fjol är ingen jämförelse: huvudboken har rader för ${year}, men inga till och med ${to} ` +
        `(till exempel när ${year} bara finns som årssaldon per 31 december), så kolumnen är 0 utom periodiserade medlemsbidrag.`
      );
    }
    if (w.code === "no_rows_prior_year") {
      const { year } = w.params;
      return (
        `Jämförelsen med ${year} är 0 utom periodiserade medlemsbidrag: huvudboken har inga rader för ${year} ` +
        `(${year} års bokföring är inte inläst, eller ${year + 1} är förbundets första år).`
      );
    }
  }
  return null;
}
