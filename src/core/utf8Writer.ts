/**
 * Text written as UTF-8 bytes into one growing buffer: the input fingerprint's serialisation (fingerprint.ts) of a
 * 100 000-row ledger without a string per line, a JSON string per text or a copy of the whole to encode it.
 * The bytes are exactly what encoding the same text would give: `text` as TextEncoder encodes a string (a lone
 * surrogate becomes U+FFFD), `json` as TextEncoder encodes `JSON.stringify` of it (test/fastPaths.property.test.ts);
 * each call's text on its own (the serialisation joins its pieces at tabs and newlines).
 */
export class Utf8Writer {
  private buf: Uint8Array;
  private at = 0;

  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(Math.max(16, capacity));
  }

  /** The bytes written so far (a view, not a copy). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.at);
  }

  get length(): number {
    return this.at;
  }

  /** One ASCII character by its code (a tab, a newline). */
  byte(code: number): void {
    this.room(1);
    this.buf[this.at++] = code;
  }

  /** A number as `String(n)` writes it; a safe integer without making that string. */
  int(n: number): void {
    if (!Number.isSafeInteger(n) || Object.is(n, -0)) {
      this.text(String(n));
      return;
    }
    this.room(17);
    if (n < 0) {
      this.buf[this.at++] = 0x2d;
      n = -n;
    }
    let digits = 1;
    for (let p = 10; p <= n; p *= 10) digits++;
    for (let k = this.at + digits - 1; k >= this.at; k--) {
      this.buf[k] = 0x30 + (n % 10);
      n = Math.floor(n / 10);
    }
    this.at += digits;
  }

  /** `s` as UTF-8. */
  text(s: string): void {
    this.room(s.length * 3);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) this.buf[this.at++] = c;
      else i = this.wide(s, i, c, false);
    }
  }

  /** `s` as `JSON.stringify(s)` writes it: quoted, with `"`, `\`, control characters and lone surrogates escaped. */
  json(s: string): void {
    // The longest a character becomes is `\u001f` or `\udc00` (six bytes for one code unit).
    this.room(s.length * 6 + 2);
    const buf = this.buf;
    buf[this.at++] = 0x22;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x20 && c < 0x80 && c !== 0x22 && c !== 0x5c) buf[this.at++] = c;
      else if (c >= 0x80) i = this.wide(s, i, c, true);
      else this.escape(c);
    }
    buf[this.at++] = 0x22;
  }

  /** A character from U+0080 on at `s[i]`; returns the index of its last code unit (a surrogate pair is two). */
  private wide(s: string, i: number, c: number, json: boolean): number {
    const buf = this.buf;
    if (c < 0x800) {
      buf[this.at++] = 0xc0 | (c >> 6);
      buf[this.at++] = 0x80 | (c & 0x3f);
      return i;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        buf[this.at++] = 0xf0 | (cp >> 18);
        buf[this.at++] = 0x80 | ((cp >> 12) & 0x3f);
        buf[this.at++] = 0x80 | ((cp >> 6) & 0x3f);
        buf[this.at++] = 0x80 | (cp & 0x3f);
        return i + 1;
      }
      // A lone surrogate: JSON writes it as an escape; an encoder writes U+FFFD.
      if (json) this.escape(c);
      else this.three(0xfffd);
      return i;
    }
    this.three(c);
    return i;
  }

  private three(c: number): void {
    this.buf[this.at++] = 0xe0 | (c >> 12);
    this.buf[this.at++] = 0x80 | ((c >> 6) & 0x3f);
    this.buf[this.at++] = 0x80 | (c & 0x3f);
  }

  /** JSON's escape of a code unit: the short forms where JSON has them, else `\u` and four lowercase hex digits. */
  private escape(c: number): void {
    const buf = this.buf;
    buf[this.at++] = 0x5c;
    const short = SHORT_ESCAPES[c];
    if (short !== undefined) {
      buf[this.at++] = short;
      return;
    }
    buf[this.at++] = 0x75;
    for (let shift = 12; shift >= 0; shift -= 4) buf[this.at++] = HEX[(c >> shift) & 0xf];
  }

  /** At least `n` more bytes of room. */
  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.at + n));
    next.set(this.buf.subarray(0, this.at));
    this.buf = next;
  }
}

/** `\"`, `\\`, `\b`, `\t`, `\n`, `\f`, `\r`: the escaped letter by code unit. */
const SHORT_ESCAPES: Record<number, number> = { 0x22: 0x22, 0x5c: 0x5c, 8: 0x62, 9: 0x74, 10: 0x6e, 12: 0x66, 13: 0x72 };
const HEX = new Uint8Array([...Array(16).keys()].map((d) => "0123456789abcdef".charCodeAt(d)));
