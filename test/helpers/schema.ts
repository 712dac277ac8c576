/**
 * Validates XML parts of an .xlsx against the ISO/IEC 29500-4 transitional schemas and the ECMA-376
 * packaging schemas in ../shared/ooxml-xsd (test data, read from there, never copied into the
 * repository) with xmllint (Debian libxml2-utils). Markup compatibility is applied first: ignorable
 * namespaces are dropped and mc:AlternateContent is replaced by its fallback, as a consumer does.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { describeWith } from "./requires";
import { Package } from "../../src/xlsx/package";
import { inflateEntry, readZip } from "../../src/xlsx/zip";
import { sharedDir } from "./shared";

export const XSD_DIR = sharedDir("ooxml-xsd", process.env.FINSAM_XSD_DIR);
const ISO = path.join(XSD_DIR, "ISO-IEC29500-4_2016");
const OPC = path.join(XSD_DIR, "ecma/fouth-edition");

export function xmllintPath(): string | null {
  const r = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  return r.status === 0 ? "xmllint" : null;
}

/** A describe that fails (in CI) or skips (elsewhere) when xmllint or the schemas are missing. */
export function describeWithSchemas(name: string, fn: () => void): void {
  if (!xmllintPath()) return describeWith(name, { present: false, what: "xmllint", how: "apt-get install libxml2-utils" }, fn);
  describeWith(
    name,
    {
      present: existsSync(ISO),
      what: `the OOXML schemas (${XSD_DIR})`,
      how: "put the requirements folder shared/ beside the repository, or set FINSAM_XSD_DIR",
    },
    fn,
  );
}

/** The schema for a part, by its root element's namespace (null: not an Office Open XML part we validate). */
function schemaOf(xml: string): string | null {
  const root = /<([\w.-]+:)?([\w.-]+)\b[^>]*>/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ""));
  if (!root) return null;
  const ns = (prefix: string | undefined) =>
    new RegExp(`xmlns${prefix ? ":" + prefix.slice(0, -1) : ""}\\s*=\\s*"([^"]*)"`).exec(root[0])?.[1] ?? "";
  const uri = ns(root[1]);
  const table: Record<string, string> = {
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main": path.join(ISO, "sml.xsd"),
    "http://schemas.openxmlformats.org/package/2006/content-types": path.join(OPC, "opc-contentTypes.xsd"),
    "http://schemas.openxmlformats.org/package/2006/relationships": path.join(OPC, "opc-relationships.xsd"),
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": path.join(OPC, "opc-coreProperties.xsd"),
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": path.join(ISO, "shared-documentPropertiesExtended.xsd"),
    "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing": path.join(ISO, "dml-spreadsheetDrawing.xsd"),
    "http://schemas.openxmlformats.org/drawingml/2006/chart": path.join(ISO, "dml-chart.xsd"),
  };
  return table[uri] ?? null;
}

/** Markup compatibility as a consumer applies it: ignorable namespaces dropped, AlternateContent → Fallback. */
export function applyMarkupCompatibility(xml: string): string {
  const ignorable = /\bmc:Ignorable\s*=\s*"([^"]*)"/.exec(xml)?.[1].split(/\s+/).filter(Boolean) ?? [];
  let out = xml.replace(/<mc:AlternateContent\b[\s\S]*?<\/mc:AlternateContent>/g, (block) => {
    const fallback = /<mc:Fallback\b[^>]*>([\s\S]*?)<\/mc:Fallback>/.exec(block);
    return fallback ? fallback[1] : "";
  });
  for (const p of ignorable) {
    // Elements of the ignorable namespace (nested ones go with their parent), then its attributes and declaration.
    out = out.replace(new RegExp(`<${p}:([\\w.-]+)\\b[^>]*?/>`, "g"), "");
    let before;
    do {
      before = out;
      out = out.replace(new RegExp(`<${p}:([\\w.-]+)\\b[^>]*>(?:(?!<${p}:\\1\\b)[\\s\\S])*?</${p}:\\1>`, "g"), "");
    } while (out !== before);
    out = out.replace(new RegExp(`\\s${p}:[\\w.-]+\\s*=\\s*"[^"]*"`, "g"), "");
    out = out.replace(new RegExp(`\\sxmlns:${p}\\s*=\\s*"[^"]*"`, "g"), "");
  }
  out = out.replace(/\smc:Ignorable\s*=\s*"[^"]*"/g, "");
  // Excel writes xml:space on <t>; the schema's CT_Rst does not declare it (../shared/ooxml-xsd/README.md).
  out = out.replace(/<t xml:space="preserve">/g, "<t>");
  return out;
}

export interface SchemaResult {
  /** Parts validated, by schema file name. */
  validated: string[];
  /** xmllint's complaints, one per line, naming the part. */
  errors: string[];
}

/** Validates the named parts (all XML parts when `only` is absent). */
export function validateParts(buf: Buffer, only?: (part: string) => boolean): SchemaResult {
  const pkg = new Package(readZip(buf));
  const dir = mkdtempSync(path.join(os.tmpdir(), "finsam-xsd-"));
  const bySchema = new Map<string, Array<{ part: string; file: string }>>();
  const validated: string[] = [];
  pkg.entries.forEach((e, i) => {
    if (!/\.(xml|rels)$/.test(e.name) || (only && !only(e.name))) return;
    const text = inflateEntry(e)
      .toString("utf8")
      .replace(/^\ufeff/, "");
    const schema = schemaOf(text);
    if (!schema) return;
    const file = path.join(dir, `${i}.xml`);
    writeFileSync(file, applyMarkupCompatibility(text));
    if (!bySchema.has(schema)) bySchema.set(schema, []);
    bySchema.get(schema)!.push({ part: e.name, file });
    validated.push(e.name);
  });
  const errors: string[] = [];
  for (const [schema, files] of bySchema) {
    const r = spawnSync("xmllint", ["--noout", "--nonet", "--schema", schema, ...files.map((f) => f.file)], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    for (const line of (r.stderr ?? "").split("\n")) {
      if (!line.trim() || / validates$/.test(line)) continue;
      const named = files.reduce((l, f) => l.split(f.file).join(f.part), line);
      errors.push(named);
    }
    if (r.status !== 0 && errors.length === 0) errors.push(`xmllint exited with ${r.status} for ${path.basename(schema)}`);
  }
  return { validated, errors };
}

/** The parts of `output` that are new or differ from `input`. */
export function writtenParts(input: Buffer, output: Buffer): Set<string> {
  const before = new Map(readZip(input).map((e) => [e.name, e.crc]));
  return new Set(
    readZip(output)
      .filter((e) => before.get(e.name) !== e.crc)
      .map((e) => e.name),
  );
}
