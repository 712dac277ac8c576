/**
 * Every filled cell of an input sheet is read or reported: a note or a control sum beside an input table, rows far
 * below it, a cell under a sheet table's column without a header are read by nothing, so the run names them
 * (`cells_outside_tables`, one warning per sheet) — through both adapters, and in Kontroller's list of warnings. The
 * figures are those without them. A note typed after the run changes only that list, and Verifiera says so
 * (`verify_warnings_differ`) instead of saying that results were changed.
 */
import { OUTPUTS } from "../src/core/compute";
import { Issue, messageText } from "../src/core/messages";
import { recalcAction } from "../src/excel/actions";
import { exampleSheets, templateSheets } from "../src/report/example";
import { SheetModel } from "../src/report/sheetModel";
import { WorkbookGrid } from "../src/workbook/grid";
import { readInputs } from "../src/workbook/read";
import { computeFromGrid, recalculate } from "../src/workbook/usecases";
import { inputsMessage, verifyGrid } from "../src/workbook/verify";
import { XlsxPort } from "../src/xlsx/xlsxPort";
import { clone, setCell } from "./helpers/gridEdit";
import { examplePackage, recalcPackage } from "./helpers/package";
import { FIXED_NOW, runOf } from "./helpers/office";
import { MockExcel } from "./officeMock/excel";
import { mockWorkbookOfModels } from "./officeMock/fromModels";
import { MSheet } from "./officeMock/model";

const ALL = new Set(OUTPUTS);

async function gridOf(models: SheetModel[]): Promise<WorkbookGrid> {
  const port = XlsxPort.empty();
  await port.writeSheets(models);
  return XlsxPort.fromBuffer(port.toBuffer()).readGrid();
}

const outside = (warnings: Issue[]) => warnings.filter((w) => w.code === "cells_outside_tables");

describe("cells no input table takes are named, one warning per sheet", () => {
  let example: WorkbookGrid;
  beforeAll(async () => {
    example = await gridOf(exampleSheets());
  });

  test("the example and the template have none: their input sheets hold only their tables", async () => {
    expect(outside(readInputs(example, ALL).warnings)).toEqual([]);
    expect(outside(readInputs(await gridOf(templateSheets()), ALL).warnings)).toEqual([]);
  });

  test("a note and a control sum beside the ledger and a row far below it: four cells in three areas, the figures unchanged", () => {
    const g = clone(example);
    setCell(g, "Huvudbok!H2", "Stämt av mot banken");
    setCell(g, "Huvudbok!H3", 123);
    setCell(g, "Huvudbok!I4", { date: "2026-05-01" });
    setCell(g, "Huvudbok!A701", "långt under tabellen");
    const r = readInputs(g, ALL);
    expect(r.errors).toEqual([]);
    expect(outside(r.warnings)).toEqual([
      { code: "cells_outside_tables", params: { sheet: "Huvudbok", count: 4, ranges: "H2:H3, I4, A701", more: 0 }, cell: "Huvudbok!H2" },
    ]);
    expect(messageText(outside(r.warnings)[0], "sv")).toBe(
      "4 ifyllda celler på Huvudbok ligger utanför indatatabellerna och läses inte: H2:H3, I4, A701. " +
        "Hör de till en tabell, utöka den; är de egna anteckningar får de stå kvar.",
    );
    // Not read: the same figures as without them (the JSON without that warning).
    const json = (grid: WorkbookGrid) => {
      const j = computeFromGrid(grid, { outputs: ALL, version: "t", now: FIXED_NOW }).json as { warnings: Array<{ code: string }> };
      return { ...j, warnings: j.warnings.filter((w) => w.code !== "cells_outside_tables") };
    };
    expect(json(g)).toEqual(json(example));
  });

  test("a block of notes is one area; more than five areas are counted; each input sheet has its own warning", () => {
    const g = clone(example);
    for (const ref of ["K5", "L5", "K6", "L6"]) setCell(g, `Huvudbok!${ref}`, "x");
    for (let i = 0; i < 6; i++) setCell(g, `Huvudbok!N${10 + 2 * i}`, i);
    setCell(g, "Kontoplan!F3", "egen");
    const w = outside(readInputs(g, ALL).warnings);
    // In the contract's order of the tables: Kontoplan before Huvudbok.
    expect(w.map((x) => [x.cell, x.params])).toEqual([
      ["Kontoplan!F3", { sheet: "Kontoplan", count: 1, ranges: "F3", more: 0 }],
      ["Huvudbok!K5", { sheet: "Huvudbok", count: 10, ranges: "K5:L6, N10, N12, N14, N16", more: 2 }],
    ]);
    expect(
      messageText(
        w.find((x) => x.cell === "Huvudbok!K5")!,
        "sv",
      ),
    ).toContain("N16 och 2 områden till.");
    expect(
      messageText(
        w.find((x) => x.cell === "Kontoplan!F3")!,
        "en",
      ),
    ).toBe(
      "One filled cell on Kontoplan lies outside the input tables and is not read: F3. If they belong to a table, extend it; " +
        "notes of your own may stay.",
    );
  });

  test("a note in column XFD, far to the right, is found in its sparse row", () => {
    const g = clone(example);
    setCell(g, "Huvudbok!XFD7", "längst till höger");
    expect(outside(readInputs(g, ALL).warnings).map((w) => w.params)).toEqual([{ sheet: "Huvudbok", count: 1, ranges: "XFD7", more: 0 }]);
  });

  test("rows typed right under a table are refused as rows_below_table, not named twice", () => {
    const g = clone(example);
    const last = g.tables.find((t) => t.name === "Kontoplan")!;
    const row = last.top + last.rows.length + 1;
    setCell(g, `Kontoplan!A${row}`, 9999);
    const r = readInputs(g, ALL);
    expect(r.errors.map((e) => e.code)).toContain("rows_below_table");
    expect(outside(r.warnings)).toEqual([]);
  });

  test("a sheet without an Excel table: a column with a header of its own is the person's; a cell under no header is named", () => {
    const g = clone(example);
    g.tables = g.tables.filter((t) => t.name !== "Kontoplan");
    const sheet = g.sheets.find((s) => s.name === "Kontoplan")!;
    const width = sheet.rows[0].length;
    sheet.rows[0][width] = "Egen kolumn";
    sheet.rows[1][width] = "läses inte men har en rubrik";
    sheet.rows[2][width + 2] = "ingen rubrik";
    const r = readInputs(g, ALL);
    expect(r.errors).toEqual([]);
    const col = String.fromCharCode(65 + width + 2);
    expect(outside(r.warnings).map((w) => [w.cell, w.params.ranges])).toEqual([[`Kontoplan!${col}3`, `${col}3`]]);
  });
});

