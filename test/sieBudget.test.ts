/**
 * The budget from the accounting system (issue 34, point 3): `#PBUDGET` in both field orders real exports write, object
 * rows as `#PSALDO`'s, `#BUDGET` against the months, the sums per report line through Kontoplan into Budget (long and
 * wide form), amounts that stand there replaced only when asked, and accounts that cannot be Budget rows named.
 * Key figures worked out by hand from the files (awk over their #PBUDGET lines), not by the code under test.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { budgetByLine, sieBudget } from "../src/core/sie/budget";
import { parseSie } from "../src/core/sie/parse";
import { summarizeSie } from "../src/core/sie/summary";
import { Issue, messageText } from "../src/core/messages";
import { asOre } from "../src/core/units";
import { exampleSheets, EXAMPLE_DEFAULTS, templateSheets } from "../src/report/example";
import { LOG } from "../src/report/sheets";
import type { WorkbookGrid } from "../src/workbook/grid";
import { importSie } from "../src/workbook/sieImport";
import { SieImportInfo } from "../src/workbook/sieImportEdits";
import { readInputs } from "../src/workbook/read";
import { XlsxPort } from "../src/xlsx/xlsxPort";
import { describeWithSie, SIE_DIR } from "./helpers/shared";
import { importSieAction } from "../src/excel/sieActions";
import { MockExcel } from "./officeMock/excel";
import { mockWorkbookOfModels } from "./officeMock/fromModels";
import { FIXED_NOW, runOf } from "./helpers/office";

const read = (file: string) => parseSie(readFileSync(path.join(SIE_DIR, file)), file);
const INFO: SieImportInfo = { fileName: "x.se", sha256: "test", now: "2026-12-07T00:00:00Z", version: "t" };
const rows = (g: WorkbookGrid, name: string) => g.sheets.find((s) => s.name === name)!.rows;

async function gridOf(sheets: ReturnType<typeof templateSheets>): Promise<XlsxPort> {
  const port = XlsxPort.empty();
  await port.writeSheets(sheets);
  return XlsxPort.fromBuffer(port.toBuffer());
}

/** Imports `bytes` into the workbook and returns the written workbook's grid with the outcome. */
async function importInto(port: XlsxPort, bytes: Buffer, info: Partial<SieImportInfo>) {
  const name = info.fileName ?? INFO.fileName;
  const outcome = importSie(await port.readGrid(), parseSie(bytes, name), { ...INFO, ...info });
  if (outcome.ok) await port.writeSheets(outcome.sheets, outcome.edits);
  return { outcome, grid: await XlsxPort.fromBuffer(port.toBuffer()).readGrid() };
}

