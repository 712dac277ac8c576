/**
 * The hostile corpus: crafted and careless inputs for the command line, each made by a generator here from
 * the bundled example (no large binaries in git). Every case names its class of attack (SECURITY.md lists
 * them with this file), what it is, the command it runs and the outcome it must have: an exit status and words
 * of the message, within a time and a memory bound (test/hostile.test.ts runs each in a child process).
 */
import zlib from "zlib";
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { deflateEntry, inflateEntry, readZip, writeZip, ZipEntry } from "../../src/xlsx/zip";

const ROOT = path.resolve(__dirname, "../..");
export const EXAMPLE = path.join(ROOT, "examples/exempel.xlsx");
const example = () => readFileSync(EXAMPLE);

export type AttackClass =
  "grid" | "regex" | "size" | "xml" | "injection" | "file" | "overwrite" | "concurrency" | "limits" | "user-content";

export interface HostileCase {
  name: string;
  attack: AttackClass;
  /** Writes the input file(s) into `dir`; returns the command's arguments (`in.xlsx` etc. are paths in `dir`). */
  make(dir: string): Promise<string[]> | string[];
  status: number;
  /** Words the message must contain (stderr), or the verification of the output must contain when status is 0. */
  words: string;
  /** Bounds from outside: milliseconds and megabytes of resident memory. */
  ms?: number;
  mb?: number;
  /** Runs twice at once (concurrency). */
  twice?: boolean;
  /** A further check of the output (`ut.xlsx` in `dir`) when status is 0. */
  check?: (dir: string) => void;
}

/** Every XML part of a written package, inflated. */
export function partsOf(file: string): Map<string, string> {
  return new Map(readZip(readFileSync(file)).map((e) => [e.name, inflateEntry(e).toString("utf8")]));
}

/** The example with some parts edited (the edit must change the part). Huvudbok is sheet5 (table5), as the example is written. */
export function edited(edits: Record<string, (xml: string) => string>, extra: ZipEntry[] = []): Buffer {
  const entries = readZip(example()).map((e) => {
    const edit = edits[e.name];
    if (!edit) return e;
    const before = inflateEntry(e).toString("utf8");
    const after = edit(before);
    if (after === before) throw new Error(`the edit of ${e.name} changed nothing`);
    return deflateEntry(e.name, after);
  });
  return writeZip([...entries, ...extra]);
}

/** The example with one more worksheet, `name`, holding one text in A1. */
export function withSheet(name: string, text: string): Buffer {
  return edited(
    {
      "[Content_Types].xml": (x) =>
        x.replace(
          "</Types>",
          '<Override PartName="/xl/worksheets/sheet99.xml" ' +
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        ),
      "xl/_rels/workbook.xml.rels": (x) =>
        x.replace(
          "</Relationships>",
          '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" ' +
            'Target="worksheets/sheet99.xml"/></Relationships>',
        ),
      "xl/workbook.xml": (x) => x.replace("</sheets>", `<sheet name="${name}" sheetId="99" r:id="rId99"/></sheets>`),
    },
    [
      deflateEntry(
        "xl/worksheets/sheet99.xml",
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">' +
          `<c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData></worksheet>`,
      ),
    ],
  );
}

/** A transaction file for 2026 (the example's year): one voucher whose text is `text`. */
export function sieWithText(text: string): Buffer {
  return Buffer.from(
    [
      "#FLAGGA 0",
      "#SIETYP 4",
      "#RAR 0 20260101 20261231",
      '#KONTO 5010 "Lokalhyra"',
      '#KONTO 1930 "Bank"',
      '#VER A 900 20260115 "Hyra"',
      "{",
      `#TRANS 5010 {} 100.00 20260115 "${text}"`,
      "#TRANS 1930 {} -100.00",
      "}",
      "",
    ].join("\r\n"),
    "latin1",
  );
}

