/* eslint-disable no-undef */
/**
 * `npm run test:load [-- jest arguments]`: the test suite on a busy machine (issue 35). Starts CPU-bound busy loops
 * beside jest (two by default, `FINSAM_LOAD_HOGS=n` for another number), runs jest with CI=true (so nothing is skipped),
 * stops the loops, and then looks for programs the run started and left behind (Chromium, LibreOffice, Python,
 * webpack, ssconvert). Exits with jest's status, or 1 when something was left running. Timeouts follow the machine:
 * jest.config.js measures its speed first, under the same load. Stopped itself (Ctrl-C, SIGTERM, SIGHUP), it ends the
 * loops and jest first and exits 128 + the signal's number; a loop whose parent is gone (killed with SIGKILL) ends by
 * itself within a fraction of a second, so no busy loop outlives the run.
 *
 *   npm run build:cli && npm run build:pane && npm run test:load -- test/taskpane.browser.test.ts test/print.test.ts
 */
const { execFileSync, spawn } = require("child_process");
const os = require("os");

const WATCHED = /chrom|soffice|oosplash|python3|webpack|ssconvert/i;

/** The processes now whose command matches WATCHED, by pid. */
function watched() {
  const out = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  const map = new Map();
  for (const line of out.split("\n")) {
    const m = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (m && WATCHED.test(m[2]) && Number(m[1]) !== process.pid) map.set(Number(m[1]), m[2]);
  }
  return map;
}

/**
 * A busy loop: CPU-bound, and it looks at its parent every few million turns (a few milliseconds). When its parent is
 * no longer this script (the process id it was given), it ends: `npm run test:load` killed outright leaves nothing
 * spinning, even when killed before the loop has started.
 */
const BUSY_LOOP =
  "const parent = Number(process.argv[1]); for (let i = 1; ; i++) if ((i & 0x3fffff) === 0 && process.ppid !== parent) process.exit(0);";

const hogCount = Number(process.env.FINSAM_LOAD_HOGS ?? "2");
const before = watched();
const hogs = Array.from({ length: hogCount }, () => spawn(process.execPath, ["-e", BUSY_LOOP, String(process.pid)], { stdio: "ignore" }));
console.log(`Under load: ${hogCount} busy loops beside jest.`);
const started = Date.now();
const jest = spawn(process.execPath, [require.resolve("jest/bin/jest"), ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, CI: "true" },
});
// Stopped from outside: the loops and jest end with this script, not after it (jest ends what its tests started).
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    for (const h of hogs) h.kill("SIGKILL");
    console.error(`\n${signal}: the busy loops are stopped; waiting for jest to end.`);
    jest.removeAllListeners("close");
    jest.on("close", () => process.exit(128 + os.constants.signals[signal]));
    jest.kill(signal);
  });
}
jest.on("close", (code) => {
  for (const h of hogs) h.kill("SIGKILL");
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  // A moment for programs that are ending anyway, then what is still there and was not before.
  setTimeout(() => {
    const left = [...watched()].filter(([pid]) => !before.has(pid));
    if (left.length > 0) {
      console.error(`Left running after the tests (${seconds} s):`);
      for (const [pid, args] of left) console.error(`  ${pid} ${args.slice(0, 160)}`);
      process.exit(1);
    }
    console.log(`Jest exited ${code} after ${seconds} s under load; nothing it started is left running.`);
    process.exit(code ?? 1);
  }, 3000);
});
