/**
 * The printed workbook (issue 26): no table header breaks inside a word on any sheet we write, and the input
 * sheets of the template and the example print as lists — one page wide, the header row on every page, the
 * sheet's name above and the page number below — with no print area, since their rows grow.
 */
import { exampleSheets, templateSheets } from "../src/report/example";
import { charsPerLine, SheetModel } from "../src/report/sheetModel";
import { MIN_PRINT_SCALE, printScale } from "../src/report/sheets/header";
import { exampleResult } from "./helpers/exampleResult";

const resultSheets = async () => (await exampleResult()).sheets;

/** Every table header cell whose longest word does not fit its column's width. */
function brokenHeaders(models: SheetModel[]): string[] {
  const out: string[] = [];
  for (const m of models)
    for (const t of m.tables)
      for (let c = t.left; c <= t.right; c++) {
        const h = String(m.rows[t.top]?.[c]?.value ?? "");
        const longest = Math.max(0, ...h.split(/[\s–-]+/).map((w) => w.length));
        if (charsPerLine(m.columnWidths[c] ?? 8.43, true) < longest) out.push(`${m.name}: ${h} (${m.columnWidths[c]})`);
      }
  return out;
}

test("no table header on any sheet we write breaks inside a word (Körlogg's Rapporternas enhet among them)", async () => {
  const results = await resultSheets();
  expect(results.map((m) => m.name)).toContain("Körlogg");
  expect(brokenHeaders([...results, ...templateSheets(), ...exampleSheets()])).toEqual([]);
});

test("Körlogg's amounts are kr with öre whatever unit the reports use (the example's is tkr), and its headers say so", async () => {
  const log = (await resultSheets()).find((m) => m.name === "Körlogg")!;
  const t = log.tables[0];
  const header = log.rows[t.top].map((c) => c?.value);
  const row = log.rows[t.top + 1];
  expect(row[header.indexOf("Rapporternas enhet")]?.value).toBe("tkr");
  for (const name of ["Årets resultat (prognos, kr)", "Utgående eget kapital (prognos, kr)", "Tak (kr)"]) {
    const cell = row[header.indexOf(name)];
    expect([name, typeof cell?.value, cell?.format]).toEqual([name, "number", "#,##0.00"]);
  }
});

test.each([
  ["the template", templateSheets()],
  ["the example", exampleSheets()],
])("%s's input sheets print as lists: one page wide, header row repeated, name above, page below", (_name, sheets) => {
  expect(sheets.length).toBeGreaterThanOrEqual(8);
  for (const m of sheets) {
    expect([m.name, m.page?.titleRows]).toEqual([m.name, { first: 0, last: 0 }]);
    expect(m.page?.area).toBeUndefined();
    expect(m.page?.header).toBe("&A");
    expect(m.page?.footer).toBe("Sida &P av &N");
  }
  // Each fits one page wide at a readable size (turned to landscape where portrait would shrink it too far).
  for (const m of sheets) expect([m.name, printScale(m) >= MIN_PRINT_SCALE]).toEqual([m.name, true]);
});

test("no text typed in the example's input sheets is wider than its column (the association's name is not cut)", () => {
  for (const m of exampleSheets())
    m.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const v = cell?.value;
        // A text cell followed by a filled cell would be cut there; its column must hold it (60 characters at most).
        if (typeof v !== "string" || v.length > 58 || !row.slice(c + 1).some((x) => x?.value !== null && x?.value !== undefined)) return;
        expect([m.name, r, v, (m.columnWidths[c] ?? 8.43) >= v.length + 1]).toEqual([m.name, r, v, true]);
      }),
    );
});
