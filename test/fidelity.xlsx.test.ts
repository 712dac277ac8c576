/**
 * Issue 13, the .xlsx side: what Excel enforces when it opens a file, our reader and writer obey.
 * Each test names the point of the issue it covers; each failed on the code before the fix.
 */
import fc from "fast-check";
import { quoteSheetName } from "../src/report/sheetModel";
import { quoteSheet } from "../src/workbook/grid";
import { inputStamps } from "../src/workbook/stamps";
import { Package } from "../src/xlsx/package";
import { readGrid } from "../src/xlsx/read";
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
