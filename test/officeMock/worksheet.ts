/** Worksheets: the collection, a sheet, its protection (passwords honoured) and frozen panes. */
import { ClientObject, CollectionProxy, jsonSize, nullable } from "./base";
import type { MockContext } from "./context";
import { ChartCollectionProxy } from "./chart";
import { formatA1, MAX_COLS, MAX_ROWS, MockExcelError, MSheet, parseA1, Rect } from "./model";
import { RangeProxy, targetOf } from "./range";
import { TableCollectionProxy } from "./table";
import { NamedItemCollectionProxy } from "./workbook";

export function assertUnprotected(sheet: MSheet): void {
  if (sheet.protection.protected) {
    throw new MockExcelError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
  }
}

export class WorksheetCollectionProxy extends CollectionProxy<MSheet, WorksheetProxy> {
  protected itemProxy(resolve: () => MSheet | null): WorksheetProxy {
    return new WorksheetProxy(this.context, resolve);
  }
  protected makeItem(s: MSheet): WorksheetProxy {
    return new WorksheetProxy(this.context, () => (this.context.excel.workbook.sheets.includes(s) ? s : null));
  }
  getItem(name: string): WorksheetProxy {
    const wb = this.context.excel.workbook;
    return this.child(
      32 + name.length,
      () => {
        const s = wb.sheet(name);
        if (!s) throw new MockExcelError("ItemNotFound", `The requested resource doesn't exist (sheet ${name}).`);
        return s;
      },
      (r) => new WorksheetProxy(this.context, r),
    ) as WorksheetProxy;
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    const wb = this.context.excel.workbook;
    return nullable(
      this.child(
        32 + name.length,
        () => wb.sheet(name) ?? null,
        (r) => new WorksheetProxy(this.context, r),
      ) as WorksheetProxy,
    );
  }
  /** The sheet the user has open. */
  getActiveWorksheet(): WorksheetProxy {
    const wb = this.context.excel.workbook;
    return this.child(
      24,
      () => wb.activeSheet(),
      (r) => new WorksheetProxy(this.context, r),
    ) as WorksheetProxy;
  }
  add(name?: string): WorksheetProxy {
    const wb = this.context.excel.workbook;
    return this.child(
      32 + (name?.length ?? 0),
      () => wb.addSheet(name ?? `Sheet${wb.sheets.length + 1}`),
      (r) => new WorksheetProxy(this.context, r),
    ) as WorksheetProxy;
  }
}

