/**
 * An .xlsx file as an Open Packaging Conventions package: named parts in a zip, tied together by
 * relationship parts (`_rels/*.rels`) and typed by `[Content_Types].xml`.
 */
import { inflateEntry, inflateEntryAsync, MAX_PACKAGE, readZip, ZipEntry, ZipError } from "./zip";
import { attributes, startTags } from "./xml";
import { decodeUtf8, indexOfAscii } from "./bytes";

import { PackageError } from "./errors";

export { PackageError };

export interface Relationship {
  id: string;
  /** The relationship type's last path segment: worksheet, table, sharedStrings, styles, … */
  kind: string;
  type: string;
  /** The target part's name (no leading slash), or the raw target when external. */
  target: string;
  external: boolean;
}

export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

/** The folder of a part name ("" at the package's root). */
function folderOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i);
}

/** A part name with "." and ".." segments resolved (a ".." above the root is kept, as path.posix.normalize does). */
function normalizePart(name: string): string {
  const out: string[] = [];
  for (const seg of name.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else out.push(seg);
  }
  return out.join("/") || ".";
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package's own is `_rels/.rels`. */
export function relsPartOf(part: string): string {
  if (part === "") return "_rels/.rels";
  const dir = folderOf(part);
  return `${dir === "" ? "" : dir + "/"}_rels/${part.slice(dir === "" ? 0 : dir.length + 1)}.rels`;
}

/** Resolves a relationship target against the part that holds it. */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return normalizePart(target.slice(1));
  const dir = folderOf(source);
  return normalizePart(dir === "" ? target : `${dir}/${target}`);
}

/** A path from one part to another, as a relationship target. */
export function relativeTarget(source: string, target: string): string {
  const from = normalizePart(folderOf(source))
    .split("/")
    .filter((s) => s !== ".");
  const to = normalizePart(target).split("/");
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

export function parseRelationships(xml: string, source: string): Relationship[] {
  const out: Relationship[] = [];
  for (const tag of startTags(xml, "Relationship")) {
    const a = attributes(tag);
    if (!a.Id || !a.Target) continue;
    const external = a.TargetMode === "External";
    const type = a.Type ?? "";
    out.push({
      id: a.Id,
      type,
      kind: type.slice(type.lastIndexOf("/") + 1),
      target: external ? a.Target : resolveTarget(source, a.Target),
      external,
    });
  }
  return out;
}

/**
 * A part whose root element carries a namespace prefix (`<x:worksheet xmlns:x="…/main">`, as the .NET
 * Open XML SDK writes) rewritten with that namespace as the default one, so that every reader can look
 * for elements by their local name. Elements are matched by namespace, not by prefix: only elements
 * with the root's prefix lose it, and only when the root declares no other default namespace.
 * Text is untouched (`<` cannot occur unescaped in character data).
 */
export function unprefixed(xml: string): string {
  const root = /<([A-Za-z_][\w.-]*):([A-Za-z_][\w.-]*)\b([^>]*)>/.exec(xml.slice(0, 4096));
  if (!root) return xml;
  const before = xml.slice(0, root.index);
  if (/<[A-Za-z_]/.test(before.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ""))) return xml; // not the root element
  const prefix = root[1];
  const attrs = root[3];
  const ns = new RegExp(`\\sxmlns:${prefix}\\s*=\\s*("[^"]*"|'[^']*')`).exec(attrs);
  if (!ns || /\sxmlns\s*=/.test(attrs)) return xml;
  const out = xml.replace(new RegExp(`<(/?)${prefix}:`, "g"), "<$1");
  // The root element gets the namespace as its default (the prefixed declaration stays for attributes).
  return out.replace(new RegExp(`^([\\s\\S]{${root.index}}<${root[2]}\\b)`), `$1 xmlns=${ns[1]}`);
}

/** Excel refuses a part with a document type declaration (it could define entities); so do we, for text and bytes alike. */
function doctypeRefused(part: string): PackageError {
  return new PackageError(`${part} has a document type declaration (<!DOCTYPE>), which Excel does not open`);
}

export class Package {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();
  /** Worksheets' text before `<sheetData`, kept by `bytes` (see sheetHead). */
  private readonly heads = new Map<string, string>();
  /** Parts counted against the package's budget (MAX_PACKAGE), and their declared sizes' sum. */
  private readonly reserved = new Set<string>();
  private inflated = 0;
  /** Parts inflated by `inflateAhead`, or why they could not be, until `text` or `bytes` takes them. */
  private readonly ahead = new Map<string, Buffer | Error>();

  constructor(entries: ZipEntry[]) {
    this.entries = entries;
    for (const e of entries) this.byName.set(e.name, e);
  }

  static fromBuffer(buf: Buffer): Package {
    return new Package(readZip(buf));
  }

  has(part: string): boolean {
    return this.byName.has(part);
  }

