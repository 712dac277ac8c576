/**
 * The fast paths that make a 100 000-row ledger quick give exactly what the plain Decimal paths
 * give: amounts to öre, öre to kronor text, the exact SUM of input columns, the fingerprint's
 * serialisation written as bytes, and the fingerprint with Node's SHA-256 instead of the core's.
 */
import { createHash } from "crypto";
import fc from "fast-check";
import { OUTPUTS } from "../src/core/compute";
import { canonicalInputs, fingerprint, inputFingerprints, writeOreText } from "../src/core/fingerprint";
import { Decimal, oreText } from "../src/core/money";
import { readInputs } from "../src/workbook/read";
import { Utf8Writer } from "../src/core/utf8Writer";
import { ExactSum } from "../src/workbook/stamps";
import { parseAmount, parseAmountOre, parseInteger } from "../src/workbook/values";
import { gridOfWorkbook } from "./helpers/exceljs";
import { exampleWorkbook } from "./helpers/office";

/** Numbers as they arrive in cells: whole, with öre, with more decimals, formula noise, large, negative zero. */
const cellNumber = fc.oneof(
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
  fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }).map((ore) => ore / 100),
  fc.integer({ min: -100_000_000_000, max: 100_000_000_000 }).map((x) => x / 1000),
  // Down to 1e-6: any sum then fits the 40 digits Decimal keeps, so both sides are exact.
  fc.double({ min: -1e13, max: 1e13, noNaN: true, noDefaultInfinity: true }).filter((x) => x === 0 || Math.abs(x) >= 1e-6),
  fc.constantFrom(0.1 + 0.2, 1e9 - 0.01, 1e9, -1e9 + 0.01, 999999999.99, -0, 1e12, 1e12 + 0.01),
  // Öre through a formula's arithmetic (binary noise, as 113.00999999999999), around the noise path's 1e6 kr bound.
  fc
    .tuple(fc.integer({ min: -200_000_000, max: 200_000_000 }), fc.constantFrom(0.1, 0.7, 3, 1.1, 1e-7))
    .chain(([ore, k]) => fc.constantFrom(ore / 100 + k - k, ((ore / 100) * k) / k, (ore * k) / 100 / k)),
  fc.double({ min: 999_999.99, max: 1_000_000.01, noNaN: true }),
);

test("an amount cell to öre: the fast path equals Decimal kronor times 100, errors included", () => {
  fc.assert(
    fc.property(cellNumber, (n) => {
      const slow = parseAmount(n);
      const fast = parseAmountOre(n);
      if (!slow.ok) expect(fast).toEqual(slow);
      else expect(fast).toEqual({ ok: true, value: slow.value.times(100).toNumber() });
    }),
    { numRuns: 5000 },
  );
});

test("a whole-number cell: the fast path equals the Decimal path", () => {
  fc.assert(
    fc.property(fc.oneof(cellNumber, fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, -0)), (n) => {
      const r = parseInteger(n);
      const d = new Decimal(n);
      if (d.isInteger() && d.abs().lessThanOrEqualTo(Number.MAX_SAFE_INTEGER))
        expect(r).toEqual({ ok: true, value: d.toNumber() || 0 }); // a negative zero reads as 0
      else expect(r.ok).toBe(false);
    }),
    { numRuns: 3000 },
  );
});

test("öre as kronor text equals Decimal's toFixed()", () => {
  fc.assert(
    fc.property(fc.oneof(fc.integer({ min: -1e14, max: 1e14 }), fc.integer({ min: -1000, max: 1000 })), (ore) => {
      expect(oreText(ore)).toBe(new Decimal(ore).dividedBy(100).toFixed());
    }),
    { numRuns: 5000 },
  );
});