/** A part of `size` bytes of XML (a sheet of nothing but spaces), deflated as a stream: big when inflated, small on disk. */
async function hugeSheetEntry(name: string, size: number): Promise<ZipEntry> {
  const head = Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const tail = Buffer.from("</sheetData></worksheet>");
  const chunk = Buffer.alloc(1 << 20, 32);
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (d: Buffer) => out.push(d));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  let crc = zlib.crc32(head);
  deflate.write(head);
  for (let left = size - head.length - tail.length; left > 0; left -= chunk.length) {
    const b = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = zlib.crc32(b, crc);
    deflate.write(b);
  }
  crc = zlib.crc32(tail, crc);
  deflate.end(tail);
  await done;
  const data = Buffer.concat(out);
  return { name, method: 8, crc: crc >>> 0, compressedSize: data.length, size, data };
}

const sheet5 = "xl/worksheets/sheet5.xml";
const table5 = "xl/tables/table5.xml";
const file = (dir: string, name: string, bytes: Buffer | string) => {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
};
/** `recalc in.xlsx -o ut.xlsx` on the given bytes. */
const recalcOf =
  (bytes: () => Buffer | Promise<Buffer>) =>
  async (dir: string): Promise<string[]> => ["recalc", file(dir, "in.xlsx", await bytes()), "-o", path.join(dir, "ut.xlsx")];

