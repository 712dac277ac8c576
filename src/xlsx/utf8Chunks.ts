/**
 * Text written as UTF-8 in pieces: gathered to about 16 000 characters, then encoded into megabyte buffers. No string
 * lives long (a million rows' strings kept until a megabyte of text was gathered were promoted and collected as old
 * objects: most of a large import's time), and the encoder is not called once per row either.
 */
const CHUNK_BYTES = 1 << 20;
const PENDING_CHARS = 1 << 14;

export class Utf8Chunks {
  private readonly chunks: Buffer[] = [];

  /** With `sink`, each full buffer goes there as it is filled instead of being kept (pieces() then has the rest). */
  constructor(private readonly sink?: (piece: Buffer) => void) {}

  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private pending = "";

  /** Appends `s`. */
  add(s: string): void {
    this.pending += s;
    if (this.pending.length > PENDING_CHARS) this.flush();
  }

  /** Everything added, in pieces (with a sink, the last piece goes there too and none are left). */
  pieces(): Buffer[] {
    this.flush();
    const last = this.chunk.subarray(0, this.used);
    if (!this.sink) return [...this.chunks, last];
    this.sink(last);
    return [];
  }

  private flush(): void {
    // At most three bytes per UTF-16 unit (a surrogate pair, two units, is four bytes).
    if (this.used + this.pending.length * 3 > this.chunk.length) {
      const full = this.chunk.subarray(0, this.used);
      if (this.sink) this.sink(full);
      else this.chunks.push(full);
      this.chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, this.pending.length * 3));
      this.used = 0;
    }
    this.used += this.chunk.write(this.pending, this.used, "utf8");
    this.pending = "";
  }
}
