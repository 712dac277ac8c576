/**
 * The parameter types of every member the host answers, from the Office.js reference (`@types/office-js`).
 * Microsoft's library sends arguments as they are given (it checks few of them); Excel refuses a wrong type with
 * `InvalidArgument`, and so does the host. A member missing here is a gap of the host, not a lenient answer: the
 * host fails the test that reached it (see README.md).
 *
 * Keys: the object's type (our proxy's class without "Proxy", or, for the plain objects some proxies hand out,
 * the property that led to them) and the member's name as the library sends it.
 */
import { RangeProxy } from "../officeMock/range";

/**
 * `string`, `number`, `boolean`, `object` (a plain object), `cells` (a 2-D array of strings, numbers, booleans or
 * null), `range` (a Range or an address), `Range` (a Range only), `any`; a trailing `?` makes it optional.
 */
export type ParamType = "string" | "number" | "boolean" | "object" | "cells" | "range" | "Range" | "any";
type Param = ParamType | `${ParamType}?`;

export const SIGNATURES: Record<string, Param[]> = {
  // Workbook and its collections
  "WorksheetCollection.GetItem": ["string"],
  "WorksheetCollection.GetItemOrNullObject": ["string"],
  "WorksheetCollection.GetItemAt": ["number"],
  "WorksheetCollection.GetActiveWorksheet": [],
  "WorksheetCollection.Add": ["string?"],
  "TableCollection.GetItem": ["string"],
  "TableCollection.GetItemOrNullObject": ["string"],
  "TableCollection.GetItemAt": ["number"],
  "TableCollection.Add": ["range", "boolean"],
  "NamedItemCollection.GetItemAt": ["number"],
  "ChartCollection.GetItem": ["string"],
  "ChartCollection.GetItemAt": ["number"],
  "ChartCollection.Add": ["string", "Range", "string?"],
  "Functions.Date": ["any", "any", "any"],
  "Application.Calculate": ["string"],
  "Application.SuspendApiCalculationUntilNextSync": [],
  "Application.CalculationMode": ["string"],
  // What the library's Excel.createWorkbook (ExcelApi 1.8) queues; the public function takes `base64File?: string`.
  "Application.CreateWorkbook": ["string?"],
  "WorkbookCreated.Open": [],
  // Worksheet
  "Worksheet.GetRange": ["string?"],
  "Worksheet.GetUsedRangeOrNullObject": ["boolean?"],
  "Worksheet.Activate": [],
  "Worksheet.Delete": [],
  "Worksheet.Calculate": ["boolean"],
  "Worksheet.Name": ["string"],
  "Worksheet.Visibility": ["string"],
  "Worksheet.TabColor": ["string"],
  "Worksheet.ShowGridlines": ["boolean"],
  "Protection.Protect": ["object?", "string?"],
  "Protection.Unprotect": ["string?"],
  "FreezePanes.FreezeRows": ["number?"],
  "FreezePanes.Unfreeze": [],
  "PageBreaks.Add": ["range"],
  "PageBreaks.RemovePageBreaks": [],
  "PageLayout.SetPrintArea": ["range"],
  "PageLayout.SetPrintTitleRows": ["range"],
  "PageLayout.SetPrintTitleColumns": ["range"],
  "PageLayout.Orientation": ["string"],
  "PageLayout.PaperSize": ["string"],
  "PageLayout.Zoom": ["object"],
  "PageLayout.TopMargin": ["number"],
  "PageLayout.BottomMargin": ["number"],
  "PageLayout.LeftMargin": ["number"],
  "PageLayout.RightMargin": ["number"],
  "PageLayout.HeaderMargin": ["number"],
  "PageLayout.FooterMargin": ["number"],
  "PageLayout.CenterHorizontally": ["boolean"],
  "DefaultForAllPages.CenterHeader": ["string"],
  "DefaultForAllPages.CenterFooter": ["string"],
  "DefaultForAllPages.LeftFooter": ["string"],
  "DefaultForAllPages.RightFooter": ["string"],
  // Range
  "Range.Values": ["cells"],
  "Range.Formulas": ["cells"],
  "Range.NumberFormat": ["cells"],
  "Range.Clear": ["string?"],
  "Range.GetRowProperties": ["object"],
  "Range.Merge": ["boolean?"],
  "Range.Select": [],
  "Range.GetRow": ["number"],
  "Range.GetBoundingRect": ["range"],
  "Range._ValidateArraySize": ["number", "number"],
  "ConditionalFormats.Add": ["string"],
  "CellValue.Rule": ["object"],
  "Font.Color": ["string"],
  "Fill.Color": ["string"],
  "RangeFormat.ColumnWidth": ["number"],
  "RangeFormat.RowHeight": ["number"],
  "RangeFormat.UseStandardHeight": ["boolean"],
  "RangeFormat.HorizontalAlignment": ["string"],
  "RangeFormat.VerticalAlignment": ["string"],
  "RangeFormat.IndentLevel": ["number"],
  "RangeFormat.WrapText": ["boolean"],
  "RangeFont.Bold": ["boolean"],
  "RangeFont.Italic": ["boolean"],
  "RangeFont.Color": ["string"],
  "RangeFont.Size": ["number"],
  "RangeFill.Color": ["string"],
  "FormatProtection.Locked": ["boolean"],
  // Table
  "Table.GetRange": [],
  "Table.GetHeaderRowRange": [],
  "Table.Delete": [],
  "Table.Resize": ["range"],
  "Table.Name": ["string"],
  "Table.Style": ["string"],
  "Table.ShowTotals": ["boolean"],
  "Table.ShowHeaders": ["boolean"],
  "Rows.Add": ["number?", "cells?", "boolean?"],
  // Chart
  "Chart.Name": ["string"],
  "Chart.Delete": [],
  "Chart.SetPosition": ["range", "range?"],
  "Title.Text": ["string"],
  "Series.Add": ["string?", "number?"],
  "Series.GetItemAt": ["number"],
  "Series.SetValues": ["Range"],
  "Series.SetXAxisValues": ["Range"],
};

const isCell = (v: unknown) => v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/** Whether `value` is of `type` (Excel's reading of a JSON argument). */
export function fits(value: unknown, param: Param): boolean {
  const optional = param.endsWith("?");
  const type = (optional ? param.slice(0, -1) : param) as ParamType;
  if (value === undefined || value === null) return optional || type === "any";
  switch (type) {
    case "string":
    case "number":
    case "boolean":
      return typeof value === type && (type !== "number" || Number.isFinite(value));
    case "object":
      return typeof value === "object" && !Array.isArray(value) && !(value instanceof RangeProxy);
    case "cells":
      return Array.isArray(value) && value.every((row) => Array.isArray(row) && row.every(isCell));
    case "range":
      return typeof value === "string" || value instanceof RangeProxy;
    case "Range":
      return value instanceof RangeProxy;
    case "any":
      return true;
  }
}
