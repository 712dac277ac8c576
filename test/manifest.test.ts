/**
 * The manifest offline: well-formed XML, unique ids within length limits, every resid resolves,
 * every ExecuteFunction id is associated in code, every icon exists at 16/32/80 px, URLs are https,
 * only ReadWriteDocument is asked for, and strings fit Office's limits.
 */
import { existsSync, readFileSync } from "fs";
import path from "path";
import { FUNCTION_IDS } from "../src/commands/commands";

const ROOT = path.resolve(__dirname, "..");
const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

/** A small strict XML parser (elements, attributes, text; no DTDs), enough to check well-formedness. */
interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}
function parseXml(src: string): Node {
  let i = 0;
  const s = src.replace(/<\?xml[^>]*\?>/, "").replace(/<!--[\s\S]*?-->/g, "");
  const root: Node = { name: "#root", attrs: {}, children: [], text: "" };
  const stack: Node[] = [root];
  while (i < s.length) {
    const lt = s.indexOf("<", i);
    if (lt < 0) {
      if (s.slice(i).trim()) throw new Error("text after root");
      break;
    }
    stack[stack.length - 1].text += s.slice(i, lt);
    const gt = s.indexOf(">", lt);
    if (gt < 0) throw new Error(`unclosed tag at ${lt}`);
    const tag = s.slice(lt + 1, gt);
    if (tag.startsWith("/")) {
      const name = tag.slice(1).trim();
      const open = stack.pop()!;
      if (open.name !== name) throw new Error(`</${name}> closes <${open.name}>`);
    } else {
      const selfClosing = tag.endsWith("/");
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const m = /^([\w:.-]+)([\s\S]*)$/.exec(body.trim());
      if (!m) throw new Error(`bad tag <${tag}>`);
      const attrs: Record<string, string> = {};
      const rest = m[2].trim();
      const re = /([\w:.-]+)="([^"]*)"/g;
      let a: RegExpExecArray | null;
      while ((a = re.exec(rest))) {
        if (a[1] in attrs) throw new Error(`duplicate attribute ${a[1]}`);
        attrs[a[1]] = a[2]
          .replace(/&amp;/g, "&")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&quot;/g, '"');
      }
      if (rest.replace(re, "").trim()) throw new Error(`bad attributes in <${tag}>`);
      const node: Node = { name: m[1], attrs, children: [], text: "" };
      stack[stack.length - 1].children.push(node);
      if (!selfClosing) stack.push(node);
    }
    i = gt + 1;
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  if (root.children.length !== 1) throw new Error("one root element expected");
  return root.children[0];
}
function all(n: Node, pred: (n: Node) => boolean, out: Node[] = []): Node[] {
  if (pred(n)) out.push(n);
  for (const c of n.children) all(c, pred, out);
  return out;
}

const doc = parseXml(xml);
const nodes = all(doc, () => true);

