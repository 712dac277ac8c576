/**
 * Issue 15, part 3: the financial statements (Bokslut). The year-end case's annual report was worked
 * out by hand from its vouchers (below, in the comments); the engine must reproduce it to the krona.
 * Then the interim case balances with accrued contributions, and broken ledgers are refused by name.
 */
import { mkdtempSync, readFileSync } from "fs";
import os from "os";
import path from "path";
import { OUTPUTS } from "../src/core/compute";
import { messageText } from "../src/core/messages";
import { computeFromGrid, Outcome, recalculate } from "../src/workbook/usecases";
import { openXlsx, saveXlsx } from "../src/xlsx/xlsxFile";
import { rawOfCell, workbookOf } from "./helpers/exceljs";
import { convert, describeWithLibreOffice } from "./helpers/libreoffice";
import { parseTextWorkbook, writeGridXlsx } from "./helpers/textWorkbook";

const caseText = (name: string) => readFileSync(path.join(__dirname, "golden", name), "utf8");

function run(source: string): Outcome {
  const c = parseTextWorkbook(source);
  return computeFromGrid(c.grid, { outputs: new Set(OUTPUTS), version: "test", now: () => "T", cutoffOverride: c.cutoff });
}

type Line = { id: string; label: string; amount: string; prior: string | null };

/** The Bokslut sheet's text cells. */
const bokslutText = (outcome: Outcome) =>
  outcome
    .sheets!.find((s) => s.name === "Bokslut")!
    .rows.flatMap((r) => r.map((c) => String(c?.value ?? "")))
    .join("\n");
/** The header row of Bokslut's cash flow table, as printed. */
function cashFlowHeader(outcome: Outcome): unknown[] {
  const sheet = outcome.sheets!.find((x) => x.name === "Bokslut")!;
  const t = sheet.tables.find((x) => x.name === "Kassaflodesanalys")!;
  return sheet.rows[t.top].slice(t.left, t.right + 1).map((c) => c?.value);
}
const byId = (lines: Line[]) => Object.fromEntries(lines.map((l) => [l.id, [l.amount, l.prior]]));

