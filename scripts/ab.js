/**
 * A/B of two builds of the command line, interleaved so that a shared machine's noise hits both alike (BENCHMARKS.md):
 *   git worktree add ../ab <rev> && ln -s "$PWD/node_modules" ../ab/ && (cd ../ab && npx tsc -p tsconfig.cli.json)
 *   npm run build:cli && node --max-semi-space-size=64 scripts/ab.js ../ab/dist dist [rows] [rounds]
 * Prints the medians of the input reader (readInputs) and compute() in process on one grid, and of `finsam recalc` as a
 * process, for the old and the new build; and the reader's extra time as a share of the old recalc.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const [OLD, NEW] = [path.resolve(process.argv[2]), path.resolve(process.argv[3] || "dist")];
const rows = Number(process.argv[4] || 100000);
const rounds = Number(process.argv[5] || 9);
async function main() {
  // The file from the old build's example: the new reader reads what the old one wrote (columns added since are
  // optional), not always the other way round (Insatser's Typ, Budget's verksamhet rows).
  const { exampleSheets, EXAMPLE_DEFAULTS } = require(OLD + "/report/example");
  const { XlsxPort } = require(NEW + "/xlsx/xlsxPort");
  const file = path.join(os.tmpdir(), `finsam-ab-${path.basename(path.dirname(OLD))}-${rows}.xlsx`);
  if (!fs.existsSync(file)) {
    const port = XlsxPort.empty();
    await port.writeSheets(exampleSheets({ ...EXAMPLE_DEFAULTS, ledgerRows: rows }));
    fs.writeFileSync(file, port.toBuffer());
  }
  // In process: read the grid once, then time each version's readInputs + compute on it.
  const grid = await XlsxPort.fromBuffer(fs.readFileSync(file)).readGrid();
  const impl = (dir) => ({ read: require(dir + "/workbook/read").readInputs, compute: require(dir + "/core/compute") });
  const v = { old: impl(OLD), new: impl(NEW) };
  const outputs = new Set(v.new.compute.OUTPUTS);
  const t = { old: { read: [], compute: [] }, new: { read: [], compute: [] } };
  for (let i = 0; i < rounds; i++) {
    for (const k of i % 2 ? ["old", "new"] : ["new", "old"]) {
      const a = process.hrtime.bigint();
      const r = v[k].read(grid, outputs);
      const b = process.hrtime.bigint();
      v[k].compute.compute(r.inputs, { outputs });
      const c = process.hrtime.bigint();
      if (!r.inputs) throw new Error(k + ": " + JSON.stringify(r.errors.slice(0, 2)));
      t[k].read.push(Number(b - a) / 1e6);
      t[k].compute.push(Number(c - b) / 1e6);
    }
  }
  // Whole recalc as a process, interleaved.
  const cli = { old: OLD + "/cli/main.js", new: NEW + "/cli/main.js" };
  const wall = { old: [], new: [] };
  for (let i = 0; i < rounds; i++) {
    for (const k of i % 2 ? ["old", "new"] : ["new", "old"]) {
      const out = path.join(os.tmpdir(), `finsam-ab-out-${k}.xlsx`);
      fs.rmSync(out, { force: true });
      const a = Date.now();
      const replace = k === "new" ? ["--ersatt"] : [];
      const r = spawnSync(process.execPath, [cli[k], "recalc", file, "-o", out, ...replace], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(k + " recalc: " + r.stderr);
      wall[k].push((Date.now() - a) / 1000);
    }
  }
  const med = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const out = {
    rows,
    rounds,
    readMs: { old: med(t.old.read), new: med(t.new.read) },
    computeMs: { old: med(t.old.compute), new: med(t.new.compute) },
    recalcS: { old: med(wall.old), new: med(wall.new) },
  };
  out.readExtraPctOfRecalc = ((out.readMs.new - out.readMs.old) / (out.recalcS.old * 1000)) * 100;
  console.log(JSON.stringify(out, null, 1));
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
