/**
 * Text encodings of SIE files. The specification says IBM PC 8-bit (CP437, `#FORMAT PC8`), but real
 * exports also arrive as UTF-8 and as ISO-8859-1/15 while still declaring PC8. The encoding is
 * detected from the bytes: valid UTF-8 with multi-byte sequences is UTF-8; otherwise the Swedish
 * letters decide between CP437 (å ä ö at 0x86 0x84 0x94) and Latin-1 (0xE5 0xE4 0xF6).
 *
 * CP437's upper half is a 128-character table here rather than a decoder library: it is a few
 * hundred bytes in the task pane, and the tests hold it to iconv-lite's CP437 for every byte.
 */

export type SieEncoding = "cp437" | "utf-8" | "latin-1";

/** CP437 code points for bytes 0x80–0xFF. */
const CP437_HIGH =
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀" +
  "αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0";

/** The Swedish letters (å ä ö Å Ä Ö é) in each single-byte encoding: 1 for CP437's, 2 for Latin-1's, by byte. */
const LETTER = new Uint8Array(256);
for (const b of [0x86, 0x84, 0x94, 0x8f, 0x8e, 0x99, 0x82, 0x81, 0x9a]) LETTER[b] |= 1;
for (const b of [0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6, 0xe9, 0xfc, 0xdc]) LETTER[b] |= 2;

/** High bytes counted by detectEncoding, for decode's output size (one pass over a large file, not two). */
const highBytes = new WeakMap<Uint8Array, number>();

/** Where detectEncoding saw the high bytes, when each is a CP437 letter that Latin-1 also has (a Swedish export). */
const latinHighAt = new WeakMap<Uint8Array, Int32Array>();

/** For each high byte, the Latin-1 byte of its CP437 character, or 0 when Latin-1 has no such character. */
const CP437_AS_LATIN1 = new Uint8Array(128);
for (let i = 0; i < 128; i++) {
  const c = CP437_HIGH.charCodeAt(i);
  if (c >= 0xa0 && c <= 0xff) CP437_AS_LATIN1[i] = c;
}

/** Whether the bytes are valid UTF-8 and contain at least one multi-byte sequence. */
function isUtf8(bytes: Uint8Array): boolean {
  let multi = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    let n: number;
    if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) n = 2;
    else if (b >= 0xf0 && b <= 0xf4) n = 3;
    else return false;
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return false;
    i += n;
    multi = true;
  }
  return multi;
}

/** The encoding the bytes are most likely in. Pure ASCII is reported as the specification's cp437. */
export function detectEncoding(bytes: Uint8Array): SieEncoding {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (isUtf8(bytes)) return "utf-8";
  let cp437 = 0;
  let latin1 = 0;
  let high = 0;
  let at = new Int32Array(1024);
  let latinOnly = true;
  // Four bytes at a time where the bytes lie aligned: most of an export is ASCII, and a word without a high bit is
  // skipped whole.
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2) : null;
  for (let i = 0; i < bytes.length; i++) {
    if (words !== null && (i & 3) === 0 && i >> 2 < words.length && (words[i >> 2] & 0x80808080) === 0) {
      i += 3;
      continue;
    }
    const b = bytes[i];
    if (b < 0x80) continue;
    const l = LETTER[b];
    if (l & 1) cp437++;
    if (l & 2) latin1++;
    high++;
    // The places are kept only while every high byte so far is a letter Latin-1 has (latin1String's condition).
    if (!latinOnly) continue;
    if (CP437_AS_LATIN1[b - 0x80] === 0) {
      latinOnly = false;
      continue;
    }
    if (high > at.length) {
      const more = new Int32Array(at.length * 2);
      more.set(at);
      at = more;
    }
    at[high - 1] = i;
  }
  highBytes.set(bytes, high);
  if (latinOnly) latinHighAt.set(bytes, at.subarray(0, high));
  return latin1 > cp437 ? "latin-1" : "cp437";
}

/** UTF-8 bytes of each high byte's character, per single-byte encoding. */
const utf8Of = new Map<SieEncoding, Uint8Array[]>();

function highTable(encoding: SieEncoding): Uint8Array[] {
  let t = utf8Of.get(encoding);
  if (!t) {
    const enc = new TextEncoder();
    t = Array.from({ length: 128 }, (_, i) => enc.encode(encoding === "latin-1" ? String.fromCharCode(0x80 + i) : CP437_HIGH[i]));
    utf8Of.set(encoding, t);
  }
  return t;
}

/**
 * Decodes the bytes as the given encoding (a UTF-8 byte-order mark is dropped). Single-byte text is
 * transcoded to UTF-8 bytes (ASCII copied, each high byte through a table) and decoded natively:
 * fast for the mostly-ASCII text of an export. "latin-1" is ISO-8859-1 (each byte its code point).
 */
export function decode(bytes: Uint8Array, encoding: SieEncoding): string {
  if (encoding === "utf-8") {
    const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return new TextDecoder("utf-8").decode(bytes.subarray(start));
  }
  const fast = latin1String(bytes, encoding);
  if (fast !== undefined) return fast;
  let high = highBytes.get(bytes) ?? -1;
  if (high < 0) {
    high = 0;
    for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) high++;
  }
  if (high === 0) return new TextDecoder("utf-8").decode(bytes);
  const table = highTable(encoding);
  const out = new Uint8Array(bytes.length + high * 2);
  let o = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) out[o++] = b;
    else {
      const u = table[b - 0x80];
      for (let k = 0; k < u.length; k++) out[o++] = u[k];
    }
  }
  return new TextDecoder("utf-8").decode(out.subarray(0, o));
}

/** What Node's Buffer has that the web's Uint8Array does not: a native Latin-1 decoder. */
interface Latin1Slicer {
  latin1Slice(from: number, to: number): string;
}

/**
 * Node only (the bytes are a Buffer): Latin-1 text decoded natively, and CP437 text whose high bytes are all letters
 * Latin-1 also has (å ä ö) rewritten byte for byte to Latin-1 first, where detectEncoding saw them; the same string as
 * the table path, in a tenth of the time. Otherwise undefined.
 */
function latin1String(bytes: Uint8Array, encoding: SieEncoding): string | undefined {
  if (typeof (bytes as unknown as Partial<Latin1Slicer>).latin1Slice !== "function") return undefined;
  if (encoding === "latin-1") return (bytes as unknown as Latin1Slicer).latin1Slice(0, bytes.length);
  const at = latinHighAt.get(bytes);
  if (encoding !== "cp437" || at === undefined) return undefined;
  // A copy (the caller's bytes are never changed): the typed array's own slice, which on a Buffer makes a Buffer.
  const copy = Uint8Array.prototype.slice.call(bytes);
  for (let k = 0; k < at.length; k++) copy[at[k]] = CP437_AS_LATIN1[bytes[at[k]] - 0x80];
  return (copy as unknown as Latin1Slicer).latin1Slice(0, copy.length);
}

/** CP437's character for a byte (the table, for tests). */
export function cp437Char(byte: number): string {
  return byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80];
}

/** CR LF and LF are line ends; so is a lone CR (old Mac exports): read as LF. */
export function lineEndsAsLf(text: string): string {
  const cr = text.indexOf("\r");
  if (cr < 0) return text;
  // Most files are CR LF throughout: only a lone CR makes the copy worth it.
  return /\r(?!\n)/.test(text) ? text.replace(/\r\n?/g, "\n") : text;
}
