/**
 * What a person typed is never lost (issue 22, point 3). A sheet of their own named like a sheet the run writes,
 * in any letter case, is never replaced: the run refuses, naming it. The SIE import changes only the rows and
 * cells it owns, through both adapters: a note
 * and a formula beside the ledger table, content below it beside its columns, a comment, a hidden row, column
 * widths and cell formats survive — in the .xlsx byte for byte where untouched. Where the import cannot keep
 * something (content below the table in its columns, a shared formula it would overwrite) it refuses, naming
 * the cell, and writes nothing.
 */
import { readFileSync } from "fs";
import path from "path";
import { parseSie } from "../src/core/sie/parse";
import { ActionEnv, recalcAction } from "../src/excel/actions";
import { importSieAction } from "../src/excel/sieActions";
import { exampleSheets, templateSheets } from "../src/report/example";
import { importSie } from "../src/workbook/sieImport";
import { deflateEntry, inflateEntry, readZip, writeZip } from "../src/xlsx/zip";
import { XlsxPort } from "../src/xlsx/xlsxPort";
import { FIXED_NOW, runOf } from "./helpers/office";
import { describeWithSie, SIE_DIR } from "./helpers/shared";
import { MockExcel } from "./officeMock/excel";
import { mockWorkbookOfModels } from "./officeMock/fromModels";
import { MSheet } from "./officeMock/model";

const FILE = "magenta_sie4e.se";
const HB = "xl/worksheets/sheet5.xml";

const partsOf = (buf: Buffer) => new Map(readZip(buf).map((e) => [e.name, inflateEntry(e).toString("utf8")]));
const rawOf = (buf: Buffer) => new Map(readZip(buf).map((e) => [e.name, e.data]));

/** The import's outcome for a workbook, and the port it would write through (nothing written yet). */
async function planImport(input: Buffer, file = FILE) {
  const port = XlsxPort.fromBuffer(input);
  const outcome = importSie(await port.readGrid(), parseSie(readFileSync(path.join(SIE_DIR, file)), file), {
    fileName: file,
    sha256: "x",
    now: "2026-12-02T09:00:00Z",
    version: "t",
  });
  return { port, outcome };
}

async function importInto(input: Buffer, file = FILE) {
  const { port, outcome } = await planImport(input, file);
  if (!outcome.ok) return { outcome, output: null };
  await port.writeSheets(outcome.sheets, outcome.edits);
  return { outcome, output: port.toBuffer() };
}

/** The package with parts edited as text, and parts added. */
function withParts(buf: Buffer, edits: Record<string, (xml: string) => string>, added: Record<string, string> = {}): Buffer {
  const entries = readZip(buf).map((e) => (edits[e.name] ? deflateEntry(e.name, edits[e.name](inflateEntry(e).toString("utf8"))) : e));
  return writeZip([...entries, ...Object.entries(added).map(([n, t]) => deflateEntry(n, t))]);
}

/** The `<c r="ref" …>…</c>` element of a cell in a sheet part. */
function cellXmlOf(xml: string, ref: string): string | undefined {
  const at = xml.indexOf(`<c r="${ref}"`);
  if (at < 0) return undefined;
  const selfClose = xml.indexOf("/>", at);
  const gt = xml.indexOf(">", at);
  return selfClose === gt - 1 ? xml.slice(at, gt + 1) : xml.slice(at, xml.indexOf("</c>", at) + 4);
}

const rowXmlOf = (xml: string, n: number) => /<row [^>]*>/.exec(xml.slice(xml.indexOf(`<row r="${n}"`)))?.[0];

async function template(): Promise<Buffer> {
  const port = XlsxPort.empty();
  await port.writeSheets(templateSheets());
  return port.toBuffer();
}

const COMMENTS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<authors><author>Ekonom</author></authors><commentList><comment ref="H2" authorId="0"><text><t>Stämt av mot banken</t></text>' +
  "</comment></commentList></comments>";

