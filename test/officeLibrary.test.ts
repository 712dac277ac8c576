/**
 * The Office.js adapter on Microsoft's own client library (issue 23, first part): the writer runs unchanged on
 * the real proxies and request serializer from `@microsoft/office-js` (test/helpers/officeLibrary.ts), so every
 * member it calls exists there, and what a request weighs is the library's real request body, not our estimate.
 * A read before load + sync fails in the real library as it does in Excel. (Reads and whole runs on the library go
 * through the RichApi host over the in-memory Excel, test/richApi; this file weighs requests with a recorder.)
 */
import { DEFAULT_PAYLOAD_BUDGET } from "../src/excel/officePort";
import { unitsOf, writeModels } from "../src/excel/officeWrite";
import { cellSetBytes, editUnits, jsonBytes, OP_BYTES, Unit, unitEnvelope } from "../src/excel/writeUnits";
import { FORMATS, SheetModel, TableEdit } from "../src/report/sheetModel";
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

/**
 * The real request of one unit, queued alone on Microsoft's library, late in a long run: object ids of seven digits
 * (a 100 000-row import takes about a million).
 */
async function realBytes(unit: Unit): Promise<number> {
  const { context, requests } = recordingContext({ firstId: 1_000_000 });
  unit.queue(context);
  await context.sync();
  return Buffer.byteLength(requests[0] ?? "", "utf8");
}

/** A result-like sheet of `rows` rows × 8 columns of numbers and texts (bands over 1 500 cells: the library chunks them). */
function bigModel(rows: number): SheetModel {
  const body = Array.from({ length: rows }, (_, r) => [
    { value: `Konto ${r}` },
    ...Array.from({ length: 7 }, (_, c) => ({ value: r * 7 + c + 0.25, format: FORMATS.ore })),
  ]);
  return { name: "Stor", rows: body, tables: [], columnWidths: [12, 10, 10, 10, 10, 10, 10, 10], freezeRows: 1 };
}

test.each([
  ["40 000 bytes", 40_000],
  ["64 KB", 64 * 1024],
  ["4 MB", DEFAULT_PAYLOAD_BUDGET],
])("every unit's size estimate is at least its real request on Microsoft's serializer, with a budget of %s", async (_n, budget) => {
  const { sheets } = await exampleResult();
  const short: string[] = [];
  let units = 0;
  for (const m of [...sheets, bigModel(30_000)])
    for (const u of unitsOf(m, OWNED_SHEET_NAMES.has(m.name), false, budget)) {
      units++;
      const real = await realBytes(u);
      if (real > u.bytes) short.push(`${m.name}: estimated ${u.bytes}, real ${real}`);
    }
  expect(units).toBeGreaterThan(15);
  expect(short).toEqual([]);
});

test("an import's units (column runs, appended rows with dates) are estimated at least at their real size", async () => {
  const rows = 20_000;
  const edit: TableEdit = {
    sheet: "Huvudbok",
    table: "Huvudbok",
    left: 0,
    width: 4,
    lastRow: 10,
    changes: Array.from({ length: 5_000 }, (_, i) => ({
      row: i + 1,
      cells: [{ value: 1000 + i }, undefined, { value: "Ändrad text" }, undefined],
    })),
    appended: Array.from({ length: rows }, (_, i) => [
      { value: 46000 + (i % 300), format: FORMATS.date },
      { value: `A${i}` },
      { value: 4010 },
      { value: -i * 3.5 },
    ]),
  };
  const short: string[] = [];
  for (const budget of [64 * 1024, DEFAULT_PAYLOAD_BUDGET])
    for (const u of editUnits(edit, budget)) {
      const real = await realBytes(u);
      if (real > u.bytes) short.push(`estimated ${u.bytes}, real ${real}`);
    }
  expect(short).toEqual([]);
});

test("the library sets more than 1 500 cells in row chunks, and the estimate counts them", async () => {
  const { context, requests } = recordingContext();
  context.workbook.worksheets.getItem("Blad1").getRange("A1:A3000").values = Array.from({ length: 3000 }, () => [1]);
  await context.sync();
  const actions = (JSON.parse(requests[0]) as { Actions: Array<{ Name: string }> }).Actions.map((a) => a.Name);
  expect(actions).toContain("_ValidateArraySize");
  expect(actions.filter((n) => n === "Values")).toHaveLength(2);
  // The sheet's path, one set, and the chunks: at least what the library sent besides the values themselves.
  const overhead = Buffer.byteLength(requests[0]) - jsonBytes(Array.from({ length: 3000 }, () => [1]));
  expect(unitEnvelope("Blad1") + OP_BYTES + cellSetBytes(3000, 1)).toBeGreaterThanOrEqual(overhead);
  expect(cellSetBytes(1500, 1)).toBe(0);
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