describe("the year-end case against its annual report worked by hand", () => {
  const outcome = run(caseText("e-december-bokslut.case"));
  const fs = outcome.json!.financialStatements as { incomeStatement: Line[]; balanceSheet: Line[]; cashFlow: Line[] };

  test("runs without errors; every line's forecast is its actual (the year is closed)", () => {
    expect(outcome.errors).toEqual([]);
    const lines = (outcome.json!.tertialReport as { lines: Array<{ period: string; forecast: string }> }).lines;
    for (const l of lines) expect(l.forecast).toBe(l.period);
  });

  test("resultaträkning: 2 000 000 − 1 770 000 − 20 000 − 8 000 = 202 000; last year 280 000", () => {
    // Costs: grants 500 000 + 600 000; staff 560 000 + pension provision 30 000; office 80 000.
    expect(byId(fs.incomeStatement)).toMatchObject({
      verksamhetens_intakter: ["2000000", "1900000"],
      verksamhetens_kostnader: ["-1770000", "-1590000"],
      avskrivningar: ["-20000", "-20000"],
      verksamhetens_nettokostnader: ["210000", "290000"],
      finansiella_kostnader: ["-8000", "-10000"],
      arets_resultat: ["202000", "280000"],
    });
  });

  test("balansräkning at 2024-12-31 against 2023-12-31 balances: 1 162 000 and 1 010 000", () => {
    // Inventory 100 000 + 30 000 − 40 000 − 20 000; bank 900 000 + 2 050 000 − 500 000 − 600 000 − 560 000
    // − 110 000 − 30 000 − 50 000 − 8 000; equity 700 000 + 202 000; pension 60 000 + 30 000;
    // loan 200 000 − 50 000; suppliers 50 000 + 80 000 − 110 000.
    expect(byId(fs.balanceSheet)).toMatchObject({
      anlaggningstillgangar: ["70000", "60000"],
      fordringar: ["0", "50000"],
      kassa_och_bank: ["1092000", "900000"],
      summa_tillgangar: ["1162000", "1010000"],
      eget_kapital: ["902000", "700000"],
      arets_resultat: ["202000", "280000"],
      avsattningar: ["90000", "60000"],
      langfristiga_skulder: ["150000", "200000"],
      kortfristiga_skulder: ["20000", "50000"],
      summa_eget_kapital_och_skulder: ["1162000", "1010000"],
      beslutad_finansiering: ["900000", null],
    });
  });

  // No IB rows for 2023, so 2023's opening is not known: the cash flow has no comparison column (see below for one).
  test("kassaflödesanalys: 202 000 + 20 000 + 30 000 + 50 000 − 30 000 − 30 000 − 50 000 = 192 000; 900 000 → 1 092 000", () => {
    expect(byId(fs.cashFlow)).toMatchObject({
      arets_resultat: ["202000", null],
      justering_avskrivningar: ["20000", null],
      forandring_avsattningar: ["30000", null],
      forandring_fordringar: ["50000", null],
      forandring_kortfristiga_skulder: ["-30000", null],
      kassaflode_lopande: ["272000", null],
      investeringar: ["-30000", null],
      finansiering: ["-50000", null],
      arets_kassaflode: ["192000", null],
      likvida_medel_ib: ["900000", null],
      likvida_medel_ub: ["1092000", null],
    });
  });

  test("notes 1 and 2: the income and cost lines with last year, totalling the income statement; empty lines left out", () => {
    // Costs by hand: grants 500 000 + 600 000 (2023: 1 000 000); staff 560 000 + pension provision 30 000
    // (2023: 500 000); office 80 000 (2023: 90 000). The year is closed, so there is no full-year column.
    const notes = outcome.json!.notes as { income: Line[]; costs: Line[] };
    expect(notes.income).toEqual([
      { id: "medlemsbidrag", label: "Medlemsbidrag", amount: "2000000", prior: "1900000" },
      { id: "verksamhetens_intakter", label: "Summa", amount: "2000000", prior: "1900000" },
    ]);
    expect(notes.costs).toEqual([
      { id: "bidrag_till_insatser", label: "Bidrag till insatser", amount: "-1100000", prior: "-1000000" },
      { id: "personalkostnader", label: "Personalkostnader", amount: "-590000", prior: "-500000" },
      { id: "ovriga_externa_kostnader", label: "Övriga externa kostnader", amount: "-80000", prior: "-90000" },
      { id: "verksamhetens_kostnader", label: "Summa", amount: "-1770000", prior: "-1590000" },
    ]);
  });

  test("notes 3 and 4: member contributions per member and decided grants with granted, paid and remaining", () => {
    const { income: _income, costs: _costs, ...notes } = outcome.json!.notes as Record<string, unknown>;
    expect(notes).toEqual({
      memberContributions: [
        { member: "FK", group: "Stat", amount: "1000000" },
        { member: "Region Norr", group: "Region", amount: "500000" },
        { member: "Alfa kommun", group: "Kommun", amount: "500000" },
      ],
      decidedGrantsRemaining: [{ code: "P1", name: "Jobbspår", granted: "2000000", paid: "1100000", remaining: "900000", coFinanced: "0" }],
    });
  });
});

// The year-end case with 2023's opening balances, and five more 2023 vouchers so that each line of last year's cash
// flow moves. The IB 2023 rows are IB 2024 less 2023's rows: 1220 100 000 − 40 000; 1229 −40 000 + 20 000;
// 1510 50 000 − 30 000; 1930 900 000 − (1 900 000 − 1 000 000 − 500 000 − 90 000 − 10 000 − 50 000 − 40 000);
// 2210 −60 000 + 15 000; 2350 −200 000 − 50 000; 2440 −50 000 + 25 000; 2010 −700 000 + 2023's result 270 000.
const ib2023 = [
  ["1220", "60 000"],
  ["1229", "-20 000"],
  ["1510", "20 000"],
  ["1930", "690 000"],
  ["2010", "-430 000"],
  ["2210", "-45 000"],
  ["2350", "-250 000"],
  ["2440", "-25 000"],
];
const more2023 = [
  ["2023-09-30", "W7", "2350", "50 000", "Amortering 2023"],
  ["2023-09-30", "W7", "1930", "-50 000", "Amortering 2023"],
  ["2023-11-30", "W8", "1220", "40 000", "Inköp inventarier 2023"],
  ["2023-11-30", "W8", "1930", "-40 000", "Inköp inventarier 2023"],
  ["2023-12-31", "W9", "1510", "30 000", "Fakturerat medlemsbidrag 2023"],
  ["2023-12-31", "W9", "3010", "-30 000", "Fakturerat medlemsbidrag 2023"],
  ["2023-12-31", "W10", "6110", "25 000", "Leverantörsfaktura 2023"],
  ["2023-12-31", "W10", "2440", "-25 000", "Leverantörsfaktura 2023"],
  ["2023-12-31", "W11", "5010", "15 000", "Pensionsavsättning 2023"],
  ["2023-12-31", "W11", "2210", "-15 000", "Pensionsavsättning 2023"],
];
// 1 000 kr moved from bank to equity in IB 2023 (still summing to zero): 2023 then ends at 899 000, IB 2024 says 900 000.
const shifted = ib2023.map(([a, v]) => [a, a === "1930" ? "689 000" : a === "2010" ? "-429 000" : v]);
const header = "Datum | Verifikation | Konto | Belopp | Text | Insats\n";
const withLastYear = (ib: string[][]) =>
  caseText("e-december-bokslut.case").replace(
    header,
    header +
      ib.map(([account, amount]) => `2023-01-01 | IB | ${account} | ${amount} | Ingående balans 2023 |\n`).join("") +
      more2023.map((r) => `${r.join(" | ")} |\n`).join(""),
  );

