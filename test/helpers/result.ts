/** Test helpers for results: the value of a success, or a failure that fails the test. */
import type { Result } from "../../src/core/units";

export function ok<T, E>(r: Result<T, E>): T {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.error)}`);
  return r.value;
}
