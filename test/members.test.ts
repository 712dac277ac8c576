/**
 * Issue 25, point 2: Medlemmar's new columns — Från/Till and keys per year — read with errors that name the cell.
 */
import { readFileSync } from "fs";
import path from "path";
import { compute, OUTPUTS } from "../src/core/compute";
import { formatIssue } from "../src/core/messages";
import { memberSharesSheet } from "../src/report/sheets/memberShares";
import { readInputs } from "../src/workbook/read";
import { parseTextWorkbook } from "./helpers/textWorkbook";

const GOLDEN = readFileSync(path.join(__dirname, "golden", "f-medlem-fran-april-nyckel-per-ar.case"), "utf8");

/** The golden case with Medlemmar replaced. */
function withMembers(rows: string): string {
  const start = GOLDEN.indexOf("# Medlemmar");
  const end = GOLDEN.indexOf("# Kontoplan");
  return GOLDEN.slice(0, start) + "# Medlemmar\n" + rows.trim() + "\n" + GOLDEN.slice(end);
}

function errorsOf(source: string): string[] {
  const r = readInputs(parseTextWorkbook(source).grid, new Set(OUTPUTS));
  return r.errors.map((e) => formatIssue(e, "sv"));
}

test("the golden case reads: keys by year, Från and Till as days", () => {
  const r = readInputs(parseTextWorkbook(GOLDEN).grid, new Set(OUTPUTS));
  expect(r.errors).toEqual([]);
  const nyby = r.inputs!.members.find((m) => m.name === "Nyby")!;
  expect([...nyby.keys].map(([y, k]) => [y, k.toFixed()])).toEqual([
    [2026, "8000"],
    [2027, "8100"],
  ]);
  expect(nyby.from).not.toBeNull();
  expect(nyby.to).toBeNull();
  expect(nyby.key.toFixed()).toBe("8000");
});

test.each([
  [
    "a Från that is not a date",
    [
      "Medlem | Huvudman | Fördelningsnyckel | Från",
      "Försäkringskassan | Stat | 1 |",
      "Region Nord | Region | 1 |",
      "Storstad | Kommun | 10 | första april",
    ].join("\n"),
    /^Medlemmar!D4: "första april" är inte ett datum/,
  ],
  [
    "a negative key for a year",
    [
      "Medlem | Huvudman | Nyckel 2026 | Nyckel 2027",
      "Försäkringskassan | Stat | 1 | 1",
      "Region Nord | Region | 1 | 1",
      "Storstad | Kommun | 10 | -5",
    ].join("\n"),
    /^Medlemmar!D4: /,
  ],
  [
    "no key column at all",
    ["Medlem | Huvudman", "Försäkringskassan | Stat", "Region Nord | Region", "Storstad | Kommun"].join("\n"),
    /Fördelningsnyckel/,
  ],
  [
    "Till before Från",
    [
      "Medlem | Huvudman | Fördelningsnyckel | Från | Till",
      "Försäkringskassan | Stat | 1 | |",
      "Region Nord | Region | 1 | |",
      "Storstad | Kommun | 10 | 2026-05-01 | 2026-02-01",
    ].join("\n"),
    /^Medlemmar!E4: /,
  ],
  [
    "a member without any key",
    [
      "Medlem | Huvudman | Nyckel 2026",
      "Försäkringskassan | Stat | 1",
      "Region Nord | Region | 1",
      "Storstad | Kommun | 10",
      "Lillby | Kommun |",
    ].join("\n"),
    /^Medlemmar!C5: /,
  ],
])("%s is an error naming the cell", (_name, rows, pattern) => {
  const errors = errorsOf(withMembers(rows));
  expect(errors.length).toBeGreaterThan(0);
  expect(errors[0]).toMatch(pattern);
});

test("a member of a later year only has its row in the members × years table, so every year's column foots", () => {
  const source = GOLDEN.replace(
    "Gamlaby | Kommun | 6 000 | | | 2026-06-30",
    "Gamlaby | Kommun | 6 000 | | | 2026-06-30\nNyköping | Kommun | 5 000 | 5 000 | 2027-01-01 |",
  );
  expect(source).toContain("Nyköping");
  const r = readInputs(parseTextWorkbook(source).grid, new Set(OUTPUTS));
  const c = compute(r.inputs!, { outputs: new Set(OUTPUTS) });
  if (!c.ok) throw new Error(JSON.stringify(c.errors));
  const { sheet, layout } = memberSharesSheet(c.value, { version: "t", computedAt: "2026-05-01T00:00:00Z", fingerprint: "f" });
  const row = sheet.rows.find((x) => String(x[0]?.value ?? "").startsWith("Nyköping"))!;
  // Not a member in 2026: no key and no share that year; its 2027 and 2028 amounts are there.
  expect([row[1]?.value, row[2]?.value, row[3]?.value]).toEqual(["", "", 0]);
  expect(Number(row[4]?.value)).toBeGreaterThan(0);
  // Each year's column: the member rows sum to the Summa row (what Kontroller's new check computes in any program).
  const m = layout.matrix;
  for (let i = 0; i < m.years.length; i++) {
    const col = m.firstYearCol + i;
    const sum = m.memberRows.reduce((a, r) => a + Number(sheet.rows[r][col]?.value ?? 0), 0);
    expect([i, sum]).toEqual([i, Number(sheet.rows[m.totalRow][col]?.value)]);
  }
});

test("a sole member's blank key counts as 1 (its share is the whole group's); among several it is an error naming the member", () => {
  const base = readFileSync(path.join(__dirname, "golden", "a-april-tkr-linjar.case"), "utf8");
  const run = (source: string) => {
    const read = readInputs(parseTextWorkbook(source).grid, new Set(OUTPUTS));
    return { read, result: read.inputs ? compute(read.inputs, { outputs: new Set(OUTPUTS) }) : null };
  };
  const typed = run(base);
  const blank = run(
    base.replace("Försäkringskassan | Stat | 1", "Försäkringskassan | Stat |").replace("Regionen | Region | 1", "Regionen | Region |"),
  );
  expect(blank.read.errors).toEqual([]);
  const members = (r: typeof typed) =>
    r.result!.ok ? r.result!.value.memberShares![0].members.map((m) => [m.member, m.amount.toFixed()]) : [];
  // Staten and regionen get their whole group's share either way: the same figures as with key 1 typed.
  expect(members(blank)).toEqual(members(typed));
  expect(members(typed).length).toBe(4);
  const municipality = run(base.replace("Lillby | Kommun | 10000", "Lillby | Kommun |"));
  expect(municipality.read.errors.map((e) => formatIssue(e, "sv"))).toEqual([
    "Medlemmar!C5: Fördelningsnyckel saknas för Lillby. Kommuner har flera medlemmar som delar på sin andel efter nyckeln " +
      "(t.ex. invånare), så varje medlem behöver en; fyll i den, eller 0 för en medlem som inte betalar i år.",
  ]);
});
