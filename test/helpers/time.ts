/**
 * Timeouts that follow the machine's speed (issue 35): jest.config.js measures a fixed piece of work before the run
 * (the median of seven) against what it takes on a quiet 2-core machine, and passes the ratio to the workers as
 * FINSAM_TIME_FACTOR (at least 1, at most 8). A test's own timeout is `slow(ms)`: the quiet machine's budget scaled.
 */
export const TIME_FACTOR = Math.min(8, Math.max(1, Number(process.env.FINSAM_TIME_FACTOR ?? "1") || 1));

/** A timeout in milliseconds, scaled to this machine's measured speed. */
export function slow(ms: number): number {
  return Math.round(ms * TIME_FACTOR);
}
