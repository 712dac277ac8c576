/**
 * The message catalogue: every code has a Swedish and an English text for its example parameters,
 * amounts and dates are written the way each language writes them, and no message leaks a raw value.
 */
import { formatDate, formatMoney, formatPercentage, formatter, langOfTag } from "../src/core/locale";
import { CATALOGUE, CODES, formatIssue, Message, messageText } from "../src/core/messages";
import { BALANCE_LINES, LEAF_LINES, lineLabelIn } from "../src/core/reportLines";
import { asCellRef } from "../src/core/units";

describe("message catalogue", () => {
  test("there are codes", () => expect(CODES.length).toBeGreaterThan(50));

  test.each(CODES)("%s has a Swedish and an English text", (code) => {
    const entry = CATALOGUE[code];
    expect(typeof entry.sv).toBe("function");
    expect(typeof entry.en).toBe("function");
    expect(entry.meaning.length).toBeGreaterThan(10);
    const m = { code, params: entry.example } as Message;
    const sv = messageText(m, "sv");
    const en = messageText(m, "en");
    for (const text of [sv, en]) {
      expect(text.trim().length).toBeGreaterThan(5);
      expect(text).not.toMatch(/undefined|\[object Object\]|NaN/);
    }
  });

  test("the English texts are English, not the Swedish ones", () => {
    const same = CODES.filter((code) => {
      const m = { code, params: CATALOGUE[code].example } as Message;
      return messageText(m, "sv") === messageText(m, "en");
    });
    expect(same).toEqual([]);
  });

  test("an amount in a message: 12 771,00 kr in Swedish, SEK 12,771.00 in English", () => {
    const m: Message = { code: "unbalanced_voucher", params: { count: 2, sheet: "Huvudbok", voucher: "A 12", difference: "-12771" } };
    expect(messageText(m, "sv")).toContain("-12\u00a0771,00\u00a0kr");
    expect(messageText(m, "en")).toContain("SEK -12,771.00");
  });

  test("a value problem names the cell and the value in both languages", () => {
    const issue = {
      code: "invalid_amount" as const,
      params: { problem: "not_amount" as const, value: '"12,5 kr"' },
      cell: asCellRef("Huvudbok!D8"),
    };
    expect(formatIssue(issue, "sv")).toBe('Huvudbok!D8: "12,5 kr" är inte ett belopp.');
    expect(formatIssue(issue, "en")).toBe('Huvudbok!D8: "12,5 kr" is not an amount.');
    const empty = { ...issue, params: { problem: "not_date" as const, value: null } };
    expect(formatIssue(empty, "en")).toBe("Huvudbok!D8: an empty cell is not a date.");
  });
});

describe("locale", () => {
  test("money", () => {
    expect(formatMoney("12771", "sv")).toBe("12\u00a0771,00\u00a0kr");
    expect(formatMoney("-1367776.07", "en")).toBe("SEK -1,367,776.07");
    expect(formatMoney("0.005", "sv")).toBe("0,01\u00a0kr");
  });
  test("dates and percentages", () => {
    // ISO in both languages, as the sheets and the board text write dates.
    expect(formatDate("2026-08-31")).toBe("2026-08-31");
    expect(formatter("en").date("2026-08-31")).toBe("2026-08-31");
    expect(formatPercentage("0.255", "sv")).toBe("25,5\u00a0%");
    expect(formatPercentage("0.255", "en")).toBe("25.5%");
  });
  test("language from a locale tag: sv and en, anything else falls back", () => {
    expect(langOfTag("sv_SE.UTF-8")).toBe("sv");
    expect(langOfTag("en_GB.UTF-8")).toBe("en");
    expect(langOfTag("C.UTF-8")).toBe("sv");
    expect(langOfTag(undefined, "en")).toBe("en");
  });
});

test("every line an account can be given has English words for an English pane (the SIE preview proposed Swedish ones)", () => {
  const lines = [...LEAF_LINES, ...BALANCE_LINES, "avslutspost"];
  for (const line of lines) {
    const en = lineLabelIn(line, "en");
    expect({ line, english: en !== lineLabelIn(line, "sv") && !/[åäö]/i.test(en) }).toEqual({ line, english: true });
  }
});
