/**
 * The workbook port over .xlsx files: reads the package into the neutral grid and writes the owned
 * sheets into a copy of it, leaving every other part byte for byte as it was.
 */
import { promises as fs } from "fs";
import path from "path";
import type { SheetModel } from "../report/sheetModel";
import type { WorkbookGrid } from "../workbook/grid";
import { WorkbookPort, WriteRefused } from "../workbook/port";
import { Package } from "./package";
import { removeStaleTemps } from "./tempFiles";
import { isMacroEnabled, isStrict, readGrid } from "./read";
import { emptyPackage, writeSheetsToPackage } from "./write";

export { PackageError } from "./package";
export { ZipError } from "./zip";

export class XlsxPort implements WorkbookPort {
  private readonly pending = new Map<string, SheetModel>();
  private grid: WorkbookGrid | undefined;

  constructor(readonly pkg: Package) {}

  static async open(file: string): Promise<XlsxPort> {
    return XlsxPort.fromBuffer(await fs.readFile(file));
  }

  static fromBuffer(buf: Buffer | ArrayBuffer | Uint8Array): XlsxPort {
    return new XlsxPort(Package.fromBuffer(Buffer.isBuffer(buf) ? buf : Buffer.from(buf as ArrayBuffer)));
  }

  /** A new workbook with no sheets (for the template and the example). */
  static empty(): XlsxPort {
    return new XlsxPort(emptyPackage());
  }

  /** The grid of the file as opened (the package is never changed in place; writes go to a new file). */
  async readGrid(): Promise<WorkbookGrid> {
    return (this.grid ??= readGrid(this.pkg));
  }

  /** A macro-enabled workbook (its content type), which Excel opens only under the `.xlsm` extension. */
  isMacroEnabled(): boolean {
    return isMacroEnabled(this.pkg);
  }

  /** Queues the owned sheets; a later model of the same sheet replaces an earlier one. Written by `toBuffer` and `save`. */
  async writeSheets(sheets: SheetModel[]): Promise<void> {
    // Our parts are transitional; written into a strict package they would make a mixed one that Excel repairs.
    if (isStrict(this.pkg)) throw new WriteRefused([{ code: "workbook_strict", params: {}, cell: "" }]);
    for (const s of sheets) this.pending.set(s.name.toLowerCase(), s);
  }

  /** The package with the queued sheets written. */
  toBuffer(): Buffer {
    return writeSheetsToPackage(this.pkg, [...this.pending.values()]);
  }

  /** Writes the workbook to a file: to a temporary file next to it first, then renamed, so a failure leaves no half-written file. */
  async save(file: string): Promise<void> {
    const buf = this.toBuffer();
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
}
