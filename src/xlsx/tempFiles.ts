/**
 * The temporary files `saveXlsx` writes beside its output (`.<name>.<pid>.tmp`, renamed when complete): one
 * left by a run that was killed is removed by the next run that saves beside it.
 */
import { promises as fs } from "fs";
import path from "path";

/** Temporary files of earlier runs beside `file` whose process is gone (a run that was killed): removed. */
export async function removeStaleTemps(file: string): Promise<number> {
  const dir = path.dirname(path.resolve(file));
  const prefix = `.${path.basename(file)}.`;
  let removed = 0;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  for (const n of names) {
    if (!n.startsWith(prefix) || !n.endsWith(".tmp")) continue;
    const pid = Number(n.slice(prefix.length, -4));
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || alive(pid)) continue;
    await fs.rm(path.join(dir, n), { force: true });
    removed++;
  }
  return removed;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
