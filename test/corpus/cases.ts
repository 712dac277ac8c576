/**
 * The hostile and broken input corpus: each case is the example workbook with one thing done to it,
 * and the outcome pinned: an error (code and Sheet!Cell: nothing may be written), or success with a
 * named warning (or none). Every case runs through both adapters (ExcelJS and the in-memory
 * Office.js) in test/corpus.test.ts; this list is the corpus table.
 */
import ExcelJS from "exceljs";

export type Expected =
  { error: string; cell: string } | { ok: true; warning?: string; cell?: string; text?: string[]; noWarning?: string[] };

export interface CorpusCase {
  name: string;
  edit: (wb: ExcelJS.Workbook) => void;
  expect: Expected;
}

const sheet = (wb: ExcelJS.Workbook, name: string) => wb.getWorksheet(name)!;
const set = (ref: string, value: ExcelJS.CellValue) => (wb: ExcelJS.Workbook) => {
  const [s, a] = ref.split("!");
  sheet(wb, s).getCell(a).value = value;
};
const setMany = (pairs: Array<[string, ExcelJS.CellValue]>) => (wb: ExcelJS.Workbook) => pairs.forEach(([r, v]) => set(r, v)(wb));
/** Appends a row just below a sheet's table and widens the table (as typing below a table does in Excel). */
const appendRow = (name: string, values: ExcelJS.CellValue[]) => (wb: ExcelJS.Workbook) => {
  const ws = sheet(wb, name);
  const t = ws.getTables()[0] as unknown as { table: { tableRef: string; ref?: string } };
  const ref = t.table.tableRef ?? t.table.ref!;
  const [tl, br] = ref.split(":");
  const lastRow = Number(/\d+$/.exec(br)![0]);
  values.forEach((v, i) => (ws.getCell(lastRow + 1, i + 1).value = v));
  t.table.tableRef = `${tl}:${br.replace(/\d+$/, String(lastRow + 1))}`;
  if (t.table.ref !== undefined) t.table.ref = t.table.tableRef;
};
/** Grows a sheet's table by `rows` rows at its bottom, as Excel does when rows are inserted inside it. */
const growTable = (ws: ExcelJS.Worksheet, rows: number) => {
  const t = ws.getTables()[0] as unknown as { table: { tableRef: string; ref?: string } };
  const [tl, br] = (t.table.tableRef ?? t.table.ref!).split(":");
  t.table.tableRef = `${tl}:${br.replace(/\d+$/, String(Number(/\d+$/.exec(br)![0]) + rows))}`;
  if (t.table.ref !== undefined) t.table.ref = t.table.tableRef;
};
const removeSheet = (name: string) => (wb: ExcelJS.Workbook) => wb.removeWorksheet(sheet(wb, name).id);
const HTML = "<img src=x onerror=alert(1)><script>alert(2)</script>";
const LONG = "Samordningsförbundet " + "Långnamn".repeat(35);

