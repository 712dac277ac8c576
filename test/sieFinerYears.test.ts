/**
 * Last year's vouchers, imported from last year's own SIE file, are not replaced by the year balances (#RES, #UB) that
 * this year's SIE 4E file has for last year: with them the report compares by period (no_rows_in_prior_period
 * otherwise). Kept only when they give the file's balances account by account; else replaced, and said.
 */
import { parseSie } from "../src/core/sie/parse";
import { templateSheets } from "../src/report/example";
import type { WorkbookGrid } from "../src/workbook/grid";
import { importSie } from "../src/workbook/sieImport";
import { computeFromGrid } from "../src/workbook/usecases";
import { XlsxPort } from "../src/xlsx/xlsxPort";

const head = (rar: string) =>
  ["#FLAGGA 0", '#PROGRAM "Test" 1', "#FORMAT PC8", "#SIETYP 4", '#FNAMN "Testforbundet"', rar].join("\n") +
  '\n#KONTO 1930 "Bank"\n#KONTO 2010 "Eget kapital"\n#KONTO 3010 "Medlemsbidrag"\n#KONTO 5010 "Loner"\n';
const ver = (n: number, date: string, lines: Array<[number, string]>) =>
  `#VER A ${n} ${date} "V"\n{\n${lines.map(([a, v]) => `#TRANS ${a} {} ${v}`).join("\n")}\n}\n`;

// 2025 by its own file: 100 000 in the bank, 50 000 of contributions in January, 20 000 of salaries in June.
const file2025 =
  head("#RAR 0 20250101 20251231") +
  "#IB 0 1930 100000.00\n#IB 0 2010 -100000.00\n#UB 0 1930 130000.00\n#UB 0 2010 -100000.00\n" +
  "#RES 0 3010 -50000.00\n#RES 0 5010 20000.00\n" +
  ver(1, "20250115", [
    [3010, "-50000.00"],
    [1930, "50000.00"],
  ]) +
  ver(2, "20250625", [
    [5010, "20000.00"],
    [1930, "-20000.00"],
  ]);
/** 2026's file, with 2025 as year balances (`salaries2025`: what it says 2025's salaries were). */
const file2026 = (salaries2025 = "20000.00", bank2025 = "130000.00") =>
  head("#RAR 0 20260101 20261231\n#RAR -1 20250101 20251231") +
  `#IB -1 1930 100000.00\n#IB -1 2010 -100000.00\n#UB -1 1930 ${bank2025}\n#UB -1 2010 -100000.00\n` +
  `#RES -1 3010 -50000.00\n#RES -1 5010 ${salaries2025}\n` +
  "#IB 0 1930 130000.00\n#IB 0 2010 -130000.00\n#UB 0 1930 185000.00\n#UB 0 2010 -130000.00\n#RES 0 3010 -55000.00\n" +
  ver(1, "20260115", [
    [3010, "-55000.00"],
    [1930, "55000.00"],
  ]);

async function importText(input: Buffer, text: string, name: string) {
  const port = XlsxPort.fromBuffer(input);
  const outcome = importSie(await port.readGrid(), parseSie(Buffer.from(text, "latin1"), name), {
    fileName: name,
    sha256: name,
    now: "2026-06-01T00:00:00Z",
    version: "t",
  });
  expect(outcome.errors).toEqual([]);
  await port.writeSheets(outcome.sheets, outcome.edits);
  return { buffer: port.toBuffer(), outcome };
}

async function template(): Promise<Buffer> {
  const port = XlsxPort.empty();
  await port.writeSheets(templateSheets());
  return port.toBuffer();
}

/** Huvudbok's rows as text, `date | voucher | account | amount`, in the sheet's order. */
async function ledgerRows(buffer: Buffer): Promise<string[]> {
  const grid: WorkbookGrid = await XlsxPort.fromBuffer(buffer).readGrid();
  const t = grid.tables.find((x) => x.name === "Huvudbok")!;
  return t.rows.slice(1).map((r) =>
    r
      .slice(0, 4)
      .map((c) => (typeof c === "object" && c !== null ? JSON.stringify(c) : String(c)))
      .join(" | "),
  );
}

/** The workbook as the officer runs it in 2026 (Räkenskapsår 2026, contributions as booked), at 30 June. */
async function june2026(buffer: Buffer): Promise<{ codes: string[]; priorContributions: string }> {
  const grid = await XlsxPort.fromBuffer(buffer).readGrid();
  const settings = grid.tables.find((t) => t.name === "Installningar")!;
  for (const r of settings.rows) {
    if (r[0] === "Räkenskapsår") r[1] = 2026;
    if (r[0] === "Periodisera medlemsbidrag") r[1] = "Nej";
  }
  const run = computeFromGrid(grid, { outputs: new Set(["tertial" as const]), version: "t", now: () => "T", cutoffOverride: "2026-06-30" });
  expect(run.errors).toEqual([]);
  const lines = (run.json!.tertialReport as { lines: Array<{ id: string; priorPeriod: string }> }).lines;
  return { codes: run.warnings.map((w) => w.code), priorContributions: lines.find((l) => l.id === "medlemsbidrag")!.priorPeriod };
}

