/**
 * The owned output sheets as sheet models: Medlemsandelar, Tertialrapport, Eget kapital,
 * Kontroller and Körlogg. Layout, number formats, emphasis, table names and check formulas are
 * decided here, once, for both adapters; the figures come from the core's Computation.
 */
import type { Computation } from "../../core/compute";
import type { SheetModel } from "../sheetModel";
import { checksSheet } from "./checks";
export { STAMP_FINGERPRINT } from "./checks";
import { equitySheet } from "./equity";
import { OWNED_SHEETS, RunInfo } from "./header";
import { logSheet } from "./log";
import { memberSharesSheet } from "./memberShares";
import { statementsSheet } from "./statements";
import { tertialSheet } from "./tertial";

export * from "./header";
export { importLogRow, LOG, LOG_HEADERS, LOG_STATUS_COL, LOG_WIDTHS, logCells, logRow, logRowInOrder } from "./log";
export { COMMENT_HEADER, INPUT_COMMENT_HEADER, ROW_ID_HEADER } from "./tertial";

/** The owned sheets a run writes, in the order they are built. */
export function plannedSheets(c: Computation, run: Pick<RunInfo, "log">): string[] {
  const out: string[] = [];
  if (c.memberShares) out.push(OWNED_SHEETS.memberShares);
  if (c.tertial && c.outputs.has("tertial")) out.push(OWNED_SHEETS.tertial);
  if (c.equity) out.push(OWNED_SHEETS.equity);
  if (c.statements) out.push(OWNED_SHEETS.statements);
  out.push(OWNED_SHEETS.checks);
  if (run.log) out.push(OWNED_SHEETS.log);
  return out;
}

export function buildSheets(c: Computation, run: RunInfo): SheetModel[] {
  const sheets: SheetModel[] = [];
  const layouts: Parameters<typeof checksSheet>[2] = {};
  for (const name of plannedSheets(c, run)) {
    if (name === OWNED_SHEETS.memberShares) {
      const m = memberSharesSheet(c, run);
      sheets.push(m.sheet);
      layouts.members = m.layout;
    } else if (name === OWNED_SHEETS.tertial) {
      const t = tertialSheet(c, run);
      sheets.push(t.sheet);
      layouts.tertial = t.layout;
    } else if (name === OWNED_SHEETS.equity) {
      const e = equitySheet(c, run);
      sheets.push(e.sheet);
      layouts.equity = e.layout;
    } else if (name === OWNED_SHEETS.statements) {
      const st = statementsSheet(c, run);
      sheets.push(st.sheet);
      if (st.layout) layouts.statements = st.layout;
    } else if (name === OWNED_SHEETS.checks) sheets.push(checksSheet(c, run, layouts));
    else sheets.push(logSheet(c, run));
  }
  // The report the run is about is the sheet shown afterwards: the Tertialrapport, else the first result.
  const shown = sheets.find((s) => s.name === OWNED_SHEETS.tertial) ?? sheets[0];
  if (shown) shown.active = true;
  return sheets;
}
