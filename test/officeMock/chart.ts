/** Charts: the collection, a chart, its series. */
import { ClientObject, CollectionProxy } from "./base";
import type { MockContext } from "./context";
import { MChart, MockExcelError, MSheet, sheetAddress } from "./model";
import { RangeProxy, targetOf } from "./range";
import { assertUnprotected } from "./worksheet";

interface MChartRef {
  chart: MChart;
  sheet: MSheet;
}

export class ChartCollectionProxy extends CollectionProxy<MChartRef, ChartProxy> {
  constructor(
    context: MockContext,
    charts: () => MChart[],
    private sheet: () => MSheet,
  ) {
    super(context, () => charts().map((chart) => ({ chart, sheet: sheet() })));
  }
  protected itemProxy(resolve: () => MChartRef | null): ChartProxy {
    return new ChartProxy(this.context, resolve);
  }
  protected makeItem(m: MChartRef): ChartProxy {
    return new ChartProxy(this.context, () => (m.sheet.charts.includes(m.chart) ? m : null));
  }
  getItem(name: string): ChartProxy {
    return this.child(
      16 + name.length,
      () => {
        const sheet = this.sheet();
        const chart = sheet.charts.find((c) => c.name === name);
        if (!chart) throw new MockExcelError("ItemNotFound", `Chart ${name} doesn't exist.`);
        return { chart, sheet };
      },
      (r) => new ChartProxy(this.context, r),
    ) as ChartProxy;
  }
  /** Series by columns: the source's first row names the series, the rest are values. */
  add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy {
    return this.child(
      64,
      () => {
        const sheet = this.sheet();
        assertUnprotected(sheet);
        const t = targetOf(source);
        let n = sheet.charts.length + 1;
        while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
        const series = [];
        for (let c = t.rect.left; c <= t.rect.right; c++) {
          series.push({
            name: String(t.sheet.get(t.rect.top, c)?.v ?? ""),
            values: sheetAddress(t.sheet.name, { top: t.rect.top + 1, bottom: t.rect.bottom, left: c, right: c }),
          });
        }
        const chart: MChart = {
          name: `Chart ${n}`,
          type,
          source: sheetAddress(t.sheet.name, t.rect),
          title: "",
          seriesBy: seriesBy ?? "Auto",
          series,
        };
        sheet.charts.push(chart);
        return { chart, sheet };
      },
      (r) => new ChartProxy(this.context, r),
    ) as ChartProxy;
  }
}

/** One series of a chart, by index or just added. */
class SeriesProxy extends ClientObject<{ name: string; values: string; xAxis?: string }> {
  setXAxisValues(r: RangeProxy): void {
    this.call("setXAxisValues", 24, (s) => {
      const t = targetOf(r);
      s.xAxis = sheetAddress(t.sheet.name, t.rect);
    });
  }
  /** A series over cells that are all empty is refused (Excel's error code EmptyChartSeries). */
  setValues(r: RangeProxy): void {
    this.call("setValues", 24, (s) => {
      const t = targetOf(r);
      let filled = false;
      for (let row = t.rect.top; row <= t.rect.bottom && !filled; row++)
        for (let col = t.rect.left; col <= t.rect.right && !filled; col++) {
          const c = t.sheet.get(row, col);
          filled = !!c && ((c.v !== undefined && c.v !== null && c.v !== "") || c.f !== undefined);
        }
      if (!filled) throw new MockExcelError("EmptyChartSeries", `The series values ${sheetAddress(t.sheet.name, t.rect)} are empty.`);
      s.values = sheetAddress(t.sheet.name, t.rect);
    });
  }
}

export class ChartProxy extends ClientObject<MChartRef> {
  declare name: string;
  declare readonly title: { text: string };
  declare readonly series: {
    getItemAt(i: number): SeriesProxy;
    add(name: string): SeriesProxy;
  };
  constructor(context: MockContext, resolve: () => MChartRef | null) {
    super(context, resolve);
    this.prop("name", { get: (m) => m.chart.name, set: (m, v) => void (m.chart.name = String(v)) });
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    Object.defineProperty(this, "title", {
      get: () => ({
        set text(v: string) {
          self.context.enqueue({ bytes: v.length + 8, apply: () => void (self.target().chart.title = v) });
        },
      }),
    });
    Object.defineProperty(this, "series", {
      get: () => ({
        getItemAt: (i: number) =>
          this.child(
            16,
            () => {
              const s = this.target().chart.series[i];
              if (!s) throw new MockExcelError("ItemNotFound", `Series ${i} doesn't exist.`);
              return s;
            },
            (r) => new SeriesProxy(context, r),
          ) as SeriesProxy,
        add: (name: string) =>
          this.child(
            16 + name.length,
            () => {
              const m = this.target();
              assertUnprotected(m.sheet);
              const s = { name, values: "" };
              m.chart.series.push(s);
              return s;
            },
            (r) => new SeriesProxy(context, r),
          ) as SeriesProxy,
      }),
    });
  }
  setPosition(start: string, end?: string): void {
    this.call("setPosition", 16, (m) => void (m.chart.position = [start, end ?? start]));
  }
  delete(): void {
    this.call("delete", 8, (m) => {
      assertUnprotected(m.sheet);
      m.sheet.charts = m.sheet.charts.filter((c) => c !== m.chart);
    });
  }
}
