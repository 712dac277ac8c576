/**
 * The SIE import in the pane: preview and import, each one `Excel.run`. A module of its own, loaded when the
 * officer first chooses a file (a webpack chunk): the SIE reader is not part of the pane's start-up.
 */
import { parseSie } from "../core/sie/parse";
import { summarizeSie } from "../core/sie/summary";
import { sha256HexOfBytes } from "../core/sha256";
import type { Issue } from "../core/messages";
import type { Reconciliation } from "../core/sie/reconcile";
import { importSie } from "../workbook/sieImport";
import { WriteRefused } from "../workbook/port";
import { ActionEnv, ActionResult, isoNow, VERSION } from "./actions";
import { OfficePort } from "./officePort";

export { parseSie, summarizeSie };
export { encodingWorthSaying, fiscalYearName } from "../core/sie/summary";

/** What an SIE import did, for the pane. */
export interface ImportReport {
  years: number[];
  replaced: number;
  added: number;
  proposals: Array<{ account: number; accountText: string; name: string; line: string | null }>;
  settingsFilled: string[];
  /** The budget taken into Budget (the pane's checkbox), else null. */
  budget: { year: number; source: string; lines: number; replaced: number } | null;
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
  budget: { budget?: boolean; replaceBudget?: boolean } = {},
): Promise<ActionResult & { imported?: ImportReport }> {
  return env.run(async (context) => {
    const port = new OfficePort(context, env.port);
    const outcome = importSie(await port.readGrid(), parseSie(bytes, fileName), {
      fileName,
      sha256: sha256HexOfBytes(bytes),
      now: (env.now ?? isoNow)(),
      version: VERSION,
      importAnyway,
      ...budget,
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
    const { years, replaced, added, proposals, settingsFilled, budget: taken } = outcome;
    return {
      action: "import-sie" as const,
      ok: true,
      errors: [],
      warnings: outcome.warnings,
      status: "import_done" as const,
      imported: { years, replaced, added, proposals, settingsFilled, budget: taken },
    };
  });
}

/** What importing the file would do to this workbook (read only): years, proposals, or why it cannot be imported. */
export async function previewSieAction(
  env: ActionEnv,
  bytes: Uint8Array,
  fileName: string,
  budget: { budget?: boolean; replaceBudget?: boolean } = {},
): Promise<ImportReport & { errors: Issue[]; warnings: Issue[]; reconciliation: Reconciliation | null }> {
  return env.run(async (context) => {
    const grid = await new OfficePort(context, env.port).readGrid();
    const info = { fileName, sha256: sha256HexOfBytes(bytes), now: "", version: VERSION, ...budget };
    const o = importSie(grid, parseSie(bytes, fileName), info);
    return {
      years: o.years,
      replaced: o.replaced,
      added: o.added,
      proposals: o.proposals,
      settingsFilled: o.settingsFilled,
      budget: o.budget,
      errors: o.errors,
      warnings: o.warnings,
      reconciliation: o.reconciliation,
    };
  });
}
