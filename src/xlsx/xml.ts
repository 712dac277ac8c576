/**
 * The little XML an .xlsx package needs: attributes of a start tag, text with entities and Office's
 * `_xHHHH_` escapes decoded, and escaping for what we write. The parts are machine-written
 * SpreadsheetML, so a scanner over tags is enough; no DOM is built (a 100 000-row sheet is 28 MB).
 */
import { PackageError } from "./errors";

/** XML whitespace: space, tab, line feed, carriage return. */
export function isXmlSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * The attributes of a start tag's inside (`r="A1" t="s"`), decoded, by local name and by qualified name.
 * A hand-written scanner that visits each character once: a regular expression here took quadratic time
 * on a crafted 200 KB attribute name.
 */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const n = tag.length;
  let i = 0;
  while (i < n) {
    while (i < n && (isXmlSpace(tag.charCodeAt(i)) || tag[i] === "/" || tag[i] === ">")) i++;
    const nameStart = i;
    while (i < n && !isXmlSpace(tag.charCodeAt(i)) && tag[i] !== "=" && tag[i] !== "/" && tag[i] !== ">") i++;
    const name = tag.slice(nameStart, i);
    while (i < n && isXmlSpace(tag.charCodeAt(i))) i++;
    if (tag[i] !== "=") continue;
    i++;
    while (i < n && isXmlSpace(tag.charCodeAt(i))) i++;
    const quote = tag[i];
    if (quote !== '"' && quote !== "'") continue;
    const end = tag.indexOf(quote, i + 1);
    if (end < 0) break;
    if (name) {
      const value = decodeEntities(tag.slice(i + 1, end));
      out[name] = value;
      const colon = name.indexOf(":");
      if (colon >= 0 && !(name.slice(colon + 1) in out)) out[name.slice(colon + 1)] = value;
    }
    i = end + 1;
  }
  return out;
}

/** One element found by `elements`: its start tag's attribute text and its content (empty when self-closing). */
export interface ElementAt {
  attrs: string;
  inner: string;
  /** The whole element as written, from `<` to its end. */
  outer: string;
  /** Where the element ends in the text searched (the position after its last character). */
  end: number;
}

/**
 * Every `<name …>…</name>` or `<name …/>` element in `xml[from, to)`, in order, in one pass: each search
 * starts where the last element ended, so the time is linear in the text. An element that is never
 * closed is an error naming it (not a search to the end of the text for every one of them).
 */
export function* elements(xml: string, name: string, from = 0, to = xml.length): Generator<ElementAt> {
  const open = "<" + name;
  const close = "</" + name + ">";
  let pos = from;
  for (;;) {
    const lt = xml.indexOf(open, pos);
    if (lt < 0 || lt >= to) return;
    const after = xml.charCodeAt(lt + open.length);
    if (!(isXmlSpace(after) || after === 62 /* > */ || after === 47) /* / */) {
      pos = lt + open.length;
      continue;
    }
    const gt = xml.indexOf(">", lt);
    if (gt < 0 || gt >= to) throw new PackageError(`unclosed <${name}> tag`);
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const attrs = xml.slice(lt + open.length, selfClosing ? gt - 1 : gt);
    if (selfClosing) {
      pos = gt + 1;
      yield { attrs, inner: "", outer: xml.slice(lt, pos), end: pos };
      continue;
    }
    const end = xml.indexOf(close, gt + 1);
    if (end < 0 || end >= to) throw new PackageError(`<${name}> is never closed`);
    pos = end + close.length;
    yield { attrs, inner: xml.slice(gt + 1, end), outer: xml.slice(lt, pos), end: pos };
  }
}