describeWithSie("#PBUDGET in the shared exports", () => {
  test("both field orders give the same budget: BL's `0 konto period belopp` and the standard's `0 period konto belopp`", () => {
    const bl = sieBudget(read("bl_admin_blblov_sie4_latin1.se"), "bl")!;
    const standard = sieBudget(read("BROKEN_bl_imbalanced_voucher_utf8.se"), "std")!;
    expect(bl.accounts.size).toBe(23);
    expect(bl.accounts).toEqual(standard.accounts);
    // By hand: 1119 is −1 666 four times and −1 667 eight times; 7010 sums to 126 883,78.
    expect(bl.accounts.get(1119)).toBe(-2000000);
    expect(bl.accounts.get(7010)).toBe(12688378);
    expect([bl.year, bl.source]).toEqual([2017, "PBUDGET"]);
  });

  test("every shared file with #PBUDGET is read without errors, for its year 0", () => {
    const expected: Record<string, [number, number, number]> = {
      // [year, accounts, Σ öre] (Σ by awk over the file's year-0 #PBUDGET rows without objects)
      "avendo_transaktioner_ovnbolag.se": [2011, 52, -80000000],
      "bl_admin_BL0001_typ2.se": [2010, 2, -60000000],
      "bl_admin_BL0001_typ3.se": [2010, 2, -60000000],
      "bl_admin_BL0001_typ4.se": [2010, 2, -60000000],
      "bl_admin_blblov_sie4_latin1.se": [2017, 23, 0],
      "briljant_test4.se": [2008, 18, -89270000],
    };
    for (const [file, [year, n, total]] of Object.entries(expected)) {
      const b = sieBudget(read(file), file)!;
      expect([file, b.year, b.accounts.size, [...b.accounts.values()].reduce((a, x) => a + x, 0), b.errors]).toEqual([
        file,
        year,
        n,
        total,
        [],
      ]);
    }
  });

  test("BL typ 3: 3010 is −100 000 a month and 4010 50 000 a month, over a July–June year", () => {
    const b = sieBudget(read("bl_admin_BL0001_typ3.se"), "typ3")!;
    expect([...b.accounts]).toEqual([
      [3010, -120000000],
      [4010, 60000000],
    ]);
  });

  test("Briljant: an account with a row without objects and rows per object counts the month once", () => {
    // 3010 has `{}` and `{1 "0"}` rows for every month with the same amounts. By hand: 208 + 216 + 200 + 248 + 280 +
    // 256 + 60 + 200 + 4 × 250 = 2 668 thousand, credit: −2 668 000,00, not twice that.
    expect(sieBudget(read("briljant_test4.se"), "b")!.accounts.get(3010)).toBe(-266800000);
  });

  test("the summary says what budget the file has; a file without one says none", () => {
    const s = summarizeSie(read("bl_admin_blblov_sie4_latin1.se"), "bl");
    expect(s.budget).toEqual({ year: 2017, source: "PBUDGET", accounts: 23, total: "0" });
    expect(summarizeSie(read("fortnox_sie4.si"), "f").budget).toBeNull();
  });

  test("into the template (long form): one row per report line, typed positive; balance accounts named, not dropped", async () => {
    const file = "bl_admin_blblov_sie4_latin1.se";
    const { outcome, grid } = await importInto(await gridOf(templateSheets()), readFileSync(path.join(SIE_DIR, file)), {
      fileName: file,
      budget: true,
    });
    expect(outcome.errors).toEqual([]);
    expect(outcome.budget).toEqual({ year: 2017, source: "PBUDGET", lines: 4, replaced: 0 });
    // By hand with the BAS proposals: 3010 + 3740 + 3960 = −85 080,08 → Övriga intäkter 85 080,08; 6570 → 5,00;
    // 7010 + 7011 + 7090 + 7321 + 7510 + 7519 = 186 280,21; 7820 + 7834 = 40 000,00.
    expect(rows(grid, "Budget").filter((r) => r.length > 0)).toEqual([
      ["Rapportrad", "År", "Belopp"],
      ["Övriga intäkter", 2017, 85080.08],
      ["Personalkostnader", 2017, 186280.21],
      ["Övriga externa kostnader", 2017, 5],
      ["Avskrivningar", 2017, 40000],
    ]);
    // The eleven balance accounts (−141 205,13 together, the result lines' opposite) are said.
    const unmapped = outcome.warnings.find((w) => w.code === "sie_budget_unmapped")!;
    expect(unmapped.params).toEqual({
      year: 2017,
      accounts: [1119, 1249, 1510, 1610, 1930, 2610, 2710, 2730, 2920, 2941, 2999],
      total: "-141205.13",
    });
    // Körlogg says it, and the next calculation reads the budget as typed.
    const log = rows(grid, "Körlogg").find((r) => String(r[LOG.action] ?? "").includes("Importera SIE"))!;
    expect(String(log[LOG.action])).toContain("budget 2017 ur #PBUDGET: 4 rapportrader");
    const read = readInputs(grid, new Set(["medlemsandelar"]));
    const budget = read.inputs!.budget.filter((b) => b.year === 2017).map((b) => [b.line, b.amount.toFixed(2)]);
    expect(budget).toEqual([
      ["ovriga_intakter", "85080.08"],
      ["personalkostnader", "186280.21"],
      ["ovriga_externa_kostnader", "5.00"],
      ["avskrivningar", "40000.00"],
    ]);
  });

  test("a second import of the same file changes nothing and needs no permission", async () => {
    const file = "bl_admin_blblov_sie4_latin1.se";
    const bytes = readFileSync(path.join(SIE_DIR, file));
    const port = await gridOf(templateSheets());
    await importInto(port, bytes, { fileName: file, budget: true });
    const again = await importInto(port, bytes, { fileName: file, budget: true });
    expect(again.outcome.errors).toEqual([]);
    expect(again.outcome.budget!.replaced).toBe(0);
  });

  test("--budget on a file without a budget refuses, naming the file", async () => {
    const file = "fortnox_sie4.si";
    const { outcome } = await importInto(await gridOf(templateSheets()), readFileSync(path.join(SIE_DIR, file)), {
      fileName: file,
      budget: true,
      importAnyway: true,
    });
    expect(outcome.errors.map((e) => [e.code, e.cell])).toEqual([["sie_budget_none", `${file}:1`]]);
  });
});

