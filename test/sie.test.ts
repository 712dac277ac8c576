/**
 * Reading SIE (issue 14, first part): every real export in the shared test data gets a summary, and
 * its figures agree with an independent reading of the same file (iconv-lite to decode, a few regular
 * expressions to find #VER and #TRANS); every broken file and every real file with an unbalanced
 * voucher is refused at the right line; the checksum, the encodings and the odd cases of real files.
 * The files are read from the shared folder beside the repository; they are never copied into it.
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import path from "path";
import fc from "fast-check";
import iconv from "iconv-lite";
import { messageText } from "../src/core/messages";
import { cp437Char, decode, detectEncoding } from "../src/core/sie/encoding";
import { fieldsOf, parseSie } from "../src/core/sie/parse";
import { encodingWorthSaying, fiscalYearName, summarizeSie } from "../src/core/sie/summary";
import { describeWithSie, SIE_DIR, SIE_FILES } from "./helpers/shared";

const files = SIE_FILES;

const summaryOf = (f: string) => summarizeSie(parseSie(readFileSync(path.join(SIE_DIR, f)), f), f);

/** What the README of the test data says about each file's encoding (by content), and the SIE type. */
const EXPECTED: Record<string, { encoding: string; sieType: number }> = {
  "bl_admin_blblov_sie4_latin1.se": { encoding: "latin-1", sieType: 4 },
  "visma_adm_underdim.se": { encoding: "utf-8", sieType: 4 },
  "kassasystem_quotes.si": { encoding: "utf-8", sieType: 4 },
  "bl_admin_BL0001_typ1.se": { encoding: "cp437", sieType: 1 },
  "bl_admin_BL0001_typ2.se": { encoding: "cp437", sieType: 2 },
  "bl_admin_BL0001_typ3.se": { encoding: "cp437", sieType: 3 },
  "fortnox_sie4.si": { encoding: "cp437", sieType: 4 },
  "norstedts_bokslut_4e.se": { encoding: "cp437", sieType: 4 },
};

/** An independent reading: decode with iconv-lite, then #RAR 0, #VER dates and #TRANS rows by regular expression. */
function independent(file: string, encoding: string) {
  const text = iconv.decode(
    readFileSync(path.join(SIE_DIR, file)),
    encoding === "latin-1" ? "latin1" : encoding === "utf-8" ? "utf8" : "cp437",
  );
  const rar = /^#RAR\s+0\s+(\d{8})\s+(\d{8})/m.exec(text);
  let inYear = true;
  let vouchers = 0;
  let transactions = 0;
  const byClass: Record<string, number> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const ver = /^#VER\s+(?:"[^"]*"|\S+)\s+(?:"[^"]*"|\S+)\s+"?(\d{8})"?/.exec(line);
    if (ver) {
      inYear = !rar || (ver[1] >= rar[1] && ver[1] <= rar[2]);
      if (inYear) vouchers++;
      continue;
    }
    const tr = /^#TRANS\s+"?(\d+)"?\s+(?:\{[^}]*\}|"[^"]*"|\S+)\s+"?(-?\d+(?:\.\d+)?)"?/.exec(line);
    if (tr && inYear) {
      transactions++;
      const cls = tr[1][0];
      byClass[cls] = Math.round(((byClass[cls] ?? 0) + Number(tr[2])) * 100) / 100;
    }
  }
  return { vouchers, transactions, byClass };
}