  entry(part: string): ZipEntry | undefined {
    return this.byName.get(part);
  }

  /** A part's text (UTF-8, byte-order mark dropped); a missing part is an error. */
  text(part: string): string {
    let t = this.texts.get(part);
    if (t === undefined) {
      const e = this.byName.get(part);
      if (!e) throw new PackageError(`part ${part} is missing`);
      this.reserve([part]);
      t = this.inflate(e).toString("utf8");
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
      if (part.endsWith(".xml") || part.endsWith(".rels")) {
        // Excel refuses a part with a document type declaration (it could define entities); so do we, before
        // anything in it is read. (`<` cannot stand unescaped in text, so this finds markup only.)
        if (t.indexOf("<!DOCTYPE") >= 0) throw doctypeRefused(part);
        t = unprefixed(t);
      }
      this.texts.set(part, t);
    }
    return t;
  }

  /**
   * A worksheet part's UTF-8 bytes for the scanner (scan.ts), checked as `text` checks a part (byte-order mark
   * dropped, no document type declaration); a part whose root element has a namespace prefix comes as its unprefixed
   * text's bytes. Not kept: a ledger's part is large and read once.
   */
  bytes(part: string): Uint8Array {
    const kept = this.texts.get(part);
    if (kept !== undefined) return new TextEncoder().encode(kept);
    const e = this.byName.get(part);
    if (!e) throw new PackageError(`part ${part} is missing`);
    this.reserve([part]);
    let b: Uint8Array = this.inflate(e);
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
    if (!part.endsWith(".xml") && !part.endsWith(".rels")) return b;
    if (indexOfAscii(b, "<!DOCTYPE") >= 0) throw doctypeRefused(part);
    // The root element lies in the first 4 096 characters (unprefixed looks no further): at most 16 384 bytes.
    const head = decodeUtf8(b, 0, Math.min(b.length, 16384));
    if (unprefixed(head) !== head) return new TextEncoder().encode(this.text(part));
    const data = indexOfAscii(b, "<sheetData");
    if (data >= 0) this.heads.set(part, decodeUtf8(b, 0, data));
    return b;
  }

  /**
   * A worksheet's text before its cells (`<sheetViews>`, `<cols>`…), without inflating the part again when `bytes`
   * read it; the whole text when that part of it is not known.
   */
  sheetHead(part: string): string {
    return this.heads.get(part) ?? this.text(part);
  }

  /**
   * Inflates parts on zlib's thread pool (see inflateEntryAsync) while the caller reads others; `text` and `bytes`
   * then take them, once. A part that cannot be inflated is refused when it is read, with the error it would have had
   * then, so that what a read says first does not depend on which parts were inflated ahead. Counted against the
   * package's budget first, as every read is.
   */
  async inflateAhead(parts: string[]): Promise<void> {
    this.reserve(parts);
    await Promise.all(
      parts.map(async (part) => {
        const e = this.byName.get(part);
        if (!e || this.ahead.has(part) || this.texts.has(part)) return;
        try {
          this.ahead.set(part, await inflateEntryAsync(e));
        } catch (error) {
          this.ahead.set(part, error instanceof Error ? error : new ZipError(String(error)));
        }
      }),
    );
  }

  /** A part's bytes: inflated ahead (taken, not kept) or now. */
  private inflate(e: ZipEntry): Buffer {
    const ready = this.ahead.get(e.name);
    if (ready === undefined) return inflateEntry(e);
    this.ahead.delete(e.name);
    if (ready instanceof Error) throw ready;
    return ready;
  }

  /**
   * Counts the declared uncompressed sizes of parts about to be read against the package's budget, before
   * any of them is inflated; a package whose parts would exceed it is refused (a zip bomb spread over parts).
   */
  reserve(parts: string[]): void {
    const fresh = [...new Set(parts)].filter((p) => !this.reserved.has(p));
    const total = fresh.reduce((sum, p) => sum + (this.byName.get(p)?.size ?? 0), this.inflated);
    if (total > MAX_PACKAGE)
      throw new ZipError(
        `the parts to read are ${Math.round(total / 1e6)} MB uncompressed, more than the ${MAX_PACKAGE / 1e6} MB a workbook may have`,
      );
    for (const p of fresh) this.reserved.add(p);
    this.inflated = total;
  }

  /** A part's relationships (none when it has no relationships part). */
  relationships(part: string): Relationship[] {
    const rels = relsPartOf(part);
    return this.has(rels) ? parseRelationships(this.text(rels), part) : [];
  }

  /** Every part reachable from the package root through relationships. */
  reachable(): Set<string> {
    const seen = new Set<string>();
    const visit = (part: string) => {
      for (const r of this.relationships(part)) {
        if (r.external || seen.has(r.target) || !this.has(r.target)) continue;
        seen.add(r.target);
        visit(r.target);
      }
    };
    visit("");
    return seen;
  }
}
