/**
 * The add-in's actions, each one `Excel.run`: recalculate (all or one output), verify, create the
 * template, select a cell, read the settings for the task pane. They call the same use cases as
 * the command line through the Office.js port; nothing is computed here.
 */
import type { Output } from "../core/compute";
import { VERSION } from "../core/version";
import type { Lang } from "../core/locale";
import type { Issue } from "../core/messages";
import type { ChangedTable, Difference } from "../workbook/verify";
import { readSettingsOnly } from "../workbook/read/settings";
import { OfficePort, OfficePortOptions } from "./officePort";

/** `Excel.run`, or the in-memory Excel's equivalent under test. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export { VERSION };

export interface ActionEnv {
  run: ExcelRun;
  now?: () => string;
  port?: OfficePortOptions;
  /** The language of the JSON's messages (Office's display language). */
  lang?: Lang;
  /** `Excel.createWorkbook`: opens a new workbook from a Base64-encoded .xlsx file (Nytt år). */
  createWorkbook?: (base64: string) => Promise<void>;
  /** Whether Excel has a requirement set (`Office.context.requirements.isSetSupported`): features beyond the manifest's. */
  supports?: (set: string, version: string) => boolean;
}

export const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

export type ActionName =
  | "recalc-all"
  | "recalc-medlemsandelar"
  | "recalc-tertial"
  | "recalc-eget-kapital"
  | "verify"
  | "template"
  | "import-sie"
  | "move-comment"
  | "take-rows-in"
  | "new-year";

export interface ActionResult {
  action: ActionName;
  ok: boolean;
  errors: Issue[];
  warnings: Issue[];
  /** The result document (WORKBOOK.md's JSON) after a successful recalculation. */
  json?: Record<string, unknown>;
  differences?: Difference[];
  /** Verifiera: what changed first (the input tables, or that none did), then the differing cells by sheet. */
  verification?: { inputs: Issue; bySheet: Array<{ sheet: string; differences: Difference[] }>; changedTables: ChangedTable[] };
  /** What happened, for the status line (the pane words it in its language). */
  status: ActionStatus;
}

export type ActionStatus =
  | "recalc_done"
  | "recalc_failed"
  | "verify_ok"
  | "verify_differences"
  | "verify_failed"
  | "template_done"
  | "template_refused"
  | "import_done"
  | "import_failed"
  | "comment_moved"
  | "comment_not_moved"
  | "rows_taken_in"
  | "rows_not_taken_in"
  | "new_year_done"
  | "new_year_refused"
  | "aborted";

/**
 * Recalculate, verify, Skapa mall and the failure log live in ./runActions, a chunk loaded when the first of them runs
 * (webpack prefetches it once the pane has started): the engine and the report layer are not part of the start-up.
 */
const work = (): Promise<typeof import("./runActions")> => import(/* webpackChunkName: "berakna", webpackPrefetch: true */ "./runActions");

/** Recalculates all outputs, or one (`only`), through the Office.js port: the same use case as `finsam berakna`. */
export async function recalcAction(env: ActionEnv, only: Output | null, cutoffOverride?: string): Promise<ActionResult> {
  return (await work()).recalcAction(env, only, cutoffOverride);
}

/** Verifies the stored results against a recomputation (nothing is written). */
export async function verifyAction(env: ActionEnv): Promise<ActionResult> {
  return (await work()).verifyAction(env);
}

/** Skapa mall: the input sheets with their tables, in a workbook without them. */
export async function templateAction(env: ActionEnv): Promise<ActionResult> {
  return (await work()).templateAction(env);
}

/** After an unexpected failure: a row in Körlogg with the error's details (./runActions). */
export async function logFailureAction(env: ActionEnv, what: string, e: unknown): Promise<void> {
  return (await work()).logFailureAction(env, what, e);
}

export interface Glance {
  association: string | null;
  year: number | null;
  cutoff: string | null;
  /** Whether the workbook has the settings table at all (false: an empty workbook, Skapa mall comes first). */
  hasInputs: boolean;
}

/** Association, year and cut-off for the task pane, from Inställningar only. */
export async function glanceAction(env: ActionEnv): Promise<Glance> {
  return env.run(async (context) => {
    const grid = await new OfficePort(context, env.port).readGrid({ only: ["Installningar"] });
    const s = readSettingsOnly(grid);
    return { association: s?.association || null, year: s?.year || null, cutoff: s?.cutoff ?? null, hasInputs: s !== null };
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

/**
 * An exception's message: from its `message` whatever realm it comes from (Office.js errors are `instanceof Error` of
 * the page office.js runs in, which need not be the pane's), else its text.
 */
export function errorMessage(e: unknown): { name: string; message: string } | null {
  const x = e as { name?: unknown; message?: unknown } | null;
  return x !== null && typeof x === "object" && typeof x.message === "string"
    ? { name: typeof x.name === "string" ? x.name : "Error", message: x.message }
    : null;
}
