/**
 * SIE files as Huvudbok rows and proposed Kontoplan lines (issue 14, the pure part of the import):
 * every calendar-year export becomes ledger rows that the engine reads, and with every account mapped
 * the Tertialrapport's result for the year equals minus the sum of the file's class 3–8 transactions.
 * Files whose year is not a calendar year, or that state no year, are refused with a clear message.
 */
import { readFileSync } from "fs";
import path from "path";
import { isoOfDayNumber } from "../src/core/dates";
import { messageText } from "../src/core/messages";
import { Decimal } from "../src/core/money";
import { chartOf, proposeLine, sieLedgerRows } from "../src/core/sie/ledgerRows";
import { parseSie } from "../src/core/sie/parse";
import { summarizeSie } from "../src/core/sie/summary";
import type { RawCell, WorkbookGrid } from "../src/workbook/grid";
import { computeFromGrid } from "../src/workbook/usecases";
import { CALENDAR_SIE, describeWithSie, SIE_DIR } from "./helpers/shared";

const CALENDAR = CALENDAR_SIE;

/** A minimal workbook around the imported rows: settings for year 0, Kontoplan from the proposals. */
function workbookOf(file: string): { grid: WorkbookGrid; expectedResult: Decimal } {
  const bytes = readFileSync(path.join(SIE_DIR, file));
  const sie = parseSie(bytes, file);
  const ledger = sieLedgerRows(sie, file);
  expect(ledger.errors).toEqual([]);
  const year = ledger.years[0];
  const chart = chartOf(sie);
  const accounts: RawCell[][] = [["Konto", "Benämning", "Rapportrad"]];
  for (const [account, name] of [...ledger.accounts].sort((a, b) => a[0] - b[0])) {
    // Every result account mapped (a proposal, else other external costs); balance accounts without a line.
    const proposed = account >= 3000 && account <= 8999 ? (proposeLine(account, name, chart) ?? "ovriga_externa_kostnader") : "";
    accounts.push([account, name, proposed]);
  }
  const rows: RawCell[][] = [["Datum", "Verifikation", "Konto", "Belopp", "Text", "Insats"]];
  for (const r of ledger.rows) rows.push([{ date: isoOfDayNumber(r.day) }, r.voucher, r.account, r.ore / 100, r.text, r.project]);
  const grid: WorkbookGrid = {
    sheets: [
      {
        name: "Inställningar",
        rows: [
          ["Inställning", "Värde"],
          ["Förbund", sie.company],
          ["Räkenskapsår", year],
          ["Brytdatum", `${year}-12-31`],
          ["Periodisera medlemsbidrag", "Nej"],
        ],
      },
      { name: "Kontoplan", rows: accounts },
      { name: "Huvudbok", rows },
    ],
    tables: [],
  };
  // Minus the year's class 3–8 transactions, the closing entry (8990–8999, Årets resultat) left out: it is no cost.
  const y0 = sie.years.find((y) => y.offset === 0);
  const inYear = (day: number) => !y0 || (day >= y0.start && day <= y0.end);
  const ore = sie.vouchers
    .filter((v) => inYear(v.day))
    .flatMap((v) => v.transactions)
    .filter((t) => t.account >= 3000 && t.account <= 8989)
    .reduce((a, t) => a + t.ore, 0);
  return { grid, expectedResult: new Decimal(-ore).dividedBy(100) };
}

