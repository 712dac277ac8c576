/**
 * The summary read (parseSie's `summary`: transactions tallied per account and day, not kept) gives the summary the
 * full read gives, for every shared export, broken ones included, and for every file of the hostile corpus: the
 * command line and the pane summarise with it (issue 35: a million transactions in a fraction of the memory).
 */
import { readFileSync } from "fs";
import path from "path";
import { parseSie } from "../src/core/sie/parse";
import { summarizeSie } from "../src/core/sie/summary";
import { describeWithSie, SIE_DIR, SIE_FILES } from "./helpers/shared";

const both = (bytes: Buffer, name: string) => ({
  full: summarizeSie(parseSie(bytes, name), name),
  tallied: summarizeSie(parseSie(bytes, name, undefined, { summary: true }), name),
});

describeWithSie("the summary read agrees with the full read", () => {
  test.each(SIE_FILES.map((f) => [f]))("%s", (file) => {
    const { full, tallied } = both(readFileSync(path.join(SIE_DIR, file)), file);
    expect(tallied).toEqual(full);
    // The comparison can fail: the files have transactions, and the tally holds them.
    if (full.transactions > 0) expect(tallied.transactions).toBe(full.transactions);
  });
});

describe("the summary read on broken files", () => {
  const head = ["#FLAGGA 0", "#SIETYP 4", "#RAR 0 20260101 20261231"];
  const cases: Record<string, string[]> = {
    unbalanced: ['#VER A 1 20260105 ""', "{", "#TRANS 1930 {} 50.00", "#TRANS 3010 {} -40.00", "}"],
    "bad date": ['#VER A 1 20261332 ""', "{", "#TRANS 1930 {} 50.00", "#TRANS 3010 {} -50.00", "}"],
    "outside the year": ['#VER A 1 20270105 ""', "{", "#TRANS 1930 {} 50.00", "#TRANS 3010 {} -50.00", "}"],
    "never closed": ['#VER A 1 20260105 ""', "{", "#TRANS 1930 {} 50.00", "#TRANS 3010 {} -50.00"],
    "no #RAR, a transaction file": ['#VER A 1 20260105 ""', "{", "#TRANS 1930 {} 50.00", "#TRANS 3010 {} -50.00", "}"],
  };
  test.each(Object.keys(cases).map((k) => [k]))("%s", (name) => {
    const lines = name.startsWith("no #RAR") ? head.slice(0, 2) : head;
    const { full, tallied } = both(Buffer.from([...lines, ...cases[name]].join("\r\n") + "\r\n", "latin1"), "t.se");
    expect(tallied).toEqual(full);
  });
});

test("an opening-balance voucher (IB) counts as IB in both reads, and a leading-zero account keeps its class", () => {
  const text = [
    "#FLAGGA 0",
    "#SIETYP 4",
    "#RAR 0 20260101 20261231",
    "#IB 0 1930 100.00",
    "#IB 0 2010 -100.00",
    "#UB 0 1930 150.00",
    "#UB 0 2010 -100.00",
    "#RES 0 3010 -50.00",
    '#VER IB "" 20260101 "Ingående"',
    "{",
    "#TRANS 1930 {} 100.00",
    "#TRANS 2010 {} -100.00",
    "}",
    '#VER A 1 20260105 "Sålt"',
    "{",
    "#TRANS 1930 {} 50.00",
    "#TRANS 3010 {} -50.00",
    "#TRANS 0351 {} 7.00",
    "#TRANS 0351 {} -7.00",
    "}",
  ].join("\r\n");
  const { full, tallied } = both(Buffer.from(text + "\r\n", "latin1"), "t.se");
  expect(tallied).toEqual(full);
  expect(full.transactionsByClass).toEqual({ "0": "0", "1": "150", "2": "-100", "3": "-50" });
});
