/**
 * One contract, declared once (issue 32, point 1): a property test over the declaration (src/core/contract). The
 * template is filled with random valid values for every column of every table, of the column's kind; the year is
 * computed closed at 31 December, Nytt år makes next year's workbook, and that one computes too. Every value the
 * new workbook carries keeps its kind and its column's number format, as ExcelJS (an independent reader) sees it:
 * a date stays a date, an amount is never dated, text stays text.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { CELL_FORMATS, ColumnKind, INPUT_TABLE_DEFS, TABLE_DEFS } from "../src/core/contract";
import { OUTPUTS } from "../src/core/compute";
import { dayNumber, excelSerialOfDayNumber } from "../src/core/dates";
import type { InputTable } from "../src/core/inputs";
import { inputSheet, templateSheets, templateSettingRows, V, yearSheetColumn, sheetColumn } from "../src/report/inputSheets";
import type { SheetModel } from "../src/report/sheetModel";
import { newYear } from "../src/workbook/newYear";
import { recalculate } from "../src/workbook/usecases";
import { XlsxPort } from "../src/xlsx/xlsxPort";

const Y = 2026;
const serial = (y: number, m: number, d: number) => excelSerialOfDayNumber(dayNumber(y, m, d));

/** Text an officer types: letters (Swedish ones too), digits, spaces and punctuation, never blank. */
const text = fc
  .stringMatching(/^[A-Za-zÅÄÖåäöÉé0-9 .,:;()\/&'-]{1,24}$/)
  .map((s) => s.trim())
  .filter((s) => s !== "" && !/^[-+]?[\d.,\s]+$/.test(s));
const amount = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((o) => o / 100);
const dayIn = (year: number) =>
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([m, d]) => serial(year, m, d));

interface Filled {
  rows: Partial<Record<InputTable, V[][]>>;
  /** Medlemmar's key column for next year. */
  nextKeys: V[];
}

/** A whole workbook's worth of random valid inputs, consistent enough for a closed year. */
const workbook: fc.Arbitrary<Filled> = fc
  .record({
    association: text,
    members: fc.array(fc.record({ name: text, key: fc.integer({ min: 1, max: 90000 }), next: fc.integer({ min: 1, max: 90000 }) }), {
      minLength: 3,
      maxLength: 7,
    }),
    joins: fc.array(fc.option(dayIn(Y), { nil: null }), { minLength: 7, maxLength: 7 }),
    accountNames: fc.array(text, { minLength: 6, maxLength: 6 }),
    budget: fc.array(amount(5_000_000), { minLength: 10, maxLength: 10 }),
    vouchers: fc.array(
      fc.record({ day: fc.oneof(dayIn(Y - 1), dayIn(Y)), account: fc.constantFrom(4510, 5010, 6110, 3910), amount: amount(200_000), text }),
      { minLength: 4, maxLength: 30 },
    ),
    grants: fc.array(
      fc.record({
        name: text,
        dnr: text,
        granted: amount(3_000_000),
        from: dayIn(Y - 1),
        to: dayIn(Y + 1),
        earlier: fc.option(amount(50_000)),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    manual: fc.tuple(amount(100_000), text),
    bands: fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 30 })),
    extras: fc.array(
      fc.record({
        next: fc.boolean(),
        amount: fc.integer({ min: 0, max: 900_000 }),
        due: fc.integer({ min: 1, max: 12 }),
        decision: text,
        own: fc.boolean(),
      }),
      { maxLength: 3 },
    ),
  })
  .map((r) => {
    // Unique names (a number after each), a state and a region first, municipalities after.
    const groups = ["Stat", "Region", ...r.members.slice(2).map(() => "Kommun")];
    const members: V[][] = r.members.map((m, i) => [`${m.name} ${i + 1}`, groups[i], m.key, i >= 3 ? r.joins[i] : null, null]);
    const accounts: V[][] = [
      ["1930", r.accountNames[0], "kassa_och_bank"],
      ["2010", r.accountNames[1], "eget_kapital"],
      ["3010-3099", r.accountNames[2], "medlemsbidrag"],
      ["3900-3999", r.accountNames[3], "ovriga_intakter"],
      ["4500-4599", r.accountNames[4], "bidrag_till_insatser"],
      ["5000-7999", r.accountNames[5], "personalkostnader"],
    ];
    const lines = ["medlemsbidrag", "ovriga_intakter", "bidrag_till_insatser", "personalkostnader", "finansiella_kostnader"];
    const budget: V[][] = [Y, Y + 1].flatMap((year, k) =>
      lines.map((l, i) => [l, year, i === 0 ? Math.round(r.budget[k * 5]) + 1_000_000 : r.budget[k * 5 + i]]),
    );
    const codes = r.grants.map((_, i) => `P${i + 1}`);
    const ledger: V[][] = [
      [serial(Y - 1, 1, 1), "IB", 1930, 2_000_000, "Ingående balans", null],
      [serial(Y - 1, 1, 1), "IB", 2010, -2_000_000, "Ingående balans", null],
    ];
    r.vouchers.forEach((v, i) => {
      const project = v.account === 4510 ? codes[i % codes.length] : null;
      ledger.push([v.day, `V${i + 1}`, v.account, v.amount, v.text, project], [v.day, `V${i + 1}`, 1930, -v.amount, v.text, project]);
    });
    // This year's opening balances: last year's closing (its vouchers all go against the bank).
    const lastYear = r.vouchers.filter((v) => v.day <= serial(Y - 1, 12, 31)).reduce((a, v) => a + Math.round(v.amount * 100), 0) / 100;
    const opening = Math.round((2_000_000 - lastYear) * 100) / 100;
    ledger.push(
      [serial(Y, 1, 1), "IB", 1930, opening, "Ingående balans", null],
      [serial(Y, 1, 1), "IB", 2010, -opening, "Ingående balans", null],
    );
    // The year reaches December, and the contributions are booked.
    ledger.push(
      [serial(Y, 12, 15), "V-DEC", 3010, -1_000_000, "Medlemsbidrag", null],
      [serial(Y, 12, 15), "V-DEC", 1930, 1_000_000, "Medlemsbidrag", null],
    );
    const grants: V[][] = r.grants.map((g, i) => [codes[i], g.name, g.dnr, g.granted, g.from, g.to, g.earlier]);
    const forecast: V[][] = [
      ["personalkostnader", "linjär", null, ""],
      ["bidrag_till_insatser", "åtaganden", null, ""],
      ["finansiella_kostnader", "manuell", r.manual[0], r.manual[1]],
    ];
    const [a, b, c] = r.bands;
    const bands: V[][] = [
      [0, a * 1_000_000, c / 100],
      [a * 1_000_000, (a + b) * 1_000_000, c / 200],
      [(a + b) * 1_000_000, null, 0.05],
    ];
    const extras: V[][] = r.extras.map((x) => {
      const year = x.next ? Y + 1 : Y;
      const shares = x.own ? [0.5, 0, 0.5] : [null, null, null];
      return [year, x.amount, serial(year, x.due, 20), x.decision, ...shares];
    });
    const settings = templateSettingRows({
      Förbund: r.association,
      Räkenskapsår: Y,
      Brytdatum: `${Y}-12-31`,
      Takregel: "Tabell",
      "Fördelningsnyckel avser": "invånare 1 november",
    });
    return {
      rows: {
        Installningar: settings,
        Medlemmar: members,
        Kontoplan: accounts,
        Budget: budget,
        Huvudbok: ledger,
        Insatser: grants,
        Prognos: forecast,
        Takregel: bands,
        Tillaggsbidrag: extras,
      },
      nextKeys: r.members.map((m) => m.next),
    };
  });

/** `mall`, filled in: the template's sheets with each table's rows (Medlemmar with a key column for next year). */
function filled(f: Filled): SheetModel[] {
  return templateSheets().map((m) => {
    const def = INPUT_TABLE_DEFS.find((d) => d.sheet === m.name)!;
    if (def.name !== "Medlemmar") return inputSheet(def, f.rows[def.name] ?? []);
    const columns = [...def.columns.filter((c) => c.template).map(sheetColumn), yearSheetColumn(def.yearColumns!, Y + 1)];
    return inputSheet(
      def,
      (f.rows.Medlemmar ?? []).map((r, i) => [...r, f.nextKeys[i]]),
      columns,
    );
  });
}

/** What ExcelJS sees in each contract column of each input sheet: value types and number formats, by kind. */
async function kindsSeen(buffer: Buffer): Promise<Array<{ where: string; kind: ColumnKind; type: string; format: string }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const out: Array<{ where: string; kind: ColumnKind; type: string; format: string }> = [];
  for (const def of INPUT_TABLE_DEFS) {
    const ws = wb.getWorksheet(def.sheet);
    if (!ws) continue;
    const header = (ws.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ""));
    header.forEach((h, i) => {
      const column = def.columns.find((c) => [c.sv, c.en, ...c.aliases].includes(h));
      const year = !column && def.yearColumns && /\d{4}$/.test(h) ? def.yearColumns : null;
      const kind = column?.kind ?? year?.kind;
      if (!kind || kind === "settingValue") return;
      for (let r = 2; r <= ws.rowCount; r++) {
        const cell = ws.getCell(r, i + 1);
        if (cell.value === null || cell.value === undefined) continue;
        const type = cell.value instanceof Date ? "date" : typeof cell.value;
        out.push({ where: `${def.sheet}!${cell.address}`, kind, type, format: cell.numFmt ?? "General" });
      }
    });
  }
  return out;
}

