/**
 * Nytt år in Excel: the next year's workbook from the open one, opened by Excel as a new, unsaved workbook. The open
 * workbook is only read (one `Excel.run`). The new workbook is built in the pane by the same use case and .xlsx writer
 * as `finsam nytt-ar`, then handed to Excel whole by `Excel.createWorkbook` (ExcelApi 1.8). Nothing is created when
 * the year is refused.
 */
import type { Issue } from "../core/messages";
import { VERSION } from "../core/version";
import { planNewYear, writeNewYear } from "../workbook/newYear";
import { XlsxPort } from "../xlsx/xlsxPort";
import type { ActionEnv, ActionResult } from "../excel/actions";
import { DEFAULT_PAYLOAD_BUDGET, OfficePort } from "../excel/officePort";

/** The request around the workbook's bytes (the method, its object path, the envelope): far below this. */
const REQUEST_OVERHEAD = 4096;

const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

export async function newYearAction(env: ActionEnv): Promise<ActionResult> {
  const refused = (errors: Issue[], warnings: Issue[] = []): ActionResult => ({
    action: "new-year",
    ok: false,
    errors,
    warnings,
    status: "new_year_refused",
  });
  const { grid, name } = await env.run(async (context) => {
    // The workbook's name (for Körlogg) comes with the read's first round trip.
    const workbook = context.workbook;
    workbook.load("name");
    const grid = await new OfficePort(context, env.port).readGrid();
    return { grid, name: workbook.name };
  });
  // Planned and built after the read, outside the request context.
  const target = XlsxPort.empty();
  const plan = planNewYear(grid, { source: name || "arbetsboken", version: VERSION, now: env.now ?? isoNow, lang: env.lang });
  const outcome = await writeNewYear(plan, target);
  if (!outcome.ok) return refused(outcome.errors, outcome.warnings);
  const base64 = target.toBuffer().toString("base64");
  // Excel takes the whole workbook in one request, which must fit the payload limit (Excel on the web: 5 MB).
  const budget = env.port?.payloadBudget ?? DEFAULT_PAYLOAD_BUDGET;
  if (base64.length + REQUEST_OVERHEAD > budget) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    return refused([{ code: "new_year_too_large", params: { size: mb(base64.length), limit: mb(budget) }, cell: "" }], outcome.warnings);
  }
  // Excel.createWorkbook is its own Excel.run (the only public way to open a workbook from a file): the second and
  // last request of this action, after everything has been read and built.
  if (!env.createWorkbook) throw new Error("Excel.createWorkbook is not available");
  await env.createWorkbook(base64);
  // What was done first, then what to check in the new workbook.
  const opened: Issue = { code: "new_year_opened", params: { year: outcome.year! }, cell: "" };
  const done = outcome.warnings.filter((w) => w.code === "new_year_done");
  const rest = outcome.warnings.filter((w) => w.code !== "new_year_done");
  return { action: "new-year", ok: true, errors: [], warnings: [...done, opened, ...rest], status: "new_year_done" };
}
