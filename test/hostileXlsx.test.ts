/**
 * Crafted .xlsx files against the reader (issue 22, point 1, in part): references beyond Excel's grid, a table
 * or a merge over the whole grid, a character reference beyond Unicode. Each is a small edit of the bundled
 * example; each runs the command line as a child process killed at a time limit, and must end with a message
 * (exit 0 or 1), never a hang, a crash or "Oväntat fel" (exit 4). The input is never changed.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { deflateEntry, inflateEntry, readZip, writeZip } from "../src/xlsx/zip";

const ROOT = path.resolve(__dirname, "..");
const cli = path.join(ROOT, "dist/cli/main.js");
const example = readFileSync(path.join(ROOT, "examples/exempel.xlsx"));

/** The example with one part edited. Huvudbok is sheet5 (its table table5), as the example is written. */
function edited(part: string, edit: (xml: string) => string): Buffer {
  const entries = readZip(example).map((e) => {
    if (e.name !== part) return e;
    const before = inflateEntry(e).toString("utf8");
    const after = edit(before);
    expect(after).not.toBe(before);
    return deflateEntry(e.name, after);
  });
  return writeZip(entries);
}

const cases: Array<[string, Buffer, number, string]> = [
  [
    "a cell at row 1 000 000 000",
    edited("xl/worksheets/sheet5.xml", (x) =>
      x.replace("</sheetData>", '<row r="1000000000"><c r="A1000000000"><v>1</v></c></row></sheetData>'),
    ),
    1,
    "beyond Excel's last row",
  ],
  [
    "a cell in column AAAAAAA",
    edited("xl/worksheets/sheet5.xml", (x) => x.replace('<c r="A2"', '<c r="AAAAAAA2"')),
    1,
    "outside Excel's grid",
  ],
  [
    "a merge to row 1e15",
    edited("xl/worksheets/sheet5.xml", (x) =>
      x.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A1:A1000000000000000"/></mergeCells>'),
    ),
    1,
    "bad cell reference",
  ],
  [
    "a merge over the rest of the grid, where the sheet has no cells",
    edited("xl/worksheets/sheet5.xml", (x) =>
      x.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="Z100:XFD1048576"/></mergeCells>'),
    ),
    0,
    "Verifierad",
  ],
  [
    "a table over the whole grid (A1:XFD1048576)",
    edited("xl/tables/table5.xml", (x) => x.replace(/ ref="[^"]+"/, ' ref="A1:XFD1048576"')),
    0,
    "Verifierad",
  ],
  [
    "a character reference beyond Unicode (&#x110000;)",
    edited("xl/worksheets/sheet5.xml", (x) => x.replace(/<t xml:space="preserve">[^<]+<\/t>/, '<t xml:space="preserve">&#x110000;</t>')),
    1,
    "is not a character",
  ],
];

describe("crafted workbooks end with a message, within a time limit", () => {
  test.each(cases)(
    "%s",
    (_name, bytes, status, words) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "finsam-hostile-"));
      const input = path.join(dir, "in.xlsx");
      writeFileSync(input, bytes);
      const sha = createHash("sha256").update(bytes).digest("hex");
      const out = path.join(dir, "ut.xlsx");
      const t0 = Date.now();
      const r = spawnSync(process.execPath, ["--max-old-space-size=1024", cli, "recalc", input, "-o", out], {
        encoding: "utf8",
        timeout: 30000,
        env: { ...process.env, LANG: "sv_SE.UTF-8" },
      });
      expect(r.signal).toBeNull();
      expect(Date.now() - t0).toBeLessThan(30000);
      expect([r.status, r.stderr]).toEqual([status, expect.not.stringContaining("Oväntat fel")]);
      if (status === 0) {
        const v = spawnSync(process.execPath, [cli, "verifiera", out], {
          encoding: "utf8",
          timeout: 30000,
          env: { ...process.env, LANG: "sv_SE.UTF-8" },
        });
        expect(v.stderr).toContain(words);
      } else expect(r.stderr).toContain(words);
      expect(createHash("sha256").update(readFileSync(input)).digest("hex")).toBe(sha);
    },
    90000,
  );
});
