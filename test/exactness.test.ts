/**
 * Exact or refused (issue 32): dates of every year are the days they name, and a year a spreadsheet cannot hold is
 * refused naming the SIE line; the workbook reader and the SIE import accept the same largest amount; every sum over
 * a ledger or an SIE file is exact, or the file is refused naming where the amounts pass 2^53 öre; a shared string's
 * index is a plain whole number or the file is refused naming the cell.
 */
import fc from "fast-check";
import { dayNumber, isoOfDayNumber } from "../src/core/dates";
import { MAX_AMOUNT_ORE } from "../src/core/money";
import { parseSie } from "../src/core/sie/parse";
import { summarizeSie } from "../src/core/sie/summary";
import { IssueList } from "../src/core/messages";
import { readLedger } from "../src/workbook/read/ledger";
import { parseAmount, parseDate } from "../src/workbook/values";
import { readSheet } from "../src/xlsx/scan";
import type { WorkbookGrid } from "../src/workbook/grid";

const sie = (lines: string[]) => Buffer.from(lines.join("\r\n"), "latin1");
const head = ["#FLAGGA 0", "#FORMAT PC8", "#SIETYP 4", '#PROGRAM "Test" 1.0', "#RAR 0 20260101 20261231"];

describe("dates", () => {
  test("a day number is the day its year, month and day name, for every year from 0 to 9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        const viaDate = new Date(0);
        viaDate.setUTCFullYear(y, m - 1, d);
        expect(dayNumber(y, m, d)).toBe(Math.floor(viaDate.getTime() / 86400000));
        expect(isoOfDayNumber(dayNumber(y, m, d))).toBe(
          `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
        );
      }),
    );
    expect(dayNumber(26, 1, 1)).not.toBe(dayNumber(1926, 1, 1));
  });

  test.each([
    ["#RAR", ["#FLAGGA 0", "#SIETYP 4", "#RAR 0 00260101 00261231"], 3],
    ["#VER", [...head, '#VER A 1 00260105 "x"', "{", "#TRANS 1930 {} 0", "}"], 6],
    ["#TRANS", [...head, '#VER A 1 20260105 "x"', "{", '#TRANS 1930 {} 0 18990101 "x"', "}"], 8],
  ])("an SIE date before 1900 in %s is refused, naming its line", (_tag, lines, line) => {
    const f = parseSie(sie(lines), "t.se");
    expect(f.errors.map((e) => [e.code, e.cell])).toContainEqual(["sie_date_out_of_range", `t.se:${line}`]);
  });

  test("a date typed as text before 1900 is refused in the workbook (Excel holds none)", () => {
    const p = parseDate("0026-01-01");
    expect(p.ok ? "accepted" : p.error.problem).toBe("date_range");
    expect(parseDate("1900-01-01").ok).toBe(true);
  });
});

describe("the largest amount and exact sums", () => {
  const kr = (ore: number) => `${Math.trunc(ore / 100)}.${String(ore % 100).padStart(2, "0")}`;

  test("the workbook and the SIE file accept the same largest amount, and refuse the öre above it", () => {
    expect(parseAmount(kr(MAX_AMOUNT_ORE)).ok).toBe(true);
    expect(parseAmount(MAX_AMOUNT_ORE / 100).ok).toBe(true);
    expect(parseAmount(kr(MAX_AMOUNT_ORE + 1)).ok).toBe(false);
    const voucher = (amount: string) =>
      parseSie(sie([...head, '#VER A 1 20260105 "x"', "{", `#TRANS 1930 {} ${amount}`, `#TRANS 2010 {} -${amount}`, "}"]), "t.se");
    expect(voucher(kr(MAX_AMOUNT_ORE)).errors).toEqual([]);
    expect(voucher(kr(MAX_AMOUNT_ORE + 1)).errors.map((e) => e.code)).toContain("sie_amount_too_large");
  });

  test("two transactions of 45 035 996 273 704,97 kr are refused, not summed in floating point", () => {
    const f = parseSie(
      sie([...head, '#VER A 1 20260105 "x"', "{", "#TRANS 1930 {} 45035996273704.97", "#TRANS 1931 {} 45035996273704.97", "}"]),
      "t.se",
    );
    expect(f.errors.map((e) => [e.code, e.cell])).toContainEqual(["sie_amount_too_large", "t.se:8"]);
    const s = summarizeSie(f, "t.se");
    expect(s.errors.map((e) => e.code)).toContain("sie_amount_too_large");
  });

  test("an SIE file whose amounts together pass 2^53 öre is refused at the line where they do", () => {
    const big = kr(MAX_AMOUNT_ORE); // 10^14 öre each: the 91st amount passes 2^53 (9.007·10^15)
    const lines = [...head];
    for (let i = 0; i < 50; i++) lines.push(`#VER A ${i + 1} 20260105 "x"`, "{", `#TRANS 1930 {} ${big}`, `#TRANS 2010 {} -${big}`, "}");
    const f = parseSie(sie(lines), "t.se");
    const at = f.errors.filter((e) => e.code === "sie_amounts_total_too_large").map((e) => e.cell);
    // Amount 91 is the first transaction of voucher 46: its #TRANS is line 5 + 45 × 5 + 3.
    expect(at).toEqual([`t.se:${5 + 45 * 5 + 3}`]);
  });

  test("a ledger whose amounts together pass 2^53 öre is refused at the cell where they do", () => {
    const rows = [["Datum", "Verifikation", "Konto", "Belopp"]] as Array<Array<string | number>>;
    for (let i = 0; i < 100; i++) rows.push(["2026-01-05", `V${i}`, 1930, i % 2 ? -1e12 : 1e12]);
    const grid: WorkbookGrid = { sheets: [{ name: "Huvudbok", rows }], tables: [] };
    const errors = new IssueList();
    readLedger(grid, true, errors);
    expect(errors.items.map((e) => [e.code, e.cell])).toEqual([["amount_overflow", "Huvudbok!D92"]]);
  });
});

describe("shared strings", () => {
  const ctx = { strings: ["Inställning", "Förbund"], dates: [], date1904: false };
  const sheet = (v: string) =>
    `<worksheet><sheetData><row r="2"><c r="A2" t="s">${v}</c><c r="B2" t="s"><v>1</v></c></row></sheetData></worksheet>`;

  test.each(["<v></v>", "<v/>", "<v>3.7</v>", "<v>0x1</v>", "<v>1e0</v>", "<v> 1</v>", "<v>-1</v>", "<v>2</v>"])(
    "an index %s is refused naming the cell",
    (v) => {
      expect(() => readSheet(sheet(v), "Medlemmar", ctx)).toThrow(/^Medlemmar!A2: the shared string index/);
    },
  );

  test("a plain index reads its string", () => {
    expect(readSheet(sheet("<v>0</v>"), "Medlemmar", ctx).rows[1]).toEqual(["Inställning", "Förbund"]);
  });
});