describe("manifest.xml", () => {
  test("is a well-formed TaskPaneApp asking only for ReadWriteDocument", () => {
    expect(doc.name).toBe("OfficeApp");
    expect(doc.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(nodes.filter((n) => n.name === "Permissions").map((n) => n.text.trim())).toEqual(["ReadWriteDocument"]);
    expect(nodes.find((n) => n.name === "Id")!.text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(() => parseXml("<a><b></a></b>")).toThrow();
  });

  test("control, group and tab ids are unique and at most 125 characters", () => {
    const ids = nodes.filter((n) => ["Control", "Group", "CustomTab"].includes(n.name)).map((n) => n.attrs.id);
    expect(ids.length).toBe(12);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(125);
    const resIds = nodes.filter((n) => ["bt:Image", "bt:Url", "bt:String"].includes(n.name) && n.attrs.id).map((n) => n.attrs.id);
    expect(resIds.length).toBeGreaterThan(40);
    expect(new Set(resIds).size).toBe(resIds.length);
    for (const id of resIds) expect(id.length).toBeLessThanOrEqual(32);
  });

  test("every resid resolves to a resource of the right kind", () => {
    const kinds = new Map<string, string>();
    for (const n of nodes) if (["bt:Image", "bt:Url", "bt:String"].includes(n.name) && n.attrs.id) kinds.set(n.attrs.id, n.name);
    const refs = nodes.filter((n) => n.attrs.resid);
    expect(refs.length).toBeGreaterThan(40);
    for (const r of refs) expect([r.attrs.resid, kinds.has(r.attrs.resid)]).toEqual([r.attrs.resid, true]);
    const shortIds = new Set(all(doc, (n) => n.name === "bt:ShortStrings").flatMap((s) => s.children.map((c) => c.attrs.id)));
    for (const n of nodes.filter((x) => x.name === "Label" || x.name === "Title")) expect(shortIds.has(n.attrs.resid)).toBe(true);
    for (const n of nodes.filter((x) => x.name === "bt:Image" && x.attrs.resid)) expect(kinds.get(n.attrs.resid)).toBe("bt:Image");
  });

  test("strings fit Office's limits (short 125, long 250) and have a Swedish override", () => {
    for (const group of ["bt:ShortStrings", "bt:LongStrings"]) {
      const limit = group === "bt:ShortStrings" ? 125 : 250;
      for (const s of all(doc, (n) => n.name === group).flatMap((g) => g.children)) {
        expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(limit);
        const sv = s.children.find((c) => c.attrs.Locale === "sv-SE");
        expect(sv?.attrs.Value.length ?? 0).toBeGreaterThan(0);
        expect(sv!.attrs.Value.length).toBeLessThanOrEqual(limit);
      }
    }
  });

  test("every ExecuteFunction is associated in code, and every command in code is on the ribbon", () => {
    const fns = nodes.filter((n) => n.name === "FunctionName").map((n) => n.text.trim());
    expect(fns.sort()).toEqual([...FUNCTION_IDS].sort());
    const commandsSrc = readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");
    expect(commandsSrc).toMatch(/event\.completed\(\)/);
  });

  test("the Finsam tab has the groups and buttons the issue names, with supertips", () => {
    const strings = new Map(
      all(doc, (n) => n.name === "bt:String").map((s) => [s.attrs.id, s.children.find((c) => c.attrs.Locale === "sv-SE")!.attrs.Value]),
    );
    const groups = nodes
      .filter((n) => n.name === "Group")
      .map((g) => ({
        label: strings.get(g.children.find((c) => c.name === "Label")!.attrs.resid),
        buttons: g.children
          .filter((c) => c.name === "Control")
          .map((c) => strings.get(c.children.find((x) => x.name === "Label")!.attrs.resid)),
      }));
    expect(groups).toEqual([
      { label: "Beräkna", buttons: ["Beräkna allt", "Medlemsandelar", "Tertialrapport", "Eget kapital"] },
      { label: "Arbetsbok", buttons: ["Skapa mall", "Verifiera", "Nytt år", "Importera SIE…", "Visa panel"] },
    ]);
    for (const c of nodes.filter((n) => n.name === "Control")) {
      const tip = c.children.find((x) => x.name === "Supertip")!;
      expect(strings.get(tip.children.find((x) => x.name === "Description")!.attrs.resid)!.length).toBeGreaterThan(40);
    }
  });

  test("the README names every ribbon button", () => {
    const strings = new Map(
      all(doc, (n) => n.name === "bt:String").map((s) => [s.attrs.id, s.children.find((c) => c.attrs.Locale === "sv-SE")!.attrs.Value]),
    );
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const labels = nodes
      .filter((n) => n.name === "Control")
      .map((c) => strings.get(c.children.find((x) => x.name === "Label")!.attrs.resid)!);
    expect(labels.length).toBeGreaterThanOrEqual(8);
    for (const label of labels) expect([label, readme.includes(`*${label}*`)]).toEqual([label, true]);
  });

  test("each ribbon button has its own icon", () => {
    const iconOf = (c: (typeof nodes)[number]) => {
      const icon = c.children.find((x) => x.name === "Icon")!;
      return icon.children.find((x) => x.attrs.size === "32")!.attrs.resid;
    };
    const icons = nodes.filter((n) => n.name === "Control").map(iconOf);
    expect(icons.length).toBeGreaterThanOrEqual(8);
    expect(new Set(icons).size).toBe(icons.length);
  });

  test("every icon file exists at 16, 32 and 80 px, and every URL is https", () => {
    const urls = nodes.flatMap((n) =>
      Object.entries(n.attrs)
        .filter(([k, v]) => !k.startsWith("xmlns") && /^[a-z]+:\/\//i.test(v))
        .map(([, v]) => v),
    );
    expect(urls.length).toBeGreaterThan(20);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
    for (const img of nodes.filter((n) => n.name === "bt:Image" && n.attrs.DefaultValue)) {
      const file = path.join(ROOT, new URL(img.attrs.DefaultValue).pathname);
      expect(existsSync(file)).toBe(true);
      const png = readFileSync(file);
      const size = png.readUInt32BE(16);
      expect(`${img.attrs.id}:${size}`).toBe(`${img.attrs.id}:${/\.(\d+)$/.exec(img.attrs.id)![1]}`);
    }
    for (const u of ["IconUrl", "HighResolutionIconUrl"]) {
      const file = path.join(ROOT, new URL(nodes.find((n) => n.name === u)!.attrs.DefaultValue).pathname);
      expect(existsSync(file)).toBe(true);
    }
  });
});