export class WorksheetProxy extends ClientObject<MSheet> {
  declare name: string;
  declare position: number;
  declare visibility: string;
  declare readonly tables: TableCollectionProxy;
  declare readonly charts: ChartCollectionProxy;
  declare readonly protection: ProtectionProxy;
  declare readonly freezePanes: FreezePanesProxy;
  declare readonly pageLayout: PageLayoutProxy;
  declare readonly horizontalPageBreaks: PageBreaksProxy;
  constructor(context: MockContext, resolve: () => MSheet | null) {
    super(context, resolve);
    const wb = context.excel.workbook;
    this.prop("name", {
      get: (s) => s.name,
      set: (s, v) => {
        if (wb.sheet(String(v)) && wb.sheet(String(v)) !== s)
          throw new MockExcelError("ItemAlreadyExists", `A sheet named ${String(v)} exists.`);
        s.name = String(v);
      },
    });
    this.prop("position", {
      get: (s) => wb.sheets.indexOf(s),
      set: (s, v) => {
        const i = wb.sheets.indexOf(s);
        wb.sheets.splice(i, 1);
        wb.sheets.splice(Math.max(0, Math.min(Number(v), wb.sheets.length)), 0, s);
      },
    });
    this.prop("visibility", {
      get: (s) => s.visibility,
      set: (s, v) => {
        if (!["Visible", "Hidden", "VeryHidden"].includes(String(v)))
          throw new MockExcelError("InvalidArgument", `Visibility ${String(v)}.`);
        const wb = context.excel.workbook;
        // A workbook keeps at least one visible sheet.
        if (v !== "Visible" && s.visibility === "Visible" && !wb.sheets.some((x) => x !== s && x.visibility === "Visible"))
          throw new MockExcelError("InvalidOperation", `The sheet ${s.name} is the last visible sheet.`);
        s.visibility = String(v);
      },
    });
    this.nav("tables", () => new TableCollectionProxy(context, () => this.target()));
    this.nav("names", () => new NamedItemCollectionProxy(context, () => this.target().names));
    this.nav(
      "charts",
      () =>
        new ChartCollectionProxy(
          context,
          () => this.target().charts,
          () => this.target(),
        ),
    );
    this.nav("protection", () => new ProtectionProxy(context, () => this.target()));
    this.nav("freezePanes", () => new FreezePanesProxy(context, () => this.target()));
    this.nav("pageLayout", () => new PageLayoutProxy(context, () => this.target()));
    this.nav("horizontalPageBreaks", () => new PageBreaksProxy(context, () => this.target()));
  }
  getRange(address?: string): RangeProxy {
    return this.child(
      32 + (address?.length ?? 0),
      () => ({ sheet: this.target(), rect: address ? parseA1(address) : { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } }),
      (r) => new RangeProxy(this.context, r),
    ) as RangeProxy;
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return nullable(
      this.child(
        40,
        () => {
          const s = this.target();
          const rect = s.used(!!valuesOnly);
          return rect ? { sheet: s, rect } : null;
        },
        (r) => new RangeProxy(this.context, r),
      ) as RangeProxy,
    );
  }
  delete(): void {
    const wb = this.context.excel.workbook;
    this.call("delete", 8, (s) => {
      // The reference: a VeryHidden sheet cannot be deleted (InvalidOperation; make it hidden or visible first),
      // and a workbook keeps at least one visible sheet.
      if (s.visibility === "VeryHidden") throw new MockExcelError("InvalidOperation", `The sheet ${s.name} is very hidden.`);
      if (s.visibility === "Visible" && !wb.sheets.some((x) => x !== s && x.visibility === "Visible"))
        throw new MockExcelError("InvalidOperation", `The sheet ${s.name} is the last visible sheet.`);
      wb.sheets = wb.sheets.filter((x) => x !== s);
      wb.tables = wb.tables.filter((t) => t.sheet !== s);
    });
  }
  activate(): void {
    const wb = this.context.excel.workbook;
    this.call("activate", 8, (s) => {
      wb.active = s;
    });
  }
  /** Recalculates the sheet (ExcelApi 1.6); the in-memory Excel only counts it. */
  calculate(markAllDirty: boolean): void {
    this.call("calculate", 8 + String(markAllDirty).length, (s) => {
      s.calculated++;
    });
  }
}

export class ProtectionProxy extends ClientObject<MSheet> {
  declare readonly protected: boolean;
  protected override officeName(): string {
    return "WorksheetProtection";
  }
  constructor(context: MockContext, resolve: () => MSheet) {
    super(context, resolve);
    this.prop("protected", { get: (s) => s.protection.protected });
  }
  protect(options?: Record<string, unknown>, password?: string): void {
    this.call("protect", jsonSize(options) + (password?.length ?? 0), (s) => {
      if (s.protection.protected) throw new MockExcelError("InvalidOperation", "The sheet is already protected.");
      s.protection = { protected: true, options: { ...(options ?? {}) }, ...(password !== undefined ? { password } : {}) };
    });
  }
  /** Like Excel: a sheet protected with a password stays protected unless the same password is given. */
  unprotect(password?: string): void {
    this.call("unprotect", password?.length ?? 0, (s) => {
      if (s.protection.protected && s.protection.password !== undefined && s.protection.password !== password) {
        throw new MockExcelError("InvalidArgument", `The password to unprotect ${s.name} is incorrect.`);
      }
      s.protection = { protected: false };
    });
  }
}

/** A range or an address on this sheet, as the page layout methods take them. */
function rectOf(sheet: MSheet, r: RangeProxy | string): Rect {
  if (typeof r === "string") return parseA1(r.replace(/\$/g, ""));
  const t = targetOf(r);
  if (t.sheet !== sheet) throw new MockExcelError("InvalidArgument", "The range is on another sheet.");
  return t.rect;
}

/** Excel's limit on a header or footer section (the Page Setup dialog refuses more). */
const HEADER_FOOTER_MAX = 255;

