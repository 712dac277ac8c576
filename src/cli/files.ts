/**
 * The command line's dealings with the file system, so that the file system's "no" is a message and not an
 * unexpected error: what kind of file a workbook really is (from its first bytes), whether an output is the
 * input under another name (links, /proc/self/cwd), and the operating system's error codes in words.
 */
import { promises as fs, realpathSync, statSync } from "fs";
import path from "path";
import type { Message } from "../core/messages";
import { MessageError } from "./errors";

/** What a file given as a workbook is, from its first bytes. */
export type FileKind = "xlsx" | "encrypted" | "xls" | "ods" | "other";

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const utf16 = (s: string) => Buffer.from(s, "utf16le");

/**
 * The kind of a workbook file: a zip (an .xlsx, or an OpenDocument spreadsheet whose first entry is its
 * `mimetype`), or an OLE2 compound file (a password-protected .xlsx keeps its package in an `EncryptedPackage`
 * stream; an Excel 97–2003 .xls has a `Workbook` or `Book` stream).
 */
export function fileKind(head: Buffer): FileKind {
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) {
    const nameLength = head.readUInt16LE(26);
    const name = head.subarray(30, 30 + nameLength).toString("latin1");
    const extra = head.readUInt16LE(28);
    const body = head.subarray(30 + nameLength + extra, 30 + nameLength + extra + 60).toString("latin1");
    if (name === "mimetype" && body.startsWith("application/vnd.oasis.opendocument.spreadsheet")) return "ods";
    return "xlsx";
  }
  if (head.subarray(0, 8).equals(OLE2)) {
    if (head.includes(utf16("EncryptedPackage")) || head.includes(utf16("EncryptionInfo"))) return "encrypted";
    return "xls";
  }
  return "other";
}

/** The largest workbook read (a million-row ledger is about 40 MB) and the largest SIE file (a million rows, about 80 MB). */
export const MAX_WORKBOOK_BYTES = 1_000_000_000;
export const MAX_SIE_BYTES = 500_000_000;

/**
 * Why a path given as an input is not read, from its status before a byte is read: it does not exist
 * ("missing"), it is not a regular file (`/dev/zero`, a pipe: reading it would never end), or it is larger
 * than `limit`. Null when it may be read.
 */
export async function inputProblem(file: string, limit: number): Promise<Message | "missing" | null> {
  let st;
  try {
    st = await fs.stat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR") return "missing";
    throw e;
  }
  if (st.isDirectory()) return { code: "file_system", params: { file, reason: "EISDIR" } };
  if (!st.isFile()) return { code: "file_not_regular", params: { file } };
  if (st.size > limit)
    return { code: "file_too_large", params: { file, megabytes: Math.ceil(st.size / 1e6), limit: Math.round(limit / 1e6) } };
  return null;
}

/** The first bytes of a file, enough for `fileKind` (OLE2 directory entries sit in the first sectors). */
export async function headOf(file: string, bytes = 64 * 1024): Promise<Buffer> {
  const handle = await fs.open(file, "r");
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The real file a path names: links resolved, and for a file that does not exist yet, its real folder. */
function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(path.resolve(file))), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

/** Whether writing `output` would write `input`: the same real path, or the same device and inode (hard links). */
/**
 * Whether a file is there that an output would replace (a folder is not: the file system says no to it, in its words).
 * @example refuseExisting("res.xlsx", false, "result") // throws file_exists when res.xlsx is a file
 */
export function refuseExisting(output: string, replace: boolean, kind: "input" | "result" | "import" | "new-year"): void {
  if (replace && kind !== "new-year") return;
  if (statSync(output, { throwIfNoEntry: false })?.isFile())
    throw new MessageError({ code: "file_exists", params: { file: output, kind } });
}

export function sameFile(input: string, output: string): boolean {
  if (realPath(input) === realPath(output)) return true;
  try {
    const a = statSync(input);
    const b = statSync(output);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

/** The operating system's error codes that are the user's to fix (not a bug): a message naming the file. */
const OS_REASONS = new Set([
  "ENOENT",
  "EACCES",
  "EPERM",
  "EROFS",
  "ENOSPC",
  "EDQUOT",
  "EISDIR",
  "ENOTDIR",
  "EEXIST",
  "ENAMETOOLONG",
  "EMFILE",
]);

/** An error from the file system as a catalogue message, or null when it is something else. */
export function fileSystemMessage(e: unknown, fallbackFile: string): Message | null {
  const err = e as NodeJS.ErrnoException;
  if (!err || typeof err.code !== "string" || !OS_REASONS.has(err.code)) return null;
  return { code: "file_system", params: { file: err.path ?? fallbackFile, reason: err.code } };
}

/**
 * `<name>.beraknad.xlsx` beside the input; a macro workbook gets `.xlsm` (Excel refuses a macro workbook named
 * .xlsx): by its content type when known (`macro`), else by the input's extension.
 */
export function defaultOutputPath(input: string, macro = /\.xlsm$/i.test(input)): string {
  const dir = path.dirname(input);
  const ext = macro ? ".xlsm" : ".xlsx";
  const base = path.basename(input).replace(/\.xls[xm]$/i, "");
  return path.join(dir, `${base}.beraknad${ext}`);
}

/** `<name>.importerad.xlsx` beside the workbook (`.xlsm` for a macro workbook). */
export function defaultImportPath(input: string, macro = /\.xlsm$/i.test(input)): string {
  const ext = macro ? ".xlsm" : ".xlsx";
  return path.join(path.dirname(input), `${path.basename(input).replace(/\.xls[xm]$/i, "")}.importerad${ext}`);
}

/**
 * What Excel opens: a macro-enabled workbook only as `.xlsm`, any other only as `.xlsx`. An output named
 * otherwise is refused before anything is written (a macro workbook saved as .xlsx does not open).
 */
export function outputNameProblem(macro: boolean, output: string): Message | null {
  const expected = macro ? ".xlsm" : ".xlsx";
  return path.extname(output).toLowerCase() === expected ? null : { code: "output_extension", params: { file: output, expected } };
}
