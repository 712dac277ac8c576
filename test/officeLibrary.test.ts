/**
 * The Office.js adapter on Microsoft's own client library (issue 23, first part): the writer runs unchanged on
 * the real proxies and request serializer from `@microsoft/office-js` (test/helpers/officeLibrary.ts), so every
 * member it calls exists there, and what a request weighs is the library's real request body, not our estimate.
 * A read before load + sync fails in the real library as it does in Excel. (The reads need a RichApi host over
 * the in-memory Excel, not built yet: they still run on test/officeMock only.)
 */
import { DEFAULT_PAYLOAD_BUDGET } from "../src/excel/officePort";
import { unitsOf, writeModels } from "../src/excel/officeWrite";
import { jsonBytes } from "../src/excel/writeUnits";
import { OWNED_SHEET_NAMES } from "../src/report/sheets";
import { exampleResult } from "./helpers/exampleResult";
import { officeLibrary, recordingContext } from "./helpers/officeLibrary";

describe("the writer on Microsoft's library", () => {
  test.each([
    ["the default budget (4 MB)", DEFAULT_PAYLOAD_BUDGET],
    ["a small budget (64 KB), many requests", 64 * 1024],
  ])("every result sheet of the example is written with %s; each real request stays within it", async (_name, budget) => {
    const { grid, sheets } = await exampleResult();
    const { context, requests } = recordingContext();
    const state = { sheets: grid.sheets.map((s) => s.name), tables: [], owned: new Map(), calculationMode: "Automatic" };
    await writeModels(context, state, sheets, budget, (name) => OWNED_SHEET_NAMES.has(name));
    expect(requests.length).toBeGreaterThanOrEqual(2);
    const sizes = requests.map((r) => Buffer.byteLength(r, "utf8"));
    // The real body of every request, measured: within the budget the splitter packed for.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(budget);
    // Every request is the library's RichApi JSON: actions on object paths.
    for (const r of requests) expect(Object.keys(JSON.parse(r) as object).sort()).toEqual(["Actions", "ObjectPaths"]);
    if (process.env.OFFICE_BYTES) console.log(`${requests.length} requests, real bytes ${sizes.join(", ")}`);
  });
});

test("every unit's size estimate is at least its real request on Microsoft's serializer (the splitter's measure)", async () => {
  const { sheets } = await exampleResult();
  const short: string[] = [];
  let units = 0;
  for (const m of sheets)
    for (const u of unitsOf(m, OWNED_SHEET_NAMES.has(m.name), false, 64 * 1024)) {
      const { context, requests } = recordingContext();
      u.queue(context);
      await context.sync();
      units++;
      const real = Buffer.byteLength(requests[0] ?? "", "utf8");
      if (real > u.bytes) short.push(`${m.name}: estimated ${u.bytes}, real ${real}`);
    }
  expect(units).toBeGreaterThan(30);
  expect(short).toEqual([]);
});

describe("mistakes only the real library catches", () => {
  test("a property read before load and sync fails with PropertyNotLoaded", async () => {
    const { context } = recordingContext();
    const range = context.workbook.worksheets.getItem("Blad1").getRange("A1:B2");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    range.load("rowCount");
    await context.sync();
    // Loaded something else: still not values.
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });

  test("a member the library does not have is not there (a misspelt method fails at once)", () => {
    const { context } = recordingContext();
    const ws = context.workbook.worksheets.getItem("Blad1") as unknown as Record<string, unknown>;
    expect(typeof ws.getRange).toBe("function");
    expect(ws.getRangee).toBeUndefined();
    expect(() => (ws.getRangee as () => void)()).toThrow(TypeError);
  });

  test("the library is Microsoft's, from node_modules", () => {
    const { Excel: X } = officeLibrary();
    expect(typeof X.RequestContext).toBe("function");
    expect(typeof X.run).toBe("function");
  });
});

test("the request size measure counts UTF-8 bytes as Node does", () => {
  for (const v of [
    ["Älvdalen", "1\u00a0368"],
    { s: "€ 😀 å" },
    [
      [1, "x"],
      [null, true],
    ],
  ])
    expect(jsonBytes(v)).toBe(Buffer.byteLength(JSON.stringify(v), "utf8"));
});