export class PageLayoutProxy extends ClientObject<MSheet> {
  declare orientation: string;
  declare paperSize: string;
  declare leftMargin: number;
  declare rightMargin: number;
  declare topMargin: number;
  declare bottomMargin: number;
  declare headerMargin: number;
  declare footerMargin: number;
  declare zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  declare readonly headersFooters: { defaultForAllPages: { centerHeader: string; centerFooter: string } };
  constructor(context: MockContext, resolve: () => MSheet) {
    super(context, resolve);
    const oneOf = (name: string, allowed: string[], key: "orientation" | "paperSize") =>
      this.prop(name, {
        get: (s) => s.pageLayout[key],
        set: (s, v) => {
          if (!allowed.includes(String(v))) throw new MockExcelError("InvalidArgument", `${name} ${String(v)} is not valid.`);
          s.pageLayout[key] = String(v);
        },
      });
    oneOf("orientation", ["Portrait", "Landscape"], "orientation");
    oneOf("paperSize", ["Letter", "A3", "A4", "A5", "Legal", "Executive", "B4", "B5"], "paperSize");
    for (const m of ["leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin"]) {
      this.prop(m, {
        get: (s) => s.pageLayout.margins[m],
        set: (s, v) => {
          const n = Number(v);
          if (!(n >= 0 && n < 49 * 72)) throw new MockExcelError("InvalidArgument", `${m} ${String(v)} is not valid.`);
          s.pageLayout.margins[m] = n;
        },
      });
    }
    this.prop("zoom", {
      get: (s) => s.pageLayout.zoom,
      set: (s, v) => {
        const z = v as { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
        const fit = z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined;
        // The reference: scale is 10–400, and null when fitting to pages wide or tall.
        if (z.scale !== undefined && (fit || z.scale < 10 || z.scale > 400))
          throw new MockExcelError("InvalidArgument", "zoom.scale must be 10–400 and not set together with fit to pages.");
        for (const n of [z.horizontalFitToPages, z.verticalFitToPages])
          if (n !== undefined && !(Number.isInteger(n) && n >= 0 && n <= 32767))
            throw new MockExcelError("InvalidArgument", "Invalid fit to pages.");
        s.pageLayout.zoom = { ...z };
      },
    });
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    const section = (key: "centerHeader" | "centerFooter") => ({
      get: () => self.target().pageLayout[key],
      set: (v: string) => {
        self.context.enqueue({
          bytes: v.length + 16,
          location: `HeaderFooter.${key}`,
          apply: () => {
            if (v.length > HEADER_FOOTER_MAX)
              throw new MockExcelError("InvalidArgument", `The ${key} is longer than ${HEADER_FOOTER_MAX} characters.`);
            self.target().pageLayout[key] = v;
          },
        });
      },
    });
    Object.defineProperty(this, "headersFooters", {
      get: () => ({
        defaultForAllPages: Object.defineProperties({}, { centerHeader: section("centerHeader"), centerFooter: section("centerFooter") }),
      }),
    });
  }
  setPrintArea(area: RangeProxy | string): void {
    this.call("setPrintArea", 32, (s) => void (s.pageLayout.printArea = formatA1(rectOf(s, area))));
  }
  /** Excel takes only whole rows as print titles (`$1:$2`), as its Page Setup dialog does. */
  setPrintTitleRows(rows: RangeProxy | string): void {
    this.call("setPrintTitleRows", 16, (s) => {
      const text = typeof rows === "string" ? rows : formatA1(targetOf(rows).rect);
      if (!/^\$?\d+:\$?\d+$/.test(text)) throw new MockExcelError("InvalidArgument", `Print title rows must be whole rows, not ${text}.`);
      s.pageLayout.titleRows = text.replace(/\$/g, "");
    });
  }
  setPrintTitleColumns(cols: RangeProxy | string): void {
    this.call("setPrintTitleColumns", 16, (s) => {
      const text = typeof cols === "string" ? cols : formatA1(targetOf(cols).rect);
      if (!/^\$?[A-Z]+:\$?[A-Z]+$/.test(text))
        throw new MockExcelError("InvalidArgument", `Print title columns must be whole columns, not ${text}.`);
      s.pageLayout.titleColumns = text.replace(/\$/g, "");
    });
  }
}

export class PageBreaksProxy extends ClientObject<MSheet> {
  /** A break before the range's top row (ExcelApi 1.9). */
  add(range: RangeProxy | string): void {
    this.call("add", 24, (s) => {
      const r = rectOf(s, range).top;
      if (r === 0) throw new MockExcelError("InvalidArgument", "A page break cannot be placed before the first row.");
      if (!s.pageBreaks.includes(r)) s.pageBreaks.push(r);
    });
  }
  removePageBreaks(): void {
    this.call("removePageBreaks", 8, (s) => void (s.pageBreaks = []));
  }
}

export class FreezePanesProxy extends ClientObject<MSheet> {
  freezeRows(count?: number): void {
    this.call("freezeRows", 8, (s) => {
      s.frozenRows = count ?? 1;
    });
  }
  unfreeze(): void {
    this.call("unfreeze", 8, (s) => {
      s.frozenRows = 0;
    });
  }
}