/** A ledger imported once, then given what a person adds by hand around the table. */
async function handEdited(): Promise<{ buf: Buffer; lastRow: number }> {
  const first = await importInto(await template());
  const buf = first.output!;
  const xml = partsOf(buf).get(HB)!;
  const lastRow = Number(/<dimension ref="A1:[A-Z]+(\d+)"/.exec(xml)![1]);
  const below = lastRow + 20;
  const edited = withParts(
    buf,
    {
      [HB]: (x) =>
        x
          // A note and a formula beside the table, a hidden row with its height, a row below the table beside its columns.
          .replace(/(<row r="2"[^>]*>[\s\S]*?)<\/row>/, '$1<c r="H2" t="inlineStr"><is><t>Min anteckning</t></is></c></row>')
          .replace(/(<row r="3"[^>]*>[\s\S]*?)<\/row>/, '$1<c r="H3"><f>SUM(D2:D10)</f><v>123</v></c></row>')
          .replace('<row r="4"', '<row r="4" hidden="1" ht="6" customHeight="1"')
          .replace(
            "</sheetData>",
            `<row r="${below}"><c r="H${below}" t="inlineStr"><is><t>Under, vid sidan</t></is></c></row></sheetData>`,
          )
          .replace("</cols>", '<col min="8" max="8" width="33" customWidth="1"/></cols>')
          .replace("</worksheet>", '<legacyDrawing r:id="rId90"/></worksheet>'),
      "xl/worksheets/_rels/sheet5.xml.rels": (x) =>
        x.replace(
          "</Relationships>",
          '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" ' +
            'Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId91" ' +
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" ' +
            'Target="../comments1.xml"/></Relationships>',
        ),
      "[Content_Types].xml": (x) =>
        x.replace(
          "</Types>",
          '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
            '<Override PartName="/xl/comments1.xml" ' +
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>',
        ),
    },
    { "xl/comments1.xml": COMMENTS, "xl/drawings/vmlDrawing1.vml": '<xml xmlns:v="urn:schemas-microsoft-com:vml"></xml>' },
  );
  return { buf: edited, lastRow };
}

describeWithSie("the SIE import keeps what a person added (.xlsx)", () => {
  test("a note, a formula, a comment, a hidden row, widths and content below beside the table survive byte for byte", async () => {
    const { buf, lastRow } = await handEdited();
    const before = partsOf(buf);
    const again = await importInto(buf);
    expect(again.outcome.errors).toEqual([]);
    const after = partsOf(again.output!);
    const hb = after.get(HB)!;
    const old = before.get(HB)!;
    for (const ref of ["H2", "H3", `H${lastRow + 20}`]) expect([ref, cellXmlOf(hb, ref)]).toEqual([ref, cellXmlOf(old, ref)]);
    expect(rowXmlOf(hb, 4)).toContain('hidden="1" ht="6" customHeight="1"');
    expect(/<cols>[\s\S]*?<\/cols>/.exec(hb)![0]).toBe(/<cols>[\s\S]*?<\/cols>/.exec(old)![0]);
    expect(hb).toContain('<legacyDrawing r:id="rId90"/>');
    // The comment and its drawing are the same parts, byte for byte, and the sheet still points at them.
    const raw = rawOf(again.output!);
    expect(raw.get("xl/comments1.xml")!.equals(rawOf(buf).get("xl/comments1.xml")!)).toBe(true);
    expect(raw.has("xl/drawings/vmlDrawing1.vml")).toBe(true);
    expect(after.get("xl/worksheets/_rels/sheet5.xml.rels")).toBe(before.get("xl/worksheets/_rels/sheet5.xml.rels"));
    // The same file again: the ledger's cells are the same as after the first import; only Körlogg grew.
    const grid = await XlsxPort.fromBuffer(again.output!).readGrid();
    const first = await XlsxPort.fromBuffer(buf).readGrid();
    const ledger = (g: typeof grid) => g.sheets.find((s) => s.name === "Huvudbok")!.rows.map((r) => r.slice(0, 6));
    expect(ledger(grid)).toEqual(ledger(first));
    // Parts the import does not own are not rewritten at all.
    for (const part of ["xl/worksheets/sheet2.xml", "xl/worksheets/sheet4.xml", "xl/styles.xml"])
      expect([part, raw.get(part)!.equals(rawOf(buf).get(part)!)]).toEqual([part, true]);
  });

  test("content below the table in its columns refuses the import, naming the cell; nothing is written", async () => {
    const { buf, lastRow } = await handEdited();
    // The table ends one row higher: its last ledger row is now content below it, where the import must add a row.
    const blocked = withParts(buf, { "xl/tables/table5.xml": (x) => x.replace(new RegExp(`:F${lastRow}"`, "g"), `:F${lastRow - 1}"`) });
    const r = await importInto(blocked);
    expect(r.output).toBeNull();
    expect(r.outcome.errors).toMatchObject([{ code: "sie_import_content_below", cell: `Huvudbok!A${lastRow}` }]);
  });

  test("a shared formula the import would overwrite refuses it, naming the cell", async () => {
    const { buf } = await handEdited();
    const shared = withParts(buf, {
      [HB]: (x) => x.replace(/<c r="E2"([^>]*?)(\/>|>[\s\S]*?<\/c>)/, '<c r="E2"><f t="shared" ref="E2:E3" si="0">"x"</f><v>x</v></c>'),
    });
    const { port, outcome } = await planImport(shared);
    expect(outcome.errors).toEqual([]);
    await expect(port.writeSheets(outcome.sheets, outcome.edits)).rejects.toMatchObject({
      issues: [{ code: "input_formula_master", cell: "Huvudbok!E2" }],
    });
  });
});

