/**
 * The add-in's actions, each one `Excel.run`: recalculate (all or one output), verify, create the
 * template, select a cell, read the settings for the task pane. They call the same use cases as
 * the command line through the Office.js port; nothing is computed here.
 */
import { OUTPUTS, Output } from "../core/compute";
import { actionLabel, VERSION } from "../core/version";
import { templateSheets } from "../report/example";
import { LOG_STATUS_COL } from "../report/sheets";
import type { Lang } from "../core/locale";
import type { Issue } from "../core/messages";
import { Outcome, recalculate } from "../workbook/usecases";
import { ChangedTable, Difference, inputsMessage, verifyGrid } from "../workbook/verify";
import { readSettingsOnly } from "../workbook/read";
import { parseSie } from "../core/sie/parse";
import { sha256HexOfBytes } from "../core/sha256";
import { importSie } from "../workbook/sieImport";
import { WriteRefused } from "../workbook/port";
import type { Reconciliation } from "../core/sie/reconcile";
import { OfficePort, OfficePortOptions } from "./officePort";
import { OWNED_PROTECTION } from "./officeWrite";

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

const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

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

/** What an SIE import did, for the pane. */
export interface ImportReport {
  years: number[];
  replaced: number;
  added: number;
  proposals: Array<{ account: number; accountText: string; name: string; line: string | null }>;
  settingsFilled: string[];
}

/**
 * Imports an SIE file (its bytes, read in the pane: nothing is uploaded) into Huvudbok, Kontoplan,
 * Inställningar and Körlogg, in one `Excel.run`. The file was previewed first (summarizeSie).
 */
export async function importSieAction(
  env: ActionEnv,
  bytes: Uint8Array,
  fileName: string,
  importAnyway = false,
): Promise<ActionResult & { imported?: ImportReport }> {
  return env.run(async (context) => {
    const port = new OfficePort(context, env.port);
    const outcome = importSie(await port.readGrid(), parseSie(bytes, fileName), {
      fileName,
      sha256: sha256HexOfBytes(bytes),
      now: (env.now ?? isoNow)(),
      version: VERSION,
      importAnyway,
    });
    if (!outcome.ok) {
      return {
        action: "import-sie" as const,
        ok: false,
        errors: outcome.errors,
        warnings: outcome.warnings,
        status: "import_failed" as const,
      };
    }
    try {
      await port.writeSheets(outcome.sheets, outcome.edits);
    } catch (e) {
      if (!(e instanceof WriteRefused)) throw e;
      return {
        action: "import-sie" as const,
        ok: false,
        errors: e.issues,
        warnings: outcome.warnings,
        status: "import_failed" as const,
      };
    }
    const { years, replaced, added, proposals, settingsFilled } = outcome;
    return {
      action: "import-sie" as const,
      ok: true,
      errors: [],
      warnings: outcome.warnings,
      status: "import_done" as const,
      imported: { years, replaced, added, proposals, settingsFilled },
    };
  });
}

/** What importing the file would do to this workbook (read only): years, proposals, or why it cannot be imported. */
export async function previewSieAction(
  env: ActionEnv,
  bytes: Uint8Array,
  fileName: string,
): Promise<ImportReport & { errors: Issue[]; warnings: Issue[]; reconciliation: Reconciliation | null }> {
  return env.run(async (context) => {
    const grid = await new OfficePort(context, env.port).readGrid();
    const o = importSie(grid, parseSie(bytes, fileName), { fileName, sha256: sha256HexOfBytes(bytes), now: "", version: VERSION });
    return {
      years: o.years,
      replaced: o.replaced,
      added: o.added,
      proposals: o.proposals,
      settingsFilled: o.settingsFilled,
      errors: o.errors,
      warnings: o.warnings,
      reconciliation: o.reconciliation,
    };
  });
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
