/**
 * Kontroller's formulas need no array evaluation, so two independent spreadsheet programs compute them alike
 * (issue 23, point 5): on a fresh result every check is OK in LibreOffice and in Gnumeric; after one result
 * cell is changed by hand, the check over it shows FEL in both, with the difference the change made (an array
 * formula evaluated by implicit intersection gave a part of it, or nothing).
 */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readFileSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { rawOf } from "./helpers/exceljs";
import { describeWithGnumeric, gnumericSheet, parseCsv } from "./helpers/gnumeric";
import { convert, sofficePath } from "./helpers/libreoffice";
import { parseTextWorkbook, writeGridXlsx } from "./helpers/textWorkbook";
import { dayNumber, excelSerialOfDayNumber } from "../src/core/dates";
import { EXTRAS_TABLE } from "../src/core/contract";
import { exampleSheets, inputSheet } from "../src/report/example";
import { FORMATS } from "../src/report/sheetModel";
import { saveXlsx } from "../src/xlsx/xlsxFile";
import { XlsxPort } from "../src/xlsx/xlsxPort";

const cli = path.join(__dirname, "..", "dist", "cli", "main.js");
const tmp = mkdtempSync(path.join(os.tmpdir(), "finsam-checks-"));
const example = path.join(__dirname, "..", "examples", "exempel.xlsx");
const fresh = path.join(tmp, "beraknad.xlsx");

/** Golden j (something booked straight onto equity in a closed year), recalculated. */
const withDirect = path.join(tmp, "direkt-mot-eget-kapital.xlsx");

/** The example with a Tilläggsbidrag of 1 000 000 kr in the autumn, recalculated (its table on Medlemsandelar). */
const withExtra = path.join(tmp, "tillaggsbidrag.xlsx");

beforeAll(async () => {
  const r = spawnSync(process.execPath, [cli, "recalc", example, "-o", fresh], { encoding: "utf8" });
  expect(r.status).toBe(0);
  // The example has no Tilläggsbidrag sheet (the template has it, empty): added, with one decision.
  const extra = [2026, 1000000, excelSerialOfDayNumber(dayNumber(2026, 10, 31)), "Styrelsen 2026-05-20 § 7"];
  const models = [...exampleSheets(), inputSheet(EXTRAS_TABLE, [extra])];
  const port = XlsxPort.empty();
  await port.writeSheets(models);
  const input = path.join(tmp, "tillaggsbidrag-indata.xlsx");
  await saveXlsx(port, input);
  const r2 = spawnSync(process.execPath, [cli, "recalc", input, "-o", withExtra, "--json"], { encoding: "utf8" });
  expect(r2.status).toBe(0);
  const direct = path.join(tmp, "direkt-indata.xlsx");
  const golden = readFileSync(path.join(__dirname, "golden", "j-direkt-mot-eget-kapital.case"), "utf8");
  await writeGridXlsx(parseTextWorkbook(golden).grid, direct);
  expect(spawnSync(process.execPath, [cli, "recalc", direct, "-o", withDirect], { encoding: "utf8" }).status).toBe(0);
  // The result's table of Tilläggsbidrag has a name of its own: the input table is "Tillaggsbidrag" (names are unique).
  expect((JSON.parse(r2.stdout) as { renamedTables: unknown[] }).renamedTables).toEqual([]);
});

/** Kontroller as LibreOffice computes it (every formula recalculated on load), as CSV rows. */
function libreOfficeSheet(file: string, sheet: string): string[][] {
  const dir = path.join(tmp, `lo-${path.basename(file)}`);
  mkdirSync(dir, { recursive: true });
  // All sheets (the filter's last option, -1), each to <name>-<sheet>.csv; numbers as shown would be locale-bound, so raw.
  const csv = convert(file, "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1", dir);
  return parseCsv(readFileSync(csv.replace(/\.csv$/, `-${sheet}.csv`), "utf8"));
}

/** Each check's name, status and difference. */
function checksOf(rows: string[][]): Array<{ name: string; status: string; diff: number }> {
  return rows.filter((r) => r[1] === "OK" || r[1] === "FEL").map((r) => ({ name: r[0], status: r[1], diff: Number(r[2]) }));
}

