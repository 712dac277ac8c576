/** Tables: the collection (unique names, no overlaps), a table, its header row and appended rows. */
import { ClientObject, CollectionProxy, jsonSize, nullable } from "./base";
import type { MockContext } from "./context";
import { MockExcelError, MSheet, MTable, overlaps, parseA1, Rect } from "./model";
import { enter, RangeProxy, targetOf } from "./range";
import { assertUnprotected, WorksheetProxy } from "./worksheet";

export class TableCollectionProxy extends CollectionProxy<MTable, TableProxy> {
  constructor(
    context: MockContext,
    private sheet: (() => MSheet) | null,
  ) {
    super(context, () => context.excel.workbook.tables.filter((t) => !sheet || t.sheet === sheet()));
  }
  protected itemProxy(resolve: () => MTable | null): TableProxy {
    return new TableProxy(this.context, resolve);
  }
  protected makeItem(t: MTable): TableProxy {
    return new TableProxy(this.context, () => (this.context.excel.workbook.tables.includes(t) ? t : null));
  }
  getItem(name: string): TableProxy {
    return this.child(
      32 + name.length,
      () => {
        const t = this.target().find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!t) throw new MockExcelError("ItemNotFound", `Table ${name} doesn't exist.`);
        return t;
      },
      (r) => new TableProxy(this.context, r),
    ) as TableProxy;
  }
  getItemOrNullObject(name: string): TableProxy {
    return nullable(
      this.child(
        32 + name.length,
        () => this.target().find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? null,
        (r) => new TableProxy(this.context, r),
      ) as TableProxy,
    );
  }
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    const wb = this.context.excel.workbook;
    return this.child(
      64,
      () => {
        let sheet: MSheet;
        let rect: Rect;
        if (typeof address === "string") {
          const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(address);
          const name = m ? (m[1]?.replace(/''/g, "'") ?? m[2]) : null;
          // The reference: "If the address does not contain a sheet name, the currently-active sheet is used"
          // (also for worksheet.tables.add).
          sheet = name ? wb.sheet(name)! : wb.activeSheet();
          if (!sheet) throw new MockExcelError("InvalidArgument", `Bad table address ${address}`);
          rect = parseA1(m ? m[3] : address);
        } else {
          const t = targetOf(address);
          sheet = t.sheet;
          rect = t.rect;
        }
        assertUnprotected(sheet);
        if (wb.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect))) {
          throw new MockExcelError("InvalidOperation", "A table can't overlap another table.");
        }
        if (hasHeaders) {
          // As Excel does: a blank header becomes Column1, Column2 … (by its place in the table), a repeated one
          // gets a number (Belopp, Belopp2), and the header cell shows the name the table gives it.
          const seen = new Set<string>();
          for (let c = rect.left; c <= rect.right; c++) {
            const cell = sheet.cell(rect.top, c);
            let h = String(cell.v).trim() === "" ? `Column${c - rect.left + 1}` : String(cell.v);
            for (let n = 2; seen.has(h.toLowerCase()); n++) h = `${String(cell.v)}${n}`;
            seen.add(h.toLowerCase());
            if (cell.v !== h) cell.v = h;
          }
        }
        let n = wb.tables.length + 1;
        while (wb.tables.some((t) => t.name === `Table${n}`)) n++;
        const table = new MTable(`Table${n}`, sheet, rect);
        wb.tables.push(table);
        return table;
      },
      (r) => new TableProxy(this.context, r),
    ) as TableProxy;
  }
}

