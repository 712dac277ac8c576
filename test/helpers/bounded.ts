/**
 * Runs the command line as a child process under a time and a memory bound enforced from outside: the
 * child's peak resident memory (VmHWM in /proc) is read every few milliseconds, and the child is killed
 * when it passes the memory bound or the time bound. What a crafted input costs is measured, not assumed.
 */
import { spawn } from "child_process";
import { readFileSync } from "fs";
import path from "path";

export const CLI = path.resolve(__dirname, "../../dist/cli/main.js");

export interface Bounded {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** The highest resident memory seen, in MB. */
  peakMb: number;
  /** Why the child was killed, if it was. */
  killed: "time" | "memory" | null;
}

function peakKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // the process has ended
  }
}

export function runBounded(
  args: string[],
  bounds: { ms: number; mb: number },
  env: NodeJS.ProcessEnv = { ...process.env, LANG: "sv_SE.UTF-8" },
): Promise<Bounded> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, ["--max-old-space-size=2048", CLI, ...args], { env });
    let stdout = "";
    let stderr = "";
    let peak = 0;
    let killed: Bounded["killed"] = null;
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const watch = setInterval(() => {
      peak = Math.max(peak, peakKb(child.pid!));
      if (peak > bounds.mb * 1024) killed = "memory";
      else if (Date.now() - t0 > bounds.ms) killed = "time";
      if (killed) child.kill("SIGKILL");
    }, 5);
    child.on("close", (status, signal) => {
      clearInterval(watch);
      resolve({ status, signal, stdout, stderr, ms: Date.now() - t0, peakMb: Math.round(peak / 1024), killed });
    });
  });
}
