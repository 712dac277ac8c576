/* eslint-disable no-undef */
/**
 * `npm stop`: ends what `npm start` began. On Windows and macOS office-addin-debugging removes the sideloaded
 * add-in and stops the dev server; elsewhere the dev server that scripts/start.js began (its pid file) is ended.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
if (process.platform === "win32" || process.platform === "darwin") {
  const r = spawnSync(npx, ["office-addin-debugging", "stop", path.join(root, "manifest.xml"), "desktop"], { cwd: root, stdio: "inherit" });
  process.exit(r.status ?? 1);
}
const pidFile = path.join(root, "dist", ".dev-server.pid");
try {
  process.kill(Number(fs.readFileSync(pidFile, "utf8")), "SIGTERM");
  console.log("Stopped the dev server that npm start began.");
} catch {
  console.log("No dev server started by npm start is running.");
}
fs.rmSync(pidFile, { force: true });
