/**
 * The use cases both shells call: compute from a grid, and recalculate (read, compute, write); verify is in
 * verify.ts. Adapter-neutral: they only see the port.
 */
import { compute, Computation, Output } from "../core/compute";
import { inputFingerprints, Sha256 } from "../core/fingerprint";
import type { Lang } from "../core/locale";
import type { InputTable } from "../core/inputs";
import { Issue, issueText } from "../core/messages";
import { resultJson } from "../report/json";
import { SheetModel } from "../report/sheetModel";
import { buildSheets, InputStamp, plannedSheets, RunInfo } from "../report/sheets";
import { TableNamer } from "../report/tableNames";
import { WorkbookGrid, takenNames } from "./grid";
import { WorkbookPort, WriteRefused } from "./port";
import { readInputs } from "./read";
import { inputStamps, previousLog, userSheetsInTheWay } from "./stamps";

export interface RunOptions {
  outputs: ReadonlySet<Output>;
  cutoffOverride?: string;
  version: string;
  now: () => string;
  /** The action's name in Körlogg; without it no log row is written (verification). */
  action?: string;
  /**
   * SHA-256 as lowercase hex of the fingerprint serialisation's UTF-8 bytes. Defaults to the core's
   * own (the same in the task pane); the command line passes Node's native one, 20× faster.
   */
  sha256?: Sha256;
  /** The language of the JSON's messages (the shell's choice); Swedish by default. */
  lang?: Lang;
}

export interface Outcome {
  ok: boolean;
  errors: Issue[];
  warnings: Issue[];
  computation?: Computation;
  sheets?: SheetModel[];
  json?: Record<string, unknown>;
  /** What the run read from each input table (Kontroller's Indatakontroll), with the read tables' fingerprints. */
  stamps?: InputStamp[];
}

/** Reads and computes; writes nothing. */
export function computeFromGrid(grid: WorkbookGrid, options: RunOptions): Outcome {
  const read = readInputs(grid, options.outputs);
  if (!read.inputs) return { ok: false, errors: read.errors, warnings: read.warnings };
  const result = compute(read.inputs, { outputs: options.outputs, cutoffOverride: options.cutoffOverride });
  if (!result.ok) return { ok: false, errors: result.errors, warnings: [...read.warnings, ...result.warnings] };
  const c = result.value;
  c.warnings.unshift(...read.warnings);
  const prints = inputFingerprints(read.inputs, options.sha256);
  const inputs = read.inputs;
  const run: RunInfo = {
    version: options.version,
    computedAt: options.now(),
    fingerprint: prints.whole,
    // A table's own fingerprint only when the run read it (`--only` reads fewer).
    stamps: inputStamps(grid).map((st) =>
      inputs.sheets[st.table as InputTable] ? { ...st, fingerprint: prints.tables.get(st.table) } : st,
    ),
    log: options.action ? { previous: previousLog(grid), action: options.action } : undefined,
  };
  const planned = plannedSheets(c, run);
  const inTheWay = userSheetsInTheWay(grid, planned);
  if (inTheWay.length > 0) return { ok: false, errors: inTheWay, warnings: c.warnings };
  run.tableNames = new TableNamer(takenNames(grid), planned);
  const sheets = buildSheets(c, run);
  const json = resultJson(c, run, options.lang ?? "sv");
  return { ok: true, errors: [], warnings: c.warnings, computation: c, sheets, json, stamps: run.stamps };
}

export async function recalculate(port: WorkbookPort, options: RunOptions): Promise<Outcome> {
  const grid = await port.readGrid();
  const outcome = computeFromGrid(grid, options);
  if (!outcome.ok) return outcome;
  let notes: Issue[] = [];
  try {
    notes = (await port.writeSheets(outcome.sheets!)) ?? [];
  } catch (e) {
    if (!(e instanceof WriteRefused)) throw e;
    return { ok: false, errors: e.issues, warnings: outcome.warnings };
  }
  if (notes.length > 0) {
    outcome.warnings.push(...notes);
    (outcome.json!.warnings as unknown[]).push(...notes.map((n) => issueText(n, options.lang ?? "sv")));
  }
  return outcome;
}
