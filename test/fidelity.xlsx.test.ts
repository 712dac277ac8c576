/**
 * Issue 13, the .xlsx side: what Excel enforces when it opens a file, our reader and writer obey.
 * Each test names the point of the issue it covers; each failed on the code before the fix.
 */
import fc from "fast-check";
import { quoteSheetName } from "../src/report/sheetModel";
import { OWNED_SHEETS } from "../src/report/sheets";
import { quoteSheet } from "../src/workbook/grid";
import { messageText } from "../src/core/messages";
import { inputStamps } from "../src/workbook/stamps";
import { Package } from "../src/xlsx/package";
import { readGrid } from "../src/xlsx/read";
import { inflateEntry, readZip } from "../src/xlsx/zip";
import { appXmlWithSheets } from "../src/xlsx/appProps";
import { bufferOf } from "./helpers/exceljs";
import { exampleWorkbook } from "./helpers/office";
import { crossPartProblems, formulaSheetRefs, needsQuotes } from "./helpers/ooxmlChecks";
import { editParts, examplePackage, partText, recalcPackage, renameSheet } from "./helpers/package";

async function firstRun(): Promise<Buffer> {
  const { outcome, output } = await recalcPackage(await examplePackage());
  expect(outcome.errors).toEqual([]);
  return output!;
}

describe("11–12: table names are unique in the workbook and differ from defined names", () => {
  test("a kept copy of last period's report gets no second Resultatrapport; JSON and Körlogg name the table", async () => {
    const kept = renameSheet(await firstRun(), "Tertialrapport", "Tertialrapport T2");
    const { outcome, output } = await recalcPackage(kept);
    expect(outcome.errors).toEqual([]);
    expect(crossPartProblems(output!)).toEqual([]);
    const renamed = outcome.json!.renamedTables as Array<{ contract: string; used: string }>;
    expect(renamed).toEqual(
      expect.arrayContaining([
        { contract: "Resultatrapport", used: "Resultatrapport_2" },
        { contract: "NotIntakter", used: "NotIntakter_2" },
      ]),
    );
    // Tables on sheets the run rewrites keep the contract's names.
    expect(renamed.map((r) => r.contract)).not.toContain("Medlemsandelar");
    const log = outcome.sheets!.find((s) => s.name === "Körlogg")!;
    const last = log.tables[0].bottom;
    expect(String(log.rows[last][1]?.value)).toContain("Resultatrapport → Resultatrapport_2");
    // A further run is stable: the same names again, no third copy.
    const again = await recalcPackage(output!);
    expect(again.outcome.json!.renamedTables).toEqual(renamed);
    expect(crossPartProblems(again.output!)).toEqual([]);
  });

  test("a defined name equal to a contract table name moves that table to the next free name", async () => {
    const withName = editParts(await examplePackage(), [
      [
        "xl/workbook.xml",
        (xml) =>
          xml.replace("</sheets>", '</sheets><definedNames><definedName name="Kontroller">Huvudbok!$A$1</definedName></definedNames>'),
      ],
    ]);
    const { outcome, output } = await recalcPackage(withName);
    expect(outcome.errors).toEqual([]);
    expect(outcome.json!.renamedTables).toEqual([{ contract: "Kontroller", used: "Kontroller_2" }]);
    expect(crossPartProblems(output!)).toEqual([]);
    expect(partText(output!, "xl/workbook.xml")).toContain('<definedName name="Kontroller">');
  });
});

/** The example as a Mac workbook would hold it: 1904 date system, every date cell's serial 1 462 lower, the same dates. */
async function example1904(): Promise<Buffer> {
  const buf = await examplePackage();
  const styles = partText(buf, "xl/styles.xml");
  const dateFmt = [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="yyyy-mm-dd"\/>/g)].map((m) => m[1]);
  const xfs = [.../<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].matchAll(/<xf\b([^>]*)>/g)];
  const dateXf = new Set(xfs.flatMap((m, i) => (dateFmt.includes(/numFmtId="(\d+)"/.exec(m[1])![1]) ? [String(i)] : [])));
  expect(dateXf.size).toBeGreaterThan(0);
  return editParts(buf, [
    [
      "xl/workbook.xml",
      (xml) => xml.replace("<workbookPr", "<workbookPrX").replace(/<bookViews>/, '<workbookPr date1904="1"/><bookViews>'),
    ],
    [
      /^xl\/worksheets\/sheet\d+\.xml$/,
      (xml) =>
        xml.replace(/<c r="([A-Z]+\d+)" s="(\d+)"><v>(\d+)<\/v><\/c>/g, (all, r: string, s: string, v: string) =>
          dateXf.has(s) ? `<c r="${r}" s="${s}"><v>${Number(v) - 1462}</v></c>` : all,
        ),
    ],
  ]);
}

