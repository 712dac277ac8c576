/** .xlsx files on disk (the command line and the tests): opened into an XlsxPort, saved from one without half-written files. */
import { promises as fs } from "fs";
import path from "path";
import { removeStaleTemps } from "./tempFiles";
import { XlsxPort } from "./xlsxPort";

/** Opens a workbook file; errors found in it later name the file. */
export async function openXlsx(file: string): Promise<XlsxPort> {
  return XlsxPort.fromBuffer(await fs.readFile(file), file);
}

/** Writes the workbook to a file: to a temporary file next to it first, then renamed, so a failure leaves no half-written file. */
export async function saveXlsx(port: XlsxPort, file: string): Promise<void> {
  const buf = port.toBuffer();
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await removeStaleTemps(file);
  try {
    await fs.writeFile(tmp, buf);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
