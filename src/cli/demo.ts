/** `npm run demo`: builds the example workbook, recalculates it and prints a short summary. */
import { mkdirSync } from "fs";
import path from "path";
import { main } from "./main";

async function demo(): Promise<number> {
  const dir = path.join(__dirname, "..", "..", "examples");
  mkdirSync(dir, { recursive: true });
  const input = path.join(dir, "exempel.xlsx");
  const output = path.join(dir, "exempel.beraknad.xlsx");
  // The bundled example is the demo's own file: made again each time.
  let code = await main(["exempel", input, "--ersatt"]);
  if (code !== 0) return code;
  code = await main(["recalc", input, "-o", output, "--ersatt"]);
  if (code !== 0) return code;
  return main(["verifiera", output]);
}

demo().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(4);
  },
);
