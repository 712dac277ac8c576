/**
 * Verifiera: recompute from the inputs and compare with what the workbook stores; nothing is written. It says what
 * changed first: the input tables whose content differs from the stored run (each table's fingerprint, SUM and
 * COUNTA as Kontroller's Indatakontroll stored them), then the result cells that differ, grouped by sheet.
 */
import type { Output } from "../core/compute";
import type { Issue } from "../core/messages";
import { Decimal } from "../core/money";
import { differenceTexts, displayCell, numberWithUnit } from "../report/render";
import { a1, SheetModel } from "../report/sheetModel";
import { HEADER_ROWS, InputStamp, OWNED_SHEETS, STAMP_FINGERPRINT } from "../report/sheets";
import { isDateCell, quoteSheet, RawCell, WorkbookGrid } from "./grid";
import { findSheet } from "./tables";
import { computeFromGrid, Outcome, RunOptions } from "./usecases";
import { cellText } from "./values";

export interface Difference {
  cell: string;
  stored: string;
  recomputed: string;
  /** In what the run said (Kontroller's warnings), not in a result. */
  runRecord?: boolean;
}

/** An input table whose content is not what the stored results were computed from. */
export interface ChangedTable {
  table: string;
  sheet: string;
  /** `changed`: its content differs; `added`: the stored run had no such table; `removed`: it is gone. */
  change: "changed" | "added" | "removed";
  /** The table's fingerprint at the run and now (null where not stored or not read): in the JSON only. */
  storedFingerprint: string | null;
  fingerprint: string | null;
}

/** How a changed table is named to the user: its sheet, and the table's name too where it differs from the sheet's. */
export function changedTableName(t: Pick<ChangedTable, "table" | "sheet">): string {
  const plain = (x: string) =>
    x
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
  return !t.sheet || plain(t.sheet) === plain(t.table) ? t.sheet || t.table : `${t.table} (${t.sheet})`;
}

/** The message that opens a verification with differences: which inputs changed, or that none did. */
export function inputsMessage(v: Pick<Verification, "changedTables" | "inputsRecorded" | "differences">): Issue {
  if (!v.inputsRecorded) return { code: "verify_inputs_unrecorded", params: {}, cell: "" };
  if (v.changedTables.length === 0)
    return v.differences.length > 0 && v.differences.every((d) => d.runRecord)
      ? { code: "verify_warnings_differ", params: { count: v.differences.length }, cell: "" }
      : { code: "verify_inputs_same", params: {}, cell: "" };
  const tables = v.changedTables.map((t) => ({ name: changedTableName(t), change: t.change }));
  return { code: "verify_inputs_changed", params: { tables }, cell: "" };
}

/** The result cells that differ on one sheet, in sheet order. */
export interface SheetDifferences {
  sheet: string;
  differences: Difference[];
}

