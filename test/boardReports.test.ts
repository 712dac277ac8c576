/**
 * Issue 16's rules that are not about paper: due dates, the deviation threshold, the text for the
 * board papers, comments typed in the report, the page header's length, the wrap estimate, the
 * pane's amounts in tkr, and the in-memory Excel's page layout rules.
 */
import fc from "fast-check";
import { DEFAULT_DEVIATION_THRESHOLD, flagDeviation, parseDeviationThreshold } from "../src/core/deviation";
import { defaultDueDays, dueDates, parseDueDays } from "../src/core/dueDates";
import { Decimal } from "../src/core/money";
import { boardText } from "../src/report/boardText";
import { wrappedLines } from "../src/report/sheetModel";
import {
  HEADER_FOOTER_MAX,
  LOG,
  LOG_HEADERS,
  logRowInOrder,
  MIN_PRINT_SCALE,
  OWNED_SHEETS,
  pageHeader,
  printScale,
} from "../src/report/sheets";
import { formatAmount } from "../src/taskpane/i18n";
import { verifyGrid } from "../src/workbook/verify";
import { XlsxPort } from "../src/xlsx/xlsxPort";
import { bufferOf, rawOf, workbookOf } from "./helpers/exceljs";
import { exampleWorkbook, FIXED_NOW, mockExcelOf, runOf } from "./helpers/office";
import { ActionResult, recalcAction } from "../src/excel/actions";
import { moveCommentAction } from "../src/excel/tableActions";
import { examplePackage, recalcPackage } from "./helpers/package";

describe("due dates (Förfallodagar)", () => {
  test("the documented defaults per number of installments", () => {
    const show = (n: number) => dueDates(2026, defaultDueDays(n));
    expect(show(1)).toEqual(["2026-01-31"]);
    expect(show(2)).toEqual(["2026-01-31", "2026-07-31"]);
    expect(show(3)).toEqual(["2026-01-31", "2026-05-31", "2026-09-30"]);
    expect(show(4)).toEqual(["2026-01-31", "2026-04-30", "2026-07-31", "2026-10-31"]);
    expect(show(12)).toHaveLength(12);
    expect(show(12)[1]).toBe("2026-02-28");
    expect(dueDates(2028, defaultDueDays(12))[1]).toBe("2028-02-28");
  });

  test("29 February is the 28th in a common year", () => {
    expect(dueDates(2027, [{ month: 2, day: 29 }])).toEqual(["2027-02-28"]);
    expect(dueDates(2028, [{ month: 2, day: 29 }])).toEqual(["2028-02-29"]);
  });

  test("parsing: MM-DD or ISO, in calendar order, exactly as many as installments", () => {
    expect(parseDueDays("01-31; 04-30; 07-31; 10-31", 4)).toEqual(defaultDueDays(4));
    expect(parseDueDays("2026-02-15, 2026-08-15", 2)).toEqual([
      { month: 2, day: 15 },
      { month: 8, day: 15 },
    ]);
    for (const bad of ["01-31; 04-30; 07-31", "04-30; 01-31; 07-31; 10-31", "02-30; 04-30; 07-31; 10-31", "31 jan", "", "01-31; 01-31"])
      expect({ bad, parsed: parseDueDays(bad, bad.split(";").length === 2 ? 2 : 4) }).toEqual({ bad, parsed: null });
  });

  test("property: any increasing days written as MM-DD read back as the same days", () => {
    const day = fc.integer({ min: 1, max: 366 }).map((n) => {
      const d = new Date(Date.UTC(2000, 0, n));
      return { month: d.getUTCMonth() + 1, day: d.getUTCDate(), n };
    });
    fc.assert(
      fc.property(fc.uniqueArray(day, { minLength: 1, maxLength: 12, selector: (d) => d.n }), (days) => {
        const sorted = days.sort((a, b) => a.n - b.n).map(({ month, day: d }) => ({ month, day: d }));
        const text = sorted.map((d) => `${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`).join("; ");
        expect(parseDueDays(text, sorted.length)).toEqual(sorted);
      }),
    );
  });
});

