/** Inställningar: one row per setting (Inställning, Värde), read into typed settings with defaults. */
import { isoOfDayNumber } from "../../core/dates";
import type { CeilingRule, DisplayUnit, SettingId, Settings } from "../../core/inputs";
import { IssueList, ValueProblem } from "../../core/messages";
import { DEFAULT_DEVIATION_THRESHOLD, parseDeviationThreshold } from "../../core/deviation";
import { parseDueDays } from "../../core/dueDates";
import { Decimal } from "../../core/money";
import type { CellRef } from "../../core/units";
import { cellRef, isBlank, isErrorCell, RawCell, WorkbookGrid } from "../grid";
import { at, normalizeName } from "../tables";
import {
  cellText,
  describe,
  errorCellFailure,
  parseAmount,
  dateParser,
  parseInteger,
  parseNumber,
  Parsed,
  parsePercent,
  parseYesNo,
} from "../values";
import { SETTING_DEFS, settingNames, SETTINGS_TABLE } from "../../core/contract";
import { open, reportValue } from "./tableReader";
import type { ValueCode } from "../../core/messages";

/** Each setting's name in the workbook (Swedish, as the contract names it). */
export const SETTING_LABELS: Record<SettingId, string> = Object.fromEntries(SETTING_DEFS.map((d) => [d.id, d.sv])) as Record<
  SettingId,
  string
>;

/** Every accepted spelling of every setting (contract/settings.ts). */
export const SETTING_ALIASES: Readonly<Record<SettingId, readonly string[]>> = Object.fromEntries(
  SETTING_DEFS.map((d) => [d.id, settingNames(d)]),
) as Record<SettingId, string[]>;

const settingLookup = new Map<string, SettingId>();
for (const [id, names] of Object.entries(SETTING_ALIASES) as Array<[SettingId, string[]]>) {
  for (const n of names) settingLookup.set(normalizeName(n), id);
}

/** The setting a name in Inställningar's first column stands for (any accepted spelling), if any. */
export function settingIdOf(name: string): SettingId | undefined {
  return settingLookup.get(normalizeName(name));
}

/** The settings' raw cells by id, with the errors of reading them. */
class SettingCells {
  constructor(
    readonly raw: Map<SettingId, { v: RawCell; cell: CellRef }>,
    readonly errors: IssueList,
  ) {}
  /** A setting parsed, or null when absent or invalid (then an error names its cell). */
  get<T>(id: SettingId, parser: (v: RawCell) => Parsed<T>, code: ValueCode = "invalid_setting"): T | null {
    const e = this.raw.get(id);
    if (!e) return null;
    const p = parser(e.v);
    if (p.ok) return p.value;
    reportValue(this.errors, code, { ...p.error, label: SETTING_LABELS[id] }, e.cell);
    return null;
  }
  /** Reports a value that parsed but is not allowed. */
  reject(id: SettingId, problem: ValueProblem, code: ValueCode = "invalid_setting", allowed?: string): void {
    const e = this.raw.get(id)!;
    this.errors.add(code, { problem, value: describe(e.v), label: SETTING_LABELS[id], ...(allowed ? { allowed } : {}) }, e.cell);
  }
  /** A setting that must be one of a few values. */
  oneOf<T>(id: SettingId, parser: (v: RawCell) => Parsed<T>, allowed: readonly T[], show: string): T | null {
    const v = this.get(id, parser);
    if (v === null) return null;
    if (allowed.some((a) => (a instanceof Decimal ? a.equals(v as unknown as Decimal) : a === v))) return v;
    this.reject(id, "one_of", "invalid_setting", show);
    return null;
  }
}

function readDisplayUnit(cells: SettingCells): DisplayUnit {
  const unit = cells.get("displayUnit", (v) => ({ ok: true, value: cellText(v).toLowerCase() }));
  if (unit === null || unit === "kr" || unit === "tkr") return unit ?? "tkr";
  cells.reject("displayUnit", "one_of", "invalid_setting", "kr eller tkr");
  return "tkr";
}