/** A value of each kind as the template writes it: dates as date cells, amounts and keys as numbers, text as text. */
const EXPECTED_TYPE: Partial<Record<ColumnKind, string[]>> = {
  date: ["date"],
  amount: ["number"],
  year: ["number"],
  key: ["number"],
  percent: ["number"],
  account: ["number"],
  accountRange: ["string"],
  text: ["string"],
  reportLine: ["string"],
  group: ["string"],
  method: ["string"],
  setting: ["string"],
  note: ["string"],
};

describe("the contract, declared once, holds over a whole year", () => {
  test("mall → fill → berakna (closed) → nytt-ar → berakna: every column keeps its kind and its number format", async () => {
    await fc.assert(
      fc.asyncProperty(workbook, async (f) => {
        const source = XlsxPort.empty();
        await source.writeSheets(filled(f));
        const first = await recalculate(XlsxPort.fromBuffer(source.toBuffer()), {
          outputs: new Set(OUTPUTS),
          version: "test",
          now: () => "x",
        });
        expect(first.errors).toEqual([]);
        const target = XlsxPort.empty();
        const made = await newYear(XlsxPort.fromBuffer(source.toBuffer()), target, { source: "f.xlsx", version: "test", now: () => "x" });
        expect(made.errors).toEqual([]);
        const second = await recalculate(XlsxPort.fromBuffer(target.toBuffer()), {
          outputs: new Set(OUTPUTS),
          version: "test",
          now: () => "x",
        });
        expect(second.errors).toEqual([]);
        for (const buffer of [source.toBuffer(), target.toBuffer()]) {
          const seen = await kindsSeen(buffer);
          expect(seen.length).toBeGreaterThan(20);
          for (const s of seen) {
            const numeric = s.type === "number" || s.type === "date";
            const format = numeric ? CELL_FORMATS[s.kind] : "@";
            expect({ ...s, ok: EXPECTED_TYPE[s.kind]?.includes(s.type) ?? false }).toEqual({ ...s, ok: true });
            expect({ where: s.where, format: s.format === "General" && format === "General" ? "General" : s.format }).toEqual({
              where: s.where,
              format,
            });
          }
        }
        // What Nytt år carries as typed is the same in the new workbook, row for row (Kontoplan, Medlemmar, Takregel).
        const values = async (buffer: Buffer, table: InputTable) =>
          (await XlsxPort.fromBuffer(buffer).readGrid()).tables.find((t) => t.name === table)!.rows;
        for (const table of ["Kontoplan", "Medlemmar", "Takregel"] as const)
          expect([table, await values(target.toBuffer(), table)]).toEqual([table, await values(source.toBuffer(), table)]);
        expect(TABLE_DEFS.Takregel.newYear).toBe("carry");
      }),
      { numRuns: 12 },
    );
  });
});
