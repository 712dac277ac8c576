/**
 * The actions that run the engine, each one `Excel.run`: recalculate (all or one output), verify, Skapa mall, and the
 * failure row in Körlogg. Loaded on first use through ./actions (a webpack chunk of its own); nothing is computed here.
 */
import { OUTPUTS, Output } from "../core/compute";
import { actionLabel, VERSION } from "../core/version";
import { templateSheets } from "../report/example";
import { LOG_STATUS_COL } from "../report/sheets";
import { Outcome, recalculate } from "../workbook/usecases";
import { inputsMessage, verifyGrid } from "../workbook/verify";
import { ActionEnv, ActionName, ActionResult, errorMessage, isoNow } from "./actions";
import { OfficePort } from "./officePort";
import { OWNED_PROTECTION } from "./officeWrite";

export async function recalcAction(env: ActionEnv, only: Output | null, cutoffOverride?: string): Promise<ActionResult> {
  const outputs = new Set<Output>(only ? [only] : OUTPUTS);
  const action: ActionName = only ? (`recalc-${only}` as ActionName) : "recalc-all";
  const outcome: Outcome = await env.run((context) =>
    recalculate(new OfficePort(context, env.port), {
      outputs,
      cutoffOverride,
      version: VERSION,
      now: env.now ?? isoNow,
      action: actionLabel([...outputs], !only, "Excel"),
      lang: env.lang,
    }),
  );
  return {
    action,
    ok: outcome.ok,
    errors: outcome.errors,
    warnings: outcome.warnings,
    json: outcome.json,
    status: outcome.ok ? "recalc_done" : "recalc_failed",
  };
}

export async function verifyAction(env: ActionEnv): Promise<ActionResult> {
  return env.run(async (context) => {
    const grid = await new OfficePort(context, env.port).readGrid();
    const r = verifyGrid(grid, { version: VERSION, now: env.now ?? isoNow, lang: env.lang });
    const differences = r.differences;
    const inputs = inputsMessage(r);
    return {
      action: "verify" as const,
      ok: r.ok && differences.length === 0,
      errors: r.errors,
      // Inputs that changed without changing a result are still said (as the command line does).
      warnings: r.ok && differences.length === 0 && r.changedTables.length > 0 ? [inputs, ...r.warnings] : r.warnings,
      ...(r.ok && differences.length > 0 ? { verification: { inputs, bySheet: r.bySheet, changedTables: r.changedTables } } : {}),
      json: r.json,
      differences,
      status: !r.ok ? "verify_failed" : differences.length === 0 ? "verify_ok" : "verify_differences",
    };
  });
}

export async function templateAction(env: ActionEnv): Promise<ActionResult> {
  return env.run(async (context) => {
    const port = new OfficePort(context, env.port);
    const existing = await port.existingInputs();
    if (existing.length > 0) {
      return {
        action: "template" as const,
        ok: false,
        errors: [{ code: "template_inputs_exist", params: { found: existing }, cell: "" }],
        warnings: [],
        status: "template_refused",
      };
    }
    await port.writeSheets(templateSheets());
    return { action: "template" as const, ok: true, errors: [], warnings: [], status: "template_done" };
  });
}

/**
 * After an unexpected failure: appends a row to the run log (table Korlogg) with the error's
 * details, so that the workbook records what happened. Does nothing when there is no log yet. The
 * owned log sheet is protected without a password, as a run leaves it.
 */
export async function logFailureAction(env: ActionEnv, what: string, e: unknown): Promise<void> {
  const m = errorMessage(e);
  const detail = m ? `${m.name}: ${m.message}` : String(e);
  await env.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject("Korlogg");
    table.load("name");
    await context.sync();
    if (table.isNullObject) return;
    const sheet = table.worksheet;
    const protection = sheet.protection.load("protected");
    const header = table.getHeaderRowRange().load("columnCount");
    await context.sync();
    if (protection.protected) sheet.protection.unprotect();
    const row: Array<string | number> = new Array<string | number>(header.columnCount).fill("");
    row[0] = (env.now ?? isoNow)();
    row[1] = `${what} (avbröts)`;
    row[2] = VERSION;
    row[LOG_STATUS_COL] = `Oväntat fel: ${detail}`.slice(0, 500);
    table.rows.add(undefined, [row.map((v) => (typeof v === "string" && v !== "" ? `'${v}` : v))]);
    if (protection.protected) {
      sheet.protection.protect(OWNED_PROTECTION);
    }
    await context.sync();
  });
}
