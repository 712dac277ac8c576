/**
 * Every XML part we write validates against the ISO/IEC 29500-4 transitional schemas (and the
 * packaging schemas), and passes the cross-part rules that schemas cannot express: for the demo,
 * a re-run over existing results, the template, and runs over workbooks first written by
 * LibreOffice and by ExcelJS (there, the parts our run wrote or changed).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { templateSheets } from "../src/report/example";
import { XlsxPort } from "../src/xlsx/xlsxPort";
import { bufferOf } from "./helpers/exceljs";
import { convert, describeWithLibreOffice } from "./helpers/libreoffice";
import { exampleWorkbook } from "./helpers/office";
import { crossPartProblems } from "./helpers/ooxmlChecks";
import { editParts, examplePackage, recalcPackage } from "./helpers/package";
import { describeWithSchemas, validateParts, writtenParts } from "./helpers/schema";

function expectValid(buf: Buffer, only?: Set<string>, minimum = 1): void {
  const r = validateParts(buf, only ? (p) => only.has(p) : undefined);
  expect(r.errors).toEqual([]);
  expect(r.validated.length).toBeGreaterThanOrEqual(minimum);
  expect(crossPartProblems(buf)).toEqual([]);
}

describeWithSchemas("schema validation of what we write", () => {
  test("the demo output: every part, against the schemas", async () => {
    const { output } = await recalcPackage(await examplePackage());
    const r = validateParts(output!);
    expect(r.errors).toEqual([]);
    expect(r.validated.filter((p) => p.startsWith("xl/worksheets/sheet")).length).toBe(14);
    for (const p of ["xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml", "docProps/app.xml", "docProps/core.xml", "_rels/.rels"])
      expect(r.validated).toContain(p);
    expect(r.validated.filter((p) => p.startsWith("xl/tables/")).length).toBeGreaterThan(8);
    // The charts (issue 16): two drawings (Tertialrapport, Eget kapital) with one chart each, with their relationships.
    expect(r.validated.filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p)).length).toBe(2);
    expect(r.validated.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).length).toBe(2);
    expect(r.validated.filter((p) => /^xl\/drawings\/_rels\//.test(p)).length).toBe(2);
    expect(crossPartProblems(output!)).toEqual([]);
  });

  test("a re-run over existing results", async () => {
    const once = (await recalcPackage(await examplePackage())).output!;
    const twice = (await recalcPackage(once)).output!;
    expectValid(twice, undefined, 30);
  });

  test("the template", async () => {
    const port = XlsxPort.empty();
    await port.writeSheets(templateSheets());
    expectValid(port.toBuffer(), undefined, 10);
  });

  test("a workbook first written by ExcelJS: the parts our run wrote", async () => {
    const input = await bufferOf(exampleWorkbook());
    const { output } = await recalcPackage(input);
    const written = writtenParts(input, output!);
    expect(written.has("xl/workbook.xml")).toBe(true);
    expectValid(output!, written, 10);
  });

  test("the validator is not lenient: a misplaced element and a bad attribute are reported with the part", async () => {
    const { output } = await recalcPackage(await examplePackage());
    const broken = editParts(output!, [
      ["xl/workbook.xml", (xml) => xml.replace("<sheets>", '<sheets><calcPr fullCalcOnLoad="1"/>')],
      [/^xl\/tables\/table1\.xml$/, (xml) => xml.replace('totalsRowShown="0"', 'totalsRowShown="maybe"')],
    ]);
    const r = validateParts(broken);
    expect(r.errors.some((e) => e.includes("xl/workbook.xml"))).toBe(true);
    expect(r.errors.some((e) => e.includes("xl/tables/table1.xml"))).toBe(true);
  });
});

describeWithLibreOffice("schema validation over a workbook LibreOffice wrote", () => {
  describeWithSchemas("after LibreOffice", () => {
    test("the parts our run wrote validate", async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "finsam-lo-xsd-"));
      writeFileSync(path.join(dir, "exempel.xlsx"), await examplePackage());
      // Through ODS and back, so that every part of the input is LibreOffice's own.
      const ods = convert(path.join(dir, "exempel.xlsx"), "ods", dir);
      const back = convert(ods, "xlsx", path.join(dir, "lo"));
      const input = readFileSync(back);
      const { outcome, output } = await recalcPackage(input);
      expect(outcome.errors).toEqual([]);
      expectValid(output!, writtenParts(input, output!), 10);
    });
  });
});
