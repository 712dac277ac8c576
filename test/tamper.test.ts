/**
 * The auditor's promise (issue 33): a changed figure shows FEL in Kontroller, in any spreadsheet. Every money cell of
 * Medlemsandelar, Tertialrapport, Eget kapital and Bokslut in the calculated example — the open year (Brytdatum
 * 31 August) and the closed year (31 December) — is changed by 1 000 kr, one at a time, and LibreOffice recalculates
 * (one process, through its UNO bridge: test/helpers/tamper.py); every change must turn a check to FEL, and the
 * untouched workbook must be all OK. Gnumeric, a second program, recalculates a sample of the same changes from the
 * file and must turn exactly the same checks to FEL.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { EXAMPLE_CLOSED, EXAMPLE_DEFAULTS, exampleSheets } from "../src/report/example";
import { OWNED_SHEETS } from "../src/report/sheets";
import { XlsxPort } from "../src/xlsx/xlsxPort";
import { gnumericSheet, ssconvertPath } from "./helpers/gnumeric";
import { editParts, partText, recalcPackage } from "./helpers/package";
import { describeWith } from "./helpers/requires";
import { sofficePath } from "./helpers/soffice";
import { slow } from "./helpers/time";

// Its slowest test or hook, on a quiet machine; scaled to this one (test/helpers/time.ts).
jest.setTimeout(slow(600_000));

const PYTHON = "/usr/bin/python3";
const hasUno = spawnSync(PYTHON, ["-c", "import uno"]).status === 0;
const SHEETS = [OWNED_SHEETS.memberShares, OWNED_SHEETS.tertial, OWNED_SHEETS.equity, OWNED_SHEETS.statements];

interface Tampered {
  sheet: string;
  row: number;
  col: number;
  value: number;
  fel: string[];
}
interface TamperRun {
  checks: Array<{ name: string; status: string }>;
  after: string[];
  cells: Tampered[];
}

const colLetters = (c: number): string => (c < 26 ? "" : colLetters(Math.floor(c / 26) - 1)) + String.fromCharCode(65 + (c % 26));
const address = (t: Pick<Tampered, "row" | "col">) => `${colLetters(t.col)}${t.row + 1}`;

/** tamper.py over one file, in its own LibreOffice process and profile; resolves with its JSON. */
function tamper(file: string, profile: string): Promise<TamperRun> {
  return new Promise((resolve, reject) => {
    // In a process group of its own, with the LibreOffice it starts: a hung run is ended as a whole.
    const child = spawn(PYTHON, [path.join(__dirname, "helpers", "tamper.py"), sofficePath()!, profile, file], {
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    // The script ends its LibreOffice whatever happens; a hung run is ended here too.
    const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), slow(400_000));
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`tamper.py exited ${code}: ${err.slice(-2000)}`));
      else resolve(JSON.parse(out) as TamperRun);
    });
  });
}

/** The sheet's worksheet part, from workbook.xml and its relationships. */
function sheetPart(xlsx: Buffer, sheet: string): string {
  const wb = partText(xlsx, "xl/workbook.xml");
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const rels = partText(xlsx, "xl/_rels/workbook.xml.rels");
  const target =
    new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels) ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
  return "xl/" + target![1].replace(/^\/?xl\//, "");
}

/** The file with one number cell's stored value changed, as a person would type over it in another program. */
function withCellValue(xlsx: Buffer, sheet: string, ref: string, value: number): Buffer {
  let hits = 0;
  const out = editParts(xlsx, [
    [
      sheetPart(xlsx, sheet),
      (xml) =>
        xml.replace(new RegExp(`(<c r="${ref}"[^>]*>)<v>[^<]*</v>`), (_m, open: string) => {
          hits++;
          return `${open}<v>${value}</v>`;
        }),
    ],
  ]);
  if (hits !== 1) throw new Error(`${sheet}!${ref}: no number cell to change`);
  return out;
}