test("the exact column sum equals adding every number as a Decimal", () => {
  fc.assert(
    fc.property(fc.array(cellNumber, { maxLength: 200 }), (xs) => {
      const s = new ExactSum();
      for (const x of xs) s.add(x);
      expect(s.value().toFixed()).toBe(xs.reduce((a, x) => a.plus(x), new Decimal(0)).toFixed());
    }),
    { numRuns: 1000 },
  );
  // Many large öre amounts: the integer total is moved into the Decimal before it loses precision.
  const s = new ExactSum();
  let d = new Decimal(0);
  for (let i = 0; i < 200000; i++) {
    const x = 999_999_999.99 - (i % 7);
    s.add(x);
    d = d.plus(x);
  }
  expect(s.value().toFixed()).toBe(d.toFixed());
});

/** Strings of any code units: lone surrogates, control characters, quotes, backslashes, å, €, emoji. */
const anyText = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({ unit: fc.constantFrom("a", '"', "\\", "\n", "\u0001", "\u001f", "\u007f", "å", "€", "\ud83d", "\ude00", "😀", "\u2028") }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
);

test("the byte writer gives what encoding the text, and JSON.stringify of it, gives, across its buffer's growth", () => {
  const enc = new TextEncoder();
  fc.assert(
    fc.property(fc.array(fc.tuple(anyText, fc.boolean()), { maxLength: 40 }), (parts) => {
      const w = new Utf8Writer(16);
      const expected: Uint8Array[] = [];
      for (const [s, json] of parts) {
        if (json) w.json(s);
        else w.text(s);
        // Each piece is encoded on its own (the serialisation joins them at tabs and newlines).
        expected.push(enc.encode(json ? JSON.stringify(s) : s));
      }
      expect(Buffer.from(w.bytes()).equals(Buffer.concat(expected))).toBe(true);
    }),
    { numRuns: 2000 },
  );
});

test("numbers and öre written as bytes are String(n) and oreText(ore)", () => {
  const written = (f: (w: Utf8Writer) => void) => {
    const w = new Utf8Writer(16);
    f(w);
    return Buffer.from(w.bytes()).toString("utf8");
  };
  const n = fc.oneof(fc.maxSafeInteger(), fc.integer(), fc.constantFrom(0, -0, 9, 10, 99, 100, 1e15, -1e15), fc.double());
  fc.assert(
    fc.property(n, (x) => {
      expect(written((w) => w.int(x))).toBe(String(x));
      expect(written((w) => writeOreText(w, x))).toBe(oreText(x));
    }),
    { numRuns: 5000 },
  );
});

test("the fingerprint with Node's SHA-256 is the core's fingerprint", () => {
  const read = readInputs(gridOfWorkbook(exampleWorkbook({ ledgerRows: 2000 })), new Set(OUTPUTS));
  const native = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
  expect(read.inputs).not.toBeNull();
  expect(canonicalInputs(read.inputs!)).toContain("[Huvudbok]");
  expect(fingerprint(read.inputs!, native)).toBe(fingerprint(read.inputs!));
});

test("each table's own fingerprint changes with its rows only, and the whole is the fingerprint of 0.2", () => {
  const grid = gridOfWorkbook(exampleWorkbook());
  const inputs = readInputs(grid, new Set(OUTPUTS)).inputs!;
  const before = inputFingerprints(inputs);
  // One serialisation gives both: the whole is what `fingerprint` has always given (goldens pin its value).
  expect(before.whole).toBe(fingerprint(inputs));
  expect([...before.tables.keys()]).toEqual([
    "Installningar",
    "Medlemmar",
    "Kontoplan",
    "Budget",
    "Huvudbok",
    "Insatser",
    "Prognos",
    "Takregel",
  ]);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: inputs.ledger.length - 1 }), fc.integer({ min: 1, max: 1_000_000 }), (i, ore) => {
      const ledger = inputs.ledger.map((r, j) => (j === i ? { ...r, ore: (r.ore + ore) as typeof r.ore } : r));
      const after = inputFingerprints({ ...inputs, ledger });
      expect(after.whole).not.toBe(before.whole);
      for (const [table, print] of before.tables)
        expect({ table, same: after.tables.get(table) === print }).toEqual({ table, same: table !== "Huvudbok" });
    }),
    { numRuns: 50 },
  );
});