describeWithSie("SIE exports as Huvudbok rows", () => {
  test.each(CALENDAR.map((f) => [f]))("%s: the year's result is minus the sum of its class 3–8 transactions", (file) => {
    const { grid, expectedResult } = workbookOf(file);
    const outcome = computeFromGrid(grid, { outputs: new Set(["tertial"]), version: "t", now: () => "T" });
    expect(outcome.errors).toEqual([]);
    const lines = (outcome.json!.tertialReport as { lines: Array<{ id: string; period: string }> }).lines;
    expect(new Decimal(lines.find((l) => l.id === "arets_resultat")!.period).equals(expectedResult)).toBe(true);
  });

  test("IB rows and the project dimension: every year-0 #IB becomes an IB row; objects of dimension 6 fill Insats", () => {
    const sie = parseSie(readFileSync(path.join(SIE_DIR, "bl_admin_kst_projekt.se")), "x.se");
    const ledger = sieLedgerRows(sie, "x.se");
    const ib = ledger.rows.filter((r) => r.voucher === "IB");
    expect(ib.length).toBe(sie.ib.filter((b) => b.year === 0 && b.ore !== 0).length);
    const withProject = sie.vouchers.flatMap((v) => v.transactions).filter((t) => t.objects.some(([d]) => d === 6));
    expect(ledger.rows.filter((r) => r.project !== "").length).toBe(withProject.length);
  });

  test("a year without vouchers becomes one PSALDO row per account and month, dated the month's last day", () => {
    const text = [
      "#FLAGGA 0",
      "#SIETYP 4",
      "#RAR 0 20260101 20261231",
      "#RAR -1 20250101 20251231",
      "#PSALDO -1 202503 3010 {} -1000.00",
      '#PSALDO -1 202503 3010 {6 "P1"} -400.00',
      "#PSALDO -1 202502 5010 {} 250.50",
      '#VER A 1 20260110 "x"',
      "{",
      "#TRANS 1930 {} 100",
      "#TRANS 3010 {} -100",
      "}",
    ].join("\n");
    const ledger = sieLedgerRows(parseSie(Buffer.from(text), "p.se"), "p.se");
    const psaldo = ledger.rows.filter((r) => r.voucher === "PSALDO").map((r) => [isoOfDayNumber(r.day), r.account, r.ore]);
    expect(psaldo).toEqual([
      ["2025-02-28", 5010, 25050],
      ["2025-03-31", 3010, -100000],
    ]);
    expect(ledger.years).toEqual([2026, 2025]);
  });

  test("a fiscal year that is not a calendar year is refused; a transaction file without one is added to its year", () => {
    const july = sieLedgerRows(parseSie(readFileSync(path.join(SIE_DIR, "norstedts_bokslut_4e.se")), "n.se"), "n.se");
    expect(july.errors.map((e) => e.code)).toEqual(["sie_year_not_calendar"]);
    expect(messageText(july.errors[0], "sv")).toContain("går från 2009-07-01 till 2010-06-30");
    // Kontek Lön's payroll voucher (SIE 4I, no #RAR): the year of its dates, added, nothing replaced.
    const none = sieLedgerRows(parseSie(readFileSync(path.join(SIE_DIR, "kontek_lon.si")), "k.si"), "k.si");
    expect(none.errors).toEqual([]);
    expect([none.mode, none.years]).toEqual(["add", [2011]]);
    expect(none.warnings.map((w) => w.code)).toEqual(["sie_transactions_added"]);
    expect(none.rows.some((r) => r.voucher === "IB")).toBe(false);
  });
});

describe("proposed report lines", () => {
  test.each([
    [1930, "Bank", "BAS", "kassa_och_bank"],
    [2099, "Årets resultat", "BAS", "eget_kapital"],
    [2440, "Leverantörsskulder", "BAS", "kortfristiga_skulder"],
    [3010, "Medlemsbidrag staten", "BAS", "medlemsbidrag"],
    [3990, "Övriga intäkter", "BAS", "ovriga_intakter"],
    [4510, "Insatser", "BAS", "bidrag_till_insatser"],
    [7010, "Löner", "BAS", "personalkostnader"],
    [7832, "Avskrivningar inventarier", "BAS", "avskrivningar"],
    [8410, "Räntekostnader", "BAS", "finansiella_kostnader"],
    [4010, "Löner", "KOMMUN-BAS", "personalkostnader"],
    [7010, "Bidrag till insatser", "KOMMUN-BAS", "bidrag_till_insatser"],
    [8999, "Årets resultat", "BAS", "avslutspost"],
    [8999, "Årets resultat", "KOMMUN-BAS", "avslutspost"],
    [8310, "Ränteintäkter", "BAS", "finansiella_intakter"],
    [8811, "Avsättning till periodiseringsfond", "BAS", "extraordinara_poster"],
    [8910, "Skatt som belastar årets resultat", "BAS", "extraordinara_poster"],
    [8450, "Finansiella intäkter", "KOMMUN-BAS", "finansiella_intakter"],
    [8550, "Räntekostnader", "KOMMUN-BAS", "finansiella_kostnader"],
    [8710, "Extraordinära kostnader", "KOMMUN-BAS", "extraordinara_poster"],
    [351, "Statistikkonto", "BAS", null],
  ] as const)("%i %s (%s) → %s", (account, name, chart, line) => {
    expect(proposeLine(account, name, chart)).toBe(line);
  });
});
