/**
 * Importing an SIE file into the workbook's input tables (docs/workbook.md, "finsam sie"):
 *
 * - Huvudbok: the rows of the fiscal years the file holds are replaced by the file's rows, and only
 *   those; rows of other years, typed by hand, stay. Importing the same file twice gives the same
 *   workbook.
 * - Kontoplan: an account the table does not cover gets a row with its #KONTO name and a proposed
 *   report line; existing rows are never changed.
 * - Inställningar: Förbund and Räkenskapsår are filled from the file only where they are empty.
 * - Körlogg: a row with the file's name, SHA-256, program, years, and the rows replaced and added.
 *
 * The sheets are rebuilt from the workbook's values with the tables' bodies replaced; the result is a
 * list of sheet models for the port to write. Nothing is decided here about files or Office.
 */
import { yearOfDayNumber } from "../core/dates";
import { Issue, IssueList } from "../core/messages";
import type { AccountLine } from "../core/reportLines";
import { chartOf, proposeLine, sieLedgerRows } from "../core/sie/ledgerRows";
import type { SieFile } from "../core/sie/parse";
import { asCellRef } from "../core/units";
import { Cell, FORMATS, SheetModel } from "../report/sheetModel";
import { LOG_HEADERS, OWNED_SHEETS } from "../report/sheets";
import { GridSheet, isBlank, isDateCell, isErrorCell, RawCell, WorkbookGrid } from "./grid";
import { INPUT_TABLES, readSettingsOnly, SETTING_ALIASES } from "./read";
import { parseAccountSpec } from "./read/accounts";
import { LEDGER_COLUMNS } from "./read/ledger";
import { previousLog } from "./stamps";
import { ColumnSpec, findSheet, LocatedTable, locateTable, mapColumns, normalizeName } from "./tables";
import { dateParser, serialInWorkbook } from "./values";

export interface SieImportInfo {
  fileName: string;
  sha256: string;
  /** ISO time of the import, for Körlogg. */
  now: string;
  version: string;
}

export interface SieImportOutcome {
  ok: boolean;
  errors: Issue[];
  warnings: Issue[];
  sheets: SheetModel[];
  years: number[];
  replaced: number;
  added: number;
  proposals: Array<{ account: number; name: string; line: AccountLine | null }>;
  settingsFilled: string[];
}

const WIDTHS: Record<string, number[]> = {
  Huvudbok: [12, 12, 8, 14, 40, 10],
  Kontoplan: [14, 36, 28],
  Installningar: [28, 22, 80],
};

/** Huvudbok's columns, as the ledger reader has them, with Belopp required: the import writes amounts there. */
const LEDGER_IMPORT_COLUMNS = LEDGER_COLUMNS.filter((c) => c.id !== "debit" && c.id !== "credit").map((c) =>
  c.id === "amount" ? { ...c, required: true } : c,
);

const ACCOUNT_COLUMNS: Array<ColumnSpec<"account" | "name" | "line">> = [
  { id: "account", names: ["Konto", "Account"], required: true },
  { id: "name", names: ["Benämning", "Name"], required: false },
  { id: "line", names: ["Rapportrad", "Report line"], required: false },
];

/** A grid value as a model cell: dates as serials in the workbook's date system, text as text. */
function cellOf(v: RawCell | undefined, grid: WorkbookGrid): Cell | null {
  if (v === null || v === undefined || v === "") return null;
  if (isDateCell(v)) {
    const day = dateParser(grid)(v);
    return day.ok ? { value: serialInWorkbook(grid, day.value), format: FORMATS.date } : { value: v.date };
  }
  if (isErrorCell(v)) return { value: v.error };
  if (typeof v === "string") return { value: v, format: FORMATS.text };
  return { value: v };
}

/**
 * The sheet with one table's body replaced: cells above and beside the table as they were (values),
 * the table's header, then `body`. Refuses (null) when the sheet has content below the table.
 */
function sheetWithBody(
  grid: WorkbookGrid,
  sheet: GridSheet | undefined,
  name: string,
  table: { name: string; headerRow: number; left: number; header: RawCell[]; lastRow: number },
  body: Array<Array<Cell | null>>,
  widths: number[],
): SheetModel | null {
  const rows: Array<Array<Cell | null>> = [];
  const source = sheet?.rows ?? [];
  for (let r = table.lastRow + 1; r < source.length; r++) if ((source[r] ?? []).some((c) => !isBlank(c))) return null;
  for (let r = 0; r < table.headerRow; r++) rows.push((source[r] ?? []).map((c) => cellOf(c, grid)));
  const headerRow = [...(source[table.headerRow] ?? []).map((c) => cellOf(c, grid))];
  table.header.forEach((h, i) => (headerRow[table.left + i] = { value: typeof h === "string" ? h : String(h ?? ""), bold: true }));
  rows.push(headerRow);
  for (const b of body) rows.push(table.left === 0 ? b : [...new Array<Cell | null>(table.left).fill(null), ...b]);
  if (body.length === 0) rows.push([]);
  const width = table.header.length;
  return {
    name,
    rows,
    tables: [
      {
        name: table.name,
        top: table.headerRow,
        left: table.left,
        bottom: table.headerRow + Math.max(1, body.length),
        right: table.left + width - 1,
      },
    ],
    columnWidths: widths,
    freezeRows: table.headerRow === 0 ? 1 : 0,
  };
}

