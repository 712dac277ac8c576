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
  // The log's amounts are kr with öre whatever unit the reports use; the unit column says which unit that was.
  "Rapporternas enhet",
  "Årets resultat (prognos, kr)",
  "Utgående eget kapital (prognos, kr)",
  "Tak (kr)",
  "Status",
  "Varningar",
  "Indatafingeravtryck",
  "Fil",
  "SHA-256",
  "År",
] as const;

/** Each column of the log by what it holds (the import's file, SHA-256 and years have columns of their own). */
export const LOG = {
  time: 0,
  action: 1,
  version: 2,
  cutoff: 3,
  unit: 4,
  result: 5,
  closing: 6,
  ceiling: 7,
  status: 8,
  warnings: 9,
  fingerprint: 10,
  file: 11,
  sha256: 12,
  years: 13,
} as const satisfies Record<string, number>;

/** The column of the status (a failure row writes its message there). */
export const LOG_STATUS_COL = LOG.status;

/** The log's column widths: the printed columns, then the fingerprint and the import's file, SHA-256 and years. */
export const LOG_WIDTHS = [22, 30, 10, 12, 12, 16, 23, 14, 14, 11, 68, 30, 68, 12];

/**
 * A row of an earlier log in today's column order. Logs written before 0.3 had the fingerprint sixth (it is
 * eleventh now, outside the print area), recognised by the 64 hex digits there; and an import wrote its file, SHA-256
 * and years only into its action's text, from which such a row's own columns are filled (this migration of old rows is
 * the only place that text is read).
 */
export function logRowInOrder(cells: LogValue[]): LogValue[] {
  const old = cells[5];
  const row = typeof old === "string" && /^[0-9a-f]{64}$/.test(old) ? [...cells.slice(0, 5), ...cells.slice(6, 11), old] : [...cells];
  const action = row[LOG.action];
  const legacy = typeof action === "string" && !row[LOG.sha256] ? /^Importera SIE (.+?) \(.*SHA-256 ([0-9a-f]{64})/.exec(action) : null;
  if (legacy) {
    row[LOG.file] = legacy[1];
    row[LOG.sha256] = legacy[2];
    row[LOG.years] = /; år ([0-9–]+)[;)]/.exec(action as string)?.[1] ?? null;
  }
  while (row.length > LOG_HEADERS.length) row.pop();
  return row;
}

/** The log's rows as cells: amounts with öre, the warning count as a whole number, everything else as text. */
export function logCells(rows: readonly LogValue[][]): Cell[][] {
  const amount = new Set<number>([LOG.result, LOG.closing, LOG.ceiling]);
  const fmt = (i: number): string => (amount.has(i) ? FORMATS.ore : i === LOG.warnings ? FORMATS.integer : FORMATS.text);
  const toCell = (v: LogValue, i: number): Cell =>
    typeof v === "number" ? { value: v, format: fmt(i) } : { value: v === null ? null : String(v), format: FORMATS.text };
  return rows.map((r) => LOG_HEADERS.map((_, i) => toCell(r[i] ?? null, i)));
}

/** An SIE import's row: what was done in words, and its file, SHA-256 and years in their columns (read back by the next import). */
export function importLogRow(r: { now: string; action: string; version: string; file: string; sha256: string; years: string }): LogValue[] {
  const row: LogValue[] = LOG_HEADERS.map(() => null);
  row[LOG.time] = r.now;
  row[LOG.action] = r.action;
  row[LOG.version] = r.version;
  row[LOG.file] = r.file;
  row[LOG.sha256] = r.sha256;
  row[LOG.years] = r.years;
  return row;
}

/** The action's name, with the tables that could not get the contract's name (docs/workbook.md). */
function actionText(run: RunInfo): string {
  const action = run.log?.action ?? "Beräkna";
  const renamed = run.tableNames?.renamed() ?? [];
  return renamed.length ? `${action}; tabellnamn ${renamed.map((r) => `${r.contract} → ${r.used}`).join(", ")}` : action;
}

/** One row of the run log for this computation (the import's columns empty). */
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
    null,
    null,
    null,
  ];
}

/** Körlogg: every run appends a row; earlier rows are kept as they were. */
export function logSheet(c: Computation, run: RunInfo): SheetModel {
  const b = new SheetBuilder(OWNED_SHEETS.log, LOG_WIDTHS);
  header(b, "Körlogg", c, run, "kr");
  b.row([
    text("En rad per beräkning. Tidigare rader behålls; fingeravtrycket visar vilka indata varje rad bygger på (se README).", {
      italic: true,
    }),
  ]);
  b.table("Korlogg", [...LOG_HEADERS], logCells([...(run.log?.previous ?? []), logRow(c, run)]));
  // The fingerprint and the import's columns stay outside the print area.
  finishPage(b, LOG.warnings);
  return b.build(1);
}
