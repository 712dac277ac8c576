/**
 * Part names in a package (relationship targets resolved and made relative) are worked out without Node's path
 * module, so that the task pane can build a workbook too; they must agree with path.posix, which the package code
 * used before, for every name a package can have.
 */
import path from "path";
import fc from "fast-check";
import { relativeTarget, relsPartOf, resolveTarget } from "../src/xlsx/package";

const segment = fc.constantFrom("xl", "worksheets", "_rels", "docProps", "theme", "sheet1.xml", "table2.xml", "a b.xml", "ä.xml");
const partName = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join("/"));
const target = fc.array(fc.oneof(segment, fc.constant(".."), fc.constant(".")), { minLength: 1, maxLength: 5 }).map((s) => s.join("/"));

describe("part names without Node's path module", () => {
  test("resolveTarget agrees with path.posix for relative and absolute targets", () => {
    fc.assert(
      fc.property(partName, target, fc.boolean(), (source, t, absolute) => {
        const dir = path.posix.dirname(source);
        const expected = absolute ? path.posix.normalize(t) : path.posix.normalize(path.posix.join(dir === "." ? "" : dir, t));
        expect(resolveTarget(source, absolute ? `/${t}` : t)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  test("relativeTarget agrees with path.posix.relative, and resolves back to the target", () => {
    fc.assert(
      fc.property(partName, partName, (source, t) => {
        const dir = path.posix.dirname(source);
        expect(relativeTarget(source, t)).toBe(path.posix.relative(dir === "." ? "" : dir, t));
        if (t !== path.posix.dirname(source)) expect(resolveTarget(source, relativeTarget(source, t))).toBe(t);
      }),
      { numRuns: 2000 },
    );
  });

  test("relsPartOf", () => {
    expect(relsPartOf("")).toBe("_rels/.rels");
    expect(relsPartOf("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
    expect(relsPartOf("xl/worksheets/sheet1.xml")).toBe("xl/worksheets/_rels/sheet1.xml.rels");
    expect(relsPartOf("workbook.xml")).toBe("_rels/workbook.xml.rels");
  });
});