describe("deviation threshold (Avvikelsegräns)", () => {
  test("parsing the forms the setting accepts", () => {
    const show = (v: string | number) => {
      const t = parseDeviationThreshold(v);
      return t && { rate: t.rate?.toFixed() ?? null, amount: t.amount?.toFixed() ?? null };
    };
    expect(show("10 %; 100 tkr")).toEqual({ rate: "0.1", amount: "100000" });
    expect(show("5 % och 50 000 kr")).toEqual({ rate: "0.05", amount: "50000" });
    expect(show("7,5 %")).toEqual({ rate: "0.075", amount: null });
    expect(show(0.1)).toEqual({ rate: "0.1", amount: null });
    expect(show(250000)).toEqual({ rate: null, amount: "250000" });
    for (const bad of ["mycket", "10 %; 20 %", "1 tkr; 2 tkr", "150 %", "10 %; 100 tkr; 5 kr", -1]) expect(show(bad)).toBeNull();
  });

  test("a deviation is flagged only when it reaches both the share and the amount; the sign says better or worse", () => {
    const t = DEFAULT_DEVIATION_THRESHOLD;
    const f = (dev: number, budget: number) => flagDeviation(new Decimal(dev), new Decimal(budget), t);
    expect(f(100000, 1000000)).toBe("better");
    expect(f(-100000, -1000000)).toBe("worse");
    expect(f(99999, 500000)).toBeNull(); // under 100 tkr
    expect(f(150000, -2000000)).toBeNull(); // under 10 %
    expect(f(0, 0)).toBeNull();
    expect(f(100000, 0)).toBe("better");
  });

  test("property: flagging is symmetric in sign and never flags below either limit", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e9, max: 1e9 }), (dev, budget) => {
        const t = DEFAULT_DEVIATION_THRESHOLD;
        const a = flagDeviation(new Decimal(dev), new Decimal(budget), t);
        const b = flagDeviation(new Decimal(-dev), new Decimal(budget), t);
        expect(a === null).toBe(b === null);
        if (Math.abs(dev) < 100000 || Math.abs(dev) < Math.abs(budget) * 0.1) expect(a).toBeNull();
        if (a) expect(a).toBe(dev > 0 ? "better" : "worse");
      }),
    );
  });
});

