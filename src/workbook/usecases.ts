/**
 * The use cases both shells call: recalculate (read, compute, write) and verify (read, compute,
 * compare with what is stored). Adapter-neutral: they only see the port.
 */
import { compute, Computation, Output } from "../core/compute";
import { fingerprint } from "../core/fingerprint";
import type { Lang } from "../core/locale";
import { Issue, issueText } from "../core/messages";
import { resultJson } from "../report/json";
import { Decimal } from "../core/money";
import { differenceTexts, displayCell, numberWithUnit } from "../report/render";
import { a1, SheetModel } from "../report/sheetModel";
import { buildSheets, HEADER_ROWS, OWNED_SHEETS, plannedSheets, RunInfo } from "../report/sheets";
import { TableNamer } from "../report/tableNames";
import { cellText } from "./values";
import { RawCell, WorkbookGrid, isDateCell, quoteSheet, takenNames } from "./grid";
import { WorkbookPort, WriteRefused } from "./port";
import { readInputs } from "./read";
import { findSheet } from "./tables";
import { inputStamps, previousLog, userSheetsInTheWay } from "./stamps";

export interface RunOptions {
  outputs: ReadonlySet<Output>;
  cutoffOverride?: string;
  version: string;
  now: () => string;
  /** The action's name in Körlogg; without it no log row is written (verification). */
  action?: string;
  /**
   * SHA-256 as lowercase hex of a text's UTF-8 bytes, for the fingerprint. Defaults to the core's
   * own (the same in the task pane); the command line passes Node's native one, 20× faster.
   */
  sha256?: (text: string) => string;
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
}

/** Reads and computes; writes nothing. */
export function computeFromGrid(grid: WorkbookGrid, options: RunOptions): Outcome {
  const read = readInputs(grid, options.outputs);
  if (!read.inputs) return { ok: false, errors: read.errors, warnings: read.warnings };
  const result = compute(read.inputs, { outputs: options.outputs, cutoffOverride: options.cutoffOverride });
  if (!result.ok) return { ok: false, errors: result.errors, warnings: [...read.warnings, ...result.warnings] };
  const c = result.value;
  c.warnings.unshift(...read.warnings);
  const run: RunInfo = {
    version: options.version,
    computedAt: options.now(),
    fingerprint: fingerprint(read.inputs, options.sha256),
    stamps: inputStamps(grid),
    log: options.action ? { previous: previousLog(grid), action: options.action } : undefined,
  };
  const planned = plannedSheets(c, run);
  const inTheWay = userSheetsInTheWay(grid, planned);
  if (inTheWay.length > 0) return { ok: false, errors: inTheWay, warnings: c.warnings };
  run.tableNames = new TableNamer(takenNames(grid), planned);
  const sheets = buildSheets(c, run);
  return { ok: true, errors: [], warnings: c.warnings, computation: c, sheets, json: resultJson(c, run, options.lang ?? "sv") };
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

export interface Difference {
  cell: string;
  stored: string;
  recomputed: string;
}

function storedValue(v: RawCell | undefined): string | number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return v;
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "boolean") return v ? "SANT" : "FALSKT";
  if (isDateCell(v)) return v.date;
  return v.error;
}

function sameNumber(a: number, b: number): boolean {
  return new Decimal(a).minus(b).abs().lessThan("0.000001");
}

/** The cut-off date a stored result was computed with (from its sheets' header block). */
export function storedCutoff(grid: WorkbookGrid): string | null {
  for (const name of [OWNED_SHEETS.tertial, OWNED_SHEETS.equity, OWNED_SHEETS.memberShares, OWNED_SHEETS.checks]) {
    const sheet = findSheet(grid, name);
    const v = sheet?.rows[HEADER_ROWS.cutoff]?.[1];
    if (v !== undefined && v !== null) return cellText(v);
  }
  return null;
}

/** Recomputes and compares every cell of the owned sheets that are present; nothing is written. */
export function verifyGrid(
  grid: WorkbookGrid,
  options: Omit<RunOptions, "outputs" | "cutoffOverride">,
): Outcome & { differences: Difference[] } {
  const present = new Set<Output>();
  if (findSheet(grid, OWNED_SHEETS.memberShares)) present.add("medlemsandelar");
  if (findSheet(grid, OWNED_SHEETS.tertial)) present.add("tertial");
  if (findSheet(grid, OWNED_SHEETS.equity)) present.add("eget-kapital");
  const differences: Difference[] = [];
  if (present.size === 0) {
    return {
      ok: false,
      errors: [{ code: "no_results", params: {}, cell: "" }],
      warnings: [],
      differences,
    };
  }
  const outcome = computeFromGrid(grid, { ...options, outputs: present, cutoffOverride: storedCutoff(grid) ?? undefined });
  if (!outcome.ok) return { ...outcome, differences };
  for (const model of outcome.sheets!) {
    if (model.name === OWNED_SHEETS.log) continue;
    const stored = findSheet(grid, model.name);
    if (!stored) {
      differences.push({ cell: `${quoteSheet(model.name)}!A1`, stored: "(bladet saknas)", recomputed: "(blad)" });
      continue;
    }
    const rows = Math.max(model.rows.length, stored.rows.length);
    for (let r = 0; r < rows; r++) {
      const mRow = model.rows[r] ?? [];
      const sRow = stored.rows[r] ?? [];
      const cols = Math.max(mRow.length, sRow.length);
      for (let c = 0; c < cols; c++) {
        const cell = mRow[c] ?? null;
        if (cell?.volatile) continue;
        const expected = cell === null || cell.value === null || cell.value === "" ? null : cell.value;
        const raw = sRow[c];
        // Formulas (Kontroller) are live: the spreadsheet shows their own result, OK or FEL.
        if (cell?.formula) continue;
        const actual = storedValue(raw);
        let same: boolean;
        if (typeof expected === "number" && typeof actual === "number") same = sameNumber(expected, actual);
        else if (typeof expected === "boolean") same = actual === (expected ? "SANT" : "FALSKT");
        else same = expected === actual;
        if (!same) {
          // Both sides in the sheet's own unit and format (tkr, kr, %), so that they can be compared at a glance.
          const texts =
            typeof expected === "number" && typeof actual === "number"
              ? differenceTexts(actual, expected, cell?.format)
              : {
                  stored: actual === null ? "(tom)" : typeof actual === "number" ? numberWithUnit(actual, cell?.format) : String(actual),
                  recomputed: cell
                    ? (typeof cell.value === "number" ? numberWithUnit(cell.value, cell.format) : displayCell(cell)) || "(tom)"
                    : "(tom)",
                };
          differences.push({ cell: `${quoteSheet(model.name)}!${a1(r, c)}`, ...texts });
        }
      }
    }
  }
  return { ...outcome, differences };
}
