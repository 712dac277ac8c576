/** Worksheets: the collection, a sheet, its protection (passwords honoured) and frozen panes. */
import { ClientObject, CollectionProxy, jsonSize, nullable } from "./base";
import type { MockContext } from "./context";
import { ChartCollectionProxy } from "./chart";
import { MAX_COLS, MAX_ROWS, MockExcelError, MSheet, parseA1 } from "./model";
import { RangeProxy } from "./range";
import { TableCollectionProxy } from "./table";

export function assertUnprotected(sheet: MSheet): void {
  if (sheet.protection.protected) {
    throw new MockExcelError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
  }
}

export class WorksheetCollectionProxy extends CollectionProxy<MSheet, WorksheetProxy> {
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
    this.prop("visibility", { get: (s) => s.visibility, set: (s, v) => void (s.visibility = String(v)) });
    this.nav("tables", () => new TableCollectionProxy(context, () => this.target()));
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