describe("through both adapters, and in Kontroller", () => {
  test("Office.js: a note beside the ledger gives the same warning at its cell", async () => {
    const excel = new MockExcel(mockWorkbookOfModels(exampleSheets()));
    (excel.workbook.sheet("Huvudbok") as MSheet).cell(1, 7).v = "Min anteckning";
    const r = await recalcAction({ run: runOf(excel), now: FIXED_NOW }, null);
    expect(outside(r.warnings)).toEqual([
      { code: "cells_outside_tables", params: { sheet: "Huvudbok", count: 1, ranges: "H2", more: 0 }, cell: "Huvudbok!H2" },
    ]);
  });

  test(".xlsx: the warning is in Kontroller's list of warnings, which the auditor reads", async () => {
    const models = exampleSheets();
    const hb = models.find((m) => m.name === "Huvudbok")!;
    hb.rows[1][7] = { value: "Min anteckning" };
    const port = XlsxPort.empty();
    await port.writeSheets(models);
    const outcome = await recalculate(XlsxPort.fromBuffer(port.toBuffer()), { outputs: ALL, version: "t", now: FIXED_NOW });
    expect(outcome.errors).toEqual([]);
    const text = messageText(outside(outcome.warnings)[0], "sv");
    const kontroller = outcome.sheets!.find((s) => s.name === "Kontroller")!;
    expect(kontroller.rows.map((r) => String(r[0]?.value ?? ""))).toContainEqual(expect.stringContaining(text));
  });
});

describe("Verifiera after a note is typed beside a table", () => {
  test("says the results agree and only the warnings list differs, not that results were changed", async () => {
    const { output } = await recalcPackage(await examplePackage());
    const grid = await XlsxPort.fromBuffer(output!).readGrid();
    const hb = grid.sheets.find((s) => s.name === "Huvudbok")!;
    hb.rows[1] = [...hb.rows[1], null, null, null, "anteckning efter beräkningen"];
    const v = verifyGrid(grid, { version: "test", now: FIXED_NOW });
    expect(v.changedTables).toEqual([]);
    expect(v.differences.length).toBeGreaterThan(0);
    expect(v.differences.every((d) => d.runRecord && d.cell.startsWith("Kontroller!"))).toBe(true);
    expect(inputsMessage(v)).toEqual({ code: "verify_warnings_differ", params: { count: v.differences.length }, cell: "" });
  });

  test("a result cell changed by hand is still said as a changed result", async () => {
    const { output } = await recalcPackage(await examplePackage());
    const grid = await XlsxPort.fromBuffer(output!).readGrid();
    const hb = grid.sheets.find((s) => s.name === "Huvudbok")!;
    hb.rows[1] = [...hb.rows[1], null, null, null, "anteckning efter beräkningen"];
    const shares = grid.sheets.find((s) => s.name === "Medlemsandelar")!;
    const r = shares.rows.findIndex((row) => row.some((c) => c === 4443000));
    const c = shares.rows[r].indexOf(4443000);
    shares.rows[r] = [...shares.rows[r]];
    shares.rows[r][c] = 4444000;
    const v = verifyGrid(grid, { version: "test", now: FIXED_NOW });
    expect(v.differences.some((d) => !d.runRecord && d.cell.startsWith("Medlemsandelar!"))).toBe(true);
    expect(inputsMessage(v).code).toBe("verify_inputs_same");
  });
});