/** The located table as the body rows it holds (non-empty rows, cut to the table's width). */
function bodyOf(t: LocatedTable): RawCell[][] {
  return t.rows.filter((r) => r.cells.some((c) => !isBlank(c))).map((r) => t.header.map((_, i) => r.cells[i] ?? null));
}

const lastRowOf = (t: LocatedTable) => (t.rows.length ? t.rows[t.rows.length - 1].index : t.headerRow);

export function importSie(grid: WorkbookGrid, sie: SieFile, info: SieImportInfo): SieImportOutcome {
  const fail = (errors: Issue[]): SieImportOutcome => ({
    ok: false,
    errors,
    warnings: sie.warnings,
    sheets: [],
    years: [],
    replaced: 0,
    added: 0,
    proposals: [],
    settingsFilled: [],
  });
  if (sie.errors.length) return fail(sie.errors);
  const settings = readSettingsOnly(grid);
  const ledger = sieLedgerRows(sie, info.fileName, settings?.sieProjectDimension ?? 6);
  if (ledger.errors.length) return fail(ledger.errors);
  const chart = settings?.sieChart ?? chartOf(sie);

  // Huvudbok: other years' rows kept, the file's years replaced.
  const hb = locateTable(grid, "Huvudbok", INPUT_TABLES.Huvudbok);
  if (!hb) return fail([{ code: "missing_table", params: { table: "Huvudbok", sheet: INPUT_TABLES.Huvudbok }, cell: asCellRef("") }]);
  const issues = new IssueList();
  const found = mapColumns(hb, LEDGER_IMPORT_COLUMNS, issues);
  if (!found) return fail(issues.items);
  const cols = found as Record<string, number>;
  const parseDate = dateParser(grid);
  const years = new Set(ledger.years);
  const existing = bodyOf(hb);
  const kept = existing.filter((r) => {
    const d = parseDate(r[cols.date]);
    return !(d.ok && years.has(yearOfDayNumber(d.value)));
  });
  const width = hb.header.length;
  // Model cells straight from the file's rows (a million-row import builds nothing in between).
  const put = (r: Array<Cell | null>, id: string, cell: Cell | null) => {
    if (cols[id] !== undefined && cell) r[cols[id]] = cell;
  };
  // Cells are read-only once built, so the few distinct dates, accounts and projects share theirs.
  const shared = <K>(cache: Map<K, Cell>, key: K, make: () => Cell): Cell => {
    let c = cache.get(key);
    if (!c) cache.set(key, (c = make()));
    return c;
  };
  const dates = new Map<number, Cell>();
  const accountCells = new Map<number, Cell>();
  const projects = new Map<string, Cell>();
  const newBody = ledger.rows.map((row) => {
    const r = new Array<Cell | null>(width).fill(null);
    put(
      r,
      "date",
      shared(dates, row.day, () => ({ value: serialInWorkbook(grid, row.day), format: FORMATS.date })),
    );
    put(r, "voucher", { value: row.voucher, format: FORMATS.text });
    put(
      r,
      "account",
      shared(accountCells, row.account, () => ({ value: row.account })),
    );
    put(r, "amount", { value: row.ore / 100 });
    put(r, "text", row.text ? { value: row.text, format: FORMATS.text } : null);
    put(r, "project", row.project ? shared(projects, row.project, () => ({ value: row.project, format: FORMATS.text })) : null);
    return r;
  });
  const ledgerBody: Array<Array<Cell | null>> = kept.map((r) => r.map((c) => cellOf(c, grid)));
  for (const r of newBody) ledgerBody.push(r);
  const hbName = grid.tables.find((t) => t.name.toLowerCase() === "huvudbok")?.name ?? "Huvudbok";
  const hbSheet = sheetWithBody(
    grid,
    findSheet(grid, hb.sheet),
    hb.sheet,
    { name: hbName, headerRow: hb.headerRow, left: hb.left, header: hb.header, lastRow: lastRowOf(hb) },
    ledgerBody,
    WIDTHS.Huvudbok,
  );
  if (!hbSheet)
    return fail([{ code: "sie_import_content_below", params: { sheet: hb.sheet }, cell: asCellRef(`${hb.sheet}!A${lastRowOf(hb) + 2}`) }]);
  const sheets: SheetModel[] = [hbSheet];

  // Kontoplan: accounts the table does not cover get a row with a proposed line.
  const kp = locateTable(grid, "Kontoplan", INPUT_TABLES.Kontoplan);
  const kpHeader: RawCell[] = kp?.header.length ? kp.header : ["Konto", "Benämning", "Rapportrad"];
  const kpCols: Partial<Record<"account" | "name" | "line", number>> = kp
    ? (mapColumns(kp, ACCOUNT_COLUMNS, new IssueList()) ?? {})
    : { account: 0, name: 1, line: 2 };
  const rules = kp
    ? bodyOf(kp).flatMap((r) => {
        const spec = parseAccountSpec(r[kpCols.account ?? 0]);
        return spec.ok ? [spec.value] : [];
      })
    : [];
  const proposals: SieImportOutcome["proposals"] = [];
  for (const [account, name] of [...ledger.accounts].sort((a, b) => a[0] - b[0])) {
    if (rules.some((r) => account >= r.from && account <= r.to)) continue;
    proposals.push({ account, name, line: proposeLine(account, name, chart) });
  }
  if (proposals.length > 0) {
    const added = proposals.map((p) => {
      const r: Array<Cell | null> = kpHeader.map(() => null);
      r[kpCols.account ?? 0] = { value: p.account };
      if (kpCols.name !== undefined) r[kpCols.name] = { value: p.name, format: FORMATS.text };
      if (kpCols.line !== undefined && p.line) r[kpCols.line] = { value: p.line, format: FORMATS.text };
      return r;
    });
    const body = [...(kp ? bodyOf(kp).map((r) => r.map((c) => cellOf(c, grid))) : []), ...added];
    const name = kp?.sheet ?? INPUT_TABLES.Kontoplan;
    const model = sheetWithBody(
      grid,
      findSheet(grid, name),
      name,
      { name: "Kontoplan", headerRow: kp?.headerRow ?? 0, left: kp?.left ?? 0, header: kpHeader, lastRow: kp ? lastRowOf(kp) : 0 },
      body,
      WIDTHS.Kontoplan,
    );
    if (!model) return fail([{ code: "sie_import_content_below", params: { sheet: name }, cell: asCellRef(`${name}!A1`) }]);
    sheets.push(model);
  }

  // Inställningar: Förbund and Räkenskapsår only where empty.
  const settingsFilled: string[] = [];
  const st = locateTable(grid, "Installningar", INPUT_TABLES.Installningar);
  if (st) {
    const body = bodyOf(st);
    const fill = (id: "association" | "year", value: string | number) => {
      const aliases = SETTING_ALIASES[id].map(normalizeName);
      const row = body.find((r) => aliases.includes(normalizeName(typeof r[0] === "string" ? r[0] : "")));
      if (row && !isBlank(row[1])) return;
      if (row) row[1] = value;
      else body.push([SETTING_ALIASES[id][0], value, ...new Array<RawCell>(Math.max(0, st.header.length - 2)).fill(null)]);
      settingsFilled.push(SETTING_ALIASES[id][0]);
    };
    if (sie.company) fill("association", sie.company);
    fill("year", ledger.years[0]);
    if (settingsFilled.length) {
      const model = sheetWithBody(
        grid,
        findSheet(grid, st.sheet),
        st.sheet,
        {
          name: grid.tables.find((t) => t.name.toLowerCase() === "installningar")?.name ?? "Installningar",
          headerRow: st.headerRow,
          left: st.left,
          header: st.header,
          lastRow: lastRowOf(st),
        },
        body.map((r) => r.map((c) => cellOf(c, grid))),
        WIDTHS.Installningar,
      );
      if (!model) return fail([{ code: "sie_import_content_below", params: { sheet: st.sheet }, cell: asCellRef(`${st.sheet}!A1`) }]);
      sheets.push(model);
    }
  }

  // Körlogg: the earlier rows and this import.
  const replaced = existing.length - kept.length;
  const yearsText = [...ledger.years].sort((a, b) => a - b).join("–");
  const proposed = proposals.map((p) => `${p.account} ${p.line ?? "–"}`).join(", ");
  const action = (
    `Importera SIE ${info.fileName} (${sie.program || "okänt program"}; år ${yearsText}; SHA-256 ${info.sha256}; ` +
    `${replaced} rader ersatta, ${newBody.length} tillagda; ${proposals.length} konton föreslagna${proposed ? `: ${proposed}` : ""})`
  ).slice(0, 32000);
  const log = [...previousLog(grid), [info.now, action, info.version]];
  const logBody = log.map((r) => LOG_HEADERS.map((_, i) => cellOf((r[i] ?? null) as RawCell, grid)));
  const logTable = locateTable(grid, "Korlogg", OWNED_SHEETS.log);
  const logModel = sheetWithBody(
    grid,
    findSheet(grid, OWNED_SHEETS.log),
    OWNED_SHEETS.log,
    {
      name: "Korlogg",
      headerRow: logTable?.headerRow ?? 0,
      left: 0,
      header: [...LOG_HEADERS],
      lastRow: logTable ? lastRowOf(logTable) : 0,
    },
    logBody,
    [22, 60, 10, 12, 12, 68, 20, 22, 16, 14, 11],
  );
  if (logModel) sheets.push(logModel);

  return {
    ok: true,
    errors: [],
    warnings: sie.warnings,
    sheets,
    years: ledger.years,
    replaced,
    added: newBody.length,
    proposals,
    settingsFilled,
  };
}
