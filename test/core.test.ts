import { createHash } from "crypto";
import fc from "fast-check";
import { dayNumberOfExcelSerial, excelSerialOfDayNumber, dayNumber, isoOfDayNumber } from "../src/core/dates";
import { applyCeiling } from "../src/core/equity";
import { Decimal } from "../src/core/money";
import { reportPeriod } from "../src/core/periods";
import { asCellRef } from "../src/core/units";
import { ok } from "./helpers/result";
import { formatNumber } from "../src/report/render";
import { FORMATS } from "../src/report/sheetModel";
import { sha256Hex } from "../src/core/sha256";
import { parseAmount, parseDate, parseNumberText, parsePercent } from "../src/workbook/values";

describe("Swedish number text", () => {
  test.each([
    ["1 234 567", "1234567"],
    ["1 234,50", "1234.5"],
    ["-2 000", "-2000"],
    ["\u22122\u00a0000", "-2000"],
    ["1.234.567,50", "1234567.5"],
    ["1,234,567.50", "1234567.5"],
    ["1'234'567.50", "1234567.5"],
    ["0,5", "0.5"],
  ])("%s → %s", (text, expected) => expect(parseNumberText(text)?.toFixed()).toBe(expected));
  test.each(["12,5 kr", "12 5", "1e20", "abc", "", "1 000:-", "1,2,3"])("%s is not a number", (text) =>
    expect(parseNumberText(text)).toBeNull(),
  );
  test("amounts: at most öre; binary noise from formulas is accepted", () => {
    expect(parseAmount("1 000,505").ok).toBe(false);
    expect(parseAmount(0.1 + 0.2)).toEqual({ ok: true, value: new Decimal("0.3") });
    expect(parseAmount(0.0000001).ok).toBe(false);
  });
  test("percentages", () => {
    expect(parsePercent("25 %")).toEqual({ ok: true, value: new Decimal("0.25") });
    expect(parsePercent(0.25)).toEqual({ ok: true, value: new Decimal("0.25") });
    expect(parsePercent(25)).toEqual({ ok: true, value: new Decimal("0.25") });
  });
});

describe("dates", () => {
  test("Excel serials round-trip and honour the 1900 leap-year bug", () => {
    expect(isoOfDayNumber(dayNumberOfExcelSerial(44316)!)).toBe("2021-04-30");
    expect(isoOfDayNumber(dayNumberOfExcelSerial(61)!)).toBe("1900-03-01");
    expect(isoOfDayNumber(dayNumberOfExcelSerial(59)!)).toBe("1900-02-28");
    expect(dayNumberOfExcelSerial(60)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (s) => expect(excelSerialOfDayNumber(dayNumberOfExcelSerial(s)!)).toBe(s)),
    );
  });
  test("date text must be ISO", () => {
    expect(parseDate("2021-04-30")).toEqual({ ok: true, value: dayNumber(2021, 4, 30) });
    expect(parseDate("30/4/2021").ok).toBe(false);
    expect(parseDate({ error: "#N/A" }).ok).toBe(false);
  });
  test("periods: months, prior period, leap day", () => {
    const p = ok(reportPeriod(2024, "2024-02-29"));
    expect(p.months).toBe(2);
    expect(p.priorCutoff).toBe("2023-02-28");
    expect(reportPeriod(2021, "2021-04-15")).toEqual({
      ok: false,
      error: { code: "cutoff_not_month_end", params: { cutoff: "2021-04-15" } },
    });
    expect(reportPeriod(2021, "2020-12-31")).toMatchObject({ ok: false, error: { code: "cutoff_outside_year" } });
  });
});

describe("equity ceiling", () => {
  test("docs/rules.md: 10 000 tkr with bands 0–5 000 at 20 % and above at 10 % gives 1 500 tkr", () => {
    const r = applyCeiling(new Decimal(10_000_000), { kind: "table" }, [
      { from: new Decimal(0), to: new Decimal(5_000_000), rate: new Decimal("0.2"), cell: asCellRef("") },
      { from: new Decimal(5_000_000), to: null, rate: new Decimal("0.1"), cell: asCellRef("") },
    ]);
    expect(r.ceiling.toNumber()).toBe(1_500_000);
  });
  test("flat 20 % of the year's contributions", () => {
    expect(applyCeiling(new Decimal(8_502_000), { kind: "flat", rate: new Decimal("0.2") }, []).ceiling.toNumber()).toBe(1_700_400);
  });
});

describe("display in tkr", () => {
  test("rounds each figure half away from zero from exact kronor", () => {
    expect(formatNumber(1500, FORMATS.tkr)).toBe("2");
    expect(formatNumber(-1500, FORMATS.tkr)).toBe("-2");
    expect(formatNumber(1499.99, FORMATS.tkr)).toBe("1");
    // A no-break space between the thousands: an amount never breaks across lines.
    expect(formatNumber(-2280000, FORMATS.tkr)).toBe("-2\u00a0280");
  });
});

test("SHA-256 matches Node's for any text", () => {
  fc.assert(
    fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => {
      expect(sha256Hex(s)).toBe(createHash("sha256").update(s, "utf8").digest("hex"));
    }),
    { numRuns: 300 },
  );
});
