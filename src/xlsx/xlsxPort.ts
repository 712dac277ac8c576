/**
 * The workbook port over .xlsx packages: reads the package into the neutral grid and writes the owned
 * sheets into a copy of it, leaving every other part byte for byte as it was. Bytes in, bytes out: no file
 * system here (./xlsxFile.ts opens and saves files), so the task pane builds a new workbook with it too.
 */
import type { SheetModel, TableEdit } from "../report/sheetModel";
import type { WorkbookGrid } from "../workbook/grid";
import { WorkbookPort, WriteRefused } from "../workbook/port";
import { asCellRef } from "../core/units";
import { writeLimitProblems } from "../report/limits";
import { Package } from "./package";
import { dateStyles, isMacroEnabled, isStrict, readGridAsync, sheetEntries, workbookPart } from "./read";
import { applyEdits, EditRefusedAt } from "./patchSheet";
import { Styles, MINIMAL_STYLES } from "./styles";
import { emptyPackage, writeSheetsToPackage } from "./write";

import { PackageError } from "./package";
import { ZipError } from "./zip";

export { PackageError, ZipError };

export class XlsxPort implements WorkbookPort {
  private readonly pending = new Map<string, SheetModel>();
  private readonly edits: TableEdit[] = [];
  private grid: Promise<WorkbookGrid> | undefined;

  /**
   * @param source the file the package came from, named by errors found after opening (a damaged part met when
   * writing).
   */
  constructor(
    readonly pkg: Package,
    private readonly source?: string,
  ) {}

  /** Runs `f`; a package or zip error it throws names this port's file. */
  private named<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      throw this.withFile(e);
    }
  }

  /** A package or zip error, naming this port's file. */
  private withFile(e: unknown): unknown {
    if ((e instanceof PackageError || e instanceof ZipError) && e.file === undefined) e.file = this.source;
    return e;
  }

  static fromBuffer(buf: Buffer | ArrayBuffer | Uint8Array, source?: string): XlsxPort {
    const bytes = Buffer.isBuffer(buf)
      ? buf
      : buf instanceof Uint8Array
        ? Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)
        : Buffer.from(buf);
    return new XlsxPort(Package.fromBuffer(bytes), source);
  }

  /** A new workbook with no sheets (for the template and the example). */
  static empty(): XlsxPort {
    return new XlsxPort(emptyPackage());
  }

  /**
   * The grid of the file as opened (the package is never changed in place; writes go to a new file), read once: a
   * second caller, even one that asks while the first read is under way, gets the same grid or the same refusal.
   */
  readGrid(): Promise<WorkbookGrid> {
    return (this.grid ??= readGridAsync(this.pkg).catch((e: unknown) => {
      throw this.withFile(e);
    }));
  }

  /** A macro-enabled workbook (its content type), which Excel opens only under the `.xlsm` extension. */
  isMacroEnabled(): boolean {
    return isMacroEnabled(this.pkg);
  }

  /**
   * Queues the owned sheets (a later model of the same sheet replaces an earlier one) and the input tables'
   * edits, tried at once so that an edit the part does not allow is refused before anything is written.
   * Written by `toBuffer` and `save`.
   */
  async writeSheets(sheets: SheetModel[], edits: TableEdit[] = []): Promise<void> {
    // Our parts are transitional; written into a strict package they would make a mixed one that Excel repairs.
    if (isStrict(this.pkg)) throw new WriteRefused([{ code: "workbook_strict", params: {}, cell: "" }]);
    const limits = writeLimitProblems(sheets, edits);
    if (limits.length > 0) throw new WriteRefused(limits);
    if (edits.length > 0) {
      const wbPart = workbookPart(this.pkg);
      const stylesRel = this.pkg.relationships(wbPart).find((r) => r.kind === "styles" && !r.external && this.pkg.has(r.target));
      try {
        this.named(() => {
          const styles = new Styles(stylesRel ? this.pkg.text(stylesRel.target) : MINIMAL_STYLES);
          applyEdits(this.pkg, sheetEntries(this.pkg, wbPart), [...this.edits, ...edits], styles, dateStyles(this.pkg, wbPart), null);
        });
      } catch (e) {
        if (!(e instanceof EditRefusedAt)) throw e;
        throw new WriteRefused([{ code: "input_formula_master", params: {}, cell: asCellRef(e.cell) }]);
      }
    }
    for (const s of sheets) this.pending.set(s.name.toLowerCase(), s);
    this.edits.push(...edits);
  }

  /** The package with the queued sheets and edits written. */
  toBuffer(): Buffer {
    return this.named(() => writeSheetsToPackage(this.pkg, [...this.pending.values()], this.edits));
  }
}