/** The result with one cell changed by hand, as an auditor might: `where` finds the row, `col` the cell. */
async function tampered(
  name: string,
  sheet: string,
  where: (row: ExcelJS.Row) => boolean,
  col: number,
  delta: number,
  from = fresh,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(from);
  let changed = 0;
  wb.getWorksheet(sheet)!.eachRow((row) => {
    if (changed || !where(row)) return;
    row.getCell(col).value = Number(rawOf(row.getCell(col).value)) + delta;
    changed++;
  });
  expect(changed).toBe(1);
  const file = path.join(tmp, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

const programs: Array<[string, (file: string, sheet: string) => string[][], () => boolean]> = [
  ["LibreOffice", libreOfficeSheet, () => sofficePath() !== null],
  ["Gnumeric", gnumericSheet, () => true],
];

describeWithGnumeric("Kontroller's formulas in LibreOffice and Gnumeric", () => {
  test.each(programs)("%s: every check is OK on a fresh result", (_name, sheetOf, present) => {
    if (!present()) throw new Error("soffice is missing");
    const checks = checksOf(sheetOf(fresh, "Kontroller"));
    expect(checks.length).toBeGreaterThan(20);
    expect(checks.filter((c) => c.status !== "OK" || c.diff !== 0)).toEqual([]);
  });

  test.each(programs)("%s: a member's installment changed by 812 kr shows FEL with the difference 812", async (name, sheetOf) => {
    // The last member row of the last plan year: far from the row the check stands on (implicit intersection).
    let last = 0;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fresh);
    wb.getWorksheet("Medlemsandelar")!.eachRow((row, n) => {
      if (typeof rawOf(row.getCell(2).value) === "number" && typeof rawOf(row.getCell(7).value) === "number") last = n;
    });
    const file = await tampered(`inbetalning-${name}`, "Medlemsandelar", (row) => row.number === last, 7, 812);
    const failing = checksOf(sheetOf(file, "Kontroller")).filter((c) => c.status === "FEL");
    expect(failing).toEqual([{ name: "Inbetalningarna summerar till varje medlems belopp", status: "FEL", diff: 812 }]);
  });

  /** The result with one Tertialrapport cell of the row with id `id` (column J) changed. */
  const tertialTampered = (file: string, id: string, col: number, delta: number) =>
    tampered(file, "Tertialrapport", (row) => rawOf(row.getCell(10).value) === id, col, delta);

  test.each(programs)(
    "%s: a note line's forecast lowered by 1 000 kr shows FEL in that note and the chart data, by 1 000",
    async (name, sheetOf) => {
      const file = await tertialTampered(`not-${name}`, "personalkostnader", 6, -1000);
      const failing = checksOf(sheetOf(file, "Kontroller")).filter((c) => c.status === "FEL");
      // The note no longer sums to its line, and the chart's data (which reads the note's forecast) no longer ties.
      expect(failing).toEqual([
        { name: "Not 2 summerar till verksamhetens kostnader", status: "FEL", diff: 1000 },
        { name: "Diagrammets underlag = notens budget och prognos", status: "FEL", diff: 1000 },
      ]);
    },
  );

  test.each(programs)("%s: the last row's deviation changed by 1 000 kr shows FEL, by 1 000", async (name, sheetOf) => {
    const file = await tertialTampered(`avvikelse-${name}`, "arets_resultat", 7, 1000);
    const failing = checksOf(sheetOf(file, "Kontroller")).filter((c) => c.status === "FEL");
    // The deviation column is also a column of "Årets resultat = summan av sina delar".
    expect(failing).toEqual([
      { name: "Årets resultat = summan av sina delar", status: "FEL", diff: 1000 },
      { name: "Avvikelse = prognos − budget", status: "FEL", diff: 1000 },
    ]);
  });

  test.each(programs)(
    "%s: with a Tilläggsbidrag, its checks are OK; a member's share changed by 500 kr shows FEL in both",
    async (name, sheetOf) => {
      const fresh = checksOf(sheetOf(withExtra, "Kontroller"));
      const extraChecks = fresh.filter((c) => c.name.startsWith("Tilläggsbidragen"));
      expect(extraChecks.map((c) => c.name)).toEqual([
        "Tilläggsbidragen summerar till sina belopp",
        "Tilläggsbidragen summerar för varje medlem",
      ]);
      expect(fresh.filter((c) => c.status !== "OK" || c.diff !== 0)).toEqual([]);
      // Norrfors kommun's share of the Tilläggsbidrag (column B of its row in the table under "Tilläggsbidrag 2026, kr").
      let inTable = false;
      const file = await tampered(
        `tillagg-${name}`,
        "Medlemsandelar",
        (row) => {
          if (String(rawOf(row.getCell(1).value)).startsWith("Tilläggsbidrag 2026")) inTable = true;
          return inTable && String(rawOf(row.getCell(1).value)).startsWith("Norrfors");
        },
        2,
        500,
        withExtra,
      );
      const failing = checksOf(sheetOf(file, "Kontroller")).filter((c) => c.status === "FEL");
      expect(failing).toEqual([
        { name: "Tilläggsbidragen summerar till sina belopp", status: "FEL", diff: 500 },
        { name: "Tilläggsbidragen summerar för varje medlem", status: "FEL", diff: 500 },
      ]);
    },
  );

  test.each(programs)("%s: a posting straight onto equity (golden j) is explained on both sheets: every check OK", (_name, sheetOf) => {
    const checks = checksOf(sheetOf(withDirect, "Kontroller"));
    expect(checks.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        "Ingående eget kapital + bokat direkt + prognostiserat resultat = utgående",
        "Eget kapitals förändring = årets resultat + bokat direkt",
      ]),
    );
    expect(checks.filter((c) => c.status !== "OK" || c.diff !== 0)).toEqual([]);
  });
});
