import { openXlsx } from "../src/xlsx/xlsxFile";
import { computeFromGrid } from "../src/workbook/usecases";
import { renderSheet } from "../src/report/render";
(async () => {
  const port = await openXlsx(process.argv[2]);
  const o = computeFromGrid(await port.readGrid(), {
    outputs: new Set(["medlemsandelar", "tertial", "eget-kapital"]),
    version: "x",
    now: () => "T",
  });
  if (!o.ok) {
    console.log(o.errors);
    return;
  }
  for (const s of o.sheets!) console.log(renderSheet(s));
})();