describe("the cash flow's comparison: last year's full year, from last year's IB rows and rows", () => {
  test("2023: 270 000 + 20 000 + 15 000 − 30 000 + 25 000 = 300 000, −40 000, −50 000: 210 000; 690 000 → 900 000", () => {
    const outcome = run(withLastYear(ib2023));
    expect(outcome.errors).toEqual([]);
    expect(outcome.warnings.map((w) => w.code)).not.toContain("prior_year_closing_differs");
    const fs = outcome.json!.financialStatements as { incomeStatement: Line[]; cashFlow: Line[] };
    // 2023's result: 1 900 000 + 30 000 − 1 000 000 − 515 000 − 115 000 − 20 000 − 10 000.
    expect(byId(fs.incomeStatement).arets_resultat).toEqual(["202000", "270000"]);
    // Investments: inventories (net) 40 000 → 60 000, plus the 20 000 written off; financing: the loan's 50 000.
    expect(byId(fs.cashFlow)).toEqual({
      arets_resultat: ["202000", "270000"],
      justering_avskrivningar: ["20000", "20000"],
      forandring_avsattningar: ["30000", "15000"],
      forandring_fordringar: ["50000", "-30000"],
      forandring_kortfristiga_skulder: ["-30000", "25000"],
      kassaflode_lopande: ["272000", "300000"],
      investeringar: ["-30000", "-40000"],
      finansiering: ["-50000", "-50000"],
      arets_kassaflode: ["192000", "210000"],
      likvida_medel_ib: ["900000", "690000"],
      likvida_medel_ub: ["1092000", "900000"],
    });
    // On the sheet, under the balance sheet's 31 December: the closed year's comparison is last year's jan–dec.
    expect(cashFlowHeader(outcome)).toEqual(["Belopp i tkr", "Not", "jan–dec 2024", "jan–dec 2023"]);
  });

  // An interim report compares as its income statement does: last year's same period, and its full year beside it.
  // At 30 June 2024 (contributions accrued, the default: 6/12 of the year's, the rest booked is prepaid):
  // 2024 Jan–Jun: result 1 000 000 − 500 000 − 590 000 − 80 000 = −170 000; pension +30 000; receivables
  //   2 000 000 − 2 050 000 → +50 000; short-term debts 80 000 − 110 000 + prepaid 1 000 000 = +970 000: 880 000;
  //   inventories −30 000: 850 000; bank 900 000 → 1 750 000.
  // 2023 Jan–Jun: W1–W4 only; contributions accrued as 6/12 of 2023's 1 930 000 = 965 000 of the 1 900 000 booked:
  //   result 965 000 − 1 000 000 − 500 000 − 90 000 = −625 000; prepaid +935 000: 310 000; bank 690 000 → 1 000 000.
  test("at 30 June: last year's Jan–Jun (690 000 → 1 000 000) and its full year (→ 900 000), as the income statement", () => {
    const outcome = run(withLastYear(ib2023).replace("Brytdatum | 2024-12-31", "Brytdatum | 2024-06-30"));
    expect(outcome.errors).toEqual([]);
    const fs = outcome.json!.financialStatements as { incomeStatement: Line[]; cashFlow: Line[] };
    const columns = (lines: Line[]) =>
      Object.fromEntries(lines.map((l) => [l.id, [l.amount, l.prior, (l as Line & { priorYear?: string }).priorYear]]));
    expect(columns(fs.incomeStatement).arets_resultat).toEqual(["-170000", "-625000", "270000"]);
    expect(columns(fs.cashFlow)).toEqual({
      arets_resultat: ["-170000", "-625000", "270000"],
      justering_avskrivningar: ["0", "0", "20000"],
      forandring_avsattningar: ["30000", "0", "15000"],
      forandring_fordringar: ["50000", "0", "-30000"],
      forandring_kortfristiga_skulder: ["970000", "935000", "25000"],
      kassaflode_lopande: ["880000", "310000", "300000"],
      investeringar: ["-30000", "0", "-40000"],
      finansiering: ["0", "0", "-50000"],
      arets_kassaflode: ["850000", "310000", "210000"],
      likvida_medel_ib: ["900000", "690000", "690000"],
      likvida_medel_ub: ["1750000", "1000000", "900000"],
    });
    expect(cashFlowHeader(outcome)).toEqual(["Belopp i tkr", "Not", "jan–jun 2024", "jan–jun 2023", "Helår 2023"]);
    // The comparison is made from last year's IB rows: without them, neither column (the opening is not known).
    const noPriorIb = run(withLastYear([]).replace("Brytdatum | 2024-12-31", "Brytdatum | 2024-06-30"));
    const cf = (noPriorIb.json!.financialStatements as { cashFlow: Line[] }).cashFlow;
    expect(cf.every((l) => l.prior === null && !("priorYear" in l))).toBe(true);
  });

  test("last year's same period that does not make a balance sheet (an unbalanced voucher): left out, and said", () => {
    // W12 books 1 000 of costs on 2023-03-31 with no counter entry: both of last year's columns are left out.
    const source = withLastYear(ib2023)
      .replace("Brytdatum | 2024-12-31", "Brytdatum | 2024-06-30")
      .replace("# Insatser", "2023-03-31 | W12 | 6110 | 1 000 | Utan motpost |\n# Insatser");
    const outcome = run(source);
    const w = outcome.warnings.find((x) => x.code === "prior_period_cash_flow_unbalanced")!;
    expect(w.params).toEqual({ year: 2023, to: "2023-06-30", difference: "-1000.00" });
    expect(outcome.warnings.map((x) => x.code)).toContain("prior_cash_flow_unbalanced");
    const cf = (outcome.json!.financialStatements as { cashFlow: Line[] }).cashFlow;
    expect(cf.every((l) => l.prior === null && !("priorYear" in l))).toBe(true);
    const t = outcome.sheets!.find((x) => x.name === "Bokslut")!.tables.find((x) => x.name === "Kassaflodesanalys")!;
    expect(t.right - t.left).toBe(2);
  });

  test("last year's rows only after its same period (year balances on 31 December), or none: the zeros are no comparison, and said", () => {
    const atJune = withLastYear(ib2023).replace("Brytdatum | 2024-12-31", "Brytdatum | 2024-06-30");
    const codes = (x: string) => run(x).warnings.map((w) => w.code);
    expect(codes(atJune)).not.toContain("no_rows_in_prior_period");
    // As an SIE file without last year's vouchers gives them: each of 2023's rows dated 31 December.
    const yearBalances = atJune.replace(/^2023-\d\d-\d\d \| W/gm, "2023-12-31 | W");
    const outcome = run(yearBalances);
    const w = outcome.warnings.find((x) => x.code === "no_rows_in_prior_period")!;
    expect(w.params).toEqual({ sheet: "Huvudbok", year: 2023, to: "2023-06-30" });
    expect(w.cell).toMatch(/^Inställningar!B\d+$/);
    expect(messageText(w, "sv")).toContain("är 0, utom periodiserade medlemsbidrag");
    // Said on the printed pages too, where the board reads the column: the Tertialrapport's explanations and Bokslut.
    const note = "Samma period i fjol är ingen jämförelse: huvudboken har rader för 2023, men inga till och med 2023-06-30";
    const sheetText = (o: Outcome, name: string) =>
      o
        .sheets!.find((x) => x.name === name)!
        .rows.flatMap((r) => r.map((c) => String(c?.value ?? "")))
        .join("\n");
    expect([sheetText(outcome, "Tertialrapport"), bokslutText(outcome)].map((t) => t.includes(note))).toEqual([true, true]);
    const plain = run(atJune);
    expect([sheetText(plain, "Tertialrapport"), bokslutText(plain)].map((t) => t.includes(note))).toEqual([false, false]);
    // The same period's columns are the ledger's zeros (accrued contributions aside), the full year unchanged.
    const fs = outcome.json!.financialStatements as { incomeStatement: Line[] };
    expect(byId(fs.incomeStatement).verksamhetens_kostnader).toEqual(["-1170000", "0"]);
    // No rows for last year at all (its accounts not imported, or the first year): the other warning, and its note.
    const noLastYear = run(atJune.replace(/^2023-.*\n/gm, ""));
    const none = noLastYear.warnings.find((x) => x.code === "no_rows_prior_year")!;
    expect(none.params).toEqual({ sheet: "Huvudbok", year: 2023 });
    expect(noLastYear.warnings.map((x) => x.code)).not.toContain("no_rows_in_prior_period");
    expect(sheetText(noLastYear, "Tertialrapport")).toContain("Jämförelsen med 2023 är 0 utom periodiserade medlemsbidrag");
    expect(codes(atJune)).not.toContain("no_rows_prior_year");
    // At 31 December the same period is the whole year: never this warning.
    expect(codes(yearBalances.replace("Brytdatum | 2024-06-30", "Brytdatum | 2024-12-31"))).not.toContain("no_rows_in_prior_period");
  });

  // Before last year's books are closed (an interim report in April), the ledger has no IB rows for the year: it opens
  // where last year's IB rows and rows end, last year's result in equity (rules.md 5). Before, the balance sheet showed
  // this year's movements as balances and the opening as a "direct posting", and Eget kapital opened at 0.
  test("without this year's IB rows (last year's IB plus rows instead), the same statements, a direct posting included", () => {
    // V99: 25 000 taken from equity straight to the bank (a correction): bokat direkt −25 000, financing −75 000.
    const direct = "2024-10-01 | V99 | 2010 | 25 000 | Rättelse |\n2024-10-01 | V99 | 1930 | -25 000 | Rättelse |\n";
    const withIb = withLastYear(ib2023).replace("# Insatser", direct + "# Insatser");
    const withoutIb = withIb.replace(/^2024-01-01 \| IB \|.*\n/gm, "");
    expect(withoutIb.split("\n").length).toBe(withIb.split("\n").length - 8);
    const statements = (source: string) => {
      const outcome = run(source);
      expect(outcome.errors).toEqual([]);
      expect(outcome.warnings.map((w) => w.code)).not.toContain("prior_year_closing_differs");
      const fs = outcome.json!.financialStatements as { balanceSheet: Line[]; cashFlow: Line[] };
      const e = outcome.json!.equity as { opening: string; openingSource: string; directPostings: string; closing: string };
      return { balanceSheet: byId(fs.balanceSheet), cashFlow: byId(fs.cashFlow), equity: [e.opening, e.directPostings, e.closing] };
    };
    const a = statements(withIb);
    expect(statements(withoutIb)).toEqual(a);
    // Eget kapital opens at 700 000 either way: the IB rows' 2010, or 2023's closing (430 000 + 2023's result 270 000).
    expect(a.equity).toEqual(["700000", "-25000", "877000"]);
    const source = (x: string) => (run(x).json!.equity as { openingSource: string }).openingSource;
    expect([source(withIb), source(withoutIb)]).toEqual(["ledger", "prior_year"]);
    // Bokslut says where the opening came from when it is not the year's IB rows.
    const opening = (x: string) => (run(x).json!.financialStatements as { opening: string }).opening;
    expect([opening(withIb), opening(withoutIb)]).toEqual(["ib", "prior_year"]);
    const note = "Huvudboken har inga IB-rader för 2024: ingående balanser är 2023 års IB-rader plus 2023 års rader";
    expect([bokslutText(run(withIb)).includes(note), bokslutText(run(withoutIb)).includes(note)]).toEqual([false, true]);
    expect(a.balanceSheet).toMatchObject({ eget_kapital: ["877000", "700000"], bokat_direkt: ["-25000", null] });
    expect(a.cashFlow).toMatchObject({
      finansiering: ["-75000", "-50000"],
      arets_kassaflode: ["167000", "210000"],
      likvida_medel_ib: ["900000", "690000"],
      likvida_medel_ub: ["1067000", "900000"],
    });
  });

  test("last year's rows that do not make a balance sheet (an unbalanced voucher): no comparison, and a warning says why", () => {
    // W12 books 1 000 of costs in 2023 with no counter entry: 2023's result is 269 000, its balances unchanged.
    const source = withLastYear(ib2023).replace("# Insatser", "2023-06-30 | W12 | 6110 | 1 000 | Utan motpost |\n# Insatser");
    const outcome = run(source);
    const w = outcome.warnings.find((x) => x.code === "prior_cash_flow_unbalanced")!;
    expect(w.params).toEqual({ year: 2023, difference: "-1000.00" });
    expect(outcome.warnings.map((x) => x.code)).toContain("unbalanced_voucher");
    const fs = outcome.json!.financialStatements as { cashFlow: Line[] };
    expect(fs.cashFlow.every((l) => l.prior === null)).toBe(true);
  });

  test("a typed Ingående eget kapital that the ledger contradicts is used, and said, naming the setting's cell", () => {
    const withSetting = (src: string, amount: string) =>
      src.replace("Takregel | 20 %", `Takregel | 20 %\nIngående eget kapital | ${amount}`);
    const withIb = withLastYear(ib2023);
    const withoutIb = withIb.replace(/^2024-01-01 \| IB \|.*\n/gm, "");
    const differs = (src: string) => run(src).warnings.filter((w) => w.code === "opening_equity_differs");
    const [ib] = differs(withSetting(withIb, "710 000"));
    expect(ib.params).toEqual({ setting: "710000.00", ledger: "700000.00", source: "ib" });
    expect(ib.cell).toMatch(/^Inställningar!B\d+$/);
    expect(messageText(ib, "sv").replace(/\u00a0/g, " ")).toBe(
      "Inställningen Ingående eget kapital (710 000,00 kr) skiljer sig från huvudbokens ingående eget kapital " +
        "(700 000,00 kr, enligt årets IB-rader). Eget kapital räknar med inställningen, Bokslut med huvudboken. " +
        "Töm inställningen eller rätta den.",
    );
    expect(differs(withSetting(withoutIb, "710 000")).map((w) => w.params.source)).toEqual(["prior_year"]);
    expect(differs(withSetting(withIb, "700 000"))).toEqual([]);
    expect((run(withSetting(withIb, "710 000")).json!.equity as { opening: string }).opening).toBe("710000");
  });

  test("last year's IB rows that do not sum to zero are not carried into this year: Eget kapital says its opening is missing", () => {
    const unbalanced = ib2023.map(([a, v]) => [a, a === "1930" ? "691 000" : v]);
    const outcome = run(withLastYear(unbalanced).replace(/^2024-01-01 \| IB \|.*\n/gm, ""));
    const codes = outcome.warnings.map((w) => w.code);
    expect(codes).toEqual(expect.arrayContaining(["ib_unbalanced", "opening_equity_missing"]));
    expect((outcome.json!.equity as { openingSource: string }).openingSource).toBe("none");
    expect(outcome.json!.financialStatements).toBeNull();
  });

  test("no IB rows for either year but last year's rows: the opening is not known, and the statements are refused", () => {
    const noIb = caseText("e-december-bokslut.case").replace(/^2024-01-01 \| IB \|.*\n/gm, "");
    const outcome = run(noIb);
    expect(outcome.ok).toBe(true);
    const w = outcome.warnings.find((x) => x.code === "opening_balances_missing")!;
    expect(w.params).toEqual({ year: 2024 });
    expect(outcome.json!.financialStatements).toBeNull();
    expect(bokslutText(outcome)).toContain("Huvudboken har inga IB-rader för 2024 och inga för 2023, men rader för 2023");
    // The association's first year (no rows before it either): it opens at zero, and the statements are made.
    const firstYear = run(noIb.replace(/^2023-.*\n/gm, ""));
    expect(firstYear.warnings.map((x) => x.code)).not.toContain("opening_balances_missing");
    const fs = firstYear.json!.financialStatements as { balanceSheet: Line[] };
    expect(byId(fs.balanceSheet).summa_tillgangar).toEqual(byId(fs.balanceSheet).summa_eget_kapital_och_skulder);
    expect(byId(fs.balanceSheet).eget_kapital).toEqual(["202000", "0"]);
    expect((firstYear.json!.financialStatements as { opening: string }).opening).toBe("none");
    expect(bokslutText(firstYear)).toContain("Huvudboken har inga IB-rader och inga rader före 2024: ingående balanser 0");
  });

  test("last year's rows that do not end in this year's IB: no comparison, and a warning naming the line and both figures", () => {
    const outcome = run(withLastYear(shifted));
    const w = outcome.warnings.find((x) => x.code === "prior_year_closing_differs")!;
    expect(w.params).toEqual({ year: 2023, line: "kassa_och_bank", rows: "899000.00", ib: "900000.00" });
    expect(messageText(w, "sv").replace(/\u00a0/g, " ")).toBe(
      "Huvudbokens rader för 2023 slutar inte i 2024 års IB-rader: Kassa och bank är 899 000,00 kr enligt 2023 års IB och " +
        "rader men 900 000,00 kr enligt IB-raderna för 2024 (debet positivt). Balansräkningens jämförelse följer IB-raderna; " +
        "kassaflödesanalysen visas utan helåret 2023.",
    );
    const fs = outcome.json!.financialStatements as { cashFlow: Line[] };
    expect(fs.cashFlow.every((l) => l.prior === null)).toBe(true);
    const t = outcome.sheets!.find((x) => x.name === "Bokslut")!.tables.find((x) => x.name === "Kassaflodesanalys")!;
    expect(t.right - t.left).toBe(2);
    // At 30 June the same period still stands (last year's IB to its same day: 689 000 → 999 000); only the full year,
    // which would end elsewhere than the balance sheet's 31 December, is left out.
    const june = run(withLastYear(shifted).replace("Brytdatum | 2024-12-31", "Brytdatum | 2024-06-30"));
    expect(june.warnings.map((x) => x.code)).toContain("prior_year_closing_differs");
    const cf = (june.json!.financialStatements as { cashFlow: Array<Line & { priorYear?: string }> }).cashFlow;
    expect(cf.filter((l) => l.id.startsWith("likvida")).map((l) => [l.prior, l.priorYear])).toEqual([
      ["689000", undefined],
      ["999000", undefined],
    ]);
    expect(cashFlowHeader(june).slice(2)).toEqual(["jan–jun 2024", "jan–jun 2023"]);
  });
});

