/**
 * The RichApi host (test/richApi): Microsoft's library in front of the in-memory Excel. These tests show that the
 * protocol is answered as the library reads it, that the host refuses what Excel refuses, and — the point of it —
 * that a mistake only the real library or Excel catches fails a test: a property read without load, a member that
 * does not exist, an argument of the wrong type.
 */
import { OfficePort } from "../src/excel/officePort";
import { exampleWorkbook, mockExcelOf } from "./helpers/office";
import { MockExcel } from "./officeMock/excel";
import { MWorkbook } from "./officeMock/model";
import { officeLibrary, setOfficeBridge } from "./helpers/officeLibrary";
import { RichApiHost } from "./richApi/host";
import { hostContext, libraryRun } from "./richApi/run";

function twoSheets(): MockExcel {
  const excel = new MockExcel(new MWorkbook());
  const a = excel.workbook.addSheet("A");
  excel.workbook.addSheet("B");
  a.cell(0, 0).v = 42;
  a.cell(1, 0).v = "text";
  return excel;
}

/** Runs `batch` on the library over `excel`; resolves to the error code it failed with, or null. */
async function codeOf(excel: MockExcel, batch: (ctx: Excel.RequestContext) => Promise<void>): Promise<string | null> {
  try {
    await libraryRun(excel)(batch);
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

describe("the protocol, as Microsoft's library reads it", () => {
  test("the adapter's whole read of the example runs on the library: every sheet and table, in its round trips", async () => {
    const excel = mockExcelOf(exampleWorkbook());
    const host = new RichApiHost(excel);
    const grid = await libraryRun(excel, host)((ctx) => new OfficePort(ctx).readGrid());
    expect(grid.tables.map((t) => t.name)).toEqual(expect.arrayContaining(["Huvudbok", "Budget", "Medlemmar", "Installningar"]));
    const huvudbok = grid.tables.find((t) => t.name === "Huvudbok")!;
    expect(huvudbok.rows.length).toBeGreaterThan(10);
    expect(grid.date1904).toBe(false);
    // Names, sizes, then values: three requests for a workbook this small, measured as the real JSON bodies.
    expect(host.log.requests).toHaveLength(3);
    expect(excel.stats.requestBytes).toEqual(host.log.requests);
    expect(excel.stats.responseBytes).toEqual(host.log.responses);
    expect(Math.max(...host.log.responses)).toBeGreaterThan(10_000);
  });

  test("a null object, a collection, a navigation path and a method's result come back where the library puts them", async () => {
    const excel = twoSheets();
    excel.workbook.sheet("A")!.hiddenRows.add(1);
    await libraryRun(excel)(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Saknas").load("name");
      const sheets = ctx.workbook.worksheets.load("items/name");
      const range = ctx.workbook.worksheets.getItem("A").getRange("A1:A2").load("values,valueTypes,address");
      const rows = range.getRowProperties({ rowIndex: true, rowHidden: true });
      const used = ctx.workbook.worksheets.getItem("B").getUsedRangeOrNullObject(true).load("rowCount");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(sheets.items.map((s) => s.name)).toEqual(["A", "B"]);
      expect(range.values).toEqual([[42], ["text"]]);
      expect(range.valueTypes).toEqual([["Double"], ["String"]]);
      expect(range.address).toBe("A!A1:A2");
      expect(rows.value).toEqual([
        { rowIndex: 0, rowHidden: false },
        { rowIndex: 1, rowHidden: true },
      ]);
      expect(used.isNullObject).toBe(true);
      // Items of a loaded collection are addressed by position in the next request (GetItemAt).
      const b = sheets.items[1].getRange("C3");
      b.values = [[7]];
      await ctx.sync();
    });
    expect(excel.workbook.sheet("B")!.get(2, 2)?.v).toBe(7);
  });

  test("a failing action: those before it stay applied, those after it do not, and the library names the statement", async () => {
    const excel = twoSheets();
    let error: OfficeExtension.Error | undefined;
    await libraryRun(excel)(async (ctx) => {
      const a = ctx.workbook.worksheets.getItem("A");
      a.getRange("B1").values = [[1]];
      ctx.workbook.worksheets.getItem("Saknas").getRange("A1").values = [[2]];
      a.getRange("B2").values = [[3]];
      await ctx.sync().catch((e: OfficeExtension.Error) => void (error = e));
    });
    expect(error?.code).toBe("ItemNotFound");
    // The library's own pretty printer, from the ActionIndex the host answered.
    expect(error?.debugInfo.statement).toMatch(/= worksheets\.getItem\(/);
    const a = excel.workbook.sheet("A")!;
    expect([a.get(0, 1)?.v, a.get(1, 1)?.v]).toEqual([1, undefined]);
  });

  test("a request over the payload limit is refused by its real size, and nothing of it is applied", async () => {
    const excel = twoSheets();
    excel.payloadLimit = 20_000;
    const values = Array.from({ length: 1000 }, (_, i) => [`rad ${i} med lite text`]);
    expect(
      await codeOf(excel, async (ctx) => {
        ctx.workbook.worksheets.getItem("A").getRange("C1:C1000").values = values;
        await ctx.sync();
      }),
    ).toBe("RequestPayloadSizeLimitExceeded");
    expect(excel.workbook.sheet("A")!.get(0, 2)).toBeUndefined();
    expect(excel.stats.requestBytes[0]).toBeGreaterThan(20_000);
  });
});

describe("mistakes only the real library or Excel catches fail a test", () => {
  test("reading a property that was not loaded: PropertyNotLoaded, from the library itself", async () => {
    const excel = twoSheets();
    const run = libraryRun(excel);
    await expect(
      run(async (ctx) => {
        const sheets = ctx.workbook.worksheets.load("items/visibility");
        await ctx.sync();
        return sheets.items.map((s) => s.name); // loaded visibility, read name
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  test("calling a member that does not exist: a misspelling fails in the library, an unmodelled one in the host", async () => {
    const excel = twoSheets();
    expect(
      await codeOf(excel, async (ctx) => {
        (ctx.workbook.worksheets.getItem("A") as unknown as { getRangee(a: string): void }).getRangee("A1");
        await ctx.sync();
      }),
    ).toMatch(/TypeError|getRangee is not a function/);
    // Microsoft's library has Range.insert; the in-memory Excel does not model it, and says so as Excel would.
    expect(
      await codeOf(excel, async (ctx) => {
        ctx.workbook.worksheets
          .getItem("A")
          .getRange("A1")
          .insert("Down" as Excel.InsertShiftDirection);
        await ctx.sync();
      }),
    ).toBe("ApiNotFound");
  });

  test("an argument of the wrong type: InvalidArgument, as Excel answers it", async () => {
    const cases: Array<[string, (ctx: Excel.RequestContext) => void]> = [
      ["an address as a number", (ctx) => ctx.workbook.worksheets.getItem("A").getRange(5 as never)],
      ["values that are not a 2-D array", (ctx) => (ctx.workbook.worksheets.getItem("A").getRange("A1").values = "x" as never)],
      ["a cell that is an object", (ctx) => (ctx.workbook.worksheets.getItem("A").getRange("A1").values = [[{ v: 1 }]] as never)],
      ["a row count as text", (ctx) => ctx.workbook.worksheets.getItem("A").freezePanes.freezeRows("2" as never)],
      ["a bold that is a string", (ctx) => (ctx.workbook.worksheets.getItem("A").getRange("A1").format.font.bold = "true" as never)],
    ];
    for (const [name, mistake] of cases) {
      const excel = twoSheets();
      const before = excel.workbook.snapshot();
      const code = await codeOf(excel, async (ctx) => {
        mistake(ctx);
        await ctx.sync();
      });
      expect({ name, code }).toEqual({ name, code: "InvalidArgument" });
      expect(excel.workbook.snapshot()).toBe(before);
    }
  });
});

describe("what Excel's documentation says, the host does", () => {
  test("the last visible sheet and a very hidden sheet cannot be deleted (InvalidOperation)", async () => {
    const excel = twoSheets();
    excel.workbook.sheet("B")!.visibility = "VeryHidden";
    const remove = (name: string) => async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem(name).delete();
      await ctx.sync();
    };
    expect(await codeOf(excel, remove("B"))).toBe("InvalidOperation");
    expect(await codeOf(excel, remove("A"))).toBe("InvalidOperation");
    expect(
      await codeOf(excel, async (ctx) => {
        ctx.workbook.worksheets.getItem("A").visibility = "Hidden" as Excel.SheetVisibility;
        await ctx.sync();
      }),
    ).toBe("InvalidOperation");
    excel.workbook.sheet("B")!.visibility = "Visible";
    expect(await codeOf(excel, remove("B"))).toBeNull();
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["A"]);
  });

  test("a chart series over empty cells is EmptyChartSeries", async () => {
    const excel = twoSheets();
    const code = await codeOf(excel, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("A");
      const chart = ws.charts.add("ColumnClustered" as Excel.ChartType, ws.getRange("A1:A2"), "Columns" as Excel.ChartSeriesBy);
      chart.series.add("Tom").setValues(ws.getRange("D1:D5"));
      await ctx.sync();
    });
    expect(code).toBe("EmptyChartSeries");
  });

  test("row 1 048 577 and column XFE are InvalidArgument", async () => {
    for (const address of ["A1048577", "XFE1"]) {
      const code = await codeOf(twoSheets(), async (ctx) => {
        ctx.workbook.worksheets.getItem("A").getRange(address).values = [[1]];
        await ctx.sync();
      });
      expect({ address, code }).toEqual({ address, code: "InvalidArgument" });
    }
  });

  test("a context of its own talks to the same workbook (one host, many runs)", async () => {
    const excel = twoSheets();
    const host = new RichApiHost(excel);
    const ctx = hostContext(host);
    const r = ctx.workbook.worksheets.getItem("A").getRange("A1").load("values");
    await ctx.sync();
    expect(r.values).toEqual([[42]]);
    expect(host.log.requests).toHaveLength(1);
  });

  test("Excel.createWorkbook goes the office.js way (a context the library makes itself) and refuses what is not an .xlsx", async () => {
    const { Excel: X } = officeLibrary();
    const excel = twoSheets();
    const host = new RichApiHost(excel);
    setOfficeBridge(host);
    const codeOfCreate = (base64: string) =>
      X.createWorkbook(base64).then(
        () => null,
        (e: { code?: string }) => e.code ?? String(e),
      );
    // Not Base64, and Base64 of a text: InvalidArgument, nothing opened.
    expect(await codeOfCreate("ceci n'est pas un classeur")).toBe("InvalidArgument");
    expect(await codeOfCreate(Buffer.from("<html>not a workbook</html>").toString("base64"))).toBe("InvalidArgument");
    expect(excel.createdWorkbooks).toEqual([]);
    // A zip: opened, as given.
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(40)]);
    expect(await codeOfCreate(zip.toString("base64"))).toBeNull();
    expect(excel.createdWorkbooks.map((w) => Buffer.from(w.bytes).equals(zip))).toEqual([true]);
    // Each call was one request to the host, none through an Excel.run of ours.
    expect(host.log.requests).toHaveLength(3);
    expect(excel.runs).toBe(0);
    setOfficeBridge(undefined);
  });
});
