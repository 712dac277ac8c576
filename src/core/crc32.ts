/** CRC-32 (IEEE 802.3, as zlib computes it): one table for the SIE file's #KSUMMA and the .xlsx package's parts. */

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

/**
 * The CRC-32 of `bytes` (a string's characters taken as bytes, 0–255), continuing from `value` (the CRC of what came
 * before). @example crc32Of("123456789") // 0xcbf43926
 */
export function crc32Of(bytes: Uint8Array | string, value = 0): number {
  const t = crcTable();
  let c = value ^ -1;
  if (typeof bytes === "string") for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes.charCodeAt(i)) & 0xff] ^ (c >>> 8);
  else for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
