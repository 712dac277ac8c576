/**
 * Ribbon commands (ExecuteFunction): each function id from manifest.xml is associated with a
 * handler that runs one action and always calls `event.completed()`. Errors, which a ribbon
 * button cannot show, open the task pane on its list.
 */
import { ActionEnv, ActionResult, errorMessage, logFailureAction, recalcAction, templateAction, verifyAction } from "../excel/actions";

export const FUNCTION_IDS = [
  "recalcAll",
  "recalcMemberShares",
  "recalcTertial",
  "recalcEquity",
  "createTemplate",
  "verify",
  "newYear",
] as const;
export type FunctionId = (typeof FUNCTION_IDS)[number];

export interface CommandHost {
  actions: { associate(id: string, f: (event: { completed(): void }) => unknown): void };
  addin?: { showAsTaskpane(): Promise<void> };
}

export interface CommandHooks {
  /** Called before the action runs (the pane shows progress). */
  started(id: FunctionId): void;
  /** Called with the outcome (the pane shows it). */
  finished(result: ActionResult): void;
  cutoffOverride(): string | undefined;
}

export function actionFor(id: FunctionId, env: ActionEnv, cutoff: string | undefined): Promise<ActionResult> {
  switch (id) {
    case "recalcAll":
      return recalcAction(env, null, cutoff);
    case "recalcMemberShares":
      return recalcAction(env, "medlemsandelar", cutoff);
    case "recalcTertial":
      return recalcAction(env, "tertial", cutoff);
    case "recalcEquity":
      return recalcAction(env, "eget-kapital", cutoff);
    case "createTemplate":
      return templateAction(env);
    case "verify":
      return verifyAction(env);
    case "newYear":
      // Nytt år carries the .xlsx writer and its zlib: a chunk of its own, loaded when the button is first pressed.
      return import(/* webpackChunkName: "nytt-ar" */ "./newYearAction").then((m) => m.newYearAction(env));
  }
}

/** An unexpected exception as a catalogue message; the details go to the console (and Körlogg, by the caller). */
export function failure(id: FunctionId, e: unknown): ActionResult {
  const detail = errorMessage(e)?.message ?? String(e);
  return {
    action: id === "verify" ? "verify" : id === "createTemplate" ? "template" : id === "newYear" ? "new-year" : "recalc-all",
    ok: false,
    errors: [{ code: "unexpected", params: { detail }, cell: "" }],
    warnings: [],
    status: "aborted",
  };
}

/** Runs a command: progress, the action, the result; the pane opens when something needs attention or to read. */
export async function runCommand(id: FunctionId, env: ActionEnv, host: CommandHost, hooks: CommandHooks): Promise<ActionResult> {
  hooks.started(id);
  let result: ActionResult;
  try {
    result = await actionFor(id, env, hooks.cutoffOverride());
  } catch (e) {
    console.error(`Finsam Ekonomi: ${id}`, e);
    result = failure(id, e);
    // Nytt år only reads the open workbook, also when it fails: no Körlogg row there.
    if (id !== "newYear")
      await logFailureAction(env, id, e).catch((logError: unknown) => console.error("Finsam Ekonomi: Körlogg", logError));
  }
  hooks.finished(result);
  // The pane opens when something needs attention, and after Nytt år: what to check in the new workbook is listed there.
  if ((!result.ok || id === "newYear") && host.addin) await host.addin.showAsTaskpane().catch(() => undefined);
  return result;
}

/**
 * Associates every ribbon function. Call it at the top level of the runtime's script, before
 * anything is awaited: in the shared runtime a click that arrives before `associate` ran does
 * nothing (office-js#5176, #3378). The handlers wait until the pane is ready (its environment and
 * hooks) and always call `event.completed()`, also when the pane never becomes ready.
 */
export function registerCommands(host: CommandHost, ready: Promise<{ env: ActionEnv; hooks: CommandHooks }>): void {
  for (const id of FUNCTION_IDS) {
    host.actions.associate(id, async (event) => {
      try {
        const { env, hooks } = await ready;
        await runCommand(id, env, host, hooks);
      } catch (e) {
        console.error(`Finsam Ekonomi: ${id}`, e);
      } finally {
        event.completed();
      }
    });
  }
}
