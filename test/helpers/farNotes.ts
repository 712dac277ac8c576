/**
 * The sparse-sheet case of issue 35: an .xlsx package with a note in column XFD of Huvudbok on every ledger row and
 * on the rows below, `count` notes in all (a person's remarks far to the right). Used by test/sparse.test.ts and
 * `npm run bench`.
 */
import { deflateEntry, inflateEntry, readZip, writeZip } from "../../src/xlsx/zip";

export function withFarNotes(buf: Buffer, count: number): { buf: Buffer; notes: number } {
  const entries = readZip(buf);
  const text = (name: string) => inflateEntry(entries.find((e) => e.name === name)!).toString("utf8");
  const rid = /<sheet [^>]*name="Huvudbok"[^>]*r:id="([^"]+)"/.exec(text("xl/workbook.xml"))![1];
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*Target="([^"]+)"`).exec(text("xl/_rels/workbook.xml.rels"))![1];
  const part = "xl/" + target.replace(/^\/?(xl\/)?/, "");
  const note = (r: number) => `<c r="XFD${r}" t="inlineStr"><is><t>anteckning ${r}</t></is></c>`;
  let notes = 0;
  let last = 0;
  let xml = text(part).replace(/<row r="(\d+)"([^>]*)>([\s\S]*?)<\/row>/g, (m, r: string, attrs: string, body: string) => {
    last = Number(r);
    if (last < 2 || notes >= count) return m;
    notes++;
    return `<row r="${r}"${attrs}>${body}${note(last)}</row>`;
  });
  const extra: string[] = [];
  for (let r = last + 1; notes < count; r++, notes++) extra.push(`<row r="${r}">${note(r)}</row>`);
  xml = xml.replace("</sheetData>", extra.join("") + "</sheetData>");
  return { buf: writeZip(entries.map((e) => (e.name === part ? deflateEntry(part, xml) : e))), notes };
}
