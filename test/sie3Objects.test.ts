/**
 * SIE 3 files with period balances per object combination only (issue 34, point 4; Avendo's SIE 3 export writes
 * `#PSALDO 0 202601 3010 {"7" "1"} …` beside `{"1" "Nord" "7" "1"}` and no row for the account): the months cannot be
 * totalled without counting twice, so the year is read from its #RES and #UB, one row per account on the last day,
 * with one warning naming the accounts; the summary reconciles against the balances the file has.
 */
import { parseSie } from "../src/core/sie/parse";
import { sieLedgerRows } from "../src/core/sie/ledgerRows";
import { summarizeSie } from "../src/core/sie/summary";
import { templateSheets } from "../src/report/example";
import { importSie } from "../src/workbook/sieImport";
import { XlsxPort } from "../src/xlsx/xlsxPort";

/**
 * By hand: each posting is in one object combination, so an account's month is the sum of all its rows (3010 in
 * January: −40 under 7/1 and −60 under Nord+7/1, −100 in all), but nothing in the file says so: summed by dimension
 * 7 alone it is −40, by dimensions 1+7 −60. The year: 3010 −40 −60 −20 −30 = −150 (#RES), 5010 10 + 20 + 30 = 60,
 * 1930 40 + 20 + 30 = 90 = #UB 1 090 − #IB 1 000.
 */
const FILE = [
  "#FLAGGA 0",
  "#FORMAT PC8",
  "#SIETYP 3",
  '#PROGRAM "Avendo" 5.20',
  '#FNAMN "Samordningsförbundet Test"',
  "#RAR 0 20260101 20261231",
  '#DIM 1 "Region"',
  '#DIM 7 "Verksamhet"',
  '#KONTO 1930 "Bank"',
  '#KONTO 2010 "Eget kapital"',
  '#KONTO 3010 "Försäljning"',
  '#KONTO 5010 "Lokalhyra"',
  "#IB 0 1930 1000.00",
  "#IB 0 2010 -1000.00",
  "#UB 0 1930 1090.00",
  "#UB 0 2010 -1000.00",
  "#RES 0 3010 -150.00",
  "#RES 0 5010 60.00",
  '#PSALDO 0 202601 3010 {"7" "1"} -40.00',
  '#PSALDO 0 202601 3010 {"1" "Nord" "7" "1"} -60.00',
  '#PSALDO 0 202602 3010 {"7" "1"} -20.00',
  '#PSALDO 0 202602 3010 {"1" "Nord" "7" "1"} -30.00',
  '#PSALDO 0 202601 5010 {"7" "1"} 10.00',
  '#PSALDO 0 202601 5010 {"1" "Nord" "7" "1"} 20.00',
  '#PSALDO 0 202602 5010 {"7" "1"} 30.00',
  '#PSALDO 0 202601 1930 {"7" "1"} 40.00',
  '#PSALDO 0 202601 1930 {"1" "Nord" "7" "1"} 20.00',
  '#PSALDO 0 202602 1930 {"7" "1"} 30.00',
].join("\r\n");

describe("SIE 3 with period balances per object combination only", () => {
  const file = parseSie(Buffer.from(FILE + "\r\n", "latin1"), "avendo3.se");

  test("the year is read from #RES and #UB: one row per account on 31 December, and one warning naming the accounts", () => {
    const l = sieLedgerRows(file, "avendo3.se");
    expect(l.errors).toEqual([]);
    expect(l.importYears.map((y) => [y.year, y.source])).toEqual([[2026, "year_balances"]]);
    // By hand: 1930 UB 1 090 − IB 1 000 = 90; 3010 −150; 5010 60 (2010 unchanged: no row).
    expect(l.rows.filter((r) => r.voucher !== "IB").map((r) => [r.voucher, r.account, r.ore])).toEqual([
      ["ÅRSSALDO", 1930, 9000],
      ["ÅRSSALDO", 3010, -15000],
      ["ÅRSSALDO", 5010, 6000],
    ]);
    const w = l.warnings.find((x) => x.code === "sie_psaldo_by_object")!;
    expect([w.params, w.cell]).toEqual([{ year: 2026, accounts: [1930, 3010, 5010] }, "avendo3.se:19"]);
  });

  test("the summary says the file has balances, and they agree", () => {
    const s = summarizeSie(file, "avendo3.se");
    expect(s.errors).toEqual([]);
    expect(s.years).toEqual([{ year: 2026, source: "year_balances" }]);
    // #UB 1930 and 2010, #RES 3010 and 5010: four figures compared, none differs.
    expect([s.reconciliation.compared, s.reconciliation.differences]).toEqual([4, []]);
  });

  test("the import writes them (no error per account and month)", async () => {
    const port = XlsxPort.empty();
    await port.writeSheets(templateSheets());
    const grid = await XlsxPort.fromBuffer(port.toBuffer()).readGrid();
    const o = importSie(grid, file, { fileName: "avendo3.se", sha256: "t", now: "2026-12-07T00:00:00Z", version: "t" });
    expect(o.errors).toEqual([]);
    expect(o.added).toBe(5);
  });

  test("without year balances the months still refuse, naming the first ambiguous row (nothing to read the year from)", () => {
    const noYear = parseSie(Buffer.from(FILE.replace(/^#(UB|RES) .*$/gm, "") + "\r\n", "latin1"), "x.se");
    const l = sieLedgerRows(noYear, "x.se");
    expect(l.errors.map((e) => e.code)).toContain("sie_psaldo_ambiguous");
  });
});
