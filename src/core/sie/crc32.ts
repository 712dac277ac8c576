/**
 * CRC-32 (IEEE 802.3, as zlib computes it) of a string whose characters are bytes (0–255), and the #KSUMMA checksum
 * built on it.
 */
import { decode, lineEndsAsLf } from "./encoding";
import { fieldsOf } from "./fields";

let table: Int32Array | null = null;

function crcTable(): Int32Array {
  if (table) return table;
  table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
}

/** @example crc32String("123456789") // 0xcbf43926 */
export function crc32String(bytes: string): number {
  const t = crcTable();
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes.charCodeAt(i)) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * #KSUMMA: CRC-32 over the fields of every record between the opening #KSUMMA and the closing one,
 * in the file's own bytes, without separators, quotes or braces (checked against two real exports).
 */
export function checksumOf(bytes: Uint8Array, startLine: number): number {
  // Latin-1 maps each byte to one character, so the fields' characters are the file's bytes.
  const text = lineEndsAsLf(decode(bytes, "latin-1"));
  const lines = text.split("\n");
  let joined = "";
  for (let i = startLine; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, "");
    if (/^\s*#KSUMMA\b/i.test(line)) break;
    for (const f of fieldsOf(line)) joined += Array.isArray(f) ? f.join("") : f === "{" || f === "}" ? "" : f;
  }
  return crc32String(joined);
}
