/** The #KSUMMA checksum: CRC-32 (core/crc32.ts) over the fields of the file's records. */
import { crc32Of } from "../crc32";
import { decode, lineEndsAsLf } from "./encoding";
import { fieldsOf } from "./fields";

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
  return crc32Of(joined);
}
