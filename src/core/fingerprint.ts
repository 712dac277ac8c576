/**
 * The input fingerprint: SHA-256 over a canonical text serialisation of the parsed inputs
 * (README, "Fingeravtryck"). It depends on meaning, not on layout: column order, number
 * formatting, notes columns and blank rows do not change it; any changed value does.
 *
 * Serialisation (UTF-8, lines joined by "\n"): the line `finsam-indata 1`, then per table a line
 * `[Tabellnamn]` and one line per row with tab-separated fields. Text fields are JSON strings,
 * amounts are exact kronor ("1234.5"), dates ISO. Tables: Installningar, Medlemmar, Kontoplan,
 * Budget, Huvudbok, Insatser, Prognos, Takregel — rows in workbook order.
 */
import { isoOfDayNumber } from "./dates";
import type { Inputs } from "./inputs";
import { oreText } from "./money";
import { sha256HexOfBytes } from "./sha256";
import type { DayNumber } from "./units";
import { Utf8Writer } from "./utf8Writer";

const j = (s: string) => JSON.stringify(s);

const NL = 10;
const TAB = 9;

/** `oreText(ore)` written without making the string (the ledger's amounts). */
export function writeOreText(w: Utf8Writer, ore: number): void {
  if (!Number.isSafeInteger(ore) || ore === 0) {
    w.text(oreText(ore));
    return;
  }
  const abs = Math.abs(ore);
  const kr = Math.floor(abs / 100);
  const rest = abs - kr * 100;
  if (ore < 0) w.byte(0x2d);
  w.int(kr);
  if (rest === 0) return;
  w.byte(0x2e);
  if (rest % 10 === 0) w.byte(0x30 + rest / 10);
  else {
    w.byte(0x30 + Math.floor(rest / 10));
    w.byte(0x30 + (rest % 10));
  }
}

/** SHA-256 as lowercase hex of bytes: the core's own, or a faster native one (the command line passes Node's). */
export type Sha256 = (bytes: Uint8Array) => string;

/** One input table's part of the serialisation: its name and where its text (`[Tabellnamn]` and lines) lies. */
interface CanonicalSection {
  table: string;
  start: number;
  end: number;
}

/**
 * The serialisation as UTF-8 bytes, written once (a 100 000-row ledger is 6 MB of it): `finsam-indata 1`, then each
 * table's `[Tabellnamn]` line and its lines, each line after a "\n"; and where each table's text lies in it.
 */