describe("the text for the board papers", () => {
  async function example() {
    const { outcome } = await recalcPackage(await examplePackage());
    return outcome.computation!;
  }

  test("deterministic, in the sheet's unit, naming the deviations beyond the threshold largest first", async () => {
    const c = await example();
    const a = boardText(c, "sv")!;
    expect(boardText(c, "sv")).toEqual(a);
    // No-break spaces inside and after every amount: a number never breaks across lines in the board papers.
    expect(a.period).toMatch(/^Per 2026-08-31 uppgår resultatet till -356\u00a0tkr \(samma period i fjol 1\u00a0974\u00a0tkr\)\./);
    expect(a.period).not.toMatch(/\d \d|\d t?kr/);
    expect(a.forecast).toMatch(
      /^Det prognostiserade resultatet för helåret 2026 uppgår till -789\u00a0tkr, jämfört med budgeterade -609\u00a0tkr\./,
    );
    const forecast = a.forecast.replace(/\u00a0/g, " ");
    expect(forecast).toContain("Prognostiserat eget kapital på balansdagen uppgår till 2 351 tkr.");
    expect(forecast).toContain("Högsta rekommenderade nivå på sparade medel uppgår till 1 583 tkr.");
    expect(forecast).not.toMatch(/\d{4,} kr|\d+,\d\d/);
    // Övriga externa kostnader is named (its deviation reaches the threshold) without its method's explanation.
    expect(forecast).toContain("Övriga externa kostnader prognostiseras till 587 tkr, 203 tkr lägre än budgeterat.");
    // The named lines are exactly the leaf lines whose deviation reaches the threshold, largest first.
    const t = c.tertial!;
    const flagged = ["medlemsbidrag", "ovriga_intakter", "bidrag_till_insatser", "personalkostnader", "ovriga_externa_kostnader"]
      .map((id) => t.byId[id as "medlemsbidrag"])
      .filter((v) => flagDeviation(v.deviation, v.budget, c.inputs.settings.deviationThreshold))
      .sort((x, y) => y.deviation.abs().comparedTo(x.deviation.abs()));
    const positions = flagged.map((v) => a.forecast.indexOf(`${v.label} prognostiseras`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
  });

  test("in English, with the English words; a closed year says result, not forecast", async () => {
    const c = await example();
    const en = boardText(c, "en")!;
    expect(en.periodTitle).toBe("Result for the period");
    expect(en.forecast).toMatch(/^The forecast result for the full year 2026 is -789\u00a0tkr, against a budgeted -609\u00a0tkr\./);
    // English writes its own thousands separator: 2,351, not the Swedish 2 351.
    expect(en.forecast).toContain("equity at the balance sheet date amounts to 2,351\u00a0tkr.");
    expect(`${en.period} ${en.forecast}`).not.toMatch(/uppgår|prognostiseras|jämfört/);
    // A named line's sentence agrees with a plural label: "The forecast for other external costs is …".
    expect(en.forecast.replace(/\u00a0/g, " ")).toContain("The forecast for other external costs is 587 tkr, 203 tkr lower than budgeted.");
    expect(en.forecast).not.toMatch(/costs is forecast/);
    const closed = { ...c, period: { ...c.period, closed: true } };
    expect(boardText(closed, "sv")!.forecast).toMatch(/^Resultatet för helåret 2026 uppgår till/);
  });

  test("without last year's rows for the same period there is no comparison, and none is printed (issue 33)", async () => {
    const c = await example();
    const first = { ...c, tertial: { ...c.tertial!, rows: { ...c.tertial!.rows, priorPeriod: 0 } } };
    const sv = boardText(first, "sv")!.period;
    expect(sv).toMatch(
      /^Per 2026-08-31 uppgår resultatet till -356\u00a0tkr; huvudboken har inget utfall för samma period i fjol att jämföra med\./,
    );
    expect(sv).not.toContain("samma period i fjol 0");
    expect(boardText(first, "en")!.period).toContain("the ledger has no actual for the same period last year to compare with");
    // The example itself has last year's rows: the comparison is there.
    expect(c.tertial!.rows.priorPeriod).toBeGreaterThan(100);
  });
});

describe("a comment typed in the Tertialrapport", () => {
  const typed = "Vikarie under föräldraledighet från oktober";

  /** The output with a comment typed in the Kommentar cell of a line of the Tertialrapport (as a user would in Excel). */
  async function typeComment(buf: Buffer, line: string, comment: string): Promise<{ buf: Buffer; cell: string }> {
    const wb = await workbookOf(buf);
    const ws = wb.getWorksheet(OWNED_SHEETS.tertial)!;
    let cell = "";
    ws.eachRow((row, r) => {
      if (!cell && rawOf(row.getCell(10).value) === line) {
        row.getCell(9).value = comment;
        cell = `Tertialrapport!I${r}`;
      }
    });
    return { buf: await bufferOf(wb), cell };
  }

  const lineOf = (json: Record<string, unknown>, id: string) =>
    (json.tertialReport as { lines: Array<{ id: string; comment?: string }> }).lines.find((l) => l.id === id)!;

  test("is kept by the next run, with a warning that names its cell, and verification agrees", async () => {
    const first = (await recalcPackage(await examplePackage())).output!;
    const { buf, cell } = await typeComment(first, "personalkostnader", typed);
    const second = await recalcPackage(buf);
    expect(second.outcome.ok).toBe(true);
    const warning = second.outcome.warnings.find((w) => w.code === "report_comment_kept");
    expect(warning).toEqual({
      code: "report_comment_kept",
      params: { line: "Personalkostnader", id: "personalkostnader", method: "linjar", text: typed },
      cell,
    });
    expect(lineOf(second.outcome.json!, "personalkostnader").comment).toBe(typed);
    // The kept comment is in the report, and "Kommentar enligt indata" beside it says what the inputs give.
    const ws = (await workbookOf(second.output!)).getWorksheet(OWNED_SHEETS.tertial)!;
    const row = ws.getRow(Number(cell.replace(/\D/g, "")));
    expect(rawOf(row.getCell(9).value)).toBe(typed);
    expect(rawOf(row.getCell(11).value) ?? "").not.toBe(typed);
    // A third run keeps it again; verification finds no difference.
    const third = await recalcPackage(second.output!);
    expect(lineOf(third.outcome.json!, "personalkostnader").comment).toBe(typed);
    const grid = await XlsxPort.fromBuffer(second.output!).readGrid();
    expect(verifyGrid(grid, { version: "test", now: FIXED_NOW }).differences).toEqual([]);
  });

  test("an emptied cell shows the inputs' comment again, and an untouched report keeps nothing", async () => {
    const first = (await recalcPackage(await examplePackage())).output!;
    const kept = (await recalcPackage((await typeComment(first, "personalkostnader", typed)).buf)).output!;
    const cleared = await recalcPackage((await typeComment(kept, "personalkostnader", "")).buf);
    expect(cleared.outcome.warnings.some((w) => w.code === "report_comment_kept")).toBe(false);
    expect(lineOf(cleared.outcome.json!, "personalkostnader").comment ?? "").not.toBe(typed);
    const again = await recalcPackage(first);
    expect(again.outcome.warnings.some((w) => w.code === "report_comment_kept")).toBe(false);
  });
});

describe("page setup rules", () => {
  test("the page header never exceeds Excel's 255 characters; a long name is shortened with …", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 60 }), (name, title) => {
        const h = pageHeader(name, title);
        expect(h.length).toBeLessThanOrEqual(HEADER_FOOTER_MAX);
        if (h.length < HEADER_FOOTER_MAX - 1) expect(h).toContain(name.replace(/&/g, "&&"));
      }),
    );
    expect(pageHeader("A & B", "Kontroller")).toBe('&"-,Bold"&12A && B – Kontroller');
  });

  test("every sheet of the example prints at a readable scale (11 pt text not below 8 pt)", async () => {
    const { outcome } = await recalcPackage(await examplePackage());
    for (const s of outcome.sheets!.filter((m) => m.page)) {
      expect({ sheet: s.name, readable: printScale(s) >= MIN_PRINT_SCALE }).toEqual({ sheet: s.name, readable: true });
    }
  });

  test("the wrap estimate breaks at spaces and after dashes", () => {
    expect(wrappedLines("Utfall jan–aug 2025", 11)).toBe(2);
    expect(wrappedLines("kort", 10)).toBe(1);
    expect(wrappedLines("a\nb", 10)).toBe(2);
    expect(wrappedLines("ett två tre fyra fem sex", 8)).toBe(3);
    expect(wrappedLines("ett två tre fyra fem sex", 6)).toBe(6);
  });
});