/** SUM over whole columns of a sheet, computed from the raw `<v>` numbers of its part (what Excel's SUM adds). */
function rawColumnSum(buf: Buffer, sheet: string, left: number, right: number): number {
  const wb = partText(buf, "xl/workbook.xml");
  const id = new RegExp(`<sheet name="${sheet}" sheetId="\\d+" r:id="(rId\\d+)"`).exec(wb)![1];
  const rels = partText(buf, "xl/_rels/workbook.xml.rels");
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  const xml = partText(buf, `xl/${target}`);
  let sum = 0;
  for (const m of xml.matchAll(/<c r="([A-Z]+)\d+"(?: s="\d+")?><v>([^<]+)<\/v><\/c>/g)) {
    let c = 0;
    for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
    if (c - 1 >= left && c - 1 <= right) sum += Number(m[2]);
  }
  return Math.round(sum * 100) / 100;
}

describe("13: the 1904 date system is used everywhere", () => {
  test("a 1904 workbook reads the same figures; its staleness sums are 1904 serials (Kontroller: Aktuell)", async () => {
    const normal = await recalcPackage(await examplePackage());
    const mac = await example1904();
    const { outcome } = await recalcPackage(mac);
    expect(outcome.errors).toEqual([]);
    const strip = (j: Record<string, unknown>) => ({ ...j, fingerprint: null });
    expect(strip(outcome.json!)).toEqual(strip(normal.outcome.json!));
    const stamps = inputStamps(readGrid(Package.fromBuffer(mac)));
    expect(stamps.length).toBeGreaterThan(3);
    for (const st of stamps)
      expect([st.table, Number(st.sum.toFixed(2))]).toEqual([st.table, rawColumnSum(mac, st.sheet, st.left, st.right)]);
  });
});

