/**
 * The zip container of an .xlsx package, just as much of it as the package needs: read the central
 * directory, inflate the parts we read, and write a new package that copies every part we did not
 * change byte for byte (compressed data, CRC and sizes as they were) and deflates the parts we wrote.
 * No zip64 (a workbook part over 4 GB is far beyond what Excel opens) and no encryption.
 */
import zlib from "zlib";
import { crc32Of } from "../core/crc32";

/** A zip container we cannot read; `file` as in PackageError. */
export class ZipError extends Error {
  file?: string;
}

/** One part as stored: its compressed bytes and what the directory says about them. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** The stored (compressed) bytes. */
  data: Buffer;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const FLAG_UTF8 = 0x0800;

/** Reads the entries of a zip file in directory order (data not yet inflated). */
export function readZip(buf: Buffer): ZipEntry[] {
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === SIG_END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError("not a zip file");
  const count = buf.readUInt16LE(end + 10);
  const dirOffset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipError("zip64 is not supported");
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== SIG_CENTRAL) throw new ZipError("damaged central directory");
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString(flags & FLAG_UTF8 ? "utf8" : "latin1", p + 46, p + 46 + nameLen);
    if (flags & 1) throw new ZipError(`${name} is encrypted`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw new ZipError("zip64 is not supported");
    if (method !== 0 && method !== 8) throw new ZipError(`${name}: compression method ${method} is not supported`);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== SIG_LOCAL) throw new ZipError(`${name}: damaged local header`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressedSize > buf.length) throw new ZipError(`${name}: truncated`);
    entries.push({ name, method, crc, compressedSize, size, data: buf.subarray(start, start + compressedSize) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The largest part we inflate: a 1 000 000-row ledger sheet is about 280 MB; a JavaScript string holds about 512 M characters. */
export const MAX_PART = 500_000_000;

/**
 * The most a package's parts may inflate to in all (declared sizes, checked before anything is inflated): a
 * million-row ledger and the rest of a workbook fit with room to spare; eight 450 MB sheets in a 3.7 MB file do not.
 */
export const MAX_PACKAGE = 800_000_000;

/** The uncompressed bytes of an entry, checked against its CRC. */
export function inflateEntry(e: ZipEntry): Buffer {
  const options = inflateOptions(e);
  let out: Buffer;
  try {
    out = e.method === 0 ? e.data : zlib.inflateRawSync(e.data, options);
  } catch {
    throw damaged(e);
  }
  return checked(e, out);
}

/**
 * inflateEntry on zlib's thread pool, where Node has one (the command line): the main thread reads other parts
 * meanwhile. The same limits, checks and errors; where zlib has no asynchronous inflate (the task pane's fflate),
 * the part is inflated at once.
 */
export function inflateEntryAsync(e: ZipEntry): Promise<Buffer> {
  const inflateRaw = (zlib as unknown as { inflateRaw?: typeof import("zlib").inflateRaw }).inflateRaw;
  // A refusal before inflating (a part over MAX_PART) rejects, as every other one does.
  return new Promise((resolve, reject) => {
    if (e.method === 0 || typeof inflateRaw !== "function") return resolve(inflateEntry(e));
    inflateRaw(e.data, inflateOptions(e), (error, out) => {
      try {
        if (error) throw damaged(e);
        resolve(checked(e, out));
      } catch (refused) {
        reject(refused);
      }
    });
  });
}

/**
 * Never more than the directory declares: a part that inflates beyond it (a zip bomb) is refused. One output chunk
 * of the declared size, not 16 KB chunks concatenated (a copy of 28 MB for a ledger); never more than DEFLATE can
 * expand the compressed bytes to (1 032 : 1), whatever the directory claims. A part over MAX_PART is refused here.
 */
function inflateOptions(e: ZipEntry): { maxOutputLength: number; chunkSize: number } {
  if (e.size > MAX_PART)
    throw new ZipError(`${e.name} is ${Math.round(e.size / 1e6)} MB uncompressed, more than the ${MAX_PART / 1e6} MB a part may have`);
  return { maxOutputLength: Math.max(1, e.size), chunkSize: Math.max(64, Math.min(e.size + 1, e.compressedSize * 1032 + 64)) };
}

function damaged(e: ZipEntry): ZipError {
  return new ZipError(`${e.name} is damaged (cannot be decompressed)`);
}

/** The inflated bytes if they are as long as the directory says and match its CRC. */
function checked(e: ZipEntry, out: Buffer): Buffer {
  if (out.length !== e.size || crc32(out) !== e.crc) throw new ZipError(`${e.name} is damaged (size or checksum does not match)`);
  return out;
}

/** CRC-32 (zlib's when Node has it, ≥ 20.15; core/crc32.ts otherwise), continuing from `value` (the CRC of what came before). */
export function crc32(data: Buffer, value = 0): number {
  const native = (zlib as unknown as { crc32?: (d: Buffer, v?: number) => number }).crc32;
  if (native) return native(data, value) >>> 0;
  return crc32Of(data, value);
}

/** A new entry from uncompressed bytes. */
export function deflateEntry(name: string, content: Buffer | string): ZipEntry {
  const raw = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  // Level 6 (as Excel) for ordinary parts; level 1 for very large ones, where it is several times faster.
  const data = zlib.deflateRawSync(raw, { level: raw.length > LARGE_PART ? 1 : 6 });
  return { name, method: 8, crc: crc32(raw), compressedSize: data.length, size: raw.length, data };
}

/** Parts at least this large are deflated at level 1, several times faster than Excel's 6. */
const LARGE_PART = 16 * 1024 * 1024;

/**
 * An entry deflated piece by piece as its bytes are produced, so that a part of hundreds of megabytes never exists
 * whole (a million imported rows are a 366 MB worksheet). Each piece is its own DEFLATE run ended by a sync flush (an
 * empty stored block, not final) and the last one ends the stream: together one valid stream, as pigz writes. Where
 * zlib has no sync flush (the task pane's fflate), the pieces are kept and deflated at the end.
 */
export class EntryDeflater {
  private readonly data: Buffer[] = [];
  private readonly raw: Buffer[] = [];
  private crc = 0;
  private size = 0;
  private readonly streaming = (zlib as unknown as { constants?: { Z_SYNC_FLUSH?: number } }).constants?.Z_SYNC_FLUSH !== undefined;

  constructor(private readonly name: string) {}

  /** The next bytes of the part. */
  add(piece: Buffer): void {
    if (piece.length === 0) return;
    this.crc = crc32(piece, this.crc);
    this.size += piece.length;
    if (!this.streaming) {
      this.raw.push(piece);
      return;
    }
    const level = this.size > LARGE_PART ? 1 : 6;
    this.data.push(zlib.deflateRawSync(piece, { level, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
  }

  /** The entry, once every piece is in. */
  entry(): ZipEntry {
    if (!this.streaming) return deflateEntry(this.name, Buffer.concat(this.raw));
    // The stream's end: a final empty block.
    this.data.push(zlib.deflateRawSync(Buffer.alloc(0)));
    const data = Buffer.concat(this.data);
    return { name: this.name, method: 8, crc: this.crc, compressedSize: data.length, size: this.size, data };
  }
}

/** A fixed timestamp (1980-01-01 00:00, DOS format): the same input gives the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** The fields a local header and its directory entry share, from "version needed" to the name's length. */
function commonFields(buf: Buffer, at: number, e: ZipEntry, nameLength: number): void {
  buf.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  buf.writeUInt16LE(FLAG_UTF8, at + 2);
  buf.writeUInt16LE(e.method, at + 4);
  buf.writeUInt16LE(DOS_TIME, at + 6);
  buf.writeUInt16LE(DOS_DATE, at + 8);
  buf.writeUInt32LE(e.crc, at + 10);
  buf.writeUInt32LE(e.compressedSize, at + 14);
  buf.writeUInt32LE(e.size, at + 18);
  buf.writeUInt16LE(nameLength, at + 22);
}

/** Writes entries in the given order as a zip file. */
export function writeZip(entries: ZipEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    commonFields(local, 4, e, name.length);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(SIG_CENTRAL, 0);
    dir.writeUInt16LE(20, 4); // version made by
    commonFields(dir, 6, e, name.length);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    chunks.push(local, name, e.data);
    offset += 30 + name.length + e.data.length;
    if (offset > 0xffffffff) throw new ZipError("package over 4 GB (zip64) is not supported");
  }
  const dirSize = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG_END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
