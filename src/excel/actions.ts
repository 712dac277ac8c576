/**
 * The add-in's actions, each one `Excel.run`: recalculate (all or one output), verify, create the
 * template, select a cell, read the settings for the task pane. They call the same use cases as
 * the command line through the Office.js port; nothing is computed here.
 */
import { OUTPUTS, Output } from "../core/compute";
import { actionLabel, VERSION } from "../core/version";
import { templateSheets } from "../core/example";
import { Issue } from "../core/issues";
import { Difference, Outcome, recalculate, verifyGrid } from "../workbook/usecases";
import { readSettingsOnly } from "../workbook/read";
import { OfficePort, OfficePortOptions } from "./officePort";

/** `Excel.run`, or the in-memory Excel's equivalent under test. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export { VERSION };

export interface ActionEnv {
  run: ExcelRun;
  now?: () => string;
  port?: OfficePortOptions;
}

const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

export type ActionName = "recalc-all" | "recalc-medlemsandelar" | "recalc-tertial" | "recalc-eget-kapital" | "verify" | "template";

export interface ActionResult {
  action: ActionName;
  ok: boolean;
  errors: Issue[];
  warnings: Issue[];
  /** The result document (WORKBOOK.md's JSON) after a successful recalculation. */
  json?: Record<string, unknown>;
  differences?: Difference[];
  /** A short Swedish sentence for the status line. */
  message: string;
}

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
    }),
  );
  return {
    action,
    ok: outcome.ok,
    errors: outcome.errors,
    warnings: outcome.warnings,
    json: outcome.json,
    message: outcome.ok ? "Beräkningen är klar och resultatbladen är uppdaterade." : "Indata har fel. Ingenting har skrivits.",
  };
}

export async function verifyAction(env: ActionEnv): Promise<ActionResult> {
  return env.run(async (context) => {
    const grid = await new OfficePort(context, env.port).readGrid();
    const r = verifyGrid(grid, { version: VERSION, now: env.now ?? isoNow });
    const differences = r.differences;
    return {
      action: "verify" as const,
      ok: r.ok && differences.length === 0,
      errors: r.errors,
      warnings: r.warnings,
      json: r.json,
      differences,
      message: !r.ok
        ? "Kunde inte verifiera."
        : differences.length === 0
          ? "Verifierad: resultaten stämmer med en ny beräkning från indata."
          : `${differences.length} skillnader mellan lagrade och omräknade resultat.`,
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
        errors: [
          {
            code: "template_inputs_exist",
            message: `Arbetsboken har redan indata (${existing.join(", ")}). Mallen skapas bara i en tom arbetsbok; ingenting har ändrats.`,
            cell: "",
          },
        ],
        warnings: [],
        message: "Mallen skapades inte.",
      };
    }
    await port.writeSheets(templateSheets());
    return { action: "template" as const, ok: true, errors: [], warnings: [], message: "Mallen är skapad: fyll i Inställningar, Medlemmar, Kontoplan, Budget och Huvudbok." };
  });
}

export interface Glance {
  association: string | null;
  year: number | null;
  cutoff: string | null;
}

/** Association, year and cut-off for the task pane, from Inställningar only. */
export async function glanceAction(env: ActionEnv): Promise<Glance> {
  return env.run(async (context) => {
    const grid = await new OfficePort(context, env.port).readGrid({ only: ["Installningar"] });
    const s = readSettingsOnly(grid);
    return { association: s?.association || null, year: s?.year || null, cutoff: s?.cutoff ?? null };
  });
}

/** Selects a cell given as `Blad!A1` (sheet quoted when needed). */
export async function selectCellAction(env: ActionEnv, ref: string): Promise<void> {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]+\d+(?::[A-Z]+\d+)?)$/.exec(ref);
  if (!m) return;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  await env.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(m[3]).select();
    await context.sync();
  });
}
