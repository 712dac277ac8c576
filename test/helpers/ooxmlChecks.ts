/**
 * The rules of a valid .xlsx that the ISO/IEC 29500 schemas cannot express, checked across parts,
 * as Excel checks them when it opens a file (and "repairs" what breaks them): unique table names
 * and ids, no table named like a defined name, table columns named like their header cells, every
 * relationship target present, a content type for every part, style indexes in range, and formulas
 * that refer only to existing sheets, quoted where a sheet name needs it.
 * Independent of src/xlsx on purpose: a regex reading of the XML, written for the tests.
 */
import { Package } from "../../src/xlsx/package";
import { formulaSheetRefs, needsQuotes } from "./formulaRefs";

export { formulaSheetRefs, needsQuotes };
import { readZip } from "../../src/xlsx/zip";

const attrs = (tag: string): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = unescape(m[2]);
  return out;
};
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
    .replace(/&amp;/g, "&");

function col(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

export function crossPartProblems(buf: Buffer): string[] {
  const pkg = new Package(readZip(buf));
  const problems: string[] = [];
  const names = new Set(pkg.entries.filter((e) => !e.name.endsWith("/")).map((e) => e.name));

  // Content types for every part.
  const ct = pkg.text("[Content_Types].xml");
  const defaults = new Set([...ct.matchAll(/<Default\b([^>]*)>/g)].map((m) => attrs(m[1]).Extension?.toLowerCase()));
  const overrides = new Set([...ct.matchAll(/<Override\b([^>]*)>/g)].map((m) => attrs(m[1]).PartName?.replace(/^\//, "")));
  for (const o of overrides) if (!names.has(o!)) problems.push(`content type override for a missing part ${o}`);
  for (const n of names) {
    if (n === "[Content_Types].xml") continue;
    const ext = n.slice(n.lastIndexOf(".") + 1).toLowerCase();
    if (!overrides.has(n) && !defaults.has(ext)) problems.push(`no content type for ${n}`);
  }

  // Every relationship target present.
  for (const n of names) {
    if (!n.endsWith(".rels")) continue;
    const source = n === "_rels/.rels" ? "" : n.replace(/_rels\/([^/]+)\.rels$/, "$1");
    for (const r of pkg.relationships(source)) if (!r.external && !names.has(r.target)) problems.push(`${n}: target ${r.target} missing`);
  }

  // Workbook: sheets, defined names, styles.
  const wbRel = pkg.relationships("").find((r) => r.kind === "officeDocument")!;
  const wb = pkg.text(wbRel.target);
  const sheets = [...wb.matchAll(/<sheet\b([^>]*)>/g)].map((m) => attrs(m[1]));
  const sheetNames = sheets.map((s) => s.name);
  const lower = new Set(sheetNames.map((s) => s.toLowerCase()));
  if (lower.size !== sheetNames.length) problems.push(`sheet names repeat: ${sheetNames.join(", ")}`);
  const defined = new Set([...wb.matchAll(/<definedName\b([^>]*)>/g)].map((m) => attrs(m[1]).name.toLowerCase()));
  const wbRels = new Map(pkg.relationships(wbRel.target).map((r) => [r.id, r]));
  const stylesRel = [...wbRels.values()].find((r) => r.kind === "styles");
  const styles = stylesRel ? pkg.text(stylesRel.target) : "";
  const xfCount = (/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1].match(/<xf\b/g) ?? []).length;
  const fontCount = (/<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1].match(/<font\b/g) ?? []).length;
  const numFmtIds = new Set([...styles.matchAll(/<numFmt\b([^>]*)>/g)].map((m) => Number(attrs(m[1]).numFmtId)));
  for (const m of (/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "").matchAll(/<xf\b([^>]*)>/g)) {
    const a = attrs(m[1]);
    if (Number(a.fontId ?? 0) >= fontCount) problems.push(`styles: xf fontId ${a.fontId} out of range`);
    const nf = Number(a.numFmtId ?? 0);
    if (nf >= 164 && !numFmtIds.has(nf)) problems.push(`styles: numFmtId ${nf} not defined`);
  }

  const tableNames = new Map<string, string>();
  const tableIds = new Map<number, string>();
  for (const s of sheets) {
    const rel = wbRels.get(s["r:id"]);
    if (!rel || rel.kind !== "worksheet") continue;
    const xml = pkg.text(rel.target);
    const cells = new Map<string, string>();
    const strings = sharedStrings(pkg, wbRel.target);
    for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const a = attrs(m[1]);
      const body = m[2] ?? "";
      if (a.s !== undefined && Number(a.s) >= xfCount) problems.push(`${s.name}!${a.r}: style ${a.s} out of range (${xfCount})`);
      const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(body);
      if (f) {
        for (const ref of formulaSheetRefs(unescape(f[1]))) {
          if (!lower.has(ref.name.toLowerCase())) problems.push(`${s.name}!${a.r}: formula refers to a missing sheet ${ref.name}`);
          if (!ref.quoted && needsQuotes(ref.name)) problems.push(`${s.name}!${a.r}: sheet name ${ref.name} must be quoted`);
        }
      }
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      const t = /<t\b[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1];
      cells.set(a.r, unescape(a.t === "s" ? (strings[Number(v)] ?? "") : a.t === "inlineStr" ? (t ?? "") : (v ?? "")));
    }
    for (const r of pkg.relationships(rel.target)) {
      if (r.kind !== "table") continue;
      const tx = pkg.text(r.target);
      const head = attrs(/<table\b([^>]*)>/.exec(tx)![1]);
      for (const n of new Set([head.name, head.displayName])) {
        const key = n.toLowerCase();
        if (tableNames.has(key) && tableNames.get(key) !== r.target) problems.push(`table name ${n} repeats`);
        tableNames.set(key, r.target);
        if (defined.has(key)) problems.push(`table name ${n} equals a defined name`);
      }
      const id = Number(head.id);
      if (tableIds.has(id)) problems.push(`table id ${id} repeats`);
      tableIds.set(id, r.target);
      const [tl] = head.ref.split(":");
      const m = /^([A-Z]+)(\d+)$/.exec(tl)!;
      const columns = [...tx.matchAll(/<tableColumn\b([^>]*)>/g)].map((c) => attrs(c[1]).name);
      columns.forEach((name, i) => {
        let letters = "";
        let n = col(m[1]) + i + 1;
        while (n > 0) {
          letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
          n = Math.floor((n - 1) / 26);
        }
        const header = cells.get(`${letters}${m[2]}`) ?? "";
        if (header !== name) problems.push(`table ${head.name}: column ${name} but header cell ${letters}${m[2]} is "${header}"`);
      });
    }
  }
  return problems;
}

function sharedStrings(pkg: Package, wbPart: string): string[] {
  const rel = pkg.relationships(wbPart).find((r) => r.kind === "sharedStrings");
  if (!rel) return [];
  return [...pkg.text(rel.target).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(""),
  );
}