describe("Körlogg: the fingerprint and the import's columns stay outside the print area", () => {
  test("a row of a log written before 0.3 (fingerprint sixth) is read in today's order", () => {
    const fp = "ab".repeat(32);
    const old = ["2026-04-30T08:00:00Z", "Beräkna allt", "0.2.0", "2026-04-30", "tkr", fp, -1000, 2000, 1500, "Över taket", 2];
    expect(logRowInOrder(old)).toEqual([...old.slice(0, 5), -1000, 2000, 1500, "Över taket", 2, fp]);
    const current = logRowInOrder(old);
    expect(logRowInOrder(current)).toEqual(current);
    expect(LOG_HEADERS.slice(LOG.fingerprint)).toEqual(["Indatafingeravtryck", "Fil", "SHA-256", "År"]);
  });
});

describe("the pane's amounts in tkr", () => {
  test("rounded half away from zero on the digits", () => {
    expect(formatAmount("-1367776.07", "tkr", "sv")).toBe("-1\u00a0368");
    expect(formatAmount("1499.99", "tkr", "sv")).toBe("1");
    expect(formatAmount("1500.00", "tkr", "sv")).toBe("2");
    expect(formatAmount("-499.99", "tkr", "en")).toBe("0");
    expect(formatAmount("8886000", "tkr", "en")).toBe("8,886");
    expect(formatAmount("-1367776.07", "kr", "sv")).toBe("-1\u00a0367\u00a0776,07");
  });
});

describe("the in-memory Excel refuses what Excel refuses in page layout and formats", () => {
  async function withSheet(f: (ws: Excel.Worksheet) => void): Promise<unknown> {
    const excel = mockExcelOf(exampleWorkbook());
    try {
      await runOf(excel)(async (ctx) => {
        f((ctx as unknown as Excel.RequestContext).workbook.worksheets.getItem("Budget"));
        await ctx.sync();
      });
      return null;
    } catch (e) {
      return (e as { code?: string }).code ?? e;
    }
  }

  test("a page header over 255 characters", async () => {
    expect(await withSheet((ws) => (ws.pageLayout.headersFooters.defaultForAllPages.centerHeader = "x".repeat(256)))).toBe(
      "InvalidArgument",
    );
    expect(await withSheet((ws) => (ws.pageLayout.headersFooters.defaultForAllPages.centerHeader = "x".repeat(255)))).toBeNull();
  });

  test("print titles that are not whole rows or columns", async () => {
    expect(await withSheet((ws) => ws.pageLayout.setPrintTitleRows("A1:C1"))).toBe("InvalidArgument");
    expect(await withSheet((ws) => ws.pageLayout.setPrintTitleRows("$1:$1"))).toBeNull();
    expect(await withSheet((ws) => ws.pageLayout.setPrintTitleColumns("A1:A9"))).toBe("InvalidArgument");
  });

  test("a zoom scale together with fit to pages, or outside 10–400", async () => {
    expect(await withSheet((ws) => (ws.pageLayout.zoom = { scale: 80, horizontalFitToPages: 1 }))).toBe("InvalidArgument");
    expect(await withSheet((ws) => (ws.pageLayout.zoom = { scale: 5 }))).toBe("InvalidArgument");
    expect(await withSheet((ws) => (ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 }))).toBeNull();
  });

  test("merging cells of a table, and a row height over 409 points", async () => {
    expect(await withSheet((ws) => ws.getRange("A1:B2").merge(false))).toBe("InvalidOperation");
    expect(await withSheet((ws) => (ws.getRange("20:20").format.rowHeight = 410))).toBe("InvalidArgument");
  });

  test("a conditional format or a page break on a protected sheet", async () => {
    const protectedFirst = (f: (ws: Excel.Worksheet) => void) =>
      withSheet((ws) => {
        ws.protection.protect();
        f(ws);
      });
    expect(await protectedFirst((ws) => ws.getRange("A1").conditionalFormats.add("CellValue" as Excel.ConditionalFormatType))).toBe(
      "AccessDenied",
    );
    expect(await protectedFirst((ws) => (ws.getRange("A1").format.fill.color = "#FFC7CE"))).toBe("AccessDenied");
  });
});

