/** CRC-32 (IEEE 802.3, as zlib computes it) of a string whose characters are bytes (0–255). */

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