export interface Verification extends Outcome {
  /** Input tables that changed since the stored run, first; empty when every table is as it was. */
  changedTables: ChangedTable[];
  /** Whether the stored run recorded its inputs (Kontroller's Indatakontroll); without it no table can be named. */
  inputsRecorded: boolean;
  differences: Difference[];
  bySheet: SheetDifferences[];
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

interface StoredStamp {
  table: string;
  sheet: string;
  sum: number | null;
  count: number | null;
  fingerprint: string | null;
}

/** Indatakontroll as the stored run wrote it (Tabell, Status, Kolumner, Blad, Summa vid beräkning, …, Fingeravtryck); null without it. */
function storedStamps(grid: WorkbookGrid): StoredStamp[] | null {
  const rows = findSheet(grid, OWNED_SHEETS.checks)?.rows ?? [];
  const text = (v: RawCell | undefined) => (v === null || v === undefined ? "" : cellText(v));
  const header = rows.findIndex((r) => text(r?.[0]) === "Tabell" && text(r?.[1]) === "Status" && text(r?.[2]) === "Kolumner");
  if (header < 0) return null;
  const fpCol = (rows[header] ?? []).findIndex((v) => text(v) === STAMP_FINGERPRINT);
  const out: StoredStamp[] = [];
  for (const r of rows.slice(header + 1)) {
    if (!r || text(r[0]) === "") break;
    const num = (v: RawCell | undefined) => (typeof v === "number" ? v : null);
    out.push({
      table: text(r[0]),
      sheet: text(r[3]),
      sum: num(r[4]),
      count: num(r[6]),
      fingerprint: fpCol >= 0 && text(r[fpCol]) !== "" ? text(r[fpCol]) : null,
    });
  }
  return out;
}

/**
 * The input tables that differ from the stored run: by fingerprint where both sides have one, and by the spreadsheet's
 * SUM and COUNTA (an earlier version stored only those).
 */
function changedTables(stored: StoredStamp[], now: readonly InputStamp[]): ChangedTable[] {
  const out: ChangedTable[] = [];
  for (const n of now) {
    const s = stored.find((x) => x.table === n.table);
    const fingerprint = n.fingerprint ?? null;
    if (!s) {
      out.push({ table: n.table, sheet: n.sheet, change: "added", storedFingerprint: null, fingerprint });
      continue;
    }
    // The fingerprint sees any changed value; SUM and COUNTA (what Kontroller's live status compares) also a note typed
    // in a column the run does not read.
    const byPrint = s.fingerprint !== null && fingerprint !== null && s.fingerprint !== fingerprint;
    const bySums = (s.sum !== null && n.sum.minus(s.sum).abs().greaterThanOrEqualTo("0.005")) || (s.count !== null && s.count !== n.count);
    if (byPrint || bySums) out.push({ table: n.table, sheet: n.sheet, change: "changed", storedFingerprint: s.fingerprint, fingerprint });
  }
  for (const s of stored)
    if (!now.some((n) => n.table === s.table))
      out.push({ table: s.table, sheet: s.sheet, change: "removed", storedFingerprint: s.fingerprint, fingerprint: null });
  return out;
}

/** Recomputes and compares every cell of the owned sheets that are present; nothing is written. */
export function verifyGrid(grid: WorkbookGrid, options: Omit<RunOptions, "outputs" | "cutoffOverride">): Verification {
  const present = new Set<Output>();
  if (findSheet(grid, OWNED_SHEETS.memberShares)) present.add("medlemsandelar");
  if (findSheet(grid, OWNED_SHEETS.tertial)) present.add("tertial");
  if (findSheet(grid, OWNED_SHEETS.equity)) present.add("eget-kapital");
  const none = { changedTables: [], inputsRecorded: false, differences: [], bySheet: [] };
  if (present.size === 0) return { ok: false, errors: [{ code: "no_results", params: {}, cell: "" }], warnings: [], ...none };
  const outcome = computeFromGrid(grid, { ...options, outputs: present, cutoffOverride: storedCutoff(grid) ?? undefined });
  if (!outcome.ok) return { ...outcome, ...none };
  const stored = storedStamps(grid);
  const changed = stored ? changedTables(stored, outcome.stamps ?? []) : [];
  // When inputs changed, the cells that record them (each sheet's fingerprint, Indatakontroll's "vid beräkning") differ
  // by design and are said by the tables above; otherwise a difference there is an edit and is listed.
  const skipRecord = changed.length > 0;
  const bySheet = outcome
    .sheets!.filter((m) => m.name !== OWNED_SHEETS.log)
    .map((model) => ({ sheet: model.name, differences: sheetDifferences(grid, model, skipRecord) }));
  return {
    ...outcome,
    changedTables: changed,
    inputsRecorded: stored !== null,
    differences: bySheet.flatMap((s) => s.differences),
    bySheet: bySheet.filter((s) => s.differences.length > 0),
  };
}

/** The cells of one recomputed sheet that differ from the stored sheet (live formulas and volatile cells aside). */
function sheetDifferences(grid: WorkbookGrid, model: SheetModel, skipRecord: boolean): Difference[] {
  const differences: Difference[] = [];
  const record = skipRecord ? inputRecord(model) : () => false;
  // From the first cell of what the run said on: its warnings, which end the sheet.
  const said = model.rows.findIndex((row) => row.some((c) => c?.runRecord));
  const saidFrom = said < 0 ? Infinity : said;
  const stored = findSheet(grid, model.name);
  if (!stored) return [{ cell: `${quoteSheet(model.name)}!A1`, stored: "(bladet saknas)", recomputed: "(blad)" }];
  const rows = Math.max(model.rows.length, stored.rows.length);
  for (let r = 0; r < rows; r++) {
    const mRow = model.rows[r] ?? [];
    const sRow = stored.rows[r] ?? [];
    const cols = Math.max(mRow.length, sRow.length);
    for (let c = 0; c < cols; c++) {
      const cell = mRow[c] ?? null;
      // Formulas (Kontroller) are live: the spreadsheet shows their own result, OK or FEL.
      if (cell?.volatile || cell?.formula || record(r, c)) continue;
      const expected = cell === null || cell.value === null || cell.value === "" ? null : cell.value;
      const actual = storedValue(sRow[c]);
      let same: boolean;
      if (typeof expected === "number" && typeof actual === "number") same = sameNumber(expected, actual);
      else if (typeof expected === "boolean") same = actual === (expected ? "SANT" : "FALSKT");
      else same = expected === actual;
      if (same) continue;
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
      differences.push({ cell: `${quoteSheet(model.name)}!${a1(r, c)}`, ...texts, ...(r >= saidFrom ? { runRecord: true } : {}) });
    }
  }
  return differences;
}

/** The cells of a sheet that record the inputs rather than results: the header's fingerprint, and Indatakontroll's stored columns. */
function inputRecord(model: SheetModel): (row: number, col: number) => boolean {
  const stamps = model.name === OWNED_SHEETS.checks ? model.tables.find((t) => /^Indatakontroll(_\d+)?$/.test(t.name)) : undefined;
  const kept = new Set([4, 6, 8]);
  return (row, col) =>
    (row === HEADER_ROWS.fingerprint && col === 1) || (!!stamps && row > stamps.top && row <= stamps.bottom && kept.has(col - stamps.left));
}
