/**
 * What the package code uses of Node's zlib, for the task pane's bundle (webpack.config.js puts this module in place
 * of `zlib` there): raw DEFLATE both ways with fflate, pure JavaScript. `Buffer` is the page's Buffer (the `buffer`
 * package, provided by webpack), Node's own under test. Without `crc32`: zip.ts computes it with its table then.
 */
import { deflateSync, inflateSync } from "fflate";

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Inflates raw DEFLATE data; more than `maxOutputLength` bytes is refused, as Node's zlib refuses it. */
function inflateRawSync(data: Uint8Array, options: { maxOutputLength?: number } = {}): Buffer {
  const max = options.maxOutputLength;
  // One byte more than allowed: fflate truncates to its buffer, so a longer result shows as that extra byte.
  const out = max === undefined ? inflateSync(data) : inflateSync(data, { out: new Uint8Array(max + 1) });
  if (max !== undefined && out.length > max) throw new RangeError("Cannot create a Buffer larger than maxOutputLength");
  return asBuffer(out);
}

/** Deflates to raw DEFLATE data at a zlib level (0–9). */
function deflateRawSync(data: Uint8Array, options: { level?: number } = {}): Buffer {
  const level = Math.max(0, Math.min(9, options.level ?? 6)) as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  return asBuffer(deflateSync(data, { level }));
}

export default { inflateRawSync, deflateRawSync };
