/**
 * What the board, the auditors and the printer get (issue 16): the example's result sheets rendered
 * by LibreOffice to PDF with a Swedish locale, one sheet at a time (the others hidden, as a user prints
 * one sheet), then read back with poppler's pdftotext. Page budgets, the header and footer on every
 * page, the unit in the table headers, readable text, and nothing technical on paper.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { OWNED_SHEETS } from "../src/report/sheets";
import { convert, describeWithLibreOffice } from "./helpers/libreoffice";
import { examplePackage, recalcPackage } from "./helpers/package";
import { onlySheet } from "./helpers/print";
import { slow } from "./helpers/time";

// Its slowest test or hook, on a quiet machine; scaled to this one (test/helpers/time.ts).
jest.setTimeout(slow(240_000));

const havePoppler = spawnSync("pdftotext", ["-v"]).status === 0;
const ASSOCIATION = "Samordningsförbundet Älvdalen (fiktivt)";

/** Page budget and page-header title of each printed result sheet of the example. */
const SHEETS: Array<{ sheet: string; title: string; maxPages: number; minPages?: number; unit: boolean }> = [
  { sheet: OWNED_SHEETS.tertial, title: "Tertialuppföljning per 2026-08-31", maxPages: 2, minPages: 2, unit: true },
  { sheet: OWNED_SHEETS.memberShares, title: "Medlemsandelar 2026", maxPages: 2, unit: false },
  { sheet: OWNED_SHEETS.equity, title: "Eget kapital per 2026-08-31", maxPages: 1, minPages: 1, unit: true },
  { sheet: OWNED_SHEETS.statements, title: "Delårsbokslut per 2026-08-31", maxPages: 2, minPages: 2, unit: true },
  { sheet: OWNED_SHEETS.checks, title: "Kontroller", maxPages: 3, unit: false },
];

interface Word {
  text: string;
  height: number;
}

function pdfPages(pdf: string): { text: string[]; words: Word[][] } {
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
  const words = html
    .split("<page ")
    .slice(1)
    .map((page) =>
      [...page.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        text: m[3],
        height: Number(m[2]) - Number(m[1]),
      })),
    );
  return { text, words };
}