describeWithSie("the SIE import keeps what a person added (Office.js)", () => {
  const env = (excel: MockExcel): ActionEnv => ({ run: runOf(excel), now: FIXED_NOW });
  /** The example, kept for 2011, with a note, a formula, a format, a width and a hidden row around Huvudbok's table. */
  function excelWithHandWork(): { excel: MockExcel; hb: MSheet; bottom: number } {
    const models = exampleSheets();
    const settings = models.find((m) => m.name === "Inställningar")!;
    settings.rows.find((r) => r[0]?.value === "Räkenskapsår")![1] = { value: 2011 };
    const excel = new MockExcel(mockWorkbookOfModels(models));
    const hb = excel.workbook.sheet("Huvudbok")!;
    const table = excel.workbook.tables.find((t) => t.name === "Huvudbok")!;
    hb.cell(1, 7).v = "Min anteckning";
    Object.assign(hb.cell(2, 7), { v: 123, f: "SUM(D2:D10)" });
    hb.cell(1, 3).fmt = "#,##0.00 kr";
    hb.hiddenRows.add(3);
    hb.columnWidths.set(7, 120);
    hb.cell(table.rect.bottom + 30, 9).v = "Under, vid sidan";
    return { excel, hb, bottom: table.rect.bottom };
  }

  test("the existing rows and everything beside and below the table are as they were; the table grows by the new rows", async () => {
    const { excel, hb, bottom } = excelWithHandWork();
    const snapshot = () =>
      JSON.stringify([...hb.cells].filter(([k]) => Math.floor(k / 16384) <= bottom || k % 16384 > 5).sort((a, b) => a[0] - b[0]));
    const before = snapshot();
    const widths = JSON.stringify([...hb.columnWidths]);
    const r = await importSieAction(env(excel), readFileSync(path.join(SIE_DIR, "specter_exempelfil.se")), "specter_exempelfil.se");
    expect(r.errors).toEqual([]);
    expect(snapshot()).toBe(before);
    expect([...hb.hiddenRows]).toEqual([3]);
    expect(JSON.stringify([...hb.columnWidths])).toBe(widths);
    const table = excel.workbook.tables.find((t) => t.name === "Huvudbok")!;
    expect(table.rect.bottom).toBe(bottom + r.imported!.added);
    expect(hb.cell(bottom + 1, 0).fmt).toBe("yyyy-mm-dd");
  });

  test("content below the table in its columns refuses the import, naming the cell; nothing changes", async () => {
    const { excel, hb, bottom } = excelWithHandWork();
    hb.cell(bottom + 5, 2).v = "Summa";
    const before = excel.workbook.snapshot();
    const r = await importSieAction(env(excel), readFileSync(path.join(SIE_DIR, "specter_exempelfil.se")), "specter_exempelfil.se");
    expect(r.errors).toMatchObject([{ code: "sie_import_content_below", cell: `Huvudbok!C${bottom + 6}` }]);
    expect(excel.workbook.snapshot()).toBe(before);
  });
});

describeWithSie("styles are reused, not added again", () => {
  test("importing the same file three times leaves styles.xml as after the first", async () => {
    const a = (await importInto(await template())).output!;
    const b = (await importInto(a)).output!;
    const c = (await importInto(b)).output!;
    expect(partsOf(c).get("xl/styles.xml")).toBe(partsOf(a).get("xl/styles.xml"));
  });
});

describe("a person's own sheet named like a sheet the run writes is never replaced", () => {
  test("Office.js: a sheet 'KONTROLLER' with the officer's notes refuses the run, naming it; nothing changes", async () => {
    const excel = new MockExcel(mockWorkbookOfModels(exampleSheets()));
    const mine = excel.workbook.addSheet("KONTROLLER");
    mine.cell(0, 0).v = "Mina egna kontroller";
    const before = excel.workbook.snapshot();
    const r = await recalcAction({ run: runOf(excel), now: FIXED_NOW }, null);
    expect(r.errors).toMatchObject([{ code: "owned_sheet_taken", cell: "KONTROLLER!A1", params: { owned: "Kontroller" } }]);
    expect(excel.workbook.snapshot()).toBe(before);
  });

  test("a sheet the program wrote, in another letter case, is still its own: the run rewrites it", async () => {
    const excel = new MockExcel(mockWorkbookOfModels(exampleSheets()));
    const env = { run: runOf(excel), now: FIXED_NOW };
    expect((await recalcAction(env, null)).errors).toEqual([]);
    excel.workbook.sheet("Kontroller")!.name = "KONTROLLER";
    expect((await recalcAction(env, null)).errors).toEqual([]);
  });
});
