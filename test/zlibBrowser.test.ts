/**
 * The task pane's zlib (fflate, in place of Node's in the browser bundle): what it deflates Node inflates and the
 * other way round, byte for byte; a part that inflates beyond its declared size is refused as Node refuses it. (A whole
 * workbook written by the pane's bundle is opened in Node by test/taskpane.browser.test.ts.)
 */
import zlib from "zlib";
import fc from "fast-check";
import browserZlib from "../src/xlsx/zlibBrowser";

describe("the browser's zlib", () => {
  test("round trips with Node's zlib both ways, at every level", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), fc.integer({ min: 0, max: 9 }), (data, level) => {
        const ours = browserZlib.deflateRawSync(data, { level });
        expect(Buffer.compare(zlib.inflateRawSync(ours), Buffer.from(data))).toBe(0);
        const node = zlib.deflateRawSync(data, { level });
        expect(Buffer.compare(browserZlib.inflateRawSync(node, { maxOutputLength: Math.max(1, data.length) }), Buffer.from(data))).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  test("text compresses (a workbook part of repeated XML) and comes back as a Buffer", () => {
    const xml = Buffer.from('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'.repeat(2000), "utf8");
    const packed = browserZlib.deflateRawSync(xml, { level: 6 });
    expect(packed.length).toBeLessThan(xml.length / 20);
    const back = browserZlib.inflateRawSync(packed, { maxOutputLength: xml.length });
    expect(Buffer.isBuffer(back)).toBe(true);
    expect(back.toString("utf8")).toBe(xml.toString("utf8"));
  });

  test("more than the declared size is refused, as Node refuses it", () => {
    const data = Buffer.alloc(10_000, 65);
    const packed = zlib.deflateRawSync(data);
    expect(() => zlib.inflateRawSync(packed, { maxOutputLength: 9_999 })).toThrow();
    expect(() => browserZlib.inflateRawSync(packed, { maxOutputLength: 9_999 })).toThrow(RangeError);
    expect(browserZlib.inflateRawSync(packed, { maxOutputLength: 10_000 }).length).toBe(10_000);
  });
});

describe("the zip layer over the browser's zlib", () => {
  test("a part inflated ahead is inflated at once, where there is no thread pool: same bytes, same refusals", async () => {
    let zip: typeof import("../src/xlsx/zip") | undefined;
    jest.isolateModules(() => {
      jest.doMock("zlib", () => ({ __esModule: true, default: browserZlib }));
      zip = require("../src/xlsx/zip") as typeof import("../src/xlsx/zip");
    });
    jest.dontMock("zlib");
    const { deflateEntry, inflateEntryAsync, readZip, writeZip } = zip!;
    const xml = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'.repeat(500);
    const [entry] = readZip(writeZip([deflateEntry("xl/worksheets/sheet1.xml", xml)]));
    const spy = jest.spyOn(browserZlib, "inflateRawSync");
    try {
      expect((await inflateEntryAsync(entry)).toString("utf8")).toBe(xml);
      expect(spy).toHaveBeenCalledTimes(1);
      await expect(inflateEntryAsync({ ...entry, crc: entry.crc ^ 1 })).rejects.toThrow(/damaged \(size or checksum/);
      await expect(inflateEntryAsync({ ...entry, size: 100 })).rejects.toThrow(/damaged \(cannot be decompressed\)/);
    } finally {
      spy.mockRestore();
    }
  });
});
