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
  "Årets resultat (prognos)",
  "Utgående eget kapital (prognos)",
  "Tak",
  "Status",
  "Varningar",
  "Indatafingeravtryck",
] as const;

/** The column of the status (a failure row writes its message there). */
export const LOG_STATUS_COL = LOG_HEADERS.indexOf("Status");

/**
 * A row of an earlier log in today's column order: logs written before 0.3 had the fingerprint sixth
 * (it is last now, outside the print area); such a row is recognised by the 64 hex digits there.
 */
export function logRowInOrder(cells: LogValue[]): LogValue[] {
  const old = cells[5];
  if (typeof old === "string" && /^[0-9a-f]{64}$/.test(old)) return [...cells.slice(0, 5), ...cells.slice(6, 11), old];
  return cells;
}

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
    result,
    e ? toCellNumber(e.closing) : null,
    e ? toCellNumber(e.ceiling.ceiling) : null,
    e ? (e.status === "over" ? "Över taket" : "Under taket") : null,
    c.warnings.length,
    run.fingerprint,
  ];
}

/** Körlogg: every run appends a row; earlier rows are kept as they were. */
export function logSheet(c: Computation, run: RunInfo): SheetModel {
  const b = new SheetBuilder(OWNED_SHEETS.log, [22, 30, 10, 12, 12, 16, 18, 14, 14, 11, 68]);
  header(b, "Körlogg", c, run, "kr");
  b.row([
    text("En rad per beräkning. Tidigare rader behålls; fingeravtrycket visar vilka indata varje rad bygger på (se README).", {
      italic: true,
    }),
  ]);
  const fmt = (i: number): string | undefined => (i >= 5 && i <= 7 ? FORMATS.ore : i === 9 ? FORMATS.integer : FORMATS.text);
  const toCell = (v: LogValue, i: number): Cell =>
    typeof v === "number" ? { value: v, format: fmt(i) } : { value: v === null ? null : String(v), format: FORMATS.text };
  const rows = [...(run.log?.previous ?? []), logRow(c, run)];
  b.table(
    "Korlogg",
    [...LOG_HEADERS],
    rows.map((r) => LOG_HEADERS.map((_, i) => toCell(r[i] ?? null, i))),
  );
  // The fingerprint, last, stays outside the print area.
  finishPage(b, LOG_HEADERS.length - 2);
  return b.build(1);
}
