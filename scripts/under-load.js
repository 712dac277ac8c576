/* eslint-disable no-undef */
/**
 * `npm run test:load [-- jest arguments]`: the test suite on a busy machine (issue 35). Starts CPU-bound busy loops
 * beside jest (two by default, `FINSAM_LOAD_HOGS=n` for another number), runs jest with CI=true (so nothing is skipped),
 * stops the loops, and then looks for programs the run started and left behind (Chromium, LibreOffice, Python,
 * webpack, ssconvert). Exits with jest's status, or 1 when something was left running. Timeouts follow the machine:
 * jest.config.js measures its speed first, under the same load.
 *
 *   npm run build:cli && npm run build:pane && npm run test:load -- test/taskpane.browser.test.ts test/print.test.ts
 */
const { execFileSync, spawn } = require("child_process");

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

const hogCount = Number(process.env.FINSAM_LOAD_HOGS ?? "2");
const before = watched();
const hogs = Array.from({ length: hogCount }, () => spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }));
console.log(`Under load: ${hogCount} busy loops beside jest.`);
const started = Date.now();
const jest = spawn(process.execPath, [require.resolve("jest/bin/jest"), ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, CI: "true" },
});
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
