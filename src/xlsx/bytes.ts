/**
 * UTF-8 bytes of a part as the scanner reads them (scan.ts): a worksheet is read as bytes, not as a decoded string
 * (in V8 a byte of a Uint8Array is read several times faster than a character of a 28 MB string), and only the
 * texts a cell holds are decoded. Node's Buffer where the bytes are one (its own decoder and search), the web's
 * TextDecoder and a loop otherwise (the task pane).
 */

const decoder = new TextDecoder();

/** What Node's Buffer adds to Uint8Array that is used here. */
interface NodeBufferMethods {
  utf8Slice(from: number, to: number): string;
  indexOf(value: string, from?: number): number;
  lastIndexOf(value: string): number;
}

function nodeBuffer(b: Uint8Array): NodeBufferMethods | undefined {
  return typeof (b as unknown as Partial<NodeBufferMethods>).utf8Slice === "function" ? (b as unknown as NodeBufferMethods) : undefined;
}

/** The text of `b[from, to)`; a malformed sequence becomes U+FFFD, as decoding the whole part would make it. */
export function decodeUtf8(b: Uint8Array, from: number, to: number): string {
  if (to <= from) return "";
  const nb = nodeBuffer(b);
  return nb ? nb.utf8Slice(from, to) : decoder.decode(b.subarray(from, to));
}

/** The first `pattern` (ASCII) at or after `from`, or -1. */
export function indexOfAscii(b: Uint8Array, pattern: string, from = 0): number {
  const nb = nodeBuffer(b);
  if (nb) return nb.indexOf(pattern, from);
  const first = pattern.charCodeAt(0);
  for (let i = b.indexOf(first, from); i >= 0 && i + pattern.length <= b.length; i = b.indexOf(first, i + 1))
    if (startsWithAscii(b, pattern, i)) return i;
  return -1;
}

/** The last `pattern` (ASCII), or -1. */
export function lastIndexOfAscii(b: Uint8Array, pattern: string): number {
  const nb = nodeBuffer(b);
  if (nb) return nb.lastIndexOf(pattern);
  const first = pattern.charCodeAt(0);
  for (let i = b.lastIndexOf(first); i >= 0; i = i > 0 ? b.lastIndexOf(first, i - 1) : -1) if (startsWithAscii(b, pattern, i)) return i;
  return -1;
}

/** Whether `pattern` (ASCII) stands at `at`. */
export function startsWithAscii(b: Uint8Array, pattern: string, at: number): boolean {
  if (at < 0 || at + pattern.length > b.length) return false;
  for (let k = 0; k < pattern.length; k++) if (b[at + k] !== pattern.charCodeAt(k)) return false;
  return true;
}
