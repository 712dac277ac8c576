/**
 * `npm run test:load` (scripts/under-load.js) never leaves a busy loop spinning: stopped with SIGTERM it ends its loops
 * and its jest and exits 143; killed outright (SIGKILL), its loops notice that their parent is gone and end by
 * themselves. The inner jest runs one test that waits, from a temporary folder, so that there is time to stop it.
 */
import { ChildProcess, execFileSync, spawn } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { slow } from "./helpers/time";

const script = path.join(__dirname, "..", "scripts", "under-load.js");
const dir = mkdtempSync(path.join(os.tmpdir(), "finsam-load-"));
writeFileSync(path.join(dir, "waits.test.js"), `test("waits", () => new Promise((r) => setTimeout(r, 60000)), 90000);\n`);
const jestArgs = ["--rootDir", dir, "--config", JSON.stringify({ testMatch: ["**/waits.test.js"], transform: {} })];

/** Running processes by pid (an ended one not yet reaped, a zombie, is not running): parent pid and command line. */
function processes(): Map<number, { ppid: number; args: string }> {
  const out = execFileSync("ps", ["-eo", "pid=,ppid=,stat=,args="], { encoding: "utf8" });
  const map = new Map<number, { ppid: number; args: string }>();
  for (const line of out.split("\n")) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line);
    if (m && !m[3].startsWith("Z")) map.set(Number(m[1]), { ppid: Number(m[2]), args: m[4] });
  }
  return map;
}

const isLoop = (args: string) => args.includes("process.ppid !== parent");
const isOurJest = (args: string) => args.includes("jest") && args.includes(dir);

/** Waits until `done()` holds, checking every 100 ms, for at most `ms`. */
async function until(done: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (done()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return done();
}

/** Starts under-load.js with two loops; resolves when both loops and the inner jest are running. */
async function start(): Promise<{ child: ChildProcess; loops: number[]; jest: number[] }> {
  const child = spawn(process.execPath, [script, ...jestArgs], { env: { ...process.env, FINSAM_LOAD_HOGS: "2" }, stdio: "ignore" });
  let loops: number[] = [];
  let jest: number[] = [];
  const up = await until(() => {
    const ps = processes();
    loops = [...ps].filter(([, p]) => p.ppid === child.pid && isLoop(p.args)).map(([pid]) => pid);
    jest = [...ps].filter(([, p]) => p.ppid === child.pid && isOurJest(p.args)).map(([pid]) => pid);
    for (const pid of [...loops, ...jest]) started.add(pid);
    return loops.length === 2 && jest.length === 1;
  }, slow(20000));
  expect(up).toBe(true);
  return { child, loops, jest };
}

/** The loops and jest processes this file started (not those of an `npm run test:load` running this file). */
const started = new Set<number>();

/** Whatever this file started is ended, whether the test passed or not. */
function endAll(): void {
  for (const [pid, p] of processes()) if ((started.has(pid) && isLoop(p.args)) || isOurJest(p.args)) process.kill(pid, "SIGKILL");
}

afterAll(() => {
  endAll();
  rmSync(dir, { recursive: true, force: true });
});

test(
  "stopped with SIGTERM, it ends its busy loops and its jest, and exits 128 + 15",
  async () => {
    try {
      const { child, loops, jest } = await start();
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      expect(await exited).toBe(143);
      // The script has ended: what it ended must be gone at once (a moment for the kernel to reap it).
      const alive = (pids: number[]) => pids.filter((pid) => processes().has(pid));
      await until(() => alive([...loops, ...jest]).length === 0, 1000);
      expect(alive(loops)).toEqual([]);
      expect(alive(jest)).toEqual([]);
    } finally {
      endAll();
    }
  },
  slow(60000),
);

test(
  "killed outright, its busy loops end by themselves within seconds",
  async () => {
    try {
      const { child, loops } = await start();
      const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
      child.kill("SIGKILL");
      await exited;
      // Nobody ends them now: they must notice that their parent is gone (a check every few milliseconds).
      const gone = await until(() => {
        const ps = processes();
        return loops.every((pid) => !ps.has(pid) || !isLoop(ps.get(pid)!.args));
      }, slow(5000));
      expect(gone).toBe(true);
    } finally {
      endAll();
    }
  },
  slow(60000),
);