export const CASES: CorpusCase[] = [
  // --- Amounts and numbers -----------------------------------------------------------------------
  { name: "text in a ledger amount", edit: set("Huvudbok!D10", "tolv"), expect: { error: "invalid_amount", cell: "Huvudbok!D10" } },
  { name: "amount 1e20", edit: set("Huvudbok!D10", 1e20), expect: { error: "invalid_amount", cell: "Huvudbok!D10" } },
  { name: "amount 0.0000001", edit: set("Huvudbok!D10", 0.0000001), expect: { error: "invalid_amount", cell: "Huvudbok!D10" } },
  // Unambiguous foreign separators are read (1 234,50 kr); the changed amount then unbalances its voucher.
  {
    name: "amount with US thousands separators 1,234.50",
    edit: set("Huvudbok!D10", "1,234.50"),
    expect: { ok: true, warning: "unbalanced_voucher", cell: "Huvudbok!A10" },
  },
  {
    name: "amount with German separators 1.234,50",
    edit: set("Huvudbok!D10", "1.234,50"),
    expect: { ok: true, warning: "unbalanced_voucher", cell: "Huvudbok!A10" },
  },
  {
    name: "amount with Swiss separators 1'234.50",
    edit: set("Huvudbok!D10", "1'234.50"),
    expect: { ok: true, warning: "unbalanced_voucher", cell: "Huvudbok!A10" },
  },
  // Ambiguous: Swedish reading first (1,234 = one point two three four), which has too many decimals for kronor.
  {
    name: "ambiguous 1,234 read as Swedish decimals",
    edit: set("Huvudbok!D10", "1,234"),
    expect: { error: "invalid_amount", cell: "Huvudbok!D10" },
  },
  {
    name: "amount with Indian grouping 1,23,456",
    edit: set("Huvudbok!D10", "1,23,456"),
    expect: { error: "invalid_amount", cell: "Huvudbok!D10" },
  },
  {
    name: "Swedish text amount with no-break spaces unbalances its voucher",
    edit: set("Huvudbok!D10", "1\u00a0234,50"),
    expect: { ok: true, warning: "unbalanced_voucher", cell: "Huvudbok!A10" },
  },
  {
    name: "Swedish text amount with a Unicode minus",
    edit: set("Budget!C6", "\u2212790 000"),
    expect: { ok: true, warning: "budget_negative", cell: "Budget!C6" },
  },
  { name: "boolean in an amount", edit: set("Huvudbok!D10", true), expect: { error: "invalid_amount", cell: "Huvudbok!D10" } },
  {
    name: "#REF! in an amount",
    edit: set("Huvudbok!D12", { error: "#REF!" } as ExcelJS.CellErrorValue),
    expect: { error: "cell_error_value", cell: "Huvudbok!D12" },
  },
  {
    name: "#N/A in a member key",
    edit: set("Medlemmar!C6", { error: "#N/A" } as ExcelJS.CellErrorValue),
    expect: { error: "cell_error_value", cell: "Medlemmar!C6" },
  },
  {
    name: "#DIV/0! in a setting",
    edit: set("Inställningar!B7", { error: "#DIV/0!" } as ExcelJS.CellErrorValue),
    expect: { error: "cell_error_value", cell: "Inställningar!B7" },
  },
  // A key is a weight (population); a huge one is exact arithmetic, not an error.
  { name: "member key 1e20", edit: set("Medlemmar!C5", 1e20), expect: { ok: true, warning: "rows_after_cutoff" } },
  { name: "negative member key", edit: set("Medlemmar!C5", -5), expect: { error: "negative_key", cell: "Medlemmar!C5" } },
  { name: "grant amount as text", edit: set("Insatser!D3", "två miljoner"), expect: { error: "invalid_amount", cell: "Insatser!D3" } },
  // --- Required cells, duplicates, unknowns ------------------------------------------------------
  { name: "blank account in a ledger row", edit: set("Huvudbok!C10", null), expect: { error: "blank_required", cell: "Huvudbok!C10" } },
  { name: "account missing from Kontoplan", edit: set("Huvudbok!C10", 9999), expect: { error: "unknown_account", cell: "Huvudbok!C10" } },
  {
    name: "overlapping account ranges",
    edit: appendRow("Kontoplan", ["5500-5600", "Pension", "personalkostnader"]),
    expect: { error: "overlapping_accounts", cell: "Kontoplan!A15" },
  },
  { name: "duplicate member", edit: set("Medlemmar!A5", "Försäkringskassan"), expect: { error: "duplicate_member", cell: "Medlemmar!A5" } },
  { name: "unknown group", edit: set("Medlemmar!B6", "Landet"), expect: { error: "unknown_group", cell: "Medlemmar!B6" } },
  {
    name: "unknown report line in Kontoplan",
    edit: set("Kontoplan!C6", "löner"),
    expect: { error: "unknown_report_line", cell: "Kontoplan!C6" },
  },
  { name: "unknown report line in Budget", edit: set("Budget!A3", "resor"), expect: { error: "unknown_report_line", cell: "Budget!A3" } },
  {
    name: "shares not summing to 100 %",
    edit: set("Inställningar!B9", "60 %"),
    expect: { error: "shares_not_100", cell: "Inställningar!B9" },
  },
  { name: "share of 120 %", edit: set("Inställningar!B9", "120 %"), expect: { error: "invalid_percent", cell: "Inställningar!B9" } },
  {
    name: "duplicate setting",
    edit: appendRow("Inställningar", ["Räkenskapsår", 2027, ""]),
    expect: { error: "duplicate_setting", cell: "Inställningar!A23" },
  },
  {
    name: "unknown setting",
    edit: appendRow("Inställningar", ["Favoritfärg", "blå", ""]),
    expect: { ok: true, warning: "unknown_setting", cell: "Inställningar!A23" },
  },
  { name: "year as words", edit: set("Inställningar!B3", "tjugotjugosex"), expect: { error: "invalid_year", cell: "Inställningar!B3" } },
  { name: "year as text digits", edit: set("Inställningar!B3", "2026"), expect: { ok: true, warning: "rows_after_cutoff" } },
  { name: "rounding unit 50", edit: set("Inställningar!B6", 50), expect: { error: "invalid_setting", cell: "Inställningar!B6" } },
  { name: "display unit mkr", edit: set("Inställningar!B5", "mkr"), expect: { error: "invalid_setting", cell: "Inställningar!B5" } },
  { name: "five installments", edit: set("Inställningar!B12", 5), expect: { error: "invalid_setting", cell: "Inställningar!B12" } },
  {
    name: "ceiling rule as words",
    edit: set("Inställningar!B15", "lagom"),
    expect: { error: "invalid_setting", cell: "Inställningar!B15" },
  },
  {
    name: "deviation threshold as words",
    edit: set("Inställningar!B18", "ganska mycket"),
    expect: { error: "invalid_setting", cell: "Inställningar!B18" },
  },
  {
    name: "three due dates for four installments",
    edit: set("Inställningar!B21", "01-31; 05-31; 09-30"),
    expect: { error: "invalid_setting", cell: "Inställningar!B21" },
  },
  {
    name: "due dates out of order",
    edit: set("Inställningar!B21", "04-30; 01-31; 07-31; 10-31"),
    expect: { error: "invalid_setting", cell: "Inställningar!B21" },
  },
  { name: "unknown forecast method", edit: set("Prognos!B2", "gissning"), expect: { error: "unknown_method", cell: "Prognos!B2" } },
  { name: "forecast line twice", edit: set("Prognos!A3", "ovriga_intakter"), expect: { error: "duplicate_forecast", cell: "Prognos!A3" } },
  {
    name: "manual forecast without comment",
    edit: set("Prognos!D4", null),
    expect: { error: "manual_without_comment", cell: "Prognos!D4" },
  },
  { name: "manual forecast without amount", edit: set("Prognos!C4", null), expect: { error: "manual_without_amount", cell: "Prognos!C4" } },
  {
    name: "grant ends before it starts",
    edit: set("Insatser!F3", "2024-01-31"),
    expect: { error: "grant_dates_reversed", cell: "Insatser!F3" },
  },
  { name: "grant code twice", edit: set("Insatser!A4", "P25/1"), expect: { error: "duplicate_grant", cell: "Insatser!A4" } },
  // --- Dates ---------------------------------------------------------------------------------------
  { name: "impossible date", edit: set("Huvudbok!A10", "2026-02-30"), expect: { error: "invalid_date", cell: "Huvudbok!A10" } },
  { name: "date in a local format", edit: set("Huvudbok!A10", "15/3 2026"), expect: { error: "invalid_date", cell: "Huvudbok!A10" } },
  {
    name: "cut-off outside the year",
    edit: set("Inställningar!B4", "2025-08-31"),
    expect: { error: "cutoff_outside_year", cell: "Inställningar!B4" },
  },
  {
    name: "cut-off not at a month end",
    edit: set("Inställningar!B4", "2026-08-15"),
    expect: { error: "cutoff_not_month_end", cell: "Inställningar!B4" },
  },
  {
    name: "a ledger row dated in another year",
    edit: set("Huvudbok!A10", new Date(Date.UTC(2023, 5, 1))),
    expect: { ok: true, warning: "rows_other_years", cell: "Huvudbok!A10" },
  },
  {
    name: "dates shifted by the 1904 date system (4 years and a day early)",
    edit: (wb) => {
      const ws = sheet(wb, "Huvudbok");
      ws.eachRow((row, n) => {
        const c = row.getCell(1);
        if (n > 1 && typeof c.value === "number") c.value = c.value - 1462;
      });
    },
    expect: { ok: true, warning: "dates_1904", cell: "Huvudbok!A6" },
  },
  // --- Bookkeeping ---------------------------------------------------------------------------------
  {
    name: "an unbalanced voucher",
    edit: set("Huvudbok!D11", 999),
    expect: { ok: true, warning: "unbalanced_voucher", cell: "Huvudbok!A10" },
  },
  {
    name: "a duplicated voucher (double import)",
    edit: (wb) => {
      // Every row of row 10's voucher, pasted again at the end: the voucher appears twice.
      const ws = sheet(wb, "Huvudbok");
      const voucher = ws.getRow(10).getCell(2).value;
      const rows: ExcelJS.CellValue[][] = [];
      ws.eachRow((row, n) => {
        if (n > 1 && row.getCell(2).value === voucher) rows.push((row.values as ExcelJS.CellValue[]).slice(1));
      });
      for (const r of rows) appendRow("Huvudbok", r)(wb);
    },
    expect: { ok: true, warning: "duplicate_vouchers", cell: "Huvudbok!A510" },
  },
  {
    name: "identical rows inside one voucher (as several programs write them) are no double import",
    edit: (wb) => {
      // Row 10's voucher gets a second +100/−100 pair identical to its own rows: still balanced, not a duplicate.
      const ws = sheet(wb, "Huvudbok");
      const r = (ws.getRow(10).values as ExcelJS.CellValue[]).slice(1);
      ws.spliceRows(
        11,
        0,
        [...r.slice(0, 3), 100, "delad rad"],
        [...r.slice(0, 3), -100, "delad rad"],
        [...r.slice(0, 3), 100, "delad rad"],
        [...r.slice(0, 3), -100, "delad rad"],
      );
      // Rows inserted inside a table grow it in Excel (ExcelJS leaves its range as it was).
      growTable(ws, 4);
    },
    expect: { ok: true, noWarning: ["duplicate_rows", "duplicate_vouchers"] },
  },
  {
    name: "a balanced voucher typed in the two rows under the ledger table, which did not grow (issue 32)",
    edit: (wb) => {
      const ws = sheet(wb, "Huvudbok");
      const r = (ws.getRow(10).values as ExcelJS.CellValue[]).slice(1);
      const last = ws.actualRowCount;
      ws.getRow(last + 1).values = [r[0], "V-HAND", 1930, 500000, "Inbetalning"];
      ws.getRow(last + 2).values = [r[0], "V-HAND", 3010, -500000, "Inbetalning"];
    },
    expect: { error: "rows_below_table", cell: "Huvudbok!A510" },
  },
  {
    name: "a member typed after a blank row under Medlemmar (issue 32)",
    edit: (wb) => {
      const ws = sheet(wb, "Medlemmar");
      ws.getRow(ws.actualRowCount + 2).values = ["Nyby kommun", "Kommun", 5000];
    },
    expect: { error: "rows_below_table", cell: "Medlemmar!A10" },
  },
  {
    name: "a note three blank rows under Budget stays the officer's own",
    edit: (wb) => {
      const ws = sheet(wb, "Budget");
      ws.getCell(ws.actualRowCount + 4, 1).value = "Budgeten beslutad av styrelsen 2025-11-20";
    },
    expect: { ok: true },
  },
  {
    name: "a member named =NA() (an error value in a text cell)",
    edit: set("Medlemmar!A4", { formula: "NA()", result: { error: "#N/A" } } as unknown as ExcelJS.CellFormulaValue),
    expect: { error: "cell_error_value", cell: "Medlemmar!A4" },
  },
  {
    name: "a Kontoplan account that is a formula",
    edit: set("Kontoplan!A3", { formula: "1900+30", result: 1930 } as ExcelJS.CellFormulaValue),
    expect: { ok: true, warning: "rows_after_cutoff" },
  },
  // --- Structure -----------------------------------------------------------------------------------
  { name: "missing sheet and table", edit: removeSheet("Medlemmar"), expect: { error: "missing_table", cell: "Medlemmar!A1" } },
  { name: "missing column", edit: set("Huvudbok!D1", "Summa"), expect: { error: "missing_column", cell: "Huvudbok!A1" } },
  {
    name: "ledger sheet renamed by the user (the table keeps its name)",
    edit: (wb) => {
      sheet(wb, "Huvudbok").name = "Bokföring 2026";
    },
    expect: { ok: true, warning: "rows_after_cutoff", cell: "'Bokföring 2026'!A488" },
  },
  {
    name: "Medlemmar sheet renamed and its table gone",
    edit: (wb) => {
      const ws = sheet(wb, "Medlemmar");
      ws.removeTable("Medlemmar");
      ws.name = "Ägare";
    },
    expect: { error: "missing_table", cell: "Medlemmar!A1" },
  },
  {
    name: "ceiling table missing while the rule says Tabell",
    edit: removeSheet("Takregel"),
    expect: { error: "ceiling_bands_missing", cell: "Inställningar!B15" },
  },
  { name: "gap in ceiling bands", edit: set("Takregel!A3", 6000000), expect: { error: "ceiling_band_gap", cell: "Takregel!A3" } },
  {
    name: "merged cells in the member table",
    edit: (wb) => sheet(wb, "Medlemmar").mergeCells("A4:A5"),
    expect: { error: "blank_required", cell: "Medlemmar!A5" },
  },
  {
    name: "a hidden ledger row",
    edit: (wb) => {
      sheet(wb, "Huvudbok").getRow(20).hidden = true;
    },
    expect: { ok: true, warning: "hidden_rows", cell: "Huvudbok!A20" },
  },
  {
    name: "a filtered member table (rows hidden by the filter)",
    edit: (wb) => {
      const ws = sheet(wb, "Medlemmar");
      ws.getRow(6).hidden = true;
      ws.getRow(7).hidden = true;
    },
    expect: { ok: true, warning: "hidden_rows", cell: "Medlemmar!A6" },
  },
  // --- Text: long, right-to-left, emoji, formula-like, HTML --------------------------------------
  {
    name: "association name of 300 characters",
    edit: set("Inställningar!B2", LONG.slice(0, 300)),
    expect: { ok: true, text: [LONG.slice(0, 300)] },
  },
  {
    name: "member name of 300 characters",
    edit: set("Medlemmar!A6", "Kommun " + "x".repeat(293)),
    expect: { ok: true, text: ["Kommun " + "x".repeat(293)] },
  },
  { name: "right-to-left member name", edit: set("Medlemmar!A6", "بلدية السلام"), expect: { ok: true, text: ["بلدية السلام"] } },
  {
    name: "emoji in member name and ledger text",
    edit: setMany([
      ["Medlemmar!A6", "Bergsjö 🏔️ kommun"],
      ["Huvudbok!E10", "Fika ☕🥐"],
    ]),
    expect: { ok: true, text: ["Bergsjö 🏔️ kommun"] },
  },
  {
    name: "member name starting with =",
    edit: set("Medlemmar!A6", '=HYPERLINK("http://x","klick")'),
    expect: { ok: true, text: ['=HYPERLINK("http://x","klick")'] },
  },
  { name: "member name starting with +", edit: set("Medlemmar!A6", "+46 kommun"), expect: { ok: true, text: ["+46 kommun"] } },
  { name: "member name starting with -", edit: set("Medlemmar!A6", "-kommunen"), expect: { ok: true, text: ["-kommunen"] } },
  { name: "member name starting with @", edit: set("Medlemmar!A6", "@SUM(A1:A9)"), expect: { ok: true, text: ["@SUM(A1:A9)"] } },
  { name: "association name starting with =", edit: set("Inställningar!B2", "=1+1"), expect: { ok: true, text: ["=1+1"] } },
  {
    name: "HTML and script in every text field",
    edit: setMany([
      ["Inställningar!B2", HTML],
      ["Medlemmar!A6", HTML + " kommun"],
      ["Kontoplan!B6", HTML],
      ["Huvudbok!E10", HTML],
      ["Insatser!B3", HTML],
      ["Prognos!D4", HTML],
    ]),
    expect: { ok: true, text: [HTML, HTML + " kommun"] },
  },
  { name: "forecast comment starting with @", edit: set("Prognos!D4", "@kommentar"), expect: { ok: true, text: ["@kommentar"] } },
];
