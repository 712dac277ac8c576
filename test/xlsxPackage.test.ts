/**
 * The command line's own .xlsx package reader and writer (src/xlsx), checked against ExcelJS as an
 * independent implementation and against LibreOffice: the zip layer, the reader's view of files
 * written by others, the writer keeping every part it does not own byte for byte, repeated runs
 * that neither grow the package nor leave orphan parts, and text that survives any character.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import zlib from "zlib";
import fc from "fast-check";
import { defaultOutputPath } from "../src/cli/main";
import { OUTPUTS } from "../src/core/compute";
import { exampleSheets, EXAMPLE_DEFAULTS } from "../src/report/example";
import { OWNED_SHEETS } from "../src/report/sheets";
import { SheetModel } from "../src/report/sheetModel";
import { recalculate } from "../src/workbook/usecases";
import { Package } from "../src/xlsx/package";
import { dateStyles, digitsAt, isDateFormat, numberAt, readGrid, readGridAsync, sharedStrings, sharedStringsOf } from "../src/xlsx/read";
import { readSheet } from "../src/xlsx/scan";
import { emptyPackage, writeSheetsToPackage } from "../src/xlsx/write";
import { decodeText, elements, escapeText, runsText } from "../src/xlsx/xml";
import { XlsxPort } from "../src/xlsx/xlsxPort";
import { crc32, deflateEntry, inflateEntry, inflateEntryAsync, readZip, writeZip, ZipEntry, ZipError } from "../src/xlsx/zip";
import { bufferOf, comparableGrid, gridOfWorkbook, workbookOf } from "./helpers/exceljs";
import { convert, describeWithLibreOffice } from "./helpers/libreoffice";
import { exampleWorkbook, FIXED_NOW } from "./helpers/office";
import { editParts } from "./helpers/package";

const tmp = mkdtempSync(path.join(os.tmpdir(), "finsam-pkg-"));
const OPTIONS = { outputs: new Set(OUTPUTS), version: "test", now: FIXED_NOW, action: "Beräkna allt (test)" };
const OWNED = new Set<string>(Object.values(OWNED_SHEETS));

/** One recalculation over a package; the bytes the command line would save. */
async function recalcBuffer(input: Buffer): Promise<Buffer> {
  const port = XlsxPort.fromBuffer(input);
  const outcome = await recalculate(port, OPTIONS);
  expect(outcome.errors).toEqual([]);
  return port.toBuffer();
}

function partsOf(buf: Buffer): Map<string, { crc: number; data: Buffer }> {
  return new Map(readZip(buf).map((e) => [e.name, { crc: e.crc, data: e.data }]));
}

function textOf(buf: Buffer, part: string): string {
  return new Package(readZip(buf)).text(part);
}