/** A 2026 file for the example: opening balances and a budget in BL's field order (−740 500 a month to 3011, …). */
function exampleBudgetFile(extra: string[] = []): Buffer {
  const lines = ["#FLAGGA 0", "#SIETYP 4", '#PROGRAM "Test" 1', "#RAR 0 20260101 20261231", '#KONTO 3011 "Medlemsbidrag"'];
  lines.push('#KONTO 4510 "Insatser"', '#KONTO 5010 "Löner"', '#KONTO 6110 "Kontorsmaterial"', '#KONTO 1930 "Bank"', '#KONTO 2010 "EK"');
  lines.push("#IB 0 1930 100000.00", "#IB 0 2010 -100000.00");
  for (let m = 1; m <= 12; m++) {
    const p = `2026${String(m).padStart(2, "0")}`;
    lines.push(`#PBUDGET 0 3011 ${p} -740500.00`, `#PBUDGET 0 4510 ${p} 600000.00`, `#PBUDGET 0 5010 ${p} 205000.00`);
    lines.push(`#PBUDGET 0 6110 ${p} {} 66666.67`);
  }
  return Buffer.from([...lines, ...extra].join("\r\n") + "\r\n", "latin1");
}

describe("the budget into the example's Budget (wide form)", () => {
  test("amounts that stand there and would change refuse the import, naming the first; replaced only when asked", async () => {
    const bytes = exampleBudgetFile();
    const refused = await importInto(await gridOf(exampleSheets(EXAMPLE_DEFAULTS)), bytes, { budget: true });
    // 2026: projektmedel 600 000 (the file has none: emptied) is the first of five that change.
    expect(refused.outcome.errors.map((e) => [e.code, e.cell, e.params])).toEqual([
      ["sie_budget_exists", "Budget!C3", { year: 2026, count: 5, sheet: "Budget" }],
    ]);
    const { outcome, grid } = await importInto(await gridOf(exampleSheets(EXAMPLE_DEFAULTS)), bytes, { budget: true, replaceBudget: true });
    expect(outcome.errors).toEqual([]);
    expect(outcome.warnings.filter((w) => w.code === "sie_budget_replaced").map((w) => w.params)).toEqual([
      { year: 2026, count: 5, sheet: "Budget" },
    ]);
    // By hand: 12 × 740 500 = 8 886 000; 12 × 600 000 = 7 200 000; 12 × 205 000 = 2 460 000; 12 × 66 666,67 = 800 000,04.
    // The other years and the verksamhet rows are as they were.
    expect(rows(grid, "Budget")).toEqual([
      ["Rapportrad", "2025", "2026", "2027", "2028"],
      ["medlemsbidrag", 8886000, 8886000, 8886000, 8886000],
      ["projektmedel", 350000, null, 250000, 0],
      ["ovriga_intakter", 0, null, 0, 0],
      ["bidrag_till_insatser", 6100000, 7200000, 6650000, 6200000],
      ["personalkostnader", 2380000, 2460000, 2530000, 2600000],
      ["ovriga_externa_kostnader", 820000, 800000.04, 800000, 810000],
      ["finansiella_kostnader", 5000, null, 5000, 5000],
      ["Administration", 3200000, 3250000, 3330000, 3410000],
      ["Strukturövergripande insatser", 1500000, 1700000, 1600000, 1500000],
      ["Individinriktade insatser", 4600000, 5200000, 5050000, 4700000],
    ]);
    const log = rows(grid, "Körlogg").find((r) => String(r[LOG.action] ?? "").includes("Importera SIE"))!;
    expect(String(log[LOG.action])).toContain("budget 2026 ur #PBUDGET: 4 rapportrader, 5 belopp ERSATTA");
  });

  test("a line the table lacks gets a row in the table's own style (codes here)", async () => {
    const bytes = exampleBudgetFile(['#KONTO 7810 "Avskrivningar"', "#BUDGET 0 7810 12000.00"]);
    const { outcome, grid } = await importInto(await gridOf(exampleSheets(EXAMPLE_DEFAULTS)), bytes, { budget: true, replaceBudget: true });
    expect(outcome.errors).toEqual([]);
    expect(rows(grid, "Budget")[11]).toEqual(["avskrivningar", null, 12000]);
  });

  test("#BUDGET that is not the sum of the account's #PBUDGET months is the file's own disagreement: refused", async () => {
    const bytes = exampleBudgetFile(["#BUDGET 0 5010 2400000.00"]);
    const { outcome } = await importInto(await gridOf(exampleSheets(EXAMPLE_DEFAULTS)), bytes, { budget: true, replaceBudget: true });
    expect(outcome.errors.map((e) => [e.code, e.params])).toEqual([
      ["sie_budget_mismatch", { account: 5010, year: 2026, stated: "2400000", computed: "2460000" }],
    ]);
  });

  test("a budget record that cannot be read refuses the budget only: the ledger imports, the summary says it", async () => {
    const bytes = exampleBudgetFile(["#PBUDGET 0 202601 5010 {} 12,345"]);
    const broken = (o: { errors: Issue[]; warnings: Issue[] }) =>
      [...o.errors, ...o.warnings].filter((e) => e.code === "sie_bad_amount").map((e) => e.cell);
    const line = `x.se:${bytes.toString("latin1").split("\r\n").indexOf("#PBUDGET 0 202601 5010 {} 12,345") + 1}`;
    const without = await importInto(await gridOf(exampleSheets(EXAMPLE_DEFAULTS)), bytes, {});
    expect(without.outcome.errors).toEqual([]);
    const asked = await importInto(await gridOf(exampleSheets(EXAMPLE_DEFAULTS)), bytes, { budget: true, replaceBudget: true });
    expect(broken(asked.outcome)).toEqual([line]);
    expect(asked.outcome.ok).toBe(false);
    const s = summarizeSie(parseSie(bytes, "x.se"), "x.se");
    expect([s.errors, broken(s)]).toEqual([[], [line]]);
  });

  test("a Budget without the year's column refuses, naming the table", async () => {
    const sheets = exampleSheets(EXAMPLE_DEFAULTS);
    const budget = sheets.find((s) => s.name === "Budget")!;
    budget.rows[0][2] = { value: "2030" };
    const { outcome } = await importInto(await gridOf(sheets), exampleBudgetFile(), { budget: true });
    expect(outcome.errors.map((e) => [e.code, e.cell])).toEqual([["sie_budget_no_column", "Budget!A1"]]);
  });
});