describe("15: one sheet-name quoting rule, right for names that look like references", () => {
  test.each([
    ["HB2026", "'HB2026'"],
    ["R1C1", "'R1C1'"],
    ["A1", "'A1'"],
    ["R", "'R'"],
    ["C3", "'C3'"],
    ["RC", "'RC'"],
    ["TRUE", "'TRUE'"],
    ["2026", "'2026'"],
    ["Eget kapital", "'Eget kapital'"],
    ["Anna's", "'Anna''s'"],
    ["Blad-1", "'Blad-1'"],
    ["Huvudbok", "Huvudbok"],
    ["Inställningar", "Inställningar"],
    ["ABCD1", "ABCD1"],
    ["Blad1.2026", "Blad1.2026"],
  ])("%s → %s", (name, quoted) => {
    expect(quoteSheetName(name)).toBe(quoted);
    expect(quoteSheet).toBe(quoteSheetName);
  });

  test("property: any valid sheet name round-trips through a formula and is quoted exactly when Excel needs it", () => {
    const sheetChar = fc.constantFrom(..."abcRCxyzAB019 _.'-åÄ!()&#".split(""));
    const name = fc
      .array(sheetChar, { minLength: 1, maxLength: 12 })
      .map((cs) => cs.join(""))
      .filter((n) => !n.startsWith("'") && !n.endsWith("'") && n.trim() === n);
    fc.assert(
      fc.property(name, (n) => {
        const q = quoteSheetName(n);
        const refs = formulaSheetRefs(`SUM(${q}!A1:B2)+1`);
        expect(refs).toEqual([{ name: n, quoted: q !== n }]);
        if (q === n) expect(needsQuotes(n)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  test("an input sheet named like a cell (HB2026) is quoted in Kontroller's formulas", async () => {
    const buf = renameSheet(await examplePackage(), "Huvudbok", "HB2026");
    const { outcome, output } = await recalcPackage(buf);
    expect(outcome.errors).toEqual([]);
    expect(crossPartProblems(output!)).toEqual([]);
    const formulas = outcome
      .sheets!.flatMap((s) => s.rows.flatMap((r) => r.map((c) => c?.formula ?? "")))
      .filter((f) => f.includes("HB2026"));
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) expect(f).toContain("'HB2026'!");
  });
});

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A SpreadsheetML part as the .NET Open XML SDK writes it: every element of the main namespace with the prefix `x:`. */
function prefixed(xml: string): string {
  if (!xml.includes(`xmlns="${MAIN}"`)) return xml;
  return xml
    .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`)
    .replace(/<(\/?)([A-Za-z][\w]*)(?=[\s>/])/g, (_all, slash: string, name: string) => `<${slash}x:${name}`);
}

describe("16: prefixed SpreadsheetML is read by namespace, not by prefix", () => {
  test("a workbook whose parts all use <x:…> elements reads the same tables and cells, and recalculates", async () => {
    const plain = await firstRun();
    const sdk = editParts(plain, [[/^xl\/.*\.xml$/, prefixed]]);
    const raw = inflateEntry(readZip(sdk).find((e) => e.name === "xl/workbook.xml")!).toString("utf8");
    expect(raw).toContain("<x:sheets>");
    const a = readGrid(Package.fromBuffer(plain));
    const b = readGrid(Package.fromBuffer(sdk));
    expect(b.tables.map((t) => t.name)).toEqual(a.tables.map((t) => t.name));
    expect(b).toEqual(a);
    const { outcome, output } = await recalcPackage(sdk);
    expect(outcome.errors).toEqual([]);
    expect(crossPartProblems(output!)).toEqual([]);
  });
});

describe("17: a formula saved without a computed value is named for what it is", () => {
  test("the message says the formula has no computed value and how to get one, at the cell", async () => {
    const buf = await examplePackage();
    // The ledger's first amount becomes a formula with no cached value (as openpyxl writes it).
    const grid = readGrid(Package.fromBuffer(buf));
    const ledgerSheet = grid.tables.find((t) => t.name === "Huvudbok")!.sheet;
    const wb = partText(buf, "xl/workbook.xml");
    const rid = new RegExp(`<sheet name="${ledgerSheet}" sheetId="\\d+" r:id="(rId\\d+)"`).exec(wb)![1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(partText(buf, "xl/_rels/workbook.xml.rels"))![1];
    const edited = editParts(buf, [
      [`xl/${target}`, (xml) => xml.replace(/<c r="D2"( s="\d+")?><v>[^<]*<\/v><\/c>/, '<c r="D2"$1><f>100+23</f></c>')],
    ]);
    const { outcome } = await recalcPackage(edited);
    expect(outcome.ok).toBe(false);
    const issue = outcome.errors.find((e) => e.cell === `${ledgerSheet}!D2`)!;
    expect(issue).toBeDefined();
    expect(messageText(issue, "sv")).toMatch(/formel utan beräknat värde.*spara filen i Excel eller LibreOffice/);
    expect(messageText(issue, "sv")).not.toContain("#");
  });
});

describe("14: a Strict Open XML workbook is refused on write, with the way out", () => {
  const strict = (xml: string) =>
    xml
      .replace(/http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/g, "http://purl.oclc.org/ooxml/spreadsheetml/main")
      .replace(/<workbook /, '<workbook conformance="strict" ');
  test("recalculation writes nothing and says to save as an Excel workbook", async () => {
    const buf = editParts(await examplePackage(), [[/^xl\/.*\.xml$/, strict]]);
    const { outcome, output } = await recalcPackage(buf);
    expect(output).toBeNull();
    expect(outcome.errors.map((e) => e.code)).toEqual(["workbook_strict"]);
    expect(messageText(outcome.errors[0], "sv")).toContain("Spara som → Excel-arbetsbok (*.xlsx)");
  });
});

describe("18: docProps/app.xml lists the sheets the workbook has", () => {
  const titles = (buf: Buffer) => [...partText(buf, "docProps/app.xml").matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1]);
  const sheetNames = (buf: Buffer) => [...partText(buf, "xl/workbook.xml").matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);

  test("our own package and one written by ExcelJS: after a run, TitlesOfParts is the tab order and HeadingPairs counts it", async () => {
    for (const input of [await examplePackage(), await bufferOf(exampleWorkbook())]) {
      const { output } = await recalcPackage(input);
      const names = sheetNames(output!);
      expect(names).toContain("Körlogg");
      const t = titles(output!);
      // The first heading is the worksheet group; its titles follow.
      expect(t.slice(1)).toEqual(names);
      expect(partText(output!, "docProps/app.xml")).toMatch(new RegExp(`<vt:i4>${names.length}</vt:i4>`));
    }
  });

  test("other groups (named ranges) stay as they were", () => {
    const app =
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
      'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<HeadingPairs><vt:vector size="4" baseType="variant">' +
      "<vt:variant><vt:lpstr>Kalkylblad</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant>" +
      "<vt:variant><vt:lpstr>Namngivna områden</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant>" +
      "</vt:vector></HeadingPairs>" +
      '<TitlesOfParts><vt:vector size="2" baseType="lpstr"><vt:lpstr>Huvudbok</vt:lpstr><vt:lpstr>Huvudbok!Utskriftsområde</vt:lpstr>' +
      "</vt:vector></TitlesOfParts></Properties>";
    const out = appXmlWithSheets(app, ["Huvudbok"], ["Huvudbok", "Tertialrapport"]);
    expect([...out.matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1])).toEqual([
      "Kalkylblad",
      "Namngivna områden",
      "Huvudbok",
      "Tertialrapport",
      "Huvudbok!Utskriftsområde",
    ]);
    expect(out).toContain('<vt:vector size="3" baseType="lpstr">');
    expect(out).toMatch(/Kalkylblad<\/vt:lpstr><\/vt:variant><vt:variant><vt:i4>2<\/vt:i4>/);
  });
});

describe("input sheets written by the command line stay open for typing", () => {
  test("the template's and the example's input sheets have no sheet protection; result sheets do", async () => {
    const { output } = await recalcPackage(await examplePackage());
    const wb = partText(output!, "xl/workbook.xml");
    const rels = partText(output!, "xl/_rels/workbook.xml.rels");
    for (const m of wb.matchAll(/<sheet name="([^"]+)" sheetId="\d+" r:id="(rId\d+)"/g)) {
      const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)![1];
      const protectedSheet = partText(output!, `xl/${target}`).includes("<sheetProtection");
      expect([m[1], protectedSheet]).toEqual([m[1], (Object.values(OWNED_SHEETS) as string[]).includes(m[1])]);
    }
  });
});

describe("issue 16: after a run the Tertialrapport is the sheet shown, and no other sheet stays selected", () => {
  test("activeTab points at the Tertialrapport; an input sheet that was selected loses only its tabSelected", async () => {
    const input = await examplePackage();
    const pkg = new Package(readZip(input));
    const ledgerPart = pkg.entries.map((e) => e.name).find((n) => n.startsWith("xl/worksheets/") && pkg.text(n).includes("Verifikation"))!;
    // As Excel saves it when the user last looked at Huvudbok.
    const selected = editParts(input, [
      [ledgerPart, (xml) => xml.replace("<sheetView ", '<sheetView tabSelected="1" ')],
      ["xl/workbook.xml", (xml) => xml.replace("<workbookView", '<workbookView activeTab="4"')],
    ]);
    const { output } = await recalcPackage(selected);
    const wb = partText(output!, "xl/workbook.xml");
    const names = [...wb.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const activeTab = Number(/activeTab="(\d+)"/.exec(wb)![1]);
    expect(names[activeTab]).toBe(OWNED_SHEETS.tertial);
    const ledger = partText(output!, ledgerPart);
    expect(ledger).not.toContain("tabSelected");
    // Nothing else of the input sheet changed.
    expect(ledger).toBe(partText(selected, ledgerPart).replace(' tabSelected="1"', ""));
    const selectedSheets = new Package(readZip(output!)).entries
      .map((e) => e.name)
      .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && /<sheetView\b[^>]*tabSelected="1"/.test(partText(output!, n)));
    expect(selectedSheets).toHaveLength(1);
    expect(crossPartProblems(output!)).toEqual([]);
  });
});
