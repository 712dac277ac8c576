/**
 * docProps/app.xml lists the workbook's sheet names (TitlesOfParts, grouped by HeadingPairs such as
 * "Worksheets" 5, "Named Ranges" 2). When a run adds sheets, the worksheet group is rewritten with the
 * workbook's worksheets in tab order; every other group, and everything else in the part, stays.
 */
import { escapeText } from "./xml";
import { decodeText, elements } from "./xml";

const VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";

interface Pair {
  label: string;
  count: number;
}

function lpstrs(vector: string): string[] {
  return [...elements(vector, "vt:lpstr")].map((e) => decodeText(e.inner));
}

function pairsOf(headingPairs: string): Pair[] {
  const variants = [...elements(headingPairs, "vt:variant")].map((e) => e.inner);
  const out: Pair[] = [];
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const label = /<vt:lpstr>([\s\S]*?)<\/vt:lpstr>/.exec(variants[i])?.[1] ?? "";
    const count = Number(/<vt:i4>(\d+)<\/vt:i4>/.exec(variants[i + 1])?.[1] ?? 0);
    out.push({ label: decodeText(label), count });
  }
  return out;
}

function headingPairsXml(pairs: Pair[]): string {
  const items = pairs.map(
    (p) => `<vt:variant><vt:lpstr>${escapeText(p.label)}</vt:lpstr></vt:variant><vt:variant><vt:i4>${p.count}</vt:i4></vt:variant>`,
  );
  return `<HeadingPairs><vt:vector size="${pairs.length * 2}" baseType="variant">${items.join("")}</vt:vector></HeadingPairs>`;
}

function titlesXml(titles: string[]): string {
  const items = titles.map((t) => `<vt:lpstr>${escapeText(t)}</vt:lpstr>`).join("");
  return `<TitlesOfParts><vt:vector size="${titles.length}" baseType="lpstr">${items}</vt:vector></TitlesOfParts>`;
}

/**
 * app.xml with its worksheet group listing `after`. `before` are the worksheets as the part knew them:
 * the group whose titles are all among them is the worksheet group. Without one, a "Worksheets" group
 * is put first.
 */
export function appXmlWithSheets(xml: string, before: readonly string[], after: readonly string[]): string {
  const hp = /<HeadingPairs>[\s\S]*?<\/HeadingPairs>/.exec(xml);
  const tp = /<TitlesOfParts>[\s\S]*?<\/TitlesOfParts>/.exec(xml);
  let pairs = hp ? pairsOf(hp[0]) : [];
  let titles = tp ? lpstrs(tp[0]) : [];
  if (pairs.reduce((s, p) => s + p.count, 0) !== titles.length) {
    // Inconsistent or missing: start over with the worksheets only.
    pairs = [];
    titles = [];
  }
  const known = new Set(before.map((s) => s.toLowerCase()));
  let offset = 0;
  let group = -1;
  for (let i = 0; i < pairs.length; i++) {
    const slice = titles.slice(offset, offset + pairs[i].count);
    if (slice.length > 0 && slice.every((t) => known.has(t.toLowerCase()))) {
      group = i;
      break;
    }
    offset += pairs[i].count;
  }
  if (group < 0) {
    pairs = [{ label: "Worksheets", count: after.length }, ...pairs];
    titles = [...after, ...titles];
  } else {
    titles = [...titles.slice(0, offset), ...after, ...titles.slice(offset + pairs[group].count)];
    pairs = pairs.map((p, i) => (i === group ? { ...p, count: after.length } : p));
  }
  let out = xml;
  const replaceOrAdd = (match: RegExpExecArray | null, text: string) => {
    if (match) out = out.replace(match[0], text);
    else out = out.replace(/<\/Properties>\s*$/, `${text}</Properties>`);
  };
  replaceOrAdd(/<HeadingPairs>[\s\S]*?<\/HeadingPairs>/.exec(out), headingPairsXml(pairs));
  replaceOrAdd(/<TitlesOfParts>[\s\S]*?<\/TitlesOfParts>/.exec(out), titlesXml(titles));
  if (!/xmlns:vt\s*=/.test(out)) out = out.replace(/<Properties\b/, `<Properties xmlns:vt="${VT}"`);
  return out;
}