describe("this year's SIE file after last year's: last year's vouchers stay", () => {
  test("kept when they give the file's year balances: 2025 still on its own days, 2026 added, nothing replaced", async () => {
    const with2025 = (await importText(await template(), file2025, "f2025.se")).buffer;
    const before = await ledgerRows(with2025);
    expect(before.length).toBe(6);
    const { buffer, outcome } = await importText(with2025, file2026(), "f2026.se");
    expect([outcome.replaced, outcome.added, outcome.years]).toEqual([0, 4, [2026]]);
    const codes = outcome.warnings.map((w) => w.code);
    expect(codes).toContain("sie_year_kept_finer");
    expect(codes).not.toContain("sie_year_balances_only");
    expect(outcome.warnings.find((w) => w.code === "sie_year_kept_finer")!.params).toEqual({ year: 2025, rows: 6, days: 3 });
    // Körlogg says it, where the auditor reads what each import did.
    const log = (await XlsxPort.fromBuffer(buffer).readGrid()).tables.find((t) => t.name === "Korlogg")!;
    expect(log.rows.flat().some((c) => typeof c === "string" && c.includes("2025 behölls som i Huvudbok"))).toBe(true);
    const after = await ledgerRows(buffer);
    expect(after.slice(0, 6)).toEqual(before);
    expect(after.length).toBe(10);
    // The same file again gives the same workbook.
    const again = await importText(buffer, file2026(), "f2026.se");
    expect(await ledgerRows(again.buffer)).toEqual(after);
    // At 30 June 2026 last year's same period has its rows (the contributions of January 2025): a comparison.
    const kept = await june2026(buffer);
    expect(kept.codes).not.toContain("no_rows_in_prior_period");
    expect(kept.priorContributions).toBe("50000");
  });

  test("replaced, and said, when they do not: the file says 2025's salaries were 25 000", async () => {
    const with2025 = (await importText(await template(), file2025, "f2025.se")).buffer;
    const { buffer, outcome } = await importText(with2025, file2026("25000.00", "125000.00"), "f2026.se");
    const w = outcome.warnings.find((x) => x.code === "sie_year_finer_replaced")!;
    expect(w.params).toEqual({ year: 2025, rows: 6, accounts: [1930, 5010] });
    expect(outcome.warnings.map((x) => x.code)).toContain("sie_year_balances_only");
    expect(outcome.replaced).toBe(6);
    const rows = await ledgerRows(buffer);
    expect(rows.filter((r) => r.includes("ÅRSSALDO | 5010"))).toHaveLength(1);
    expect(rows.some((r) => /\| A 2 \|/.test(r))).toBe(false);
    // What keeping spares: with 2025 on 31 December only, June 2026 has nothing to compare with.
    const replaced = await june2026(buffer);
    expect(replaced.codes).toContain("no_rows_in_prior_period");
    expect(replaced.priorContributions).toBe("0");
  });

  test("a year Huvudbok has no finer than the file (its own year balances, imported before): replaced as the file has it", async () => {
    const first = (await importText(await template(), file2026(), "f2026.se")).buffer;
    const { outcome } = await importText(first, file2026(), "f2026.se");
    const codes = outcome.warnings.map((x) => x.code);
    expect(codes).not.toContain("sie_year_kept_finer");
    expect(codes).not.toContain("sie_year_finer_replaced");
    expect(outcome.years).toEqual([2026, 2025]);
  });

  test("a year as year balances is one voucher, ÅRSSALDO, that balances: no unbalanced_voucher", async () => {
    const { buffer } = await importText(await template(), file2026(), "f2026.se");
    // By hand: 1930 130 000 − 100 000 = 30 000; 3010 −50 000; 5010 20 000: the sum is 0. As two vouchers (UB, RES)
    // each was off by 2025's result of 30 000.
    const rows2025 = (await ledgerRows(buffer)).filter((r) => r.includes("2025-12-31"));
    expect(rows2025.map((r) => r.split(" | ").slice(1))).toEqual([
      ["ÅRSSALDO", "1930", "30000"],
      ["ÅRSSALDO", "3010", "-50000"],
      ["ÅRSSALDO", "5010", "20000"],
    ]);
    expect((await june2026(buffer)).codes).not.toContain("unbalanced_voucher");
  });
});