export const HOSTILE: HostileCase[] = [
  // Excel's grid: nothing outside it is read, no range is expanded beyond the cells that exist.
  {
    name: "a cell at row 1 000 000 000",
    attack: "grid",
    make: recalcOf(() =>
      edited({ [sheet5]: (x) => x.replace("</sheetData>", '<row r="1000000000"><c r="A1000000000"><v>1</v></c></row></sheetData>') }),
    ),
    status: 1,
    words: "beyond Excel's last row",
  },
  {
    name: "a cell in column AAAAAAA",
    attack: "grid",
    make: recalcOf(() => edited({ [sheet5]: (x) => x.replace('<c r="A2"', '<c r="AAAAAAA2"') })),
    status: 1,
    words: "outside Excel's grid",
  },
  {
    name: "a merge to row 1e15",
    attack: "grid",
    make: recalcOf(() =>
      edited({
        [sheet5]: (x) =>
          x.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A1:A1000000000000000"/></mergeCells>'),
      }),
    ),
    status: 1,
    words: "bad cell reference",
  },
  {
    name: "a merge over the rest of the grid, where the sheet has no cells",
    attack: "grid",
    make: recalcOf(() =>
      edited({
        [sheet5]: (x) => x.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="Z100:XFD1048576"/></mergeCells>'),
      }),
    ),
    status: 0,
    words: "Verifierad",
  },
  {
    name: "a table over the whole grid (A1:XFD1048576)",
    attack: "grid",
    make: recalcOf(() => edited({ [table5]: (x) => x.replace(/ ref="[^"]+"/, ' ref="A1:XFD1048576"') })),
    status: 0,
    words: "Verifierad",
  },
  {
    name: "defined names over the whole grid and beyond it",
    attack: "grid",
    make: recalcOf(() =>
      edited({
        "xl/workbook.xml": (x) =>
          x.replace(
            "</sheets>",
            '</sheets><definedNames><definedName name="Allt">Huvudbok!$A$1:$XFD$1048576</definedName>' +
              '<definedName name="Bortom">Huvudbok!$A$1:$A$1000000000</definedName></definedNames>',
          ),
      }),
    ),
    status: 0,
    words: "Verifierad",
  },
  // Text scans: linear in the input, whatever the input repeats.
  {
    name: "a 200 KB attribute name in a sheet's entry",
    attack: "regex",
    make: recalcOf(() => edited({ "xl/workbook.xml": (x) => x.replace("<sheet ", `<sheet ${"x".repeat(200_000)} `) })),
    status: 0,
    words: "Verifierad",
  },
  {
    name: "a 200 KB attribute name in a merge",
    attack: "regex",
    make: recalcOf(() =>
      edited({
        [sheet5]: (x) => x.replace("</sheetData>", `</sheetData><mergeCells count="1"><mergeCell ${"x".repeat(200_000)}/></mergeCells>`),
      }),
    ),
    status: 0,
    words: "Verifierad",
  },
  {
    name: "a text of 100 000 rich-text runs",
    attack: "regex",
    make: recalcOf(() =>
      edited({
        [sheet5]: (x) => {
          // The last inline string of Huvudbok (a row's text), as 100 000 runs of one letter.
          const at = x.lastIndexOf("<is>");
          const end = x.indexOf("</is>", at);
          return x.slice(0, at) + "<is>" + "<r><t>a</t></r>".repeat(100_000) + x.slice(end);
        },
      }),
    ),
    status: 0,
    words: "Verifierad",
  },
  {
    name: "150 000 shared strings that are never closed",
    attack: "regex",
    make: recalcOf(() =>
      edited(
        {
          "[Content_Types].xml": (x) =>
            x.replace(
              "</Types>",
              '<Override PartName="/xl/sharedStrings.xml" ' +
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
            ),
          "xl/_rels/workbook.xml.rels": (x) =>
            x.replace(
              "</Relationships>",
              '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" ' +
                'Target="sharedStrings.xml"/></Relationships>',
            ),
        },
        [
          deflateEntry(
            "xl/sharedStrings.xml",
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + "<si>".repeat(150_000),
          ),
        ],
      ),
    ),
    status: 1,
    words: "<si> is never closed",
  },
  {
    name: "100 000 cell formats in styles.xml that are never closed",
    attack: "regex",
    make: recalcOf(() => edited({ "xl/styles.xml": (x) => x.replace("</cellXfs>", '<xf numFmtId="0">'.repeat(100_000) + "</cellXfs>") })),
    status: 1,
    words: "<xf> is never closed",
  },
  {
    name: "100 000 sheet titles in docProps/app.xml that are never closed",
    attack: "regex",
    make: recalcOf(() =>
      edited({
        "docProps/app.xml": (x) => x.replace("</vt:vector></TitlesOfParts>", "<vt:lpstr>".repeat(100_000) + "</vt:vector></TitlesOfParts>"),
      }),
    ),
    status: 1,
    words: "<vt:lpstr> is never closed",
  },
  {
    name: "a character reference beyond Unicode (&#x110000;)",
    attack: "xml",
    make: recalcOf(() =>
      edited({ [sheet5]: (x) => x.replace(/<t xml:space="preserve">[^<]+<\/t>/, '<t xml:space="preserve">&#x110000;</t>') }),
    ),
    status: 1,
    words: "Huvudbok!A1: the character reference &#x110000; is not a character",
  },
  {
    name: "an external entity (XXE) declared in a sheet",
    attack: "xml",
    make: recalcOf(() =>
      edited({
        [sheet5]: (x) =>
          x
            .replace("<worksheet", '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet')
            .replace(/<t xml:space="preserve">[^<]+<\/t>/, '<t xml:space="preserve">&xxe;</t>'),
      }),
    ),
    status: 1,
    words: "document type declaration",
  },
  {
    name: "nested entities (billion laughs) in the workbook part",
    attack: "xml",
    make: recalcOf(() =>
      edited({
        "xl/workbook.xml": (x) =>
          x.replace(
            "<workbook",
            '<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
              '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><workbook',
          ),
      }),
    ),
    status: 1,
    words: "document type declaration",
  },
  // Size: every limit is checked before the bytes are inflated or read.
  {
    name: "a part that inflates beyond what its directory entry declares (zip bomb)",
    attack: "size",
    make: recalcOf(() => {
      const entries = readZip(example()).map((e) => {
        if (e.name !== sheet5) return e;
        const big = deflateEntry(e.name, Buffer.alloc(200_000_000, 32));
        return { ...big, size: e.size, crc: e.crc };
      });
      return writeZip(entries);
    }),
    status: 1,
    words: "damaged",
  },
  {
    name: "eight 450 MiB sheets in a file of a few MB (over the package's budget)",
    attack: "size",
    make: recalcOf(async () => {
      const huge = await hugeSheetEntry("x", 450 * 2 ** 20);
      const entries = readZip(example()).map((e) => (/^xl\/worksheets\/sheet\d\.xml$/.test(e.name) ? { ...huge, name: e.name } : e));
      const bytes = writeZip(entries);
      if (bytes.length > 8_000_000) throw new Error(`the crafted file is ${bytes.length} bytes`);
      return bytes;
    }),
    status: 1,
    words: "more than the 800 MB a workbook may have",
  },
  {
    name: "/dev/zero as the workbook",
    attack: "file",
    make: (dir) => ["recalc", "/dev/zero", "-o", path.join(dir, "ut.xlsx")],
    status: 1,
    words: "ingen vanlig fil",
  },
  {
    name: "/dev/zero as the SIE file",
    attack: "file",
    make: (dir) => ["sie", "/dev/zero", file(dir, "in.xlsx", example()), "-o", path.join(dir, "ut.xlsx")],
    status: 1,
    words: "ingen vanlig fil",
  },
  {
    name: "an Excel 97–2003 file named .xlsx",
    attack: "file",
    make: recalcOf(() => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)])),
    status: 1,
    words: ".xls",
  },
  {
    name: "the output is the input, through /proc/self/cwd",
    attack: "overwrite",
    make: (dir) => {
      const input = file(dir, "in.xlsx", example());
      return ["recalc", input, "-o", `/proc/self/cwd/${path.relative(process.cwd(), input)}`];
    },
    status: 2,
    words: "samma som indatafilen",
  },
  // Injection: text from the workbook is written as text, never as a formula.
  {
    name: "a member named =HYPERLINK(…) and a settings value starting with =",
    attack: "injection",
    make: recalcOf(() =>
      edited({
        "xl/worksheets/sheet2.xml": (x) =>
          x.replace(/(<c r="A2"[^>]*t="inlineStr"><is><t xml:space="preserve">)[^<]*/, '$1=HYPERLINK("http://x","klick")'),
      }),
    ),
    status: 0,
    words: "Verifierad",
    check: (dir) => {
      const parts = [...partsOf(path.join(dir, "ut.xlsx")).values()].join("");
      if (!parts.includes("=HYPERLINK(")) throw new Error("the member's name is not in the output");
      if (/<f>[^<]*HYPERLINK/.test(parts)) throw new Error("the member's name became a formula");
    },
  },
  // A person's work: their own sheet is never replaced, what Excel cannot hold is never written or cut.
  {
    name: "a person's own sheet named KONTROLLER (an owned sheet's name in capitals)",
    attack: "user-content",
    make: recalcOf(() => withSheet("KONTROLLER", "Mina egna kontroller")),
    status: 1,
    words: "inte skrivet av Finsam Ekonomi",
  },
  {
    name: "an SIE voucher whose text is 40 000 characters (more than a cell holds)",
    attack: "limits",
    make: (dir) => [
      "sie",
      file(dir, "lang.se", sieWithText("x".repeat(40_000))),
      file(dir, "in.xlsx", example()),
      "-o",
      path.join(dir, "ut.xlsx"),
    ],
    status: 1,
    words: "Huvudbok!E510: Texten som skulle skrivas här är 40",
  },
  // Two runs writing the same output at once: each writes a temporary file and renames it; the output is whole.
  {
    name: "two runs writing the same output at the same time",
    attack: "concurrency",
    make: recalcOf(() => example()),
    status: 0,
    words: "Verifierad",
    twice: true,
  },
];