describe("the interim case (31 August) balances with accrued member contributions", () => {
  test("8/12 of 2 000 000 is income; the rest booked is prepaid income among short-term liabilities", () => {
    const outcome = run(caseText("d-augusti-bokslut.case"));
    expect(outcome.errors).toEqual([]);
    const fs = outcome.json!.financialStatements as { balanceSheet: Line[]; incomeStatement: Line[] };
    const bs = byId(fs.balanceSheet);
    expect(byId(fs.incomeStatement).verksamhetens_intakter[0]).toBe("1333333.33");
    // Suppliers 20 000 (after V5 and V6) + prepaid contributions 666 666.67.
    expect(bs.kortfristiga_skulder[0]).toBe("686666.67");
    expect(bs.summa_tillgangar[0]).toBe(bs.summa_eget_kapital_och_skulder[0]);
  });

  test("before 31 December, last year's full year beside the period: 1 900 000 − 1 590 000 − 20 000 − 10 000 = 280 000", () => {
    const outcome = run(caseText("d-augusti-bokslut.case"));
    type Full = Line & { priorYear?: string };
    const full = (lines: Full[]) => Object.fromEntries(lines.map((l) => [l.id, [l.prior, l.priorYear]]));
    const fs = outcome.json!.financialStatements as { incomeStatement: Full[] };
    // Same period last year: 8/12 of 2023's 1 900 000 contributions; every 2023 cost is dated by 30 June,
    // depreciation and interest on 31 December (after the period).
    expect(full(fs.incomeStatement)).toMatchObject({
      verksamhetens_intakter: ["1266666.67", "1900000"],
      verksamhetens_kostnader: ["-1590000", "-1590000"],
      avskrivningar: ["0", "-20000"],
      finansiella_kostnader: ["0", "-10000"],
      arets_resultat: ["-323333.33", "280000"],
    });
    const notes = outcome.json!.notes as { costs: Full[] };
    expect(full(notes.costs)).toMatchObject({
      bidrag_till_insatser: ["-1000000", "-1000000"],
      verksamhetens_kostnader: ["-1590000", "-1590000"],
    });
  });
});

