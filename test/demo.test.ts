/**
 * `npm run demo`, the README's first command, as a new user runs it in a fresh clone: the bundled example
 * (examples/exempel.xlsx, in git) is already there, and the demo makes it again, recalculates and verifies.
 * The example is made the same way each time, so the file in git is the current template's (a changed template
 * without a regenerated example fails here).
 */
import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import path from "path";

const ROOT = path.resolve(__dirname, "..");

test("npm run demo over the bundled example: exit 0, verified, and the example in git is what the demo makes", () => {
  const example = path.join(ROOT, "examples", "exempel.xlsx");
  const before = readFileSync(example);
  const r = spawnSync(process.execPath, [path.join(ROOT, "dist/cli/demo.js")], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, LANG: "sv_SE.UTF-8" },
  });
  expect([r.status, r.stderr.split("\n").filter((l) => l.startsWith("Verifierad"))]).toEqual([
    0,
    ["Verifierad: de lagrade resultaten stämmer med en ny beräkning från indata."],
  ]);
  expect(readFileSync(example).equals(before)).toBe(true);
});