describeWithLibreOffice("the printed result sheets (LibreOffice → PDF, sv-SE)", () => {
  const pages = new Map<string, { text: string[]; words: Word[][] }>();
  let dir = "";

  beforeAll(async () => {
    if (!havePoppler) return;
    const { output } = await recalcPackage(await examplePackage());
    dir = mkdtempSync(path.join(os.tmpdir(), "finsam-print-"));
    mkdirSync(path.join(dir, "pdf"));
    for (const { sheet } of SHEETS) {
      const file = path.join(dir, `${sheet.replace(/\s/g, "_")}.xlsx`);
      writeFileSync(file, onlySheet(output!, sheet));
      pages.set(sheet, pdfPages(convert(file, "pdf", path.join(dir, "pdf"), "sv-SE")));
    }
    // The whole workbook, as a user prints it all.
    const whole = path.join(dir, "hela.xlsx");
    writeFileSync(whole, output!);
    wholeBook = pdfPages(convert(whole, "pdf", path.join(dir, "pdf"), "sv-SE")).text;
  });
  let wholeBook: string[] = [];

  test("poppler's pdftotext is installed", () => {
    // CI installs poppler-utils; without it nothing below can be checked.
    if (!havePoppler && !process.env.CI) return;
    expect(havePoppler).toBe(true);
  });

  const when = havePoppler ? test : test.skip;

  when("each sheet prints within its page budget", () => {
    const counts = SHEETS.map((s) => ({ sheet: s.sheet, pages: pages.get(s.sheet)!.text.length }));
    const within = counts.map(({ sheet, pages: n }) => {
      const s = SHEETS.find((x) => x.sheet === sheet)!;
      return { sheet, pages: n, ok: n <= s.maxPages && n >= (s.minPages ?? 1) };
    });
    expect(within.filter((w) => !w.ok)).toEqual([]);
  });

  when("every page has the report's title in the header and 'Sida n av N · Beräknad' in the footer", () => {
    for (const s of SHEETS) {
      const text = pages.get(s.sheet)!.text;
      text.forEach((page, i) => {
        const lines = page.split("\n").filter((l) => l.trim() !== "");
        expect(lines[0].trim()).toBe(`${ASSOCIATION} – ${s.title}`);
        expect(lines[lines.length - 1].trim()).toBe(`Sida ${i + 1} av ${text.length} · Beräknad 2026-09-15`);
      });
    }
  });

  when("amounts are headed 'Belopp i tkr' and shown with Swedish separators; zero is a dash", () => {
    for (const s of SHEETS.filter((x) => x.unit)) expect(pages.get(s.sheet)!.text[0]).toContain("Belopp i tkr");
    const tertial = pages.get(OWNED_SHEETS.tertial)!.text.join("\n");
    expect(tertial).toMatch(/Medlemsbidrag\s+5 924\s+5 924\s+8 886\s+8 886\s+–/);
    expect(tertial).not.toMatch(/\d,\d{3}\b/);
    expect(tertial).toContain("Utfall + återstående budget");
    expect(tertial).toMatch(/Skatteintäkter\s+–\s+–\s+–\s+–\s+–/);
    expect(pages.get(OWNED_SHEETS.memberShares)!.text.join("\n")).toMatch(/Summa\s+100,0\s?%\s+8 886 000/);
    // The installments' due dates are never broken after a hyphen ("Förfaller 2026-" / "01-31").
    const members = pages.get(OWNED_SHEETS.memberShares)!.text.join("\n");
    for (const d of ["2026-01-31", "2026-04-30", "2026-07-31", "2026-10-31"]) expect(members).toContain(d);
    expect(members).not.toMatch(/\d{4}-[ \t]*$/m);
    // Equal remainders give the earlier installments the extra rounding unit (1 000 kr here), not "the extra krona".
    expect(members.replace(/\s+/g, " ")).toContain("får den extra avrundningsenheten (1 000 kr)");
  });

  when("the board text, the notes and the grants are on paper; the technical block and the ids are not", () => {
    const all = SHEETS.flatMap((s) => pages.get(s.sheet)!.text).join("\n");
    const tertial = pages.get(OWNED_SHEETS.tertial)!.text;
    expect(tertial[0]).toContain("Periodens resultat");
    expect(tertial[0]).toContain("Helårsprognos");
    expect(tertial[0]).toContain("Not 2 Verksamhetens kostnader");
    expect(tertial[1]).toContain("Beslutade insatser");
    // Bokslut: the statements on page 1 with last year's full year beside the period; the four notes on page 2.
    const bokslut = pages.get(OWNED_SHEETS.statements)!.text;
    expect(bokslut[0]).toMatch(/jan–aug 2026\s+jan–aug 2025\s+Helår 2025/);
    expect(bokslut[0]).toContain("Kassaflödesanalys");
    for (const note of [
      "Not 1 Verksamhetens intäkter",
      "Not 2 Verksamhetens kostnader",
      "Not 3 Medlemsbidrag per medlem",
      "Not 4 Beslutade insatser",
    ])
      expect(bokslut[1]).toContain(note);
    expect(bokslut[1]).not.toContain("Resultaträkning");
    expect(all).not.toMatch(/[0-9a-f]{64}/);
    for (const word of [
      "Indatafingeravtryck",
      "Finsam Ekonomi test",
      "skrivs om vid varje omräkning",
      "Rad-id",
      "verksamhetens_intakter",
      "Diagramunderlag",
    ])
      expect(all).not.toContain(word);
  });

  when("the whole workbook prints the pages the README says: in all, Huvudbok's, and the result sheets'", () => {
    // Each page's first line is its sheet's header: the input sheets' name, or the result sheets' title.
    const first = wholeBook.map((p) =>
      p
        .split("\n")
        .find((l) => l.trim() !== "")!
        .trim(),
    );
    const huvudbok = first.filter((l) => l === "Huvudbok").length;
    const results = first.filter((l) => l.startsWith(ASSOCIATION)).length;
    const readme = readFileSync(path.join(__dirname, "..", "README.md"), "utf8").replace(/\s+/g, " ");
    const sentence = new RegExp(
      String.raw`gives (\d+) A4 pages in LibreOffice [\d.]+ \(measured\): the eight input sheets (\d+) ` +
        String.raw`\(Huvudbok (\d+) of them\).*?the six result sheets (\d+)\.`,
    );
    const said = sentence.exec(readme)!;
    expect(said).not.toBeNull();
    expect({ pages: wholeBook.length, inputs: wholeBook.length - results, huvudbok, results }).toEqual({
      pages: Number(said[1]),
      inputs: Number(said[2]),
      huvudbok: Number(said[3]),
      results: Number(said[4]),
    });
  });

  when("no text is printed smaller than about 8 pt (fit to width never shrinks it further)", () => {
    for (const s of SHEETS) {
      const heights = pages
        .get(s.sheet)!
        .words.flat()
        .filter((w) => w.text.trim() !== "")
        .map((w) => w.height);
      expect({ sheet: s.sheet, smallest: Math.min(...heights) >= 7.9 }).toEqual({ sheet: s.sheet, smallest: true });
    }
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
});