describeWithSie("every real SIE export in the test data", () => {
  test("the test data is there (22 files)", () => {
    expect(files.length).toBe(22);
  });

  test.each(files.filter((f) => !f.startsWith("BROKEN_")).map((f) => [f]))("%s: a summary that agrees with an independent reading", (f) => {
    const s = summaryOf(f);
    if (EXPECTED[f]) expect({ encoding: s.encoding, sieType: s.sieType }).toEqual(EXPECTED[f]);
    const ind = independent(f, s.encoding);
    expect({ vouchers: s.vouchers, transactions: s.transactions }).toEqual({ vouchers: ind.vouchers, transactions: ind.transactions });
    const byClass = Object.fromEntries(Object.entries(s.transactionsByClass).map(([k, v]) => [k, Number(v)]));
    expect(byClass).toEqual(ind.byClass);
    // Every voucher of a valid file balances, so the classes sum to zero.
    if (s.balanced) expect(Object.values(byClass).reduce((a, b) => a + b, 0)).toBeCloseTo(0, 2);
  });

  test("the one real export with an unbalanced voucher (SoftOne XE) is refused at the voucher's line, with the difference", () => {
    const s = summaryOf("softone_xe_sie4.se");
    expect(s.balanced).toBe(false);
    const text = iconv.decode(readFileSync(path.join(SIE_DIR, "softone_xe_sie4.se")), "cp437").split(/\r?\n/);
    expect(s.unbalanced).toHaveLength(1);
    expect(text[s.unbalanced[0].line - 1]).toMatch(/^#VER\s/);
    expect(s.errors[0].code).toBe("sie_unbalanced_voucher");
  });

  test("broken files are refused at the right line", () => {
    const avendo = summaryOf("BROKEN_avendo_bad_balance.se");
    // The broken copy differs from the original in one #TRANS amount: -12899.00 for -128.00.
    expect(avendo.unbalanced).toEqual([{ series: "B", number: "1", line: 3905, difference: "-12771.00" }]);
    expect(messageText(avendo.errors[0], "sv")).toMatch(/Verifikation B 1 balanserar inte: raderna summerar till -12\s771,00\skr/u);
    const faulty = summaryOf("BROKEN_kassasystem_faulty_transaction.si");
    expect(faulty.errors.map((e) => [e.code, e.cell])).toContainEqual([
      "sie_trans_incomplete",
      "BROKEN_kassasystem_faulty_transaction.si:10",
    ]);
    const bl = summaryOf("BROKEN_bl_imbalanced_voucher_utf8.se");
    expect(bl.balanced).toBe(false);
    expect(bl.encoding).toBe("utf-8");
    const kassa = summaryOf("BROKEN_kassasystem_imbalanced_utf8.si");
    expect(kassa.unbalanced.map((u) => u.difference)).toEqual(["0.55", "-0.14"]);
  });

  test("#KSUMMA is verified: both Norstedts exports are ok, and one changed amount makes it wrong", () => {
    expect(summaryOf("norstedts_bokslut_4i.si").checksum).toBe("ok");
    expect(summaryOf("norstedts_bokslut_4e.se").checksum).toBe("ok");
    const bytes = readFileSync(path.join(SIE_DIR, "norstedts_bokslut_4i.si"));
    const text = bytes.toString("latin1");
    const changed = Buffer.from(
      text.replace(
        /(#TRANS[^\n]*?\s)(-?\d+\.\d\d)/,
        (_m, a: string, n: string) => `${a}${n.replace(/\d$/, (d) => String((Number(d) + 1) % 10))}`,
      ),
      "latin1",
    );
    const s = summarizeSie(parseSie(changed, "x.si"), "x.si");
    expect(s.checksum).toBe("wrong");
    expect(s.errors.map((e) => e.code)).toContain("sie_checksum_wrong");
  });

  test("closing balances that disagree with IB plus the transactions: one error (the import's refusal), each a warning", () => {
    const s = summaryOf("fortnox_sie4.si");
    expect(s.errors.map((e) => e.code)).toEqual(["sie_reconciliation_failed"]);
    expect(s.errors[0].params).toMatchObject({ count: 35, years: [2010] });
    expect(s.warnings).toHaveLength(35);
    expect(s.warnings.every((w) => w.code === "sie_balance_mismatch")).toBe(true);
  });

  test("replacement characters in the text give a warning (the Visma export holds U+FFFD itself)", () => {
    expect(summaryOf("visma_adm_underdim.se").warnings.map((w) => w.code)).toContain("sie_replacement_characters");
  });
});

describe("SIE reading, rule by rule", () => {
  const sie = (lines: string[]) => Buffer.from(lines.join("\r\n"), "latin1");
  const head = ["#FLAGGA 0", "#FORMAT PC8", "#SIETYP 4", '#PROGRAM "Test" 1.0', "#RAR 0 20260101 20261231"];

  test("CP437's table is iconv-lite's for every byte", () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(decode(all, "cp437")).toBe(iconv.decode(all, "cp437"));
    for (let b = 0; b < 256; b++) expect(cp437Char(b)).toBe(iconv.decode(Buffer.from([b]), "cp437"));
  });

  test("a Buffer's native Latin-1 path decodes what the portable table path decodes, and leaves the bytes as they were", () => {
    const swedish = iconv.encode("åäöÅÄÖé", "cp437");
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...swedish), fc.constantFrom(10, 13, 32, 65));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 200 }), (list) => {
        const buffer = Buffer.from(list);
        const before = Buffer.from(buffer);
        const portable = new Uint8Array(list);
        // Unaligned bytes are read one by one, aligned ones four at a time: the same encoding either way.
        const unaligned = new Uint8Array(list.length + 1).subarray(1);
        unaligned.set(list);
        expect(detectEncoding(unaligned)).toBe(detectEncoding(portable));
        for (const encoding of ["cp437", "latin-1"] as const) {
          // detectEncoding first, as the reader calls it: it notes where the high bytes are.
          detectEncoding(buffer);
          detectEncoding(portable);
          expect(decode(buffer, encoding)).toBe(decode(portable, encoding));
          expect(decode(unaligned, encoding)).toBe(decode(portable, encoding));
          expect(decode(buffer, encoding)).toBe(iconv.decode(buffer, encoding === "cp437" ? "cp437" : "latin1"));
        }
        expect(buffer.equals(before)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test("the encoding is detected from the Swedish letters: CP437, Latin-1 or UTF-8", () => {
    expect(detectEncoding(iconv.encode("#FNAMN Älvdalens förbund", "cp437"))).toBe("cp437");
    expect(detectEncoding(iconv.encode("#FNAMN Älvdalens förbund", "latin1"))).toBe("latin-1");
    expect(detectEncoding(Buffer.from("#FNAMN Älvdalens förbund", "utf8"))).toBe("utf-8");
  });

  test('fields: tabs, quotes with \\", object lists with and without spaces', () => {
    expect(fieldsOf('#TRANS\t1930\t{1 "100" 6 "P1"}\t-100.50\t20260105\t"Sa \\"hej\\""')).toEqual([
      "#TRANS",
      "1930",
      ["1", "100", "6", "P1"],
      "-100.50",
      "20260105",
      'Sa "hej"',
    ]);
    expect(fieldsOf("#TRANS 1930 {1 100 6 P1} 5")).toEqual(["#TRANS", "1930", ["1", "100", "6", "P1"], "5"]);
    expect(fieldsOf('#TRANS 1930 {1 "1 0" 6"P1"} 5')).toEqual(["#TRANS", "1930", ["1", "1 0", "6", "P1"], "5"]);
  });

  test("a voucher with amounts of 0, 1 and 2 decimals balances; #RTRANS and #BTRANS are not transactions", () => {
    const f = parseSie(
      sie([
        ...head,
        '#VER A 1 20260105 "Test"',
        "{",
        "#TRANS 1930 {} 100",
        "#TRANS 3010 {} -99.5",
        "#TRANS 3011 {} -0.50",
        "#RTRANS 3011 {} -7",
        "#BTRANS 3011 {} 7",
        "}",
      ]),
      "t.se",
    );
    expect(f.errors).toEqual([]);
    expect(f.vouchers[0].transactions.map((t) => t.ore)).toEqual([10000, -9950, -50]);
  });

  test.each([
    ["a malformed amount", "#TRANS 1930 {} 12.345", "sie_bad_amount"],
    ["a date that does not exist", '#VER A 2 20260231 "x"', "sie_bad_date"],
    ["a #TRANS without an amount", "#TRANS 1930 {}", "sie_trans_incomplete"],
  ])("%s is an error at its line", (_what, bad, code) => {
    const lines = [...head, '#VER A 1 20260105 "x"', "{", "#TRANS 1930 {} 0", bad, "}"];
    const f = parseSie(sie(lines), "t.se");
    expect(f.errors.map((e) => [e.code, e.cell])).toContainEqual([code, `t.se:${lines.indexOf(bad) + 1}`]);
  });

  test("a file that is not SIE, and one over the size limit, are refused", () => {
    expect(parseSie(Buffer.from("Datum;Konto;Belopp\n2026-01-01;1930;100\n"), "x.csv").errors.map((e) => e.code)).toEqual(["sie_not_sie"]);
    expect(parseSie(sie(head), "t.se", 10).errors.map((e) => e.code)).toEqual(["sie_too_large"]);
  });
});

describeWithSie("finsam sie on the command line", () => {
  const cli = path.resolve(__dirname, "../dist/cli/main.js");
  beforeAll(() => {
    if (!existsSync(cli)) execFileSync("npm", ["run", "build:cli", "--silent"], { cwd: path.resolve(__dirname, "..") });
  });
  test("--json prints the summary and exits 0 for a valid file, 1 for a broken one (the document is still printed)", () => {
    const ok = spawnSync(process.execPath, [cli, "sie", path.join(SIE_DIR, "magenta_sie4e.se"), "--json"], {
      encoding: "utf8",
      env: { ...process.env, LANG: "sv_SE.UTF-8" },
    });
    expect(ok.status).toBe(0);
    const doc = JSON.parse(ok.stdout);
    for (const key of [
      "sieType",
      "program",
      "encoding",
      "company",
      "orgNumber",
      "fiscalYears",
      "accounts",
      "vouchers",
      "transactions",
      "balanced",
      "unbalanced",
      "checksum",
      "openingBalances",
      "closingBalances",
      "result",
      "transactionsByClass",
      "errors",
      "warnings",
    ])
      expect(doc).toHaveProperty(key);
    expect(doc.fiscalYears[0]).toEqual({ offset: 0, start: "2011-01-01", end: "2011-12-31" });
    const bad = spawnSync(process.execPath, [cli, "sie", path.join(SIE_DIR, "BROKEN_avendo_bad_balance.se"), "--json"], {
      encoding: "utf8",
    });
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).errors[0]).toMatchObject({ code: "sie_unbalanced_voucher", cell: "BROKEN_avendo_bad_balance.se:3905" });
  });
});

