/** Printing one result sheet as a user does: the package with that sheet alone visible (test/print.test.ts, scripts/render.ts). */
import { Package } from "../../src/xlsx/package";
import { deflateEntry, readZip, writeZip } from "../../src/xlsx/zip";

/**
 * The package with every sheet but one hidden and that one shown. LibreOffice prints a hidden sheet
 * that has a print area, so the other sheets' print areas and titles go too.
 */
export function onlySheet(buf: Buffer, sheet: string): Buffer {
  const pkg = new Package(readZip(buf));
  return writeZip(
    pkg.entries.map((e) => {
      if (e.name !== "xl/workbook.xml") return e;
      let index = -1;
      let i = 0;
      const xml = pkg
        .text(e.name)
        .replace(/<sheet\b[^>]*?\/>/g, (tag) => {
          const mine = tag.includes(`name="${sheet}"`);
          if (mine) index = i;
          i++;
          return mine ? tag : tag.replace("<sheet ", '<sheet state="hidden" ');
        })
        .replace(/activeTab="\d+"/, `activeTab="${index}"`)
        .replace(/<definedName [^>]*localSheetId="(\d+)"[^>]*>[^<]*<\/definedName>/g, (tag, id: string) =>
          Number(id) === index ? tag : "",
        );
      return deflateEntry(e.name, xml);
    }),
  );
}
