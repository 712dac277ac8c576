/**
 * Reads an SIE file (SIE filformat 4B, types 1–4) into plain data, with every problem as a catalogue
 * issue that names the file's line. What real files break is accepted where the meaning is clear:
 * tabs between fields, quoted or bare fields, `\"` inside quotes, object lists with or without spaces
 * (`{1 "100" 6 "P1"}`), unknown tags (ignored, as the specification says), CR/LF line ends.
 * Only #TRANS rows count as transactions (#RTRANS and #BTRANS record changes, not postings).
 */
import { asCellRef } from "../units";
import { detectEncoding } from "./encoding";
import { SieReader } from "./reader";
import { emptyFile, SieFile } from "./sieFile";

export type { SieTransaction } from "./transaction";
export type { SieBalance, SieFile, SiePeriodBalance, SieVoucher } from "./sieFile";
export { checksumOf } from "./crc32";
export { lineEndsAsLf } from "./encoding";
export { dayOf, fieldsOf, oreOf } from "./fields";
export type { Field } from "./fields";

/** Files larger than this are refused (a 1 000 000-transaction export is about 60 MB). */
export const SIE_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Reads an SIE file from its bytes. `name` is the file's name, for the messages' locations. With `summary` the
 * transactions are tallied per account and day instead of kept (SieFile.tally): what summarizeSie needs, at a
 * fraction of the memory; the import reads the file whole.
 */
export function parseSie(bytes: Uint8Array, name: string, maxBytes = SIE_MAX_BYTES, options: { summary?: boolean } = {}): SieFile {
  const file = emptyFile(detectEncoding(bytes));
  if (bytes.length > maxBytes) {
    const megabytes = Math.round((maxBytes / 1048576) * 10) / 10;
    file.errors.push({ code: "sie_too_large", params: { megabytes }, cell: asCellRef(`${name}:1`) });
    return file;
  }
  return new SieReader(file, name, options.summary === true).read(bytes);
}
