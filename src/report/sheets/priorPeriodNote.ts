import type { Computation } from "../../core/compute";

/**
 * Said on the printed page when the same-period columns are the ledger's zeros although last year has rows
 * (no_rows_in_prior_period: last year as year balances dated 31 December, say); null otherwise.
 */
export function priorPeriodNote(c: Computation): string | null {
  const w = c.warnings.find((x) => x.code === "no_rows_in_prior_period");
  if (!w || w.code !== "no_rows_in_prior_period") return null;
  const { year, to } = w.params;
  return (
    `Samma period i fjol är ingen jämförelse: huvudboken har rader för ${year}, men inga till och med ${to} ` +
    `(till exempel när ${year} bara finns som årssaldon per 31 december), så kolumnen är 0 utom periodiserade medlemsbidrag.`
  );
}
