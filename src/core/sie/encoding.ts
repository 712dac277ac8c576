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
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    high++;
    const l = LETTER[b];
    if (l & 1) cp437++;
    if (l & 2) latin1++;
  }
  highBytes.set(bytes, high);
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