/** Kontroller's check rows (name, status) in order, as Gnumeric recalculates the file. */
function gnumericStatuses(file: string): Array<[string, string]> {
  const rows = gnumericSheet(file, OWNED_SHEETS.checks);
  const header = rows.findIndex((r) => r[0] === "Kontroll" && r[1] === "Resultat");
  const statuses: Array<[string, string]> = [];
  for (const r of rows.slice(header + 1)) {
    if (!r[0]) break;
    statuses.push([r[0], r[1]]);
  }
  return statuses;
}

/** A spread sample: per sheet the first, last and a few between. */
function sample(cells: Tampered[], perSheet: number): Tampered[] {
  return SHEETS.flatMap((s) => {
    const of = cells.filter((c) => c.sheet === s);
    const picks = new Set(Array.from({ length: perSheet }, (_, i) => Math.round((i * (of.length - 1)) / Math.max(1, perSheet - 1))));
    return [...picks].map((i) => of[i]);
  });
}

describeWith(
  "every money figure of the result sheets is checked: changed by 1 000 kr, Kontroller says FEL (LibreOffice, Gnumeric)",
  {
    present: !!sofficePath() && hasUno && !!ssconvertPath(),
    what: "LibreOffice with its Python bridge, and Gnumeric (soffice, python3-uno, ssconvert)",
    how: "apt-get install libreoffice-calc-nogui python3-uno gnumeric",
  },
  () => {
    let dir = "";
    const files = new Map<string, Buffer>();
    const runs = new Map<string, TamperRun>();
    const EXAMPLES = [
      { name: "open", options: EXAMPLE_DEFAULTS },
      { name: "closed", options: EXAMPLE_CLOSED },
    ];

    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), "finsam-tamper-"));
      await Promise.all(
        EXAMPLES.map(async ({ name, options }) => {
          const port = XlsxPort.empty();
          await port.writeSheets(exampleSheets(options));
          const { output } = await recalcPackage(port.toBuffer());
          const file = path.join(dir, `${name}.xlsx`);
          writeFileSync(file, output!);
          files.set(name, output!);
          mkdirSync(path.join(dir, `profile-${name}`));
          runs.set(name, await tamper(file, path.join(dir, `profile-${name}`)));
        }),
      );
    });

    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    describe.each(EXAMPLES.map((e) => e.name))("the %s example", (name) => {
      test("untouched, every check is OK in LibreOffice, and again after every cell is put back", () => {
        const run = runs.get(name)!;
        expect(run.checks.length).toBeGreaterThan(50);
        expect(run.checks.filter((c) => c.status !== "OK")).toEqual([]);
        expect(run.after.filter((s) => s !== "OK")).toEqual([]);
      });

      test("every money cell changed by 1 000 kr turns a check to FEL in LibreOffice", () => {
        const run = runs.get(name)!;
        // Hundreds of figures on all four sheets (a format change that hid them from the test would fail here).
        expect(run.cells.length).toBeGreaterThan(400);
        for (const s of SHEETS)
          expect({ sheet: s, cells: run.cells.filter((c) => c.sheet === s).length > 20 }).toEqual({ sheet: s, cells: true });
        const missed = run.cells.filter((c) => c.fel.length === 0).map((c) => `${c.sheet}!${address(c)} (${c.value})`);
        expect(missed).toEqual([]);
      });

      test("Gnumeric: the untouched file is all OK, and a sample of the changes turns the same checks to FEL", () => {
        const run = runs.get(name)!;
        const file = path.join(dir, `${name}-gnumeric.xlsx`);
        writeFileSync(file, files.get(name)!);
        const untouched = gnumericStatuses(file);
        expect(untouched.map(([n]) => n)).toEqual(run.checks.map((c) => c.name));
        expect(untouched.filter(([, s]) => s !== "OK")).toEqual([]);
        const picked = sample(run.cells, 4);
        expect(picked.length).toBe(16);
        for (const cell of picked) {
          writeFileSync(file, withCellValue(files.get(name)!, cell.sheet, address(cell), cell.value + 1000));
          const fel = gnumericStatuses(file)
            .filter(([, s]) => s === "FEL")
            .map(([n]) => n);
          expect({ cell: `${cell.sheet}!${address(cell)}`, fel }).toEqual({ cell: `${cell.sheet}!${address(cell)}`, fel: cell.fel });
        }
      });
    });
  },
);
