/**
 * House rules that a reviewer would otherwise check by hand: layers import one way, no file in src
 * passes 400 lines without a reason written at its top, no line is wider than Prettier's width
 * outside data files, and nothing in the repository's docs or sources points outside it.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import path from "path";

const root = path.join(__dirname, "..");
const WIDTH = 140;
/** Data, not code: long lines of SVG and of the corpus table. */
const DATA_FILES = new Set(["scripts/icons.ts", "test/corpus/cases.ts"]);

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = path.posix.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...files(rel, ext));
    else if (ext.test(name)) out.push(rel);
  }
  return out;
}

/** Each layer, and the layers it may import from. */
const LAYERS: Record<string, string[]> = {
  core: ["core"],
  report: ["core", "report"],
  workbook: ["core", "report", "workbook"],
  xlsx: ["core", "report", "workbook", "xlsx"],
  excel: ["core", "report", "workbook", "excel"],
  // A shell may use both adapters: Nytt år in the pane reads through Office.js and builds the new .xlsx.
  commands: ["core", "report", "workbook", "excel", "xlsx", "commands"],
  taskpane: ["core", "report", "workbook", "excel", "xlsx", "commands", "taskpane"],
  cli: ["core", "report", "workbook", "xlsx", "cli"],
};

/** The relative imports of a source file (type-only ones too: a cycle of types is still a cycle to read). */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\b[^;]*?from\s+"(\.[^"]+)"/gm)) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]));
    const candidates = [`${target}.ts`, `${target}/index.ts`];
    const hit = candidates.find((c) => statSync(path.join(root, c), { throwIfNoEntry: false })?.isFile());
    if (hit) out.push(hit);
  }
  return out;
}

/** Every import cycle among the files (each reported once, from its smallest file name). */
function cycles(all: string[]): string[][] {
  const graph = new Map(all.map((f) => [f, importsOf(f)]));
  const found = new Map<string, string[]>();
  const visit = (start: string, at: string, trail: string[]) => {
    for (const next of graph.get(at) ?? []) {
      if (next === start) {
        const cycle = [...trail];
        const first = cycle.indexOf([...cycle].sort()[0]);
        const canonical = [...cycle.slice(first), ...cycle.slice(0, first)];
        found.set(canonical.join(" → "), canonical);
      } else if (!trail.includes(next) && next > start) visit(start, next, [...trail, next]);
    }
  };
  for (const f of all) visit(f, f, [f]);
  return [...found.values()];
}

describe("house rules", () => {
  const src = files("src", /\.ts$/);

  test("src has no import cycles (a module and what it imports can be read in order)", () => {
    expect(cycles(src.filter((f) => f.startsWith("src/")))).toEqual([]);
  });

  test.each(src)("%s imports only from the layers below it", (file) => {
    const layer = file.split("/")[1];
    const allowed = LAYERS[layer];
    expect(allowed).toBeDefined();
    const text = readFileSync(path.join(root, file), "utf8");
    for (const m of text.matchAll(/from "(\.[^"]+)"/g)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]));
      const targetLayer = target.split("/")[1];
      expect({ file, import: m[1], ok: allowed.includes(targetLayer) }).toEqual({ file, import: m[1], ok: true });
    }
  });

  test("core has no sheet layout and no I/O", () => {
    for (const file of src.filter((f) => f.startsWith("src/core/"))) {
      const text = readFileSync(path.join(root, file), "utf8");
      expect({ file, io: /from "(fs|path|child_process|exceljs)"|Excel\.|Office\./.test(text) }).toEqual({ file, io: false });
    }
  });

  test("no file in src over 400 lines without a reason at its top", () => {
    const long = src
      .map((f) => ({ f, text: readFileSync(path.join(root, f), "utf8") }))
      .filter(({ text }) => text.split("\n").length > 400)
      .filter(({ text }) => !/Longer than 400 lines on purpose/.test(text.slice(0, 1500)))
      .map(({ f }) => f);
    expect(long).toEqual([]);
  });

  test(`no line wider than ${WIDTH} outside data files`, () => {
    const all = [...src, ...files("test", /\.ts$/), ...files("scripts", /\.(ts|js)$/)].filter((f) => !DATA_FILES.has(f));
    const wide = all.flatMap((f) =>
      readFileSync(path.join(root, f), "utf8")
        .split("\n")
        .map((line, i) => ({ where: `${f}:${i + 1}`, width: [...line].length }))
        .filter((l) => l.width > WIDTH),
    );
    expect(wide).toEqual([]);
  });

  test("README, docs and src point nowhere outside the repository", () => {
    const texts = ["README.md", ...files("docs", /\.md$/), ...src];
    const outside = texts.filter((f) => /\.\.\/shared\/|shared\/(WORKBOOK|DOMAIN)/.test(readFileSync(path.join(root, f), "utf8")));
    expect(outside).toEqual([]);
  });
});