export class TableProxy extends ClientObject<MTable> {
  declare name: string;
  declare style: string;
  declare readonly worksheet: WorksheetProxy;
  constructor(context: MockContext, resolve: () => MTable | null) {
    super(context, resolve);
    const wb = context.excel.workbook;
    this.prop("name", {
      get: (t) => t.name,
      set: (t, v) => {
        const name = String(v);
        if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) || name.length > 255 || /^[A-Za-z]{1,3}\d+$/.test(name)) {
          throw new MockExcelError("InvalidArgument", `The table name ${name} is not valid.`);
        }
        if (wb.tables.some((x) => x !== t && x.name.toLowerCase() === name.toLowerCase()))
          throw new MockExcelError("ItemAlreadyExists", `A table named ${name} exists.`);
        // Tables and defined names share one namespace (names scoped to a sheet too).
        if ([...wb.names, ...wb.sheets.flatMap((x) => x.names)].some((n) => n.toLowerCase() === name.toLowerCase()))
          throw new MockExcelError("ItemAlreadyExists", `A defined name ${name} exists.`);
        t.name = name;
      },
    });
    this.prop("style", { get: (t) => t.style, set: (t, v) => void (t.style = String(v)) });
    // Read only here: turning the totals or header row on or off is not modelled (the add-in never does it).
    this.prop("showTotals", { get: (t) => t.showTotals });
    this.prop("showHeaders", { get: (t) => t.showHeaders });
    this.nav("worksheet", () => new WorksheetProxy(context, () => this.target().sheet));
  }
  getRange(): RangeProxy {
    return this.child(
      16,
      () => ({ sheet: this.target().sheet, rect: this.target().rect }),
      (r) => new RangeProxy(this.context, r),
    ) as RangeProxy;
  }
  getHeaderRowRange(): RangeProxy {
    const headerRect = () => ({ ...this.target().rect, bottom: this.target().rect.top });
    return this.child(
      24,
      () => ({ sheet: this.target().sheet, rect: headerRect() }),
      (r) => new RangeProxy(this.context, r),
    ) as RangeProxy;
  }
  /**
   * `table.rows.add(index, values)`: appends rows at the end (index undefined or null) at sync; above the totals row
   * when the table shows one, which moves down. Like Excel, it fails on a protected sheet and when a row's width
   * differs from the table's.
   */
  get rows(): { add(index: number | null | undefined, values: unknown[][]): void } {
    return {
      add: (index, values) => {
        this.call("rows.add", jsonSize(values), (t) => {
          assertUnprotected(t.sheet);
          if (index !== undefined && index !== null) throw new MockExcelError("InvalidArgument", "Only appending rows is modelled.");
          const width = t.rect.right - t.rect.left + 1;
          if (values.some((r) => !Array.isArray(r) || r.length !== width)) {
            throw new MockExcelError("InvalidArgument", `The number of columns in the input array doesn't match the table (${width}).`);
          }
          // The first new row: under the last data row, where the totals row is when there is one.
          const first = t.showTotals ? t.rect.bottom : t.rect.bottom + 1;
          if (t.showTotals)
            for (let c = t.rect.left; c <= t.rect.right; c++) {
              const total = t.sheet.get(t.rect.bottom, c);
              t.sheet.cells.delete(MSheet.key(t.rect.bottom, c));
              if (total) t.sheet.cells.set(MSheet.key(t.rect.bottom + values.length, c), total);
            }
          values.forEach((row, i) => row.forEach((v, c) => enter(t.sheet.cell(first + i, t.rect.left + c), v)));
          t.rect = { ...t.rect, bottom: t.rect.bottom + values.length };
        });
      },
    };
  }
  /**
   * `table.resize(newRange)` (ExcelApi 1.13): the reference's rules — the new range overlaps the table and its top row
   * (the headers) stays the same row, on the same sheet; it may not overlap another table nor a protected sheet. No cell
   * changes, except that a header cell the table gains is named as `tables.add` names a blank one.
   */
  resize(newRange: string | RangeProxy): void {
    const excel = this.context.excel;
    this.call("resize", 32, (t) => {
      // An Excel without ExcelApi 1.13 answers the request with ApiNotFound (at sync, as the library sends it).
      if (!excel.supports("1.13"))
        throw new MockExcelError(
          "ApiNotFound",
          "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
        );
      let sheet = t.sheet;
      let rect: Rect;
      if (typeof newRange === "string") {
        const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(newRange);
        if (m) sheet = excel.workbook.sheet(m[1]?.replace(/''/g, "'") ?? m[2])!;
        rect = parseA1(m ? m[3] : newRange);
      } else ({ sheet, rect } = targetOf(newRange));
      assertUnprotected(t.sheet);
      if (sheet !== t.sheet || rect.top !== t.rect.top || !overlaps(rect, t.rect) || rect.bottom <= rect.top)
        throw new MockExcelError("InvalidArgument", "The new range must overlap the table, and its headers must stay in the same row.");
      if (excel.workbook.tables.some((x) => x !== t && x.sheet === sheet && overlaps(x.rect, rect)))
        throw new MockExcelError("InvalidOperation", "A table can't overlap another table.");
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = sheet.cell(rect.top, c);
        if (String(cell.v ?? "").trim() === "") cell.v = `Column${c - rect.left + 1}`;
      }
      t.rect = rect;
    });
  }
  delete(): void {
    const wb = this.context.excel.workbook;
    this.call("delete", 8, (t) => {
      assertUnprotected(t.sheet);
      wb.tables = wb.tables.filter((x) => x !== t);
    });
  }
}
