/**
 * The hostile corpus (test/hostile/corpus.ts) through the command line: each case in a child process under a
 * time and a memory bound enforced from outside (test/helpers/bounded.ts). Each must end with its message and
 * exit status (never a hang, a crash, or "Oväntat fel", exit 4); the input is the same before and after (its
 * SHA-256), and a refused run writes no output. A case that succeeds writes a workbook that `verifiera` accepts.
 */
import { createHash } from "crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "fs";
import os from "os";
import path from "path";
import { runBounded } from "./helpers/bounded";
import { HOSTILE } from "./hostile/corpus";

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** The regular files a case gave as inputs (not devices), with their hashes. */
function inputsOf(args: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of args.slice(1)) if (existsSync(a) && statSync(a).isFile() && !a.endsWith("ut.xlsx")) out.set(a, sha(a));
  return out;
}

describe("the hostile corpus: every case ends with its message, within its bounds, and changes no input", () => {
  test.each(HOSTILE.map((c) => [c.name, c] as const))(
    "%s",
    async (_name, c) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "finsam-hostile-"));
      const args = await c.make(dir);
      const before = inputsOf(args);
      const bounds = { ms: c.ms ?? 20_000, mb: c.mb ?? 400 };
      const runs = await Promise.all((c.twice ? [1, 2] : [1]).map(() => runBounded(args, bounds)));
      for (const r of runs) {
        if (process.env.HOSTILE_COSTS) console.log(`${c.name}: ${r.ms} ms, ${r.peakMb} MB`);
        expect({ killed: r.killed, signal: r.signal }).toEqual({ killed: null, signal: null });
        expect(r.ms).toBeLessThan(bounds.ms);
        expect(r.peakMb).toBeLessThan(bounds.mb);
        expect(r.stderr).not.toContain("Oväntat fel");
        expect([r.status, r.stderr]).toEqual([c.status, expect.any(String)]);
        if (c.status !== 0) expect(r.stderr).toContain(c.words);
      }
      for (const [file, hash] of before) expect([file, sha(file)]).toEqual([file, hash]);
      const out = path.join(dir, "ut.xlsx");
      if (c.status !== 0) expect(existsSync(out)).toBe(false);
      else {
        const v = await runBounded(["verifiera", out], { ms: 30_000, mb: 1_000 });
        expect(v.stderr).toContain(c.words);
        c.check?.(dir);
      }
      // No temporary file is left beside the output.
      expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    },
    120_000,
  );
});
