/** Körlogg: one row per run, earlier rows kept. */
import type { Computation } from "../../core/compute";
import { toCellNumber } from "../../core/money";
import { Cell, FORMATS, SheetBuilder, SheetModel } from "../sheetModel";
import { finishPage, header, LogValue, OWNED_SHEETS, RunInfo, text } from "./header";

export const LOG_HEADERS = [
  "Tid",
  "Åtgärd",
  "Version",
  "Brytdatum",
  "Beloppsenhet",
  "Indatafingeravtryck",
  "Årets resultat (prognos)",
  "Utgående eget kapital (prognos)",
  "Tak",
  "Status",
  "Varningar",
] as const;

/** The action's name, with the tables that could not get the contract's name (docs/workbook.md). */
function actionText(run: RunInfo): string {
  const action = run.log?.action ?? "Beräkna";
  const renamed = run.tableNames?.renamed() ?? [];
  return renamed.length ? `${action}; tabellnamn ${renamed.map((r) => `${r.contract} → ${r.used}`).join(", ")}` : action;
}

/** One row of the run log for this computation. */
export function logRow(c: Computation, run: RunInfo): LogValue[] {
  const result = c.tertial ? toCellNumber(c.tertial.byId.arets_resultat.forecast) : null;
  const e = c.equity;
  return [
    run.computedAt,
    actionText(run),
    run.version,
    c.period.cutoff,
    c.inputs.settings.displayUnit,
    run.fingerprint,
    result,
    e ? toCellNumber(e.closing) : null,
    e ? toCellNumber(e.ceiling.ceiling) : null,
    e ? (e.status === "over" ? "Över taket" : "Under taket") : null,
    c.warnings.length,
  ];
}

/** Körlogg: every run appends a row; earlier rows are kept as they were. */
export function logSheet(c: Computation, run: RunInfo): SheetModel {
  const b = new SheetBuilder(OWNED_SHEETS.log, [22, 30, 10, 12, 12, 68, 20, 22, 16, 14, 11]);
  header(b, "Körlogg", c, run, "kr");
  b.row([
    text("En rad per beräkning. Tidigare rader behålls; fingeravtrycket visar vilka indata varje rad bygger på (se README).", {
      italic: true,
    }),
  ]);
  const fmt = (i: number): string | undefined => (i >= 6 && i <= 8 ? FORMATS.ore : i === 10 ? FORMATS.integer : FORMATS.text);
  const toCell = (v: LogValue, i: number): Cell =>
    typeof v === "number" ? { value: v, format: fmt(i) } : { value: v === null ? null : String(v), format: FORMATS.text };
  const rows = [...(run.log?.previous ?? []), logRow(c, run)];
  b.table(
    "Korlogg",
    [...LOG_HEADERS],
    rows.map((r) => LOG_HEADERS.map((_, i) => toCell(r[i] ?? null, i))),
  );
  finishPage(b, LOG_HEADERS.length - 1);
  return b.build(1);
}