describe("budget arithmetic", () => {
  test("the lines give back the mapped accounts' sum, whatever the signs", () => {
    const accounts = new Map([
      [3011, asOre(-888600000)],
      [4510, asOre(720000000)],
      [6110, asOre(80000004)],
      [1930, asOre(5)],
    ]);
    const lineOf = (a: number) =>
      a < 3000 ? "kassa_och_bank" : a < 4000 ? "medlemsbidrag" : a < 5000 ? "bidrag_till_insatser" : "ovriga_externa_kostnader";
    const r = budgetByLine({ year: 2026, source: "PBUDGET", accounts, lines: new Map(), errors: [] }, lineOf as never);
    expect([...r.lines]).toEqual([
      ["medlemsbidrag", 888600000],
      ["bidrag_till_insatser", 720000000],
      ["ovriga_externa_kostnader", 80000004],
    ]);
    expect(r.unmapped).toEqual([{ account: 1930, ore: 5, line: "kassa_och_bank" }]);
    // By hand: −888 600 000 + 720 000 000 + 80 000 004 öre (1930 is not mapped).
    expect(r.mappedTotal).toBe(-88599996);
  });
});

describeWithSie("the budget through Office.js (the pane's checkbox)", () => {
  test("Budget's rows are written into the open workbook's table in the same Excel.run as the ledger", async () => {
    const excel = new MockExcel(mockWorkbookOfModels(templateSheets()));
    const file = "bl_admin_blblov_sie4_latin1.se";
    const r = await importSieAction({ run: runOf(excel), now: FIXED_NOW }, readFileSync(path.join(SIE_DIR, file)), file, false, {
      budget: true,
    });
    expect(r.errors).toEqual([]);
    expect(r.imported!.budget).toEqual({ year: 2017, source: "PBUDGET", lines: 4, replaced: 0 });
    const budget = excel.workbook.sheets.find((s) => s.name === "Budget")!;
    const table = excel.workbook.tables.find((t) => t.name === "Budget")!;
    const cells = [];
    for (let row = table.rect.top + 1; row <= table.rect.bottom; row++) cells.push([0, 1, 2].map((c) => budget.cell(row, c).v));
    expect(cells).toEqual([
      ["Övriga intäkter", 2017, 85080.08],
      ["Personalkostnader", 2017, 186280.21],
      ["Övriga externa kostnader", 2017, 5],
      ["Avskrivningar", 2017, 40000],
    ]);
  });
});