describe("zip layer", () => {
  test("entries survive a write and a read: names, bytes, checksums", () => {
    const entries = [
      deflateEntry("a.xml", "<a>å</a>"),
      deflateEntry("dir/b.bin", Buffer.from([0, 1, 2, 255])),
      deflateEntry("tom.txt", ""),
    ];
    const back = readZip(writeZip(entries));
    expect(back.map((e) => e.name)).toEqual(["a.xml", "dir/b.bin", "tom.txt"]);
    expect(inflateEntry(back[0]).toString("utf8")).toBe("<a>å</a>");
    expect([...inflateEntry(back[1])]).toEqual([0, 1, 2, 255]);
    expect(inflateEntry(back[2]).length).toBe(0);
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  });

  test("a file that is not a zip, a truncated one and a corrupted part are refused with a reason", () => {
    expect(() => readZip(Buffer.from("Konto;Belopp\n1930;100\n"))).toThrow(ZipError);
    const good = writeZip([deflateEntry("x.xml", "<x>" + "data ".repeat(200) + "</x>")]);
    expect(() => readZip(good.subarray(0, good.length - 30))).toThrow(ZipError);
    const bad = Buffer.from(good);
    bad[40] ^= 0xff; // inside the compressed data
    expect(() => inflateEntry(readZip(bad)[0])).toThrow(/damaged/);
    // A part that inflates to more than its directory entry declares (a zip bomb) is refused before it is all in memory.
    const bomb = deflateEntry("xl/worksheets/sheet1.xml", Buffer.alloc(50_000_000, 32));
    expect(() => inflateEntry({ ...bomb, size: 1000 })).toThrow(/damaged/);
    expect(() => inflateEntry({ ...bomb, size: 600_000_000 })).toThrow(/MB/);
  });

  test("a part inflated on the thread pool is the same bytes, refused for the same reasons", async () => {
    const parts = [
      deflateEntry("a.xml", "<a>å</a>".repeat(1000)),
      deflateEntry("tom.txt", ""),
      { ...deflateEntry("lagrad.xml", "<b/>"), method: 0, data: Buffer.from("<b/>"), compressedSize: 4 },
    ];
    for (const e of readZip(writeZip(parts))) expect(Buffer.compare(await inflateEntryAsync(e), inflateEntry(e))).toBe(0);
    const good = readZip(writeZip([deflateEntry("x.xml", "<x>" + "data ".repeat(200) + "</x>")]))[0];
    const flipped = Buffer.from(good.data);
    flipped[10] ^= 0xff;
    const bomb = deflateEntry("xl/worksheets/sheet1.xml", Buffer.alloc(50_000_000, 32));
    const bad: ZipEntry[] = [
      { ...good, data: flipped },
      { ...good, crc: good.crc ^ 1 },
      { ...bomb, size: 1000 },
      { ...bomb, size: 600_000_000 },
    ];
    for (const e of bad) {
      const sync = (() => {
        try {
          inflateEntry(e);
        } catch (error) {
          return error as Error;
        }
      })();
      expect(sync).toBeInstanceOf(ZipError);
      await expect(inflateEntryAsync(e)).rejects.toEqual(sync);
    }
  });

  test("the command line says in Swedish that a non-workbook cannot be read, exits 1 and writes nothing", () => {
    const file = path.join(tmp, "inte-en-arbetsbok.xlsx");
    writeFileSync(file, "Datum;Konto;Belopp\n");
    const cli = path.join(__dirname, "..", "dist", "cli", "main.js");
    const r = spawnSync(process.execPath, [cli, "recalc", file], {
      encoding: "utf8",
      env: { ...process.env, LANG: "sv_SE.UTF-8", LC_ALL: "" },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("går inte att läsa som en Excel-arbetsbok");
    expect(r.stderr).toContain("Ingenting har skrivits");
    expect(() => readFileSync(path.join(tmp, "inte-en-arbetsbok.beraknad.xlsx"))).toThrow();
  });
});

test("the default output name keeps a macro workbook's extension", () => {
  expect(defaultOutputPath(path.join("a", "Budget 2026.xlsx"))).toBe(path.join("a", "Budget 2026.beraknad.xlsx"));
  expect(defaultOutputPath("Förbund.XLSM")).toBe("Förbund.beraknad.xlsm");
});

describe("reader", () => {
  test("date and time formats are told from number formats", () => {
    for (const f of ["yyyy-mm-dd", "d/m/yyyy", "mmm-yy", "h:mm", "[$-41D]d mmmm yyyy", "YYYY-MM-DD", "yyyy-mm-dd;@"])
      expect([f, isDateFormat(f)]).toEqual([f, true]);
    for (const f of ["General", "0", "#,##0", "#,##0;-#,##0;0", '0" dagar"', "[Red]0.00", "0.00%", "@", '#,##0 "kr"', "#,##0\\ \\k\\r"])
      expect([f, isDateFormat(f)]).toEqual([f, false]);
  });

  test("sees what ExcelJS sees in the example, in a 5 000-row ledger, and in our own output", async () => {
    const small = await bufferOf(exampleWorkbook());
    const large = await bufferOf(exampleWorkbook({ ledgerRows: 5000 }));
    for (const buf of [small, large, await recalcBuffer(small)]) {
      expect(comparableGrid(readGrid(Package.fromBuffer(buf)))).toEqual(comparableGrid(gridOfWorkbook(await workbookOf(buf))));
    }
  });

  test("the largest worksheet is inflated ahead on the thread pool: the same grid, the same errors in the same order", async () => {
    const wb = exampleWorkbook({ ledgerRows: 6000 });
    // A large sheet of the user's, smaller than the ledger: read in its turn, not held beside the ledger's bytes.
    const notes = wb.addWorksheet("Anteckningar");
    for (let r = 0; r < 5000; r++) notes.addRow(Array.from({ length: 8 }, (_, c) => `anteckning ${r}:${c}`));
    const buf = await bufferOf(wb);
    const pkg = Package.fromBuffer(buf);
    const large = pkg.entries.filter((e) => e.name.startsWith("xl/worksheets/") && e.size > 1 << 20).sort((a, b) => b.size - a.size);
    expect(large).toHaveLength(2);
    const [ledger, other] = large;
    const sync = jest.spyOn(zlib, "inflateRawSync");
    try {
      const grid = await readGridAsync(pkg);
      // Inflated ahead: the main thread never inflated the ledger; the other large sheet, and every other part, once.
      expect(sync.mock.calls.filter(([data]) => data === ledger.data)).toHaveLength(0);
      expect(sync.mock.calls.filter(([data]) => data === other.data)).toHaveLength(1);
      expect(grid).toEqual(readGrid(Package.fromBuffer(buf)));
      // Two reads asked at once through the port: one read, one grid.
      const port = XlsxPort.fromBuffer(buf);
      const [a, b] = await Promise.all([port.readGrid(), port.readGrid()]);
      expect(a).toBe(b);
      expect(a).toEqual(grid);
    } finally {
      sync.mockRestore();
    }
    const errorOf = async (b: Buffer) => {
      const sync = (() => {
        try {
          readGrid(Package.fromBuffer(b));
        } catch (e) {
          return e as Error;
        }
      })();
      expect(sync).toBeInstanceOf(Error);
      await expect(readGridAsync(Package.fromBuffer(b))).rejects.toEqual(sync);
      const port = XlsxPort.fromBuffer(b, "förbund.xlsx");
      await expect(port.readGrid()).rejects.toMatchObject({ message: sync!.message, file: "förbund.xlsx" });
      return sync!.message;
    };
    // The ledger damaged: refused when it is read, naming the part.
    const damaged = writeZip(
      pkg.entries.map((e) => {
        if (e !== ledger) return e;
        const data = Buffer.from(e.data);
        for (let i = data.length >> 1; i < (data.length >> 1) + 64; i++) data[i] ^= 0x55;
        return { ...e, data };
      }),
    );
    expect(await errorOf(damaged)).toMatch(new RegExp(`${ledger.name}.*damaged`));
    // A sheet before it that cannot be read still speaks first, although the ledger's inflating had already failed.
    const first = editParts(damaged, [
      ["xl/worksheets/sheet1.xml", (xml) => xml.replace(/<sheetData>/, '<sheetData><row r="1"><c r="Z1" t="s"><v>99999999</v></c></row>')],
    ]);
    expect(await errorOf(first)).toMatch(/shared string index/);
  });

  test("a value numeral is read as the same double Number() gives, or left to the slow path", () => {
    const numeral = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.integer({ min: -1e9, max: 1e9 }).map((x) => String(x / 100)),
      fc.stringMatching(/^-?\d{0,18}(\.\d{0,18})?$/),
      fc.constantFrom("", "-", ".", "-.5", "1.", "1e5", " 1", "0x10", "9007199254740993", "-0"),
    );
    let fast = 0;
    fc.assert(
      fc.property(numeral, (text) => {
        const xml = Buffer.from(`<v>${text}</v>`);
        const n = numberAt(xml, 3, 3 + text.length);
        // NaN means "not the fast path"; otherwise exactly Number()'s value (negative zero included).
        if (!Number.isNaN(n)) {
          fast++;
          expect(Object.is(n, Number(text))).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
    expect(fast).toBeGreaterThan(1500);
    expect(numberAt(Buffer.from("-1234.56"), 0, 8)).toBe(-1234.56);
    expect(digitsAt(Buffer.from('r="17"'), 3, 5)).toBe(17);
    expect(digitsAt(Buffer.from('r="1a"'), 3, 5)).toBeNaN();
  });

  test("Excel's 1904 date system: the same serial is four years and a day later", async () => {
    const wb = exampleWorkbook();
    const buf = await bufferOf(wb);
    const grid1900 = readGrid(Package.fromBuffer(buf));
    // Flip the workbook to the 1904 system without touching the cells.
    const pkg = Package.fromBuffer(buf);
    const xml = pkg.text("xl/workbook.xml");
    const flipped = /<workbookPr\b/.test(xml)
      ? xml.replace(/<workbookPr\b/, '<workbookPr date1904="1"')
      : xml.replace(/<sheets>/, '<workbookPr date1904="1"/><sheets>');
    const entries = pkg.entries.map((e) => (e.name === "xl/workbook.xml" ? deflateEntry(e.name, flipped) : e));
    const grid1904 = readGrid(new Package(readZip(writeZip(entries))));
    const firstDate = (g: typeof grid1900) => g.sheets.find((s) => s.name === "Huvudbok")!.rows[1][0];
    expect(firstDate(grid1900)).toEqual({ date: "2025-01-01" });
    expect(firstDate(grid1904)).toEqual({ date: "2029-01-02" });
  });

  test("shared strings, a plain item read as it stands, are what reading each item's runs gives, refusals included", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "å", " ", "&amp;", "&lt;", "&#229;", "&#x110000;", "_x000D_", "_x", "\n", ">") });
    const item = fc.oneof(
      text.map((t) => `<si><t>${t}</t></si>`),
      text.map((t) => `<si><t xml:space="preserve">${t}</t></si>`),
      fc.tuple(text, text).map(([a, b]) => `<si><r><t>${a}</t></r><r><rPr><b/></rPr><t>${b}</t></r></si>`),
      fc.tuple(text, text).map(([a, b]) => `<si><t>${a}</t><rPh sb="0" eb="1"><t>${b}</t></rPh></si>`),
      fc.constantFrom("<si/>", "<si></si>", "<si><t/></si>", "<si><t></t></si>", "<sis/>", "<si><t>a</t>", "<si "),
      // Near the usual form: whitespace, attributes, a truncated end, another element, items not separated.
      fc.constantFrom(
        "\n  ",
        "<si><t>a</t> </si>",
        '<si count="1"><t>a</t></si>',
        "<si><t>a</t></si",
        "<si><t>a</t></sis>",
        "<si><ti>a</ti></si>",
      ),
      text.map((t) => `<si>\n<t>${t}</t>\n</si>`),
    );
    // As the reader was: item by item, each item's text read before the next item is looked for.
    const reference = (xml: string) => {
      const out: string[] = [];
      for (const si of elements(xml, "si")) out.push(si.inner === "" ? "" : runsText(si.inner));
      return out;
    };
    const outcome = (f: () => string[]) => {
      try {
        return f();
      } catch (e) {
        // The reference does not number its items; the reader names the item only where its text cannot be read.
        return (e as Error).message.replace(/^shared string \d+: (?=the character reference)/, "");
      }
    };
    fc.assert(
      fc.property(fc.array(item, { maxLength: 6 }), (items) => {
        const xml = `<sst>${items.join("")}</sst>`;
        expect(outcome(() => sharedStringsOf(xml))).toEqual(outcome(() => reference(xml)));
      }),
      { numRuns: 3000 },
    );
  });

  test("the scanner's one-pass cell tag and inline text read what its general reader reads, or refuse alike", () => {
    const strings = ["a", "b"];
    const ctx = () => ({ strings, dates: [false, true], date1904: false });
    const attr = (name: string, values: string[]) =>
      fc.option(
        fc.tuple(fc.constantFrom(...values), fc.constantFrom('"', "'")).map(([v, q]) => ` ${name}=${q}${v}${q}`),
        { nil: "" },
      );
    const tag = fc.record({
      r: attr("r", ["A1", "B2", "AB7", "$C$3", "", "A", "1", "XFE1", "A1>", "b2"]),
      s: attr("s", ["0", "1", "", "x", "12"]),
      t: attr("t", ["s", "n", "str", "inlineStr", "b", "e", "", "S", "zz"]),
      extra: attr("cm", ["1"]),
      end: fc.constantFrom(">", "/>", " >"),
      // A body as the one-pass forms have it and as only the general reader reads it (an inline string's `<t>` with a
      // space after it is the same text).
      body: fc.oneof(
        fc.constantFrom("<v>1</v></c>", "<v>0</v></c>", "<v>45658</v></c>", "<v>#N/A</v></c>", "</c>").map((x) => [x, x]),
        fc
          .tuple(
            fc.string({ unit: fc.constantFrom("a", "å", "€", " ", "&amp;", "&#229;", "&#x110000;", "_x000D_", ">", "\n") }),
            fc.constantFrom("<t>", '<t xml:space="preserve">'),
          )
          .map(([text, open]) => [`<is>${open}${text}</t></is></c>`, `<is>${open}${text}</t> </is></c>`]),
        fc.constantFrom(["<is><t>a</t></is>", "<is><t>a</t></is>"], ["<is><t>a</t><t>b</t></is></c>", "<is><t>a</t><t>b</t></is></c>"]),
      ),
    });
    fc.assert(
      fc.property(fc.array(tag, { minLength: 1, maxLength: 4 }), fc.boolean(), (tags, reorder) => {
        const cell = (x: (typeof tags)[0], lead: string) => {
          const attrs = reorder ? x.t + x.r + x.extra + x.s : x.r + x.s + x.t + x.extra;
          return `<c${lead}${attrs.slice(1)}${x.end}${x.end === "/>" ? "" : x.body[lead === " " ? 0 : 1]}`;
        };
        // One space before the first attribute is the one-pass form; two spaces send the same tag to the general reader.
        const sheet = (lead: string) =>
          `<worksheet><sheetData><row r="1">${tags.map((x) => cell(x, lead)).join("")}</row></sheetData></worksheet>`;
        const outcome = (xml: string) => {
          try {
            return readSheet(xml, "Blad", ctx());
          } catch (e) {
            return (e as Error).message;
          }
        };
        expect(outcome(sheet(" "))).toEqual(outcome(sheet("  ")));
      }),
      { numRuns: 3000 },
    );
  });

  test("merged cells are emptied but for their top-left cell wherever the mergeCells element stands", () => {
    const ctx = { strings: [], dates: [], date1904: false };
    const merge = '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>';
    const rows = ['<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>', '<row r="2"><c r="A2"><v>3</v></c></row>'];
    const places = [
      `<worksheet><sheetData>${rows.join("")}</sheetData>${merge}</worksheet>`,
      `<worksheet>${merge}<sheetData>${rows.join("")}</sheetData></worksheet>`,
      `<worksheet><sheetData>${rows[0]}${merge}${rows[1]}</sheetData></worksheet>`,
    ];
    for (const xml of places) expect(readSheet(xml, "Blad", ctx).rows).toEqual([[1], [3]]);
  });

  test("a worksheet is read the same from Node's Buffer, from plain bytes (the task pane) and with a byte-order mark", async () => {
    const buf = await bufferOf(exampleWorkbook({ ledgerRows: 300 }));
    const plain = comparableGrid(readGrid(Package.fromBuffer(buf)));
    const pkg = Package.fromBuffer(buf);
    const part = pkg.relationships("xl/workbook.xml").find((r) => r.kind === "worksheet")!.target;
    const strings = sharedStrings(pkg, "xl/workbook.xml");
    const ctx = () => ({ strings, dates: dateStyles(pkg, "xl/workbook.xml"), date1904: false });
    const nodeBytes = pkg.bytes(part);
    expect(Buffer.isBuffer(nodeBytes)).toBe(true);
    expect(readSheet(new Uint8Array(nodeBytes), "X", ctx())).toEqual(readSheet(nodeBytes, "X", ctx()));
    const withMark = (xml: string) => "\ufeff" + xml;
    const marked = editParts(buf, [[/^xl\/worksheets\/sheet\d+\.xml$/, withMark]]);
    expect(Package.fromBuffer(marked).bytes(part)[0]).toBe(0x3c);
    expect(comparableGrid(readGrid(Package.fromBuffer(marked)))).toEqual(plain);
  });
});

describe("writer", () => {
  let input: Buffer;
  let once: Buffer;
  let twice: Buffer;
  beforeAll(async () => {
    input = await bufferOf(exampleWorkbook());
    once = await recalcBuffer(input);
    twice = await recalcBuffer(once);
  });

  test("every part the run does not own is copied byte for byte, and the input's styles keep their indices", () => {
    const before = partsOf(input);
    const after = partsOf(once);
    const changed = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml", "docProps/app.xml"]);
    let copied = 0;
    for (const [name, part] of before) {
      if (changed.has(name)) continue;
      expect(after.get(name)?.crc).toBe(part.crc);
      expect(after.get(name)?.data.equals(part.data)).toBe(true);
      copied++;
    }
    expect(copied).toBeGreaterThan(15);
    // Existing cell formats stay where they were; ours are appended.
    const xfs = (buf: Buffer) =>
      /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(textOf(buf, "xl/styles.xml"))![1].match(/<xf\b[\s\S]*?(?:\/>|<\/xf>)/g)!;
    const a = xfs(input);
    const b = xfs(once);
    expect(b.length).toBeGreaterThan(a.length);
    expect(b.slice(0, a.length)).toEqual(a);
  });

  test("a second run replaces the owned sheets in place: same tab order, same number of parts and tables, no orphans", async () => {
    const names = (buf: Buffer) => readGrid(Package.fromBuffer(buf)).sheets.map((s) => s.name);
    expect(names(twice)).toEqual(names(once));
    expect(names(once).filter((n) => OWNED.has(n)).length).toBeGreaterThanOrEqual(4);
    const count = (buf: Buffer, re: RegExp) => readZip(buf).filter((e) => re.test(e.name)).length;
    expect(count(twice, /^xl\/tables\//)).toBe(count(once, /^xl\/tables\//));
    expect(readZip(twice).length).toBe(readZip(once).length);
    // Every part is reachable and typed; every override names a part that exists.
    for (const buf of [once, twice]) {
      const pkg = Package.fromBuffer(buf);
      const reachable = pkg.reachable();
      const overrides = [...textOf(buf, "[Content_Types].xml").matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]);
      for (const e of pkg.entries)
        if (!/(^|\/)_rels\/|^\[Content_Types\]\.xml$|\/$/.test(e.name)) expect([e.name, reachable.has(e.name)]).toEqual([e.name, true]);
      for (const o of overrides) expect([o, pkg.has(o)]).toEqual([o, true]);
      // Table ids are unique across the workbook.
      const ids = pkg.entries
        .filter((e) => e.name.startsWith("xl/tables/") && e.name.endsWith(".xml"))
        .map((e) => /<table\b[^>]*\bid="(\d+)"/.exec(pkg.text(e.name))![1]);
      expect(new Set(ids).size).toBe(ids.length);
    }
    // ExcelJS reads the twice-written file and finds each owned table once.
    const wb = await workbookOf(twice);
    const tables = wb.worksheets.flatMap((ws) =>
      (ws.getTables() as unknown as Array<{ table: { name: string } }>).map((t) => t.table.name),
    );
    expect(new Set(tables).size).toBe(tables.length);
  });

  test("Excel's calculation chain is dropped with its relationship and content type; recalculation on open is asked for", async () => {
    // Excel writes xl/calcChain.xml listing formula cells; ExcelJS does not, so add one as Excel would.
    const pkg = Package.fromBuffer(once);
    const edit: Record<string, string> = {
      "xl/_rels/workbook.xml.rels": pkg
        .text("xl/_rels/workbook.xml.rels")
        .replace(
          "</Relationships>",
          '<Relationship Id="rId999" ' +
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
        ),
      "[Content_Types].xml": pkg
        .text("[Content_Types].xml")
        .replace(
          "</Types>",
          '<Override PartName="/xl/calcChain.xml" ' +
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
        ),
    };
    const entries = pkg.entries.map((e) => (e.name in edit ? deflateEntry(e.name, edit[e.name]) : e));
    entries.push(
      deflateEntry(
        "xl/calcChain.xml",
        '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B9" i="9"/></calcChain>',
      ),
    );
    const out = await recalcBuffer(writeZip(entries));
    const names = readZip(out).map((e) => e.name);
    expect(names).not.toContain("xl/calcChain.xml");
    expect(textOf(out, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(textOf(out, "[Content_Types].xml")).not.toContain("calcChain");
    expect(textOf(out, "xl/workbook.xml")).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
  });

  test("a picture on an owned sheet goes with the sheet; a picture on the user's sheet stays, byte for byte", async () => {
    const wb = await workbookOf(once);
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");
    const image = wb.addImage({ buffer: png as unknown as never, extension: "png" });
    wb.getWorksheet(OWNED_SHEETS.tertial)!.addImage(image, "M2:N4");
    const image2 = wb.addImage({ buffer: png as unknown as never, extension: "png" });
    wb.getWorksheet("Inställningar")!.addImage(image2, "F2:G4");
    const withPictures = await bufferOf(wb);
    const before = partsOf(withPictures);
    const drawings = [...before.keys()].filter((n) => n.startsWith("xl/drawings/") && n.endsWith(".xml"));
    expect(drawings.length).toBe(2);
    const after = partsOf(await recalcBuffer(withPictures));
    const kept = drawings.filter((d) => after.has(d));
    expect(kept.length).toBe(1);
    // The removed drawing's relationships went with it.
    const gone = drawings.find((d) => !after.has(d))!;
    expect(before.has(gone.replace(/([^/]+)$/, "_rels/$1.rels"))).toBe(true);
    expect(after.has(gone.replace(/([^/]+)$/, "_rels/$1.rels"))).toBe(false);
    expect(after.get(kept[0])!.data.equals(before.get(kept[0])!.data)).toBe(true);
    const media = [...after.keys()].filter((n) => n.startsWith("xl/media/"));
    expect(media.length).toBeGreaterThanOrEqual(1);
    for (const m of media) expect(after.get(m)!.data.equals(before.get(m)!.data)).toBe(true);
  });

  test("any text, control characters and Office escapes included, reads back as it was written", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: "grapheme", maxLength: 20 }).map((s) => s + "_x0041_\r\n\t\u0001&<>\"'"),
          { minLength: 1, maxLength: 6 },
        ),
        (texts) => {
          const model: SheetModel = {
            name: "Text",
            rows: texts.map((t) => [{ value: t }, { value: 1, formula: "1", format: "0" }]),
            tables: [],
            columnWidths: [],
            freezeRows: 0,
          };
          const grid = readGrid(Package.fromBuffer(writeSheetsToPackage(emptyPackage(), [model])));
          const back = grid.sheets[0].rows.map((r) => r[0]);
          expect(back).toEqual(texts.map((t) => (t === "" ? null : t)));
        },
      ),
      { numRuns: 60 },
    );
    for (const s of ["_x000D_", "a&b", "\u0000", "🙂"]) expect(decodeText(escapeText(s))).toBe(s);
  });

  test("a table whose header cell is empty or repeated is refused before anything is written", () => {
    const model: SheetModel = {
      name: "X",
      rows: [
        [{ value: "Konto" }, { value: "konto" }],
        [{ value: 1 }, { value: 2 }],
      ],
      tables: [{ name: "T", top: 0, left: 0, bottom: 1, right: 1 }],
      columnWidths: [],
      freezeRows: 0,
    };
    expect(() => writeSheetsToPackage(emptyPackage(), [model])).toThrow(/repeated/);
  });

  test("the template and the example are written by the same writer and read back to their models' values", () => {
    const sheets = exampleSheets({ ...EXAMPLE_DEFAULTS, ledgerRows: 50 });
    const grid = readGrid(Package.fromBuffer(writeSheetsToPackage(emptyPackage(), sheets)));
    expect(grid.sheets.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
    expect(grid.tables.map((t) => t.name)).toEqual(sheets.flatMap((s) => s.tables.map((t) => t.name)));
    const ledger = sheets.find((s) => s.name === "Huvudbok")!;
    const readLedger = grid.sheets.find((s) => s.name === "Huvudbok")!;
    // Amounts and accounts as numbers, dates as dates.
    expect(typeof readLedger.rows[1][3]).toBe("number");
    expect(readLedger.rows[1][3]).toBe(ledger.rows[1][3]!.value);
    expect(readLedger.rows[1][0]).toHaveProperty("date");
  });
});

describeWithLibreOffice("files LibreOffice writes", () => {
  test("after LibreOffice saves our output, our reader still sees what ExcelJS sees", async () => {
    const file = path.join(tmp, "beraknad.xlsx");
    writeFileSync(file, await recalcBuffer(await bufferOf(exampleWorkbook())));
    const outDir = path.join(tmp, "lo");
    const saved = convert(file, "xlsx", outDir);
    const buf = readFileSync(saved);
    const ours = readGrid(Package.fromBuffer(buf));
    expect(comparableGrid(ours)).toEqual(comparableGrid(gridOfWorkbook(await workbookOf(buf))));
    expect(ours.tables.length).toBeGreaterThan(10);
    // And a run over LibreOffice's file works and replaces its owned sheets in place.
    const again = await recalcBuffer(buf);
    expect(readGrid(Package.fromBuffer(again)).sheets.map((s) => s.name)).toEqual(ours.sheets.map((s) => s.name));
  });
});