describe("broken ledgers: the statements are refused with the accounts named", () => {
  const base = caseText("e-december-bokslut.case");

  test("a balance account without a line: named in a warning; the statements are refused by name, not shown wrong", () => {
    const outcome = run(base.replace("2440 | Leverantörsskulder | kortfristiga_skulder", "2440 | Leverantörsskulder |"));
    // The rest of the run goes ahead (the Tertialrapport), without a Bokslut that does not balance.
    expect(outcome.ok).toBe(true);
    expect(outcome.warnings.find((w) => w.code === "balance_accounts_without_line")).toMatchObject({ params: { accounts: [2440] } });
    const w = outcome.warnings.find((x) => x.code === "statements_unbalanced")!;
    expect(w.params).toEqual({ difference: "20000.00", accounts: [2440] });
    expect(messageText(w, "sv")).toContain("Konton med rader men utan rapportrad i Kontoplan: 2440");
    expect(outcome.json!.financialStatements).toBeNull();
    const text = bokslutText(outcome);
    expect(text).toContain("Bokslutet kan inte göras");
    expect(text).toContain("2440");
    expect(text).not.toContain("Summa tillgångar");
    // Kontroller has no Bokslut checks then (there is nothing to check).
    const kontroller = outcome.sheets!.find((s) => s.name === "Kontroller")!;
    const t = kontroller.tables.find((x) => x.name === "Kontroller")!;
    const checks = kontroller.rows.slice(t.top + 1, t.bottom + 1).map((r) => String(r[0]?.value ?? ""));
    expect(checks.length).toBeGreaterThan(10);
    expect(checks.some((x) => x.startsWith("Balansräkningen"))).toBe(false);
    // The refusal stands among the run's warnings at the end of Kontroller, as the task pane showed it.
    const rest = kontroller.rows.slice(t.bottom + 1).map((r) => String(r[0]?.value ?? ""));
    expect(rest.some((x) => x.startsWith("Balansräkningen går inte ihop"))).toBe(true);
  });

  test("opening balances that do not sum to zero: named by year and IB accounts; the Bokslut sheet says why", () => {
    const outcome = run(base.replace("2024-01-01 | IB | 1930 | 900 000 |", "2024-01-01 | IB | 1930 | 901 250 |"));
    expect(outcome.ok).toBe(true);
    const w = outcome.warnings.find((x) => x.code === "ib_unbalanced")!;
    expect(w.params).toEqual({ year: 2024, difference: "1250.00", accounts: [1220, 1229, 1510, 1930, 2010, 2210, 2350, 2440] });
    expect(messageText(w, "sv")).toMatch(/IB-rader\) för 2024 summerar till 1\s250,00\skr/u);
    expect(bokslutText(outcome)).toMatch(/IB-rader\) för 2024 summerar till/);
  });

  test("a workbook without balance lines gets no Bokslut, with a warning that says how to get one", () => {
    const outcome = run(caseText("c-december-ataganden-ib.case"));
    expect(outcome.ok).toBe(true);
    expect(outcome.sheets!.map((s) => s.name)).not.toContain("Bokslut");
    expect(outcome.warnings.map((w) => w.code)).toContain("bokslut_no_balance_lines");
    expect(outcome.json!.financialStatements).toBeNull();
  });
});

