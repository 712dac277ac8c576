/**
 * The sheet references in a formula, read independently of src/ (for the cross-part checks and the
 * in-memory Excel, which also runs in the browser harness: no Node modules here).
 */

/** Sheet names a formula refers to (`Blad!A1`, `'Eget kapital'!B3`), outside string literals. */
export function formulaSheetRefs(formula: string): Array<{ name: string; quoted: boolean }> {
  const out: Array<{ name: string; quoted: boolean }> = [];
  const re = /"(?:[^"]|"")*"|'((?:[^']|'')+)'!|([\p{L}_\\][\p{L}\p{N}_.]*)!/gu;
  for (const m of formula.matchAll(re)) {
    if (m[1] !== undefined) out.push({ name: m[1].replace(/''/g, "'"), quoted: true });
    else if (m[2] !== undefined) out.push({ name: m[2], quoted: false });
  }
  return out;
}

/** Whether Excel requires quotes around this sheet name in a formula (an independent statement of the rule). */
export function needsQuotes(name: string): boolean {
  if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name)) return true;
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name)) return true; // A1-style cell reference
  if (/^[Rr]([0-9]*)?([Cc]([0-9]*)?)?$/.test(name) || /^[Cc][0-9]*$/.test(name)) return true; // R1C1-style
  if (/^(true|false)$/i.test(name)) return true;
  return false;
}