function readCeilingRule(cells: SettingCells): CeilingRule {
  const e = cells.raw.get("ceilingRule");
  if (!e) return { kind: "flat", rate: new Decimal("0.2") };
  const word = normalizeName(cellText(e.v));
  if (word === "tabell" || word === "table") return { kind: "table" };
  const p = parsePercent(e.v);
  if (p.ok && !p.value.isNegative() && p.value.lessThanOrEqualTo(1)) return { kind: "flat", rate: p.value };
  cells.reject("ceilingRule", "percent_or_table");
  return { kind: "flat", rate: new Decimal("0.2") };
}

export function readSettings(grid: WorkbookGrid, errors: IssueList, warnings: IssueList): { settings: Settings; sheet: string } | null {
  const opened = open(grid, SETTINGS_TABLE, true, errors);
  if (opened.kind !== "open") return null;
  const r = opened.reader;
  const tableCell = cellRef(r.t.sheet, r.t.headerRow, r.t.left);
  const raw = new Map<SettingId, { v: RawCell; cell: CellRef }>();
  /** Every setting's value cell, filled or not: a missing value is reported where it is to be typed. */
  const valueCells = new Map<SettingId, CellRef>();
  const errorValued = new Set<SettingId>();
  let lastRow = r.t.headerRow;
  let firstFree: number | null = null;
  for (const row of r.t.rows) {
    if (!isBlank(at(row, r.cols.name)) || !isBlank(at(row, r.cols.value))) lastRow = row.index;
    else firstFree ??= row.index;
    const nameCell = at(row, r.cols.name);
    if (isBlank(nameCell)) {
      if (!isBlank(at(row, r.cols.value))) errors.add("setting_name_blank", {}, r.ref(row.index, "name"));
      continue;
    }
    const name = r.value(row, "name");
    if (name === null) continue;
    const id = settingLookup.get(normalizeName(name));
    if (!id) {
      warnings.add("unknown_setting", { name }, r.ref(row.index, "name"));
      continue;
    }
    if (raw.has(id)) {
      errors.add("duplicate_setting", { setting: SETTING_LABELS[id], otherCell: raw.get(id)!.cell }, r.ref(row.index, "name"));
      continue;
    }
    const v = at(row, r.cols.value);
    valueCells.set(id, r.ref(row.index, "value"));
    if (isBlank(v)) continue;
    // An error value is no setting's value, whatever its kind (text settings too).
    if (isErrorCell(v)) {
      errors.add("cell_error_value", { ...errorCellFailure(v), label: SETTING_LABELS[id] }, r.ref(row.index, "value"));
      errorValued.add(id);
      continue;
    }
    raw.set(id, { v, cell: r.ref(row.index, "value") });
  }
  const cells: Settings["cells"] = {};
  for (const [id, { cell }] of raw) cells[id] = cell;
  const c = new SettingCells(raw, errors);

  // A required setting without a value: its value cell, or (no row at all) the name cell of the first free row.
  const missingAt = (id: SettingId): CellRef =>
    valueCells.get(id) ?? r.ref(firstFree !== null && firstFree < lastRow ? firstFree : lastRow + 1, "name");
  const association = c.get("association", (v) => ({ ok: true, value: cellText(v) }));
  if (!association && !errorValued.has("association"))
    errors.add("missing_setting", { setting: SETTING_LABELS.association }, missingAt("association"));
  const year = c.get("year", parseInteger, "invalid_year");
  if (year === null && !raw.has("year") && !errorValued.has("year"))
    errors.add("missing_setting", { setting: SETTING_LABELS.year }, missingAt("year"));
  if (year !== null && (year < 1900 || year > 9999)) c.reject("year", "year_range", "invalid_year");
  const cutoffDay = c.get("cutoff", dateParser(grid), "invalid_date");
  const displayUnit = readDisplayUnit(c);
  const unitParser = (v: RawCell) => parseNumber(typeof v === "string" ? v.replace(/\s*kr$/i, "") : v);
  const units = [new Decimal(1), new Decimal(100), new Decimal(1000)];
  const roundingUnit = c.oneOf("roundingUnit", unitParser, units, "1, 100 eller 1000 (kr)");
  const nonNegativeAmount = (id: SettingId) => {
    const a = c.get(id, parseAmount, "invalid_amount");
    if (!a || !a.isNegative()) return a;
    c.reject(id, "not_negative");
    return null;
  };
  const stateContribution = nonNegativeAmount("stateContribution");
  const totalContributions = nonNegativeAmount("totalContributions");
  const share = (id: SettingId, dflt: string) => {
    const p = c.get(id, parsePercent, "invalid_percent");
    if (p && (p.isNegative() || p.greaterThan(1))) c.reject(id, "percent_range", "invalid_percent");
    return p ?? new Decimal(dflt);
  };
  const shares = { Stat: share("shareState", "0.5"), Region: share("shareRegion", "0.25"), Kommun: share("shareMunicipalities", "0.25") };
  const installments = c.oneOf("installments", parseInteger, [1, 2, 3, 4, 12], "1, 2, 3, 4 eller 12");
  const accrue = c.get("accrueContributions", parseYesNo);
  const openingEquity = c.get("openingEquity", parseAmount, "invalid_amount");
  const ceilingRule = readCeilingRule(c);
  const basisWord = c.get("ceilingBasis", (v) => ({ ok: true, value: normalizeName(cellText(v)) }));
  let ceilingBasis: Settings["ceilingBasis"] = "contributions";
  const among = (words: string[]) => words.map(normalizeName).includes(basisWord ?? "");
  if (basisWord && among(["Alla intäkter", "All income", "Intäkter", "Verksamhetens intäkter"])) ceilingBasis = "income";
  else if (basisWord && !among(["Medlemsbidrag", "Member contributions", "Årets medlemsbidrag"]))
    c.reject("ceilingBasis", "one_of", "invalid_setting", "Medlemsbidrag eller Alla intäkter");
  const sieProjectDimension = c.get("sieProjectDimension", parseInteger, "invalid_setting");
  const chartWord = c.get("sieChart", (v) => ({ ok: true, value: normalizeName(cellText(v)).replace(/[\s-]/g, "") }));
  let sieChart: "BAS" | "KOMMUN-BAS" | null = null;
  if (chartWord === "bas") sieChart = "BAS";
  else if (chartWord === "kommunbas") sieChart = "KOMMUN-BAS";
  else if (chartWord) c.reject("sieChart", "one_of", "invalid_setting", "BAS eller Kommun-BAS");
  const deviationThreshold = c.get("deviationThreshold", (v) => {
    const t = typeof v === "number" || typeof v === "string" ? parseDeviationThreshold(v) : null;
    return t ? { ok: true, value: t } : { ok: false, error: { problem: "deviation_threshold", value: describe(v) } };
  });
  const dueDays = c.get("dueDays", (v) => {
    const d = parseDueDays(cellText(v), installments ?? 4);
    return d
      ? { ok: true, value: d }
      : { ok: false, error: { problem: "due_dates", value: describe(v), allowed: String(installments ?? 4) } };
  });
  return {
    sheet: r.t.sheet,
    settings: {
      association: association ?? "",
      orgNumber: c.get("orgNumber", (v) => ({ ok: true, value: cellText(v) })),
      year: year ?? 0,
      cutoff: cutoffDay === null ? null : isoOfDayNumber(cutoffDay),
      displayUnit,
      roundingUnit: roundingUnit ?? new Decimal(1),
      stateContribution,
      totalContributions,
      shares,
      installments: installments ?? 4,
      accrueContributions: accrue ?? true,
      openingEquity,
      ceilingRule,
      ceilingBasis,
      sieProjectDimension: sieProjectDimension ?? 6,
      sieChart,
      deviationThreshold: deviationThreshold ?? DEFAULT_DEVIATION_THRESHOLD,
      dueDays,
      keyLabel: c.get("keyLabel", (v) => ({ ok: true, value: cellText(v) })),
      cells,
      tableCell,
    },
  };
}

/** Only the settings (for the task pane's header); errors are not reported here. */
export function readSettingsOnly(grid: WorkbookGrid): Settings | null {
  return readSettings(grid, new IssueList(), new IssueList())?.settings ?? null;
}
