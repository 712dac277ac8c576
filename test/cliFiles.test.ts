/**
 * The command line and the file system (issue 22, points 2, 5 and 6): the output is never the input under
 * another name, a template never replaces a filled workbook unless told to, the file system's "no" is a message
 * with exit 1 (not "Oväntat fel", exit 4), a killed run's temporary file is cleaned by the next run, and an
 * encrypted workbook, an .xls or an .ods given as .xlsx says what it is, and an output is named as Excel opens
 * it (.xlsm for a macro workbook, .xlsx otherwise). Cases that must not write check the input's SHA-256.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { fileKind } from "../src/cli/files";
import { crc32, deflateEntry, inflateEntry, readZip, writeZip } from "../src/xlsx/zip";

const cli = path.resolve(__dirname, "../dist/cli/main.js");
const run = (args: string[], cwd?: string) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd, env: { ...process.env, LANG: "sv_SE.UTF-8" } });
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

function workdir(): { dir: string; input: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "finsam-files-"));
  const input = path.join(dir, "in.xlsx");
  expect(run(["exempel", input]).status).toBe(0);
  return { dir, input };
}

/** An OLE2 compound file's first bytes with the given stream names (enough for the sniffing, not a real file). */
function ole2(...streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const dir = Buffer.alloc(128 * streams.length);
  streams.forEach((s, i) => Buffer.from(s, "utf16le").copy(dir, i * 128));
  return Buffer.concat([header, dir]);
}

describe("the output is never the input", () => {
  test.each([
    ["through /proc/self/cwd", (dir: string) => ({ cwd: dir, out: "/proc/self/cwd/in.xlsx", input: "in.xlsx" })],
    [
      "through a symbolic link to the input",
      (dir: string) => {
        symlinkSync(path.join(dir, "in.xlsx"), path.join(dir, "lank.xlsx"));
        return { cwd: dir, out: path.join(dir, "in.xlsx"), input: path.join(dir, "lank.xlsx") };
      },
    ],
    [
      "through a hard link",
      (dir: string) => {
        linkSync(path.join(dir, "in.xlsx"), path.join(dir, "hard.xlsx"));
        return { cwd: dir, out: path.join(dir, "hard.xlsx"), input: path.join(dir, "in.xlsx") };
      },
    ],
  ])("recalc and sie refuse %s (exit 2), and the input is unchanged", (_name, setup) => {
    const { dir, input } = workdir();
    const before = sha(input);
    const c = setup(dir);
    const r = run(["recalc", c.input, "-o", c.out], c.cwd);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Utfilen får inte vara samma som indatafilen");
    const sie = path.join(dir, "t.se");
    writeFileSync(
      sie,
      '#FLAGGA 0\n#SIETYP 4\n#RAR 0 20260101 20261231\n#VER A 1 20260105 "x"\n{\n#TRANS 1930 {} 1\n#TRANS 3010 {} -1\n}\n',
    );
    expect(run(["sie", sie, c.input, "-o", c.out], c.cwd).status).toBe(2);
    expect(sha(input)).toBe(before);
  });
});

describe("mall and exempel", () => {
  test("refuse an existing file (exit 1, unchanged); --ersatt replaces it", () => {
    const { input } = workdir();
    const before = sha(input);
    for (const cmd of ["mall", "exempel"]) {
      const r = run([cmd, input]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`Filen ${input} finns redan och skrivs inte över`);
      expect(sha(input)).toBe(before);
    }
    expect(run(["mall", input, "--ersatt"]).status).toBe(0);
    expect(sha(input)).not.toBe(before);
  });
});

describe("an earlier result is replaced only when asked (issue 32, point 3)", () => {
  test("recalc refuses an existing output, the default name too, saying an earlier result is there; --ersatt replaces it", () => {
    const { dir, input } = workdir();
    const out = path.join(dir, "res.xlsx");
    const deflt = path.join(dir, "in.beraknad.xlsx");
    expect(run(["recalc", input, "-o", out]).status).toBe(0);
    expect(run(["recalc", input]).status).toBe(0);
    const earlier = [sha(out), sha(deflt)];
    for (const args of [["-o", out], []]) {
      const r = run(["recalc", input, ...args]);
      expect([r.status, r.stderr]).toEqual([1, expect.stringContaining("finns redan: där ligger ett tidigare resultat")]);
      expect(r.stderr).toContain("--ersatt");
    }
    expect([sha(out), sha(deflt)]).toEqual(earlier);
    expect(run(["recalc", input, "-o", out, "--ersatt"]).status).toBe(0);
    expect(run(["recalc", input, "--ersatt"]).status).toBe(0);
  });

  test("an SIE import refuses an existing copy the same way; nytt-ar never replaces and does not suggest --ersatt", () => {
    const { dir, input } = workdir();
    const se = path.join(dir, "bok.se");
    const lines = [
      "#FLAGGA 0",
      "#SIETYP 4",
      "#RAR 0 20260101 20261231",
      '#VER A 1 20260105 "x"',
      "{",
      "#TRANS 1930 {} 100",
      "#TRANS 6110 {} -100",
      "}",
    ];
    writeFileSync(se, lines.join("\r\n"), "latin1");
    expect(run(["sie", se, input]).status).toBe(0);
    const copy = path.join(dir, "in.importerad.xlsx");
    const earlier = sha(copy);
    const again = run(["sie", se, input]);
    expect([again.status, again.stderr]).toEqual([1, expect.stringContaining("finns redan: där ligger en tidigare import")]);
    expect(sha(copy)).toBe(earlier);
    expect(run(["sie", se, input, "--ersatt"]).status).toBe(0);
    const taken = path.join(dir, "taget.xlsx");
    writeFileSync(taken, "någon annans fil");
    const r = run(["nytt-ar", input, "-o", taken, "--ersatt"]);
    expect([r.status, r.stderr]).toEqual([1, expect.stringContaining("Nytt år skriver aldrig över en arbetsbok")]);
    expect(r.stderr).not.toContain("lägg till --ersatt");
    expect(readFileSync(taken, "utf8")).toBe("någon annans fil");
  });
});

