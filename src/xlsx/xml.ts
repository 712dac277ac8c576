/**
 * The little XML an .xlsx package needs: attributes of a start tag, text with entities and Office's
 * `_xHHHH_` escapes decoded, and escaping for what we write. The parts are machine-written
 * SpreadsheetML, so a scanner over tags is enough; no DOM is built (a 100 000-row sheet is 28 MB).
 */
import { PackageError } from "./errors";

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag's inside (`r="A1" t="s"`), decoded, by local name and by qualified name. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(tag))) {
    const value = decodeEntities(m[2] ?? m[3] ?? "");
    out[m[1]] = value;
    const colon = m[1].indexOf(":");
    if (colon >= 0 && !(m[1].slice(colon + 1) in out)) out[m[1].slice(colon + 1)] = value;
  }
  return out;
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

/** The text of every `<t>` in a string item or inline string, skipping phonetic runs (`<rPh>`). */
export function stringItemText(inner: string): string {
  let text = "";
  let from = 0;
  for (;;) {
    const ph = inner.indexOf("<rPh", from);
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
    text += inner.slice(gt + 1, end);
    from = end + 4;
  }
  return decodeText(text);
}
