/**
 * End to end, as a user runs it: the built command line makes the example workbook, recalculates
 * it, and LibreOffice opens the result and recalculates every formula. Every formula evaluates
 * without an error value, every check says OK, and the values shown equal the JSON. The input
 * file's bytes are unchanged and every input cell is identical in the output. `verifiera` exits 0
 * on a fresh result and 3 after an input amount is changed.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { mkdirSync, mkdtempSync, readFileSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { rawOf, rawOfCell } from "./helpers/exceljs";
import { convert, describeWithLibreOffice } from "./helpers/libreoffice";

const cli = path.join(__dirname, "..", "dist", "cli", "main.js");
const tmp = mkdtempSync(path.join(os.tmpdir(), "finsam-e2e-"));
const input = path.join(tmp, "exempel.xlsx");
const output = path.join(tmp, "exempel.beraknad.xlsx");
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

function run(args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", env: { ...process.env, LANG: "sv_SE.UTF-8", LC_ALL: "" } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface Json {
  memberShares: { total: string; members: Array<{ member: string; amount: string; installments: string[] }> };
  tertialReport: { lines: Array<{ id: string; priorPeriod: string; period: string; budget: string; forecast: string; deviation: string }> };
  equity: { opening: string; forecastResult: string; closing: string; basis: string; ceiling: string; margin: string; status: string };
}

let json: Json;
let inputHash: string;

beforeAll(() => {
  expect(run(["exempel", input]).status).toBe(0);
  inputHash = sha(input);
  const r = run(["recalc", input, "--json"]);
  expect(r.status).toBe(0);
  json = JSON.parse(r.stdout) as Json;
});

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

test("the default output name is <name>.beraknad.xlsx and the input file's bytes are unchanged", () => {
  expect(sha(input)).toBe(inputHash);
  expect(() => readFileSync(output)).not.toThrow();
});

test("every cell of every input sheet is identical in the output workbook", async () => {
  const a = await load(input);
  const b = await load(output);
  let compared = 0;
  a.eachSheet((ws) => {
    const other = b.getWorksheet(ws.name);
    expect(other).toBeDefined();
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const o = other!.getCell(r, c);
        expect({ ref: `${ws.name}!${cell.address}`, v: o.value, f: o.numFmt }).toEqual({
          ref: `${ws.name}!${cell.address}`,
          v: cell.value,
          f: cell.numFmt,
        });
        compared++;
      });
    });
    expect(other!.rowCount).toBe(ws.rowCount);
  });
  expect(compared).toBeGreaterThan(1000);
});

test("verifiera exits 0 on a fresh result, and 3 naming the differences after an input amount changes", async () => {
  const ok = run(["verifiera", output]);
  expect(ok.status).toBe(0);
  const wb = await load(output);
  const ledger = wb.getWorksheet("Huvudbok")!;
  // The first salary voucher of this year: a corrected amount, on both of its rows (salary and bank),
  // so the voucher still balances.
  let changed = "";
  ledger.eachRow((row, r) => {
    if (changed || r === 1) return;
    const d = row.getCell(1).value;
    if (d instanceof Date && d.getUTCFullYear() === 2026 && String(row.getCell(5).value).startsWith("Löner")) {
      row.getCell(4).value = Number(row.getCell(4).value) + 10000;
      const bank = ledger.getRow(r + 1).getCell(4);
      bank.value = Number(bank.value) - 10000;
      changed = `Huvudbok!D${r}`;
    }
  });
  expect(changed).not.toBe("");
  const edited = path.join(tmp, "andrad.xlsx");
  await wb.xlsx.writeFile(edited);
  const diff = run(["verifiera", edited]);
  expect(diff.status).toBe(3);
  const lines = diff.stderr.split("\n");
  // What changed first (issue 33): the input table, named; then the result cells grouped by sheet with counts.
  expect(lines[0]).toMatch(/^Indata har ändrats efter beräkningen: Huvudbok\./);
  expect(lines[1]).toMatch(/^\d+ skillnader mellan lagrade och omräknade resultat:$/);
  const sheetLines = lines.filter((l) => /^  \S.*: \d+ cell(er)?$/.test(l));
  expect(sheetLines[0]).toMatch(/^  Tertialrapport: \d+ celler$/);
  // Each sheet's count is its share: together they are the total, and every cell appears once.
  const total = Number(/^(\d+)/.exec(lines[1])![1]);
  expect(sheetLines.reduce((a, l) => a + Number(/(\d+) cell/.exec(l)![1]), 0)).toBe(total);
  // Fingerprints only in the JSON; no line is a paragraph.
  expect(diff.stderr).not.toMatch(/[0-9a-f]{64}/);
  expect(lines.every((l) => l.length <= 180)).toBe(true);
  // Both sides in the sheet's unit: the example shows tkr; 10 000 kr more salary is 10 tkr on the staff-cost line.
  const line = lines.find((l) => /^    D\d+: lagrat/.test(l))!;
  expect(line).toMatch(/lagrat -?[\d\u00a0]+\u00a0tkr, omräknat -?[\d\u00a0]+\u00a0tkr/);
  const json = JSON.parse(run(["verifiera", edited, "--json"]).stdout) as {
    changedTables: Array<{ table: string; change: string; storedFingerprint: string; fingerprint: string }>;
    sheets: Array<{ sheet: string; count: number }>;
    differences: Array<{ cell: string; stored: string; recomputed: string }>;
  };
  expect(json.changedTables).toEqual([
    {
      table: "Huvudbok",
      sheet: "Huvudbok",
      change: "changed",
      storedFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    },
  ]);
  expect(json.changedTables[0].fingerprint).not.toBe(json.changedTables[0].storedFingerprint);
  expect(json.differences.length).toBe(total);
  expect(new Set(json.differences.map((d) => d.cell)).size).toBe(total);
  expect(json.sheets.reduce((a, s) => a + s.count, 0)).toBe(total);
  expect(json.differences.every((d) => d.stored !== d.recomputed)).toBe(true);
  // The cells that record the inputs (each sheet's fingerprint) are said by the table above, not listed as results.
  expect(json.differences.map((d) => d.cell)).not.toContain("Tertialrapport!B8");
});

test("verifiera after a result cell was typed over: the inputs are as they were, and the one cell is named", async () => {
  const wb = await load(output);
  const sheet = wb.getWorksheet("Eget kapital")!;
  let changed = "";
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (!changed && typeof cell.value === "number" && cell.value > 1_000_000) {
        cell.value = cell.value + 1000;
        changed = cell.address;
      }
    }),
  );
  const edited = path.join(tmp, "andrat-resultat.xlsx");
  await wb.xlsx.writeFile(edited);
  const r = run(["verifiera", edited]);
  expect(r.status).toBe(3);
  const lines = r.stderr.split("\n");
  expect(lines[0]).toMatch(/^Indata är desamma som vid beräkningen/);
  expect(lines.slice(1, 4)).toEqual([
    "1 skillnad mellan lagrat och omräknat resultat:",
    "  Eget kapital: 1 cell",
    expect.stringMatching(new RegExp(`^    ${changed}: lagrat `)),
  ]);
});

describeWithLibreOffice("LibreOffice opens the result", () => {
  const loDir = path.join(tmp, "lo");
  let recalculated: ExcelJS.Workbook;

  beforeAll(async () => {
    mkdirSync(loDir, { recursive: true });
    recalculated = await load(convert(output, "xlsx", loDir));
  });

  test("every formula evaluates without an error value and every check is OK", () => {
    let formulas = 0;
    recalculated.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as { formula?: string; result?: unknown } | null;
          if (v && typeof v === "object" && "formula" in v) {
            formulas++;
            const raw = rawOfCell(cell);
            expect({ cell: `${ws.name}!${cell.address}`, error: typeof raw === "object" && raw !== null && "error" in raw }).toEqual({
              cell: `${ws.name}!${cell.address}`,
              error: false,
            });
          }
        }),
      ),
    );
    expect(formulas).toBeGreaterThan(15);
    const checks = recalculated.getWorksheet("Kontroller")!;
    const results: string[] = [];
    checks.eachRow((row) => {
      const v = rawOf(row.getCell(2).value);
      if (v === "OK" || v === "FEL") results.push(`${row.getCell(1).value}: ${v}`);
    });
    expect(results.length).toBeGreaterThan(15);
    expect(results.filter((r) => !r.endsWith(": OK"))).toEqual([]);
  });

  test("the values LibreOffice shows equal the JSON", () => {
    const num = (v: ExcelJS.CellValue) => Number(rawOf(v));
    const close = (a: number, b: string) => expect(Math.abs(a - Number(b))).toBeLessThan(0.005);
    const t = recalculated.getWorksheet("Tertialrapport")!;
    const seen = new Set<string>();
    t.eachRow((row) => {
      const id = String(rawOf(row.getCell(10).value) ?? "");
      const line = json.tertialReport.lines.find((l) => l.id === id);
      if (!line || seen.has(id)) return;
      seen.add(id);
      close(num(row.getCell(3).value), line.priorPeriod);
      close(num(row.getCell(4).value), line.period);
      close(num(row.getCell(5).value), line.budget);
      close(num(row.getCell(6).value), line.forecast);
      close(num(row.getCell(7).value), line.deviation);
    });
    expect(seen.size).toBe(json.tertialReport.lines.length);
    const e = recalculated.getWorksheet("Eget kapital")!;
    const byId = new Map<string, number>();
    // Rad-id stands beside the table, outside the print area (column H).
    e.eachRow((row) => byId.set(String(rawOf(row.getCell(8).value)), num(row.getCell(2).value)));
    for (const k of ["opening", "closing", "basis", "ceiling", "margin"] as const) close(byId.get(k)!, json.equity[k]);
    const m = recalculated.getWorksheet("Medlemsandelar")!;
    let members = 0;
    m.eachRow((row) => {
      const member = json.memberShares.members.find((x) => x.member === rawOf(row.getCell(1).value));
      if (!member || num(row.getCell(2).value) !== 2026) return;
      members++;
      close(num(row.getCell(6).value), member.amount);
      member.installments.forEach((inst, i) => close(num(row.getCell(7 + i).value), inst));
    });
    expect(members).toBe(json.memberShares.members.length);
  });

  test("a result edited by hand makes a check show FEL after LibreOffice recalculates", async () => {
    const wb = await load(output);
    const t = wb.getWorksheet("Tertialrapport")!;
    t.eachRow((row) => {
      if (rawOf(row.getCell(10).value) === "personalkostnader") row.getCell(6).value = Number(rawOf(row.getCell(6).value)) - 1000;
    });
    const edited = path.join(tmp, "handredigerad.xlsx");
    await wb.xlsx.writeFile(edited);
    const out = await load(convert(edited, "xlsx", path.join(tmp, "lo2")));
    const failing: string[] = [];
    out.getWorksheet("Kontroller")!.eachRow((row) => {
      if (rawOf(row.getCell(2).value) === "FEL") failing.push(String(row.getCell(1).value));
    });
    expect(failing).toEqual(expect.arrayContaining(["Not 2 summerar till verksamhetens kostnader"]));
  });

  test("the tkr format displays thousands, rounded half away from zero", () => {
    const csvDir = path.join(tmp, "csv");
    mkdirSync(csvDir, { recursive: true });
    const csv = readFileSync(
      convert(output, "csv:Text - txt - csv (StarCalc):44,34,76,1,,1053,false,true,true,false,false,-1", csvDir).replace(
        /\.csv$/,
        "-Tertialrapport.csv",
      ),
      "utf8",
    );
    const line = json.tertialReport.lines.find((l) => l.id === "arets_resultat")!;
    const shown = Math.sign(Number(line.forecast)) * Math.round(Math.abs(Number(line.forecast)) / 1000);
    const row = csv.split("\n").find((l) => l.startsWith('"Årets resultat"') || l.startsWith("Årets resultat"))!;
    // LibreOffice shows the number with its locale's thousands separator: allow any.
    const digits = String(Math.abs(shown)).replace(/\B(?=(\d{3})+(?!\d))/g, "[ ,.\u00a0]?");
    expect(row.replace(/"/g, "")).toMatch(new RegExp(`(^|,)${shown < 0 ? "-" : ""}${digits}(,|$)`));
    // …and not the exact kronor.
    expect(row).not.toContain(line.forecast.split(".")[0]);
  });
});