describeWithLibreOffice("Bokslut's check formulas in LibreOffice", () => {
  test.each([
    ["e-december-bokslut.case", caseText("e-december-bokslut.case")],
    ["d-augusti-bokslut.case", caseText("d-augusti-bokslut.case")],
    ["e-december-bokslut.case with 2023's IB rows (the cash flow's comparison)", withLastYear(ib2023)],
    [
      "the same at 30 June (last year's same period and full year)",
      withLastYear(ib2023).replace("Brytdatum | 2024-12-31", "Brytdatum | 2024-06-30"),
    ],
    [
      "the same with 2023's rows not ending in IB 2024 (last year's same period only)",
      withLastYear(shifted).replace("Brytdatum | 2024-12-31", "Brytdatum | 2024-06-30"),
    ],
  ])(
    "%s: every Kontroller check is OK, no error values",
    async (_name, source) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "finsam-bokslut-"));
      const c = parseTextWorkbook(source);
      const input = path.join(dir, "in.xlsx");
      await writeGridXlsx(c.grid, input);
      const port = await openXlsx(input);
      const outcome = await recalculate(port, { outputs: new Set(OUTPUTS), version: "test", now: () => "2026-01-01T00:00:00Z" });
      expect(outcome.errors).toEqual([]);
      const output = path.join(dir, "ut.xlsx");
      await saveXlsx(port, output);
      const wb = await workbookOf(readFileSync(convert(output, "xlsx", path.join(dir, "lo"))));
      const checks: Array<[string, unknown]> = [];
      wb.getWorksheet("Kontroller")!.eachRow((row) => {
        const v = rawOfCell(row.getCell(2));
        if (v === "OK" || v === "FEL") checks.push([String(rawOfCell(row.getCell(1))), v]);
      });
      const bokslut = checks.filter(([n]) => /Balansräkningen|Kassaflödet|Likvida|Eget kapitals|Resultaträkningens/.test(n));
      expect(bokslut.length).toBe(6);
      expect(checks.filter(([, v]) => v !== "OK")).toEqual([]);
      const errors: string[] = [];
      wb.getWorksheet("Bokslut")!.eachRow((row, r) =>
        row.eachCell((cell, col) => {
          const v = rawOfCell(cell);
          if (typeof v === "object" && v !== null && "error" in v) errors.push(`${r}:${col}`);
        }),
      );
      expect(errors).toEqual([]);
    },
    120000,
  );
});
