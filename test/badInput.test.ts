/**
 * Bad-input workbooks: each is a valid workbook with one thing broken, written as a real .xlsx
 * file and run through `finsam recalc --json`. Each must exit 1, name the error code and the exact
 * cell, and write no output file.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../src/cli/main";
import type { WorkbookGrid } from "../src/workbook/grid";
import { addRow, addSheet, clone, removeSheet, setCell } from "./helpers/gridEdit";
import { parseTextWorkbook, writeGridXlsx } from "./helpers/textWorkbook";

const base = parseTextWorkbook(readFileSync(path.join(__dirname, "golden", "a-april-tkr-linjar.case"), "utf8")).grid;
const tmp = mkdtempSync(path.join(os.tmpdir(), "finsam-bad-"));

interface BadCase {
  name: string;
  edit: (g: WorkbookGrid) => WorkbookGrid;
  code: string;
  cell: string;
}

const REVERSED_GRANT = ["Insats | Namn | Dnr | Beviljat belopp | Från | Till", "P1 | Test | 1 | 100 000 | 2021-12-31 | 2021-01-01"];

const COFINANCED_GRANT = [
  "Insats | Namn | Dnr | Beviljat belopp | Från | Till | Medfinansiering | Medfinansiär",
  "P1 | Test | 1 | 100 000 | 2021-01-01 | 2021-12-31 | 40 000 | ESF",
];
const cases: BadCase[] = [
  { name: "text in an amount", edit: (g) => setCell(g, "Huvudbok!D8", "12,5 kr"), code: "invalid_amount", cell: "Huvudbok!D8" },
  {
    name: "blank required cell in a ledger row",
    edit: (g) => setCell(g, "Huvudbok!C9", null),
    code: "blank_required",
    cell: "Huvudbok!C9",
  },
  { name: "account missing from Kontoplan", edit: (g) => setCell(g, "Huvudbok!C9", 9999), code: "unknown_account", cell: "Huvudbok!C9" },
  {
    name: "overlapping account ranges",
    edit: (g) => addRow(g, "Kontoplan", "5500-5600 | Pension | personalkostnader"),
    code: "overlapping_accounts",
    cell: "Kontoplan!A7",
  },
  { name: "duplicate member", edit: (g) => setCell(g, "Medlemmar!A5", "storstad"), code: "duplicate_member", cell: "Medlemmar!A5" },
  { name: "negative key", edit: (g) => setCell(g, "Medlemmar!C4", -5), code: "negative_key", cell: "Medlemmar!C4" },
  // A municipality among several without a key: named, with why it needs one (a sole member's blank key counts as 1).
  {
    name: "blank key among several members",
    edit: (g) => setCell(g, "Medlemmar!C5", null),
    code: "member_key_blank",
    cell: "Medlemmar!C5",
  },
  {
    name: "shares not summing to 100 %",
    edit: (g) => addRow(g, "Inställningar", "Andel stat | 60 %"),
    code: "shares_not_100",
    cell: "Inställningar!B7",
  },
  { name: "missing sheet", edit: (g) => removeSheet(g, "Medlemmar"), code: "missing_table", cell: "Medlemmar!A1" },
  { name: "missing column", edit: (g) => setCell(g, "Huvudbok!A1", "Dag"), code: "missing_column", cell: "Huvudbok!A1" },
  // Two headers for one column: which holds the figures cannot be known (before, the first was read without a word).
  { name: "Belopp and Amount both", edit: (g) => setCell(g, "Huvudbok!G1", "Amount"), code: "duplicate_column", cell: "Huvudbok!G1" },
  { name: "Belopp twice", edit: (g) => setCell(g, "Huvudbok!H1", " belopp "), code: "duplicate_column", cell: "Huvudbok!H1" },
  // A budget year's column twice: refused as the column it is (before, each line was a duplicate budget row).
  { name: "a budget year twice", edit: (g) => setCell(g, "Budget!D1", 2021), code: "duplicate_column", cell: "Budget!D1" },
  // A year's key twice in Medlemmar (Nyckel 2021 and Key 2021): before, the last was read without a word.
  {
    name: "a year's key twice",
    edit: (g) => setCell(setCell(g, "Medlemmar!D1", "Nyckel 2021"), "Medlemmar!E1", "Key 2021"),
    code: "duplicate_column",
    cell: "Medlemmar!E1",
  },
  { name: "impossible date", edit: (g) => setCell(g, "Huvudbok!A3", "2020-02-30"), code: "invalid_date", cell: "Huvudbok!A3" },
  { name: "date in a local format", edit: (g) => setCell(g, "Huvudbok!A3", "15/3 2020"), code: "invalid_date", cell: "Huvudbok!A3" },
  {
    name: "cut-off outside the year",
    edit: (g) => addRow(g, "Inställningar", "Brytdatum | 2020-04-30"),
    code: "cutoff_outside_year",
    cell: "Inställningar!B7",
  },
  {
    name: "cut-off not at a month end",
    edit: (g) => addRow(g, "Inställningar", "Brytdatum | 2021-04-15"),
    code: "cutoff_not_month_end",
    cell: "Inställningar!B7",
  },
  {
    name: "manual forecast without comment",
    edit: (g) => addSheet(g, "Prognos", ["Rapportrad | Metod | Belopp | Kommentar", "personalkostnader | manuell | 2 000 000 |"]),
    code: "manual_without_comment",
    cell: "Prognos!D2",
  },
  {
    name: "manual forecast without amount",
    edit: (g) => addSheet(g, "Prognos", ["Rapportrad | Metod | Belopp | Kommentar", "personalkostnader | manuell | | Ny tjänst"]),
    code: "manual_without_amount",
    cell: "Prognos!C2",
  },
  {
    name: "gap in ceiling bands",
    edit: (g) =>
      addSheet(addRow(g, "Inställningar", "Takregel | Tabell"), "Takregel", [
        "Från | Till | Procent",
        "0 | 5 000 000 | 20 %",
        "6 000 000 | | 10 %",
      ]),
    code: "ceiling_band_gap",
    cell: "Takregel!A3",
  },
  { name: "#REF! in an amount", edit: (g) => setCell(g, "Huvudbok!D4", { error: "#REF!" }), code: "cell_error_value", cell: "Huvudbok!D4" },
  { name: "#N/A in a key", edit: (g) => setCell(g, "Medlemmar!C3", { error: "#N/A" }), code: "cell_error_value", cell: "Medlemmar!C3" },
  // Error values in text cells and headers (issue 32): never a member called #N/A, never a budget year dropped.
  {
    name: "#N/A as a member's name",
    edit: (g) => setCell(g, "Medlemmar!A3", { error: "#N/A" }),
    code: "cell_error_value",
    cell: "Medlemmar!A3",
  },
  { name: "#REF! in a group", edit: (g) => setCell(g, "Medlemmar!B4", { error: "#REF!" }), code: "cell_error_value", cell: "Medlemmar!B4" },
  {
    name: "#VALUE! in an account's name",
    edit: (g) => setCell(g, "Kontoplan!B3", { error: "#VALUE!" }),
    code: "cell_error_value",
    cell: "Kontoplan!B3",
  },
  {
    name: "#N/A in a ledger text",
    edit: (g) => setCell(g, "Huvudbok!E4", { error: "#N/A" }),
    code: "cell_error_value",
    cell: "Huvudbok!E4",
  },
  {
    name: "#DIV/0! as a budget year's header",
    edit: (g) => setCell(g, "Budget!C1", { error: "#DIV/0!" }),
    code: "cell_error_value",
    cell: "Budget!C1",
  },
  {
    name: "#NAME? as a column header",
    edit: (g) => setCell(g, "Huvudbok!F1", { error: "#NAME?" }),
    code: "cell_error_value",
    cell: "Huvudbok!F1",
  },
  {
    name: "#N/A as the association's name",
    edit: (g) => setCell(g, "Inställningar!B2", { error: "#N/A" }),
    code: "cell_error_value",
    cell: "Inställningar!B2",
  },
  {
    name: "#REF! as a setting's name",
    edit: (g) => setCell(g, "Inställningar!A5", { error: "#REF!" }),
    code: "cell_error_value",
    cell: "Inställningar!A5",
  },
  { name: "unknown group", edit: (g) => setCell(g, "Medlemmar!B4", "Landet"), code: "unknown_group", cell: "Medlemmar!B4" },
  {
    name: "unknown report line in Kontoplan",
    edit: (g) => setCell(g, "Kontoplan!C5", "löner"),
    code: "unknown_report_line",
    cell: "Kontoplan!C5",
  },
  { name: "unknown report line in Budget", edit: (g) => setCell(g, "Budget!A3", "resor"), code: "unknown_report_line", cell: "Budget!A3" },
  { name: "words in a budget amount", edit: (g) => setCell(g, "Budget!B2", "åtta miljoner"), code: "invalid_amount", cell: "Budget!B2" },
  {
    name: "association name missing",
    edit: (g) => setCell(setCell(g, "Inställningar!A2", null), "Inställningar!B2", null),
    code: "missing_setting",
    // Where to type it: the row left empty (the name cell, as the row has no name).
    cell: "Inställningar!A2",
  },
  {
    name: "association value left empty",
    edit: (g) => setCell(g, "Inställningar!B2", null),
    code: "missing_setting",
    cell: "Inställningar!B2",
  },
  {
    name: "year that is not a number",
    edit: (g) => setCell(g, "Inställningar!B3", "tjugotjugoett"),
    code: "invalid_year",
    cell: "Inställningar!B3",
  },
  {
    name: "setting given twice",
    edit: (g) => addRow(g, "Inställningar", "Förbund | Ett annat förbund"),
    code: "duplicate_setting",
    cell: "Inställningar!A7",
  },
  {
    name: "rounding unit not allowed",
    edit: (g) => setCell(g, "Inställningar!B5", 500),
    code: "invalid_setting",
    cell: "Inställningar!B5",
  },
  {
    name: "state amount and total disagree",
    edit: (g) => addRow(g, "Inställningar", "Medlemsbidrag totalt | 9 500 000"),
    code: "total_conflict",
    cell: "Inställningar!B7",
  },
  {
    name: "unknown forecast method",
    edit: (g) => addSheet(g, "Prognos", ["Rapportrad | Metod | Belopp | Kommentar", "personalkostnader | gissning | |"]),
    code: "unknown_method",
    cell: "Prognos!B2",
  },
  {
    name: "åtaganden on a line that is not grants",
    edit: (g) => addSheet(g, "Prognos", ["Rapportrad | Metod | Belopp | Kommentar", "personalkostnader | åtaganden | |"]),
    code: "method_not_allowed",
    cell: "Prognos!B2",
  },
  {
    name: "medfinansiering on a line that is not project money",
    edit: (g) =>
      addSheet(addSheet(g, "Insatser", COFINANCED_GRANT), "Prognos", [
        "Rapportrad | Metod | Belopp | Kommentar",
        "ovriga_intakter | medfinansiering | |",
      ]),
    code: "method_not_allowed",
    cell: "Prognos!B2",
  },
  {
    name: "medfinansiering without Insatser",
    edit: (g) => addSheet(g, "Prognos", ["Rapportrad | Metod | Belopp | Kommentar", "projektmedel | enligt medfinansiering | |"]),
    code: "grants_missing",
    cell: "Prognos!B2",
  },
  {
    name: "medfinansiering with no co-financed insats",
    edit: (g) =>
      addSheet(addSheet(g, "Insatser", [REVERSED_GRANT[0], "P1 | Test | 1 | 100 000 | 2021-01-01 | 2021-12-31"]), "Prognos", [
        "Rapportrad | Metod | Belopp | Kommentar",
        "projektmedel | medfinansiering | |",
      ]),
    code: "cofinancing_none",
    cell: "Prognos!B2",
  },
  {
    name: "co-financing above the granted amount",
    edit: (g) => addSheet(g, "Insatser", [COFINANCED_GRANT[0], "P1 | Test | 1 | 100 000 | 2021-01-01 | 2021-12-31 | 100 000,01 | ESF"]),
    code: "cofinancing_over_granted",
    cell: "Insatser!G2",
  },
  {
    name: "negative co-financing",
    edit: (g) => addSheet(g, "Insatser", [COFINANCED_GRANT[0], "P1 | Test | 1 | 100 000 | 2021-01-01 | 2021-12-31 | -5 | ESF"]),
    code: "invalid_amount",
    cell: "Insatser!G2",
  },
  { name: "amount with three decimals", edit: (g) => setCell(g, "Huvudbok!D4", "1 000,505"), code: "invalid_amount", cell: "Huvudbok!D4" },
  { name: "absurdly large amount", edit: (g) => setCell(g, "Huvudbok!D4", 1e20), code: "invalid_amount", cell: "Huvudbok!D4" },
  {
    name: "group with a share but no member",
    edit: (g) => setCell(g, "Medlemmar!B3", "Kommun"),
    code: "no_member_in_group",
    cell: "Medlemmar!A1",
  },
  {
    name: "grant ending before it starts",
    edit: (g) => addSheet(g, "Insatser", REVERSED_GRANT),
    code: "grant_dates_reversed",
    cell: "Insatser!F2",
  },
  {
    name: "share above 100 %",
    edit: (g) => addRow(g, "Inställningar", "Andel region | 125 %"),
    code: "invalid_percent",
    cell: "Inställningar!B7",
  },
  {
    name: "stepped ceiling without its table",
    edit: (g) => addRow(g, "Inställningar", "Takregel | Tabell"),
    code: "ceiling_bands_missing",
    cell: "Inställningar!B7",
  },
  { name: "member row partly blank", edit: (g) => setCell(g, "Medlemmar!B5", null), code: "blank_required", cell: "Medlemmar!B5" },
  {
    name: "installments not allowed",
    edit: (g) => addRow(g, "Inställningar", "Betalningstillfällen | 5"),
    code: "invalid_setting",
    cell: "Inställningar!B7",
  },
  { name: "account that is not a number", edit: (g) => setCell(g, "Huvudbok!C5", "lön"), code: "invalid_account", cell: "Huvudbok!C5" },
  {
    name: "range that ends before it starts",
    edit: (g) => setCell(g, "Kontoplan!A5", "5999-5000"),
    code: "invalid_account",
    cell: "Kontoplan!A5",
  },
];

describe("bad input: exit 1, exact code and cell, nothing written", () => {
  test("the base workbook is valid", async () => {
    const file = path.join(tmp, "base.xlsx");
    await writeGridXlsx(base, file);
    const out = path.join(tmp, "base.out.xlsx");
    const code = await main(["recalc", file, "-o", out], { out: () => {}, err: () => {}, now: () => "T" });
    expect(code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  test("at least 25 cases", () => expect(cases.length).toBeGreaterThanOrEqual(25));

  test.each(cases.map((c, i) => [i, c.name, c] as const))("%i %s", async (i, _name, c) => {
    const file = path.join(tmp, `case-${i}.xlsx`);
    const out = path.join(tmp, `case-${i}.out.xlsx`);
    await writeGridXlsx(c.edit(clone(base)), file);
    let stdout = "";
    let stderr = "";
    const code = await main(["recalc", file, "-o", out, "--json"], {
      out: (s) => (stdout += s),
      err: (s) => (stderr += s),
      now: () => "T",
    });
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as { errors: Array<{ code: string; cell: string; message: string }> };
    expect(json.errors).toEqual(expect.arrayContaining([expect.objectContaining({ code: c.code, cell: c.cell })]));
    // The Swedish message names the cell for a person too.
    expect(stderr).toContain(`${c.cell}: `);
    expect(existsSync(out)).toBe(false);
  });
});

describe("the language of the messages", () => {
  const run = async (args: string[], env: Record<string, string>) => {
    const file = path.join(tmp, "lang.xlsx");
    await writeGridXlsx(setCell(clone(base), "Huvudbok!D8", "12,5 kr"), file);
    let stdout = "";
    let stderr = "";
    const io = { out: (s: string) => (stdout += s), err: (s: string) => (stderr += s), now: () => "T", env };
    const code = await main(["recalc", file, "-o", path.join(tmp, "lang.out.xlsx"), "--json", ...args], io);
    const json = JSON.parse(stdout) as { errors: Array<{ code: string; cell: string; message: string }> };
    return { code, stderr, error: json.errors.find((e) => e.cell === "Huvudbok!D8")! };
  };

  test("--sprak en: English messages that name the cell, in JSON and on stderr", async () => {
    const r = await run(["--sprak", "en"], { LANG: "sv_SE.UTF-8" });
    expect(r.code).toBe(1);
    expect(r.error).toEqual({ code: "invalid_amount", cell: "Huvudbok!D8", message: '"12,5 kr" is not an amount.' });
    expect(r.stderr).toContain("Input errors (nothing was written):");
    expect(r.stderr).toContain('Huvudbok!D8: "12,5 kr" is not an amount.');
  });

  test("LANG=en_GB gives English, LANG=sv_SE and LANG=C give Swedish, --sprak wins over LANG", async () => {
    expect((await run([], { LANG: "en_GB.UTF-8" })).error.message).toBe('"12,5 kr" is not an amount.');
    expect((await run([], { LANG: "sv_SE.UTF-8" })).error.message).toBe('"12,5 kr" är inte ett belopp.');
    expect((await run([], { LANG: "C.UTF-8" })).error.message).toBe('"12,5 kr" är inte ett belopp.');
    expect((await run(["--sprak", "sv"], { LANG: "en_US.UTF-8" })).error.message).toBe('"12,5 kr" är inte ett belopp.');
  });

  test("an unknown --sprak is a usage error", async () => {
    let stderr = "";
    const code = await main(["recalc", "x.xlsx", "--sprak", "de"], { out: () => {}, err: (s) => (stderr += s), now: () => "T", env: {} });
    expect(code).toBe(2);
    expect(stderr).toContain("--sprak de");
  });

  test("an unexpected error is a catalogue message, not a stack", async () => {
    const file = path.join(tmp, "unexpected.xlsx");
    const quiet = { out: () => {}, err: () => {}, now: () => "T", env: {} };
    expect(await main(["exempel", file, "--ersatt"], quiet)).toBe(0);
    let stderr = "";
    const broken = () => {
      throw new Error("the clock broke");
    };
    const code = await main(["recalc", file, "--sprak", "en"], { out: () => {}, err: (s) => (stderr += s), now: broken, env: {} });
    expect(code).toBe(4);
    expect(stderr).toMatch(/^Unexpected error: .*The workbook's inputs are untouched/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test("a folder given as the workbook is the file system's no: a message naming it, exit 1, not an unexpected error", async () => {
    const dir = path.join(tmp, "a-directory.xlsx");
    mkdirSync(dir, { recursive: true });
    let stderr = "";
    const code = await main(["recalc", dir, "--sprak", "en"], { out: () => {}, err: (s) => (stderr += s), now: () => "T", env: {} });
    expect(code).toBe(1);
    expect(stderr).toBe(`${dir}: it is a folder, not a file. Nothing was written.\n`);
  });
});
