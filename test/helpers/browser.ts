/** Debian's Chromium through playwright-core, and a static file server for the built pane. */
import { existsSync, readFileSync } from "fs";
import http from "http";
import path from "path";
import { describeWith } from "./requires";
import type { Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p)) ?? "";

/** A describe that fails (in CI) or skips (elsewhere) when Chromium is missing. */
export function describeWithChromium(name: string, fn: () => void): void {
  describeWith(name, { present: !!CHROMIUM, what: "Chromium", how: "apt-get install chromium" }, fn);
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** Serves files from the given directories (first match wins). */
export function serve(dirs: string[]): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "");
    for (const d of dirs) {
      const file = path.join(d, rel);
      if (file.startsWith(d) && existsSync(file) && !file.endsWith(path.sep)) {
        res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
        res.end(readFileSync(file));
        return;
      }
    }
    res.writeHead(404);
    res.end();
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}