function serialise(inputs: Inputs): { bytes: Uint8Array; sections: CanonicalSection[] } {
  const w = new Utf8Writer(256 + inputs.ledger.length * 80);
  w.text("finsam-indata 1");
  const s = inputs.settings;
  const sections: CanonicalSection[] = [];
  const section = (table: string) => {
    if (sections.length > 0) sections[sections.length - 1].end = w.length;
    w.text("\n");
    sections.push({ table, start: w.length, end: 0 });
    w.text(`[${table}]`);
  };
  const out = {
    push: (...lines: string[]) => {
      for (const line of lines) {
        w.text("\n");
        w.text(line);
      }
    },
  };
  section("Installningar");
  const d = (v: { toFixed(): string } | null) => (v === null ? "" : v.toFixed());
  out.push(
    ["association", j(s.association)].join("\t"),
    ["year", String(s.year)].join("\t"),
    ["cutoff", s.cutoff ?? ""].join("\t"),
    ["displayUnit", s.displayUnit].join("\t"),
    ["roundingUnit", d(s.roundingUnit)].join("\t"),
    ["stateContribution", d(s.stateContribution)].join("\t"),
    ["totalContributions", d(s.totalContributions)].join("\t"),
    ["shares", d(s.shares.Stat), d(s.shares.Region), d(s.shares.Kommun)].join("\t"),
    ["installments", String(s.installments)].join("\t"),
    ["accrueContributions", s.accrueContributions ? "Ja" : "Nej"].join("\t"),
    ["openingEquity", d(s.openingEquity)].join("\t"),
    ["ceilingRule", s.ceilingRule.kind === "flat" ? s.ceilingRule.rate.toFixed() : "Tabell"].join("\t"),
  );
  // Only when not the default, so that a workbook without the setting keeps its fingerprint.
  if (s.ceilingBasis === "income") out.push(["ceilingBasis", "Alla intäkter"].join("\t"));
  section("Medlemmar");
  for (const m of inputs.members) {
    // Keys by year and Från/Till only when given, so that a workbook without them keeps its fingerprint.
    const base = [j(m.name), m.group, (m.baseKey ?? m.key).toFixed()];
    const years = [...m.keys].sort((a, b) => a[0] - b[0]).map(([y, k]) => `${y}=${k.toFixed()}`);
    const iso = (d: DayNumber | null) => (d === null ? "" : isoOfDayNumber(d));
    const span = m.from !== null || m.to !== null ? [`från=${iso(m.from)}`, `till=${iso(m.to)}`] : [];
    out.push([...base, ...years, ...span].join("\t"));
  }
  section("Kontoplan");
  for (const a of inputs.accounts) out.push([a.from, a.to, a.line ?? "", j(a.name)].join("\t"));
  section("Budget");
  for (const b of inputs.budget) out.push([b.line, b.year, b.amount.toFixed()].join("\t"));
  // Budget per verksamhet, and an insats' Typ, only when given: a workbook without them keeps its fingerprint.
  for (const f of inputs.functionBudget) out.push([f.fn, f.year, f.amount.toFixed()].join("\t"));
  section("Huvudbok");
  // The hot loop (one line per ledger row): dates repeat, so each day's ISO text is made once.
  const isoOfDay = new Map<number, string>();
  for (const r of inputs.ledger) {
    let iso = isoOfDay.get(r.day);
    if (iso === undefined) isoOfDay.set(r.day, (iso = isoOfDayNumber(r.day)));
    w.byte(NL);
    w.text(iso);
    w.byte(TAB);
    w.json(r.voucher);
    w.byte(TAB);
    w.int(r.account);
    w.byte(TAB);
    writeOreText(w, r.ore);
    w.byte(TAB);
    w.json(r.text);
    w.byte(TAB);
    w.json(r.project);
  }
  section("Insatser");
  for (const g of inputs.grants) {
    // Utbetalt tidigare and Typ only when given (the former was missing from the fingerprint before 0.3).
    const type = [...(g.paidEarlier.isZero() ? [] : [`tidigare=${g.paidEarlier.toFixed()}`]), ...(g.type ? [`typ=${g.type}`] : [])];
    out.push([j(g.code), j(g.name), j(g.dnr), g.granted.toFixed(), isoOfDayNumber(g.from), isoOfDayNumber(g.to), ...type].join("\t"));
  }
  section("Prognos");
  for (const c of inputs.forecastChoices) out.push([c.line, c.method, c.amount ? c.amount.toFixed() : "", j(c.comment)].join("\t"));
  section("Takregel");
  for (const b of inputs.ceilingBands) out.push([b.from.toFixed(), b.to ? b.to.toFixed() : "", b.rate.toFixed()].join("\t"));
  // Only when there are any, so that a workbook without them keeps its fingerprint.
  if (inputs.extras.length > 0) {
    section("Tillaggsbidrag");
    for (const e of inputs.extras) {
      const shares = e.shares ? [d(e.shares.Stat), d(e.shares.Region), d(e.shares.Kommun)] : [];
      out.push([String(e.year), e.amount.toFixed(), isoOfDayNumber(e.due), j(e.decision), ...shares].join("\t"));
    }
  }
  sections[sections.length - 1].end = w.length;
  return { bytes: w.bytes(), sections };
}

/** The whole serialisation as text (for reading it; the fingerprints hash its bytes). */
export function canonicalInputs(inputs: Inputs): string {
  return new TextDecoder().decode(serialise(inputs).bytes);
}

/** The fingerprint; `sha256` may be a faster native implementation of the same function. */
export function fingerprint(inputs: Inputs, sha256: Sha256 = sha256HexOfBytes): string {
  return sha256(serialise(inputs).bytes);
}

/**
 * The fingerprint and a fingerprint per input table (SHA-256 of the table's `[Tabellnamn]` line and its lines), from
 * one serialisation. The tables' are stored with the results (Kontroller's Indatakontroll), so that Verifiera can name
 * the tables that changed since the run.
 */
export function inputFingerprints(inputs: Inputs, sha256: Sha256 = sha256HexOfBytes): { whole: string; tables: Map<string, string> } {
  const { bytes, sections } = serialise(inputs);
  return { whole: sha256(bytes), tables: new Map(sections.map((t) => [t.table, sha256(bytes.subarray(t.start, t.end))])) };
}
