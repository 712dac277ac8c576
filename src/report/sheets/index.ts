/**
 * The owned output sheets as sheet models: Medlemsandelar, Tertialrapport, Eget kapital,
 * Kontroller and Körlogg. Layout, number formats, emphasis, table names and check formulas are
 * decided here, once, for both adapters; the figures come from the core's Computation.
 */
import type { Computation } from "../../core/compute";
import type { SheetModel } from "../sheetModel";
import { checksSheet } from "./checks";
import { equitySheet } from "./equity";
import type { RunInfo } from "./header";
import { logSheet } from "./log";
import { memberSharesSheet } from "./memberShares";
import { tertialSheet } from "./tertial";

export * from "./header";
export { LOG_HEADERS, logRow } from "./log";

export function buildSheets(c: Computation, run: RunInfo): SheetModel[] {
  const sheets: SheetModel[] = [];
  const layouts: Parameters<typeof checksSheet>[2] = {};
  if (c.memberShares) {
    const m = memberSharesSheet(c, run);
    sheets.push(m.sheet);
    layouts.members = m.layout;
  }
  if (c.tertial && c.outputs.has("tertial")) {
    const t = tertialSheet(c, run);
    sheets.push(t.sheet);
    layouts.tertial = t.layout;
  }
  if (c.equity) {
    const e = equitySheet(c, run);
    sheets.push(e.sheet);
    layouts.equity = e.layout;
  }
  sheets.push(checksSheet(c, run, layouts));
  if (run.log) sheets.push(logSheet(c, run));
  return sheets;
}