describe("the summary in the officer's words (issue 26)", () => {
  const summary = (lines: string[], encoding: BufferEncoding = "latin1") =>
    summarizeSie(parseSie(Buffer.from(["#FLAGGA 0", "#SIETYP 4", ...lines, ""].join("\r\n"), encoding), "t.se"), "t.se");
  test("fiscal year 0 is named by its year, or by its dates when it is not a calendar year", () => {
    expect(fiscalYearName(summary(["#RAR 0 20210101 20211231"]))).toBe("2021");
    expect(fiscalYearName(summary(["#RAR 0 20210701 20220630", "#RAR -1 20200701 20210630"]))).toBe("2021-07-01 – 2022-06-30");
    expect(fiscalYearName(summary([]))).toBeNull();
  });
  test("the encoding is named only when it is not the standard's PC8 (CP437)", () => {
    expect(encodingWorthSaying(summary(["#FORMAT PC8", "#RAR 0 20210101 20211231"]))).toBeNull();
    expect(encodingWorthSaying(summary(['#FNAMN "Förbundet"', "#RAR 0 20210101 20211231"], "utf8"))).toBe("utf-8");
  });
});

describe("rows that write the same objects and account share them (a million rows do not hold a million copies)", () => {
  const file = (objects: string[]) =>
    Buffer.from(
      [
        "#FLAGGA 0",
        "#SIETYP 4",
        "#RAR 0 20260101 20261231",
        '#VER A 1 20260105 "x"',
        "{",
        ...objects.map((o) => `#TRANS 4510 {${o}} 1.00`),
        `#TRANS 1930 {} -${objects.length}.00`,
        "}",
      ].join("\r\n") + "\r\n",
      "latin1",
    );

  test("the same list is the same array, read as written; another list is its own", () => {
    const t = parseSie(file(['6 "P1"', '6  "P1"', '6 "P1"', '6 "P2"']), "x.se").vouchers[0].transactions;
    expect(t.slice(0, 4).map((x) => x.objects)).toEqual([[[6, "P1"]], [[6, "P1"]], [[6, "P1"]], [[6, "P2"]]]);
    expect(t[2].objects).toBe(t[0].objects);
    expect(t[3].objects).not.toBe(t[0].objects);
    expect(t[1].accountText).toBe("4510");
  });

  test("beyond the reader's 10 000 shared lists, each row still gets its own objects right", () => {
    const many = Array.from({ length: 10_050 }, (_, i) => `6 "P${i}"`);
    const t = parseSie(file(many), "x.se").vouchers[0].transactions;
    expect(t.slice(0, -1).map((x) => x.objects[0][1])).toEqual(many.map((_, i) => `P${i}`));
  });
});