describeWithSie("golden: the budget import of BL Administration's export", () => {
  /** What the officer sees: the summary's budget, Budget's rows, the warnings and Körlogg's words, as text. */
  async function render(): Promise<string> {
    const file = "bl_admin_blblov_sie4_latin1.se";
    const bytes = readFileSync(path.join(SIE_DIR, file));
    const { outcome, grid } = await importInto(await gridOf(templateSheets()), bytes, { fileName: file, budget: true });
    const out = [`=== summary.budget ===`, JSON.stringify(summarizeSie(parseSie(bytes, file), file).budget)];
    out.push("=== Budget ===", ...rows(grid, "Budget").map((r) => r.map((c) => (c === null ? "" : String(c))).join(" | ")));
    out.push("=== outcome.budget ===", JSON.stringify(outcome.budget));
    out.push("=== varningar ===", ...outcome.warnings.map((w) => `${w.cell}: ${messageText(w, "sv")}`));
    const log = rows(grid, "Körlogg").find((r) => String(r[LOG.action] ?? "").includes("Importera SIE"))!;
    out.push("=== Körlogg ===", String(log[LOG.action]));
    return out.join("\n") + "\n";
  }

  test("matches test/golden-sie/blblov-budget.expected.txt", async () => {
    const expectedFile = path.join(__dirname, "golden-sie", "blblov-budget.expected.txt");
    const actual = await render();
    if (process.env.UPDATE_GOLDEN) {
      if (process.env.CI) throw new Error(`UPDATE_GOLDEN skriver om ${expectedFile}; gör det utanför CI`);
      mkdirSync(path.dirname(expectedFile), { recursive: true });
      writeFileSync(expectedFile, actual);
    }
    if (!existsSync(expectedFile)) throw new Error(`${expectedFile} saknas: kör UPDATE_GOLDEN=1 och läs filen innan den checkas in`);
    expect(actual).toEqual(readFileSync(expectedFile, "utf8"));
    // Its key figures by hand (awk over the file's #PBUDGET rows; see the long-form test above).
    expect(actual).toContain("Personalkostnader | 2017 | 186280.21");
    expect(actual).toContain("Övriga intäkter | 2017 | 85080.08");
  });
});