describe("moving a kept comment to the Prognos table, when the user asks (Office.js)", () => {
  const typed = "Vikarie under föräldraledighet från oktober";

  /** Types a comment in the mock's Tertialrapport, in the Kommentar cell of a line, as a user would. */
  function typeInReport(excel: ReturnType<typeof mockExcelOf>, line: string, comment: string): void {
    const ws = excel.workbook.sheet(OWNED_SHEETS.tertial)!;
    for (let r = 0; r < 200; r++) {
      if (ws.get(r, 9)?.v === line) {
        ws.cell(r, 8).v = comment;
        return;
      }
    }
    throw new Error(`no row for ${line}`);
  }

  const prognosRows = (excel: ReturnType<typeof mockExcelOf>) => {
    const t = excel.workbook.tables.find((x) => x.name === "Prognos")!;
    const rows: unknown[][] = [];
    for (let r = t.rect.top + 1; r <= t.rect.bottom; r++) {
      const row: unknown[] = [];
      for (let c = t.rect.left; c <= t.rect.right; c++) row.push(t.sheet.get(r, c)?.v ?? "");
      rows.push(row);
    }
    return rows;
  };

  test.each([
    ["personalkostnader", "a line without a Prognos row gets one, with the method the report used"],
    ["ovriga_externa_kostnader", "a line with a Prognos row gets the comment in its Kommentar cell"],
  ])("%s: %s; the next run has it from the inputs and the same forecast", async (line) => {
    const excel = mockExcelOf(exampleWorkbook());
    const env = { run: runOf(excel), now: FIXED_NOW };
    const first = await recalcAction(env, null);
    const forecastOf = (r: ActionResult) =>
      (r.json!.tertialReport as { lines: Array<{ id: string; forecast: string; comment?: string }> }).lines.find((l) => l.id === line)!;
    typeInReport(excel, line, typed);
    const second = await recalcAction(env, null);
    const warning = second.warnings.find((w) => w.code === "report_comment_kept")!;
    expect(warning.params).toMatchObject({ id: line, text: typed });
    const before = prognosRows(excel);
    const moved = await moveCommentAction(env, {
      line: line as never,
      method: (warning.params as { method: string }).method as never,
      text: typed,
    });
    expect(moved).toMatchObject({ ok: true, status: "comment_moved" });
    const after = prognosRows(excel);
    const row = after.find((r) => r[0] === line)!;
    expect(row[3]).toBe(typed);
    // Only that cell (or that new row) changed in the Prognos table.
    const others = (rows: unknown[][]) => rows.filter((r) => r[0] !== line);
    expect(others(after)).toEqual(others(before));
    if (!before.some((r) => r[0] === line)) expect(row[1]).toBe("linjär");
    const third = await recalcAction(env, null);
    expect(third.warnings.some((w) => w.code === "report_comment_kept")).toBe(false);
    expect(forecastOf(third).comment).toBe(typed);
    expect(forecastOf(third).forecast).toBe(forecastOf(first).forecast);
  });

  test("without a Prognos table nothing is written and the pane says why", async () => {
    const wb = exampleWorkbook();
    wb.removeWorksheet(wb.getWorksheet("Prognos")!.id);
    const excel = mockExcelOf(wb);
    const r = await moveCommentAction({ run: runOf(excel) }, { line: "personalkostnader", method: "linjar", text: typed });
    expect(r).toMatchObject({ ok: false, status: "comment_not_moved", errors: [{ code: "missing_table" }] });
  });
});