/** Every start tag `<name …>` in `xml[from, to)` (its attribute text), in one linear pass; for elements whose content is not needed. */
export function* startTags(xml: string, name: string, from = 0, to = xml.length): Generator<string> {
  const open = "<" + name;
  let pos = from;
  for (;;) {
    const lt = xml.indexOf(open, pos);
    if (lt < 0 || lt >= to) return;
    const after = xml.charCodeAt(lt + open.length);
    pos = lt + open.length;
    if (!(isXmlSpace(after) || after === 62 || after === 47)) continue;
    const gt = xml.indexOf(">", lt);
    if (gt < 0 || gt >= to) throw new PackageError(`unclosed <${name}> tag`);
    pos = gt + 1;
    yield xml.slice(lt + open.length, xml.charCodeAt(gt - 1) === 47 ? gt - 1 : gt);
  }
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes XML entities (`&amp;`, `&#229;`, `&#xE5;`); a character reference beyond Unicode is a PackageError. */
export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (all: string, e: string) => {
    if (e[0] !== "#") return NAMED[e];
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    if (!(code >= 0 && code <= 0x10ffff)) throw new PackageError(`the character reference ${all} is not a character`);
    return String.fromCodePoint(code);
  });
}

/** Decodes SpreadsheetML text: entities, then Office's `_xHHHH_` escapes (how Excel stores a line break as `_x000D_`). */
export function decodeText(s: string): string {
  const t = decodeEntities(s);
  if (t.indexOf("_x") < 0) return t;
  return t.replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Escapes text for element content and attribute values; characters XML 1.0 cannot hold become `_xHHHH_`. */
// eslint-disable-next-line no-control-regex -- exactly the characters that need an escape
const NEEDS_ESCAPE = /[&<>"_\x00-\x08\x0b-\x1f\ufffe\uffff]/;

export function escapeText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return (
    s
      .replace(/_x([0-9a-fA-F]{4})_/g, "_x005F_x$1_")
      .replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"))
      // eslint-disable-next-line no-control-regex -- these are exactly the characters XML cannot hold
      .replace(/[\x00-\x08\x0b-\x1f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)
  );
}

/** Escapes a value for an attribute (in double quotes); a line break or tab survives as a character reference. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/[\n\t]/g, (c) => (c === "\n" ? "&#10;" : "&#9;"));
}

export const PRESERVE = '<t xml:space="preserve">';

/** The text of every `<t>` in a string item or inline string, skipping phonetic runs (`<rPh>`). */
export function stringItemText(inner: string): string {
  // The usual item, one `<t>` and nothing else (100 000 of them in a ledger's shared strings): its text as it stands.
  const start = inner.startsWith("<t>") ? 3 : inner.startsWith(PRESERVE) ? PRESERVE.length : -1;
  if (start >= 0 && inner.endsWith("</t>") && inner.indexOf("<", start) === inner.length - 4)
    return decodeText(inner.slice(start, inner.length - 4));
  return runsText(inner);
}

/** stringItemText the general way: every run's `<t>` read in turn, phonetic runs skipped (any item). */
export function runsText(inner: string): string {
  const parts: string[] = [];
  let from = 0;
  // The next phonetic run, searched again only once passed: 100 000 runs without one stay linear.
  let ph = inner.indexOf("<rPh");
  for (;;) {
    if (ph >= 0 && ph < from) ph = inner.indexOf("<rPh", from);
    const t = inner.indexOf("<t", from);
    if (t < 0) break;
    if (ph >= 0 && ph < t) {
      const close = inner.indexOf("</rPh>", ph);
      if (close < 0) break;
      from = close + 6;
      continue;
    }
    const gt = inner.indexOf(">", t);
    if (gt < 0) break;
    const head = inner.slice(t + 2, gt);
    // Another element that begins with "t" (none in a string item, but be exact).
    if (head.length > 0 && head[0] !== " " && head[0] !== "/") {
      from = gt + 1;
      continue;
    }
    if (head.endsWith("/")) {
      from = gt + 1;
      continue;
    }
    const end = inner.indexOf("</t>", gt);
    if (end < 0) break;
    parts.push(inner.slice(gt + 1, end));
    from = end + 4;
  }
  return decodeText(parts.length === 1 ? parts[0] : parts.join(""));
}
