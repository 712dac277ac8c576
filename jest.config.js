/**
 * Timeouts follow the machine (issue 35): a fixed piece of work is timed before the run (median of seven) against its
 * time on a quiet 2-core machine (80 ms); the ratio (1 to 8) scales the default timeout here and, through
 * FINSAM_TIME_FACTOR, every test's own timeout (test/helpers/time.ts). A busy machine gets longer timeouts; a fast one
 * never shorter than the quiet machine's. FINSAM_TIME_FACTOR set by hand wins.
 */
function timeFactor() {
  if (process.env.FINSAM_TIME_FACTOR) return Number(process.env.FINSAM_TIME_FACTOR);
  const samples = [];
  for (let n = 0; n < 7; n++) {
    const t = process.hrtime.bigint();
    let x = 0;
    for (let i = 0; i < 3e7; i++) x += Math.sqrt(i) * 1.0000001;
    if (x < 0) throw new Error("unreachable");
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return Math.min(8, Math.max(1, samples[3] / 80));
}

const factor = timeFactor();
if (!process.env.FINSAM_TIME_FACTOR && factor > 1.05)
  console.error(`Timeouts × ${factor.toFixed(2)}: this machine is slower than the quiet one now.`);
process.env.FINSAM_TIME_FACTOR = factor.toFixed(2);

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { isolatedModules: true, tsconfig: "tsconfig.json" }],
  },
  testTimeout: Math.round(120000 * factor),
};
