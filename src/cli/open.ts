/** Opening the files a command reads: each checked before a byte is read, each refusal a message. */
import { PackageError } from "../xlsx/errors";
import type { XlsxPort } from "../xlsx/xlsxPort";
import { ZipError } from "../xlsx/zip";
import { MessageError } from "./errors";
import { fileKind, headOf, inputProblem, MAX_WORKBOOK_BYTES } from "./files";

/** Refuses an input that is missing, not a regular file, or too large, before a byte of it is read. */
export async function checkInput(file: string, limit: number): Promise<void> {
  const problem = await inputProblem(file, limit);
  // A missing input is a file the user must give (exit 1, like every file problem), not a wrong command.
  if (problem === "missing") throw new MessageError({ code: "file_system", params: { file, reason: "ENOENT" } });
  if (problem) throw new MessageError(problem);
}

/** A workbook, read whole: its kind from its first bytes, then the package. */
export async function openWorkbook(file: string): Promise<XlsxPort> {
  await checkInput(file, MAX_WORKBOOK_BYTES);
  // What the file is, from its first bytes, before it is read: an encrypted workbook, an .xls or an .ods says so.
  const kind = fileKind(await headOf(file));
  if (kind === "encrypted" || kind === "xls" || kind === "ods") throw new MessageError({ code: "file_kind", params: { file, kind } });
  // The .xlsx reader is loaded when a workbook is opened (a summary of an SIE file starts without it).
  const { openXlsx } = await import("../xlsx/xlsxFile");
  try {
    const port = await openXlsx(file);
    await port.readGrid();
    return port;
  } catch (e) {
    if (e instanceof PackageError || e instanceof ZipError)
      throw new MessageError({ code: "file_unreadable", params: { file, detail: e.message } });
    throw e;
  }
}
