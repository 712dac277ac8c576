/**
 * Reads every input table of the workbook contract (docs/workbook.md) from a neutral grid into
 * typed inputs. All errors are collected in one pass; each names the sheet and cell. One file per
 * table in this folder.
 */
import type { Output } from "../../core/compute";
import { tablesFor } from "../../core/compute";
import type { Inputs, InputTable } from "../../core/inputs";
import { Issue, IssueList } from "../../core/messages";
import { cellRef, isBlank, WorkbookGrid } from "../grid";
import { hiddenHeaderIssues, normalizeName } from "../tables";
import { readAccounts } from "./accounts";
import { readBudget } from "./budget";
import { warnCellsOutsideTables } from "./cellsOutside";
import { readCeilingBands } from "./ceiling";
import { readForecast } from "./forecast";
import { readGrants } from "./grants";
import { readLedger } from "./ledger";
import { readExtras } from "./extras";
import { readMembers } from "./members";
import { readReportComments } from "./reportComments";
import { readSettings } from "./settings";
import { INPUT_TABLES, TableResult } from "./tableReader";

export { INPUT_TABLES } from "./tableReader";
export { readSettingsOnly } from "./settings";
export { SETTING_ALIASES, SETTING_LABELS } from "./settings";
export { METHOD_NAMES } from "./forecast";

export interface ReadResult {
  inputs: Inputs | null;
  errors: Issue[];
  warnings: Issue[];
}

const absent = { kind: "absent" } as const;

function valueOf<T>(r: TableResult<T>, empty: T): T {
  return r.kind === "read" ? r.value : empty;
}

export function readInputs(grid: WorkbookGrid, outputs: ReadonlySet<Output>): ReadResult {
  const errors = new IssueList();
  const warnings = new IssueList();
  const { required } = tablesFor(outputs);
  const needs = (t: InputTable) => required.has(t);
  const ledgerNeeded = needs("Huvudbok");

  errors.push(...hiddenHeaderIssues(grid, Object.entries(INPUT_TABLES)));
  const settings = readSettings(grid, errors, warnings);
  for (const [table, sheetName] of Object.entries(INPUT_TABLES)) warnHiddenRows(grid, table, sheetName, warnings);
  warnCellsOutsideTables(grid, warnings);
  const members = needs("Medlemmar") ? readMembers(grid, true, errors, settings?.settings.year ?? 0) : absent;
  const accounts = ledgerNeeded ? readAccounts(grid, true, errors) : absent;
  const budget = readBudget(grid, errors);
  const ledger = ledgerNeeded ? readLedger(grid, true, errors) : absent;
  const grants = ledgerNeeded ? readGrants(grid, errors) : absent;
  const forecast = ledgerNeeded ? readForecast(grid, errors) : absent;
  const bands = outputs.has("eget-kapital") ? readCeilingBands(grid, errors) : absent;
  const extras = readExtras(grid, errors);

  if (errors.length > 0 || !settings) return { inputs: null, errors: errors.items, warnings: warnings.items };
  const sheets: Inputs["sheets"] = { Installningar: settings.sheet };
  const tables: Array<[InputTable, TableResult<unknown>]> = [
    ["Medlemmar", members],
    ["Kontoplan", accounts],
    ["Budget", budget],
    ["Huvudbok", ledger],
    ["Insatser", grants],
    ["Prognos", forecast],
    ["Takregel", bands],
    ["Tillaggsbidrag", extras],
  ];
  for (const [name, t] of tables) if (t.kind === "read") sheets[name] = t.sheet;
  return {
    inputs: {
      settings: settings.settings,
      members: valueOf(members, []),
      accounts: valueOf(accounts, []),
      budget: valueOf(budget, { lines: [], functions: [] }).lines,
      functionBudget: valueOf(budget, { lines: [], functions: [] }).functions,
      ledger: valueOf(ledger, []),
      grants: valueOf(grants, []),
      forecastChoices: valueOf(forecast, []),
      ceilingBands: valueOf(bands, []),
      extras: valueOf(extras, []),
      reportComments: readReportComments(grid),
      present: {
        grants: grants.kind === "read",
        forecast: forecast.kind === "read",
        ceilingBands: bands.kind === "read",
        ledger: ledger.kind === "read",
        budget: budget.kind === "read",
        // Insatser's Typ column: a row with a type, or a blank one that the costs per verksamhet will name.
        grantTypes: valueOf(grants, []).some((g) => g.type !== null || g.typeCell !== null),
      },
      sheets,
    },
    errors: [],
    warnings: warnings.items,
  };
}

/** Hidden or filtered rows inside an input table still count; say so once per table. */
function warnHiddenRows(grid: WorkbookGrid, table: string, sheetName: string, warnings: IssueList): void {
  const t = grid.tables.find((x) => x.name.toLowerCase() === table.toLowerCase());
  const sheet = t
    ? grid.sheets.find((s) => s.name === t.sheet)
    : grid.sheets.find((s) => normalizeName(s.name) === normalizeName(sheetName));
  if (!sheet || !sheet.hiddenRows || sheet.hiddenRows.length === 0) return;
  let first: number;
  let last: number;
  let left = 0;
  if (t) {
    first = t.top + 1;
    last = t.top + t.rows.length - 1;
    left = t.left;
  } else {
    const header = sheet.rows.findIndex((r) => r && r.some((c) => !isBlank(c)));
    if (header < 0) return;
    first = header + 1;
    last = sheet.rows.length - 1;
  }
  const inTable = (r: number) => r >= first && r <= last && (sheet.rows[r] ?? []).some((c) => !isBlank(c));
  const hidden = sheet.hiddenRows.filter(inTable).sort((a, b) => a - b);
  if (hidden.length === 0) return;
  warnings.add("hidden_rows", { count: hidden.length, sheet: sheet.name }, cellRef(sheet.name, hidden[0], left));
}
