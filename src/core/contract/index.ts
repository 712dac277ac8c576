/** The workbook contract declared once: the input tables (tables.ts) and the settings (settings.ts). */
export * from "./tables";
export * from "./settings";