describe("the file system's no is a message with exit 1", () => {
  test("an output folder that does not exist, a folder as the output, a folder as the input", () => {
    const { dir, input } = workdir();
    const before = sha(input);
    const missing = run(["recalc", input, "-o", path.join(dir, "finns-inte", "ut.xlsx")]);
    expect([missing.status, missing.stderr]).toEqual([
      1,
      expect.stringContaining("filen eller mappen finns inte. Ingenting har skrivits."),
    ]);
    mkdirSync(path.join(dir, "mapp.xlsx"));
    const folderOut = run(["recalc", input, "-o", path.join(dir, "mapp.xlsx")]);
    expect([folderOut.status, folderOut.stderr]).toEqual([1, expect.stringContaining("det är en mapp, inte en fil")]);
    const folderIn = run(["recalc", path.join(dir, "mapp.xlsx")]);
    expect([folderIn.status, folderIn.stderr]).toEqual([1, expect.stringContaining("det är en mapp, inte en fil")]);
    expect(missing.stderr + folderOut.stderr + folderIn.stderr).not.toContain("Oväntat fel");
    expect(sha(input)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("a temporary file left by a killed run is removed by the next run beside it; a live run's is not", () => {
    const { dir, input } = workdir();
    const out = path.join(dir, "ut.xlsx");
    // A process id that is not running (the kernel's limit is far below it), and this test's own (running).
    const stale = path.join(dir, `.ut.xlsx.${2 ** 22 + 12345}.tmp`);
    const live = path.join(dir, `.ut.xlsx.${process.pid}.tmp`);
    writeFileSync(stale, "half a file");
    writeFileSync(live, "another run's file");
    expect(run(["recalc", input, "-o", out]).status).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(out)).toBe(true);
  });
});

describe("what a file given as .xlsx really is, from its first bytes", () => {
  // OpenDocument stores its mimetype first and uncompressed, so that its first bytes say what it is.
  const mime = Buffer.from("application/vnd.oasis.opendocument.spreadsheet");
  const stored = { name: "mimetype", method: 0, crc: crc32(mime), compressedSize: mime.length, size: mime.length, data: mime };
  const ods = writeZip([stored, deflateEntry("content.xml", "<office:document-content/>")]);
  test.each([
    [
      "an encrypted (password) workbook",
      ole2("Root Entry", "EncryptionInfo", "EncryptedPackage"),
      "encrypted",
      "en lösenordsskyddad (krypterad) arbetsbok",
    ],
    ["an Excel 97–2003 .xls", ole2("Root Entry", "Workbook", "SummaryInformation"), "xls", "en .xls-arbetsbok (Excel 97–2003)"],
    ["an OpenDocument spreadsheet", ods, "ods", "ett OpenDocument-kalkylblad (.ods)"],
  ])("%s is named (exit 1, nothing written)", (_name, bytes, kind, words) => {
    expect(fileKind(bytes)).toBe(kind);
    const dir = mkdtempSync(path.join(os.tmpdir(), "finsam-kind-"));
    const file = path.join(dir, "budget.xlsx");
    writeFileSync(file, bytes);
    const r = run(["recalc", file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Filen ${file} är ${words}.`);
    expect(readdirSync(dir)).toEqual(["budget.xlsx"]);
  });

  test("an .xlsx is an .xlsx, and text is neither", () => {
    const { input } = workdir();
    expect(fileKind(readFileSync(input))).toBe("xlsx");
    expect(fileKind(Buffer.from("Datum;Konto;Belopp\n"))).toBe("other");
  });
});

describe("what Excel opens (issue 22, point 4): the output's name fits the workbook's content type", () => {
  /** The example with its main part typed macro-enabled, under an .xlsx name (as the issue found one). */
  function macroWorkbook(dir: string, input: string): string {
    const entries = readZip(readFileSync(input)).map((e) => {
      if (e.name !== "[Content_Types].xml") return e;
      const xml = inflateEntry(e)
        .toString("utf8")
        .replace(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
          "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        );
      expect(xml).toContain("macroEnabled");
      return deflateEntry(e.name, xml);
    });
    const file = path.join(dir, "makro.xlsx");
    writeFileSync(file, writeZip(entries));
    return file;
  }

  test("a macro workbook named .xlsx: the default output is .xlsm; -o ….xlsx is refused (exit 1, nothing written)", () => {
    const { dir, input } = workdir();
    const macro = macroWorkbook(dir, input);
    const refused = run(["recalc", macro, "-o", path.join(dir, "ut.xlsx")]);
    expect([refused.status, refused.stderr]).toEqual([1, expect.stringContaining("måste sluta på .xlsm: arbetsboken innehåller makron")]);
    expect(existsSync(path.join(dir, "ut.xlsx"))).toBe(false);
    const ok = run(["recalc", macro]);
    expect(ok.status).toBe(0);
    expect(existsSync(path.join(dir, "makro.beraknad.xlsm"))).toBe(true);
  });

  test("a workbook without macros is written only as .xlsx (-o ….xlsm or ….txt refused)", () => {
    const { dir, input } = workdir();
    for (const name of ["ut.xlsm", "ut.txt"]) {
      const r = run(["recalc", input, "-o", path.join(dir, name)]);
      expect([name, r.status, r.stderr]).toEqual([name, 1, expect.stringContaining("måste sluta på .xlsx")]);
      expect(existsSync(path.join(dir, name))).toBe(false);
    }
  });
});
