/**
 * DrawingML for a sheet's charts: one drawing part placing each chart over its cells, and one chart
 * part per chart (clustered columns or lines, series by column, with cached values so that a program
 * that does not recalculate still draws them). Validated against the ISO/IEC 29500 schemas in tests.
 */
import type { ChartDef, SheetModel } from "../report/sheetModel";
import { columnLetters, FORMATS, quoteSheetName } from "../report/sheetModel";
import { XML_HEAD } from "./styles";
import { escapeAttr, escapeText } from "./xml";

const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/** Series colours: the report's blue and a grey-orange that prints distinguishably in greyscale. */
const COLORS = ["2F5597", "ED7D31", "A5A5A5", "70AD47"];

/** The drawing part: each chart anchored from its top-left cell to just past its bottom-right cell. */
export function drawingXml(charts: readonly ChartDef[]): string {
  const anchors = charts.map((ch, i) => {
    const at = (col: number, row: number) =>
      `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    return (
      '<xdr:twoCellAnchor editAs="oneCell">' +
      `<xdr:from>${at(ch.anchor.left, ch.anchor.top)}</xdr:from>` +
      `<xdr:to>${at(ch.anchor.right + 1, ch.anchor.bottom + 1)}</xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(ch.name)}" ` +
      `title="${escapeAttr(ch.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${C_NS}">` +
      `<c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
    );
  });
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}">${anchors.join("")}</xdr:wsDr>`;
}

const abs = (sheet: string, col: number, first: number, last: number) =>
  `${quoteSheetName(sheet)}!$${columnLetters(col)}$${first + 1}` + (last > first ? `:$${columnLetters(col)}$${last + 1}` : "");

function text(model: SheetModel, row: number, col: number): string {
  const v = model.rows[row]?.[col]?.value;
  return v === null || v === undefined ? "" : String(v);
}

function strCache(values: string[]): string {
  const points = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeText(v)}</c:v></c:pt>`).join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${points}</c:strCache>`;
}

/** A chart part: title, one series per column, categories, axes and a legend below. */
export function chartXml(model: SheetModel, def: ChartDef): string {
  const sheet = model.name;
  const { categories } = def;
  const catValues: string[] = [];
  for (let r = categories.firstRow; r <= categories.lastRow; r++) catValues.push(text(model, r, categories.col));
  const catRef = escapeText(abs(sheet, categories.col, categories.firstRow, categories.lastRow));
  const cat = `<c:cat><c:strRef><c:f>${catRef}</c:f>${strCache(catValues)}</c:strRef></c:cat>`;
  const valueFormat = model.rows[def.series[0]?.firstRow]?.[def.series[0]?.col]?.format ?? FORMATS.kr;
  const axisFormat = valueFormat === FORMATS.tkr ? "#,##0," : "#,##0";
  const line = def.type === "Line";
  const series = def.series.map((s, i) => {
    const points: string[] = [];
    for (let r = s.firstRow; r <= s.lastRow; r++) {
      const v = model.rows[r]?.[s.col]?.value;
      points.push(`<c:pt idx="${r - s.firstRow}"><c:v>${typeof v === "number" && Number.isFinite(v) ? v : 0}</c:v></c:pt>`);
    }
    const color = COLORS[i % COLORS.length];
    const spPr = line
      ? `<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></a:ln></c:spPr>`
      : `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>`;
    return (
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
      `<c:tx><c:strRef><c:f>${escapeText(abs(sheet, s.col, s.nameRow, s.nameRow))}</c:f>` +
      `${strCache([text(model, s.nameRow, s.col)])}</c:strRef></c:tx>` +
      spPr +
      (line ? '<c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>' : '<c:invertIfNegative val="0"/>') +
      cat +
      `<c:val><c:numRef><c:f>${escapeText(abs(sheet, s.col, s.firstRow, s.lastRow))}</c:f>` +
      "<c:numCache><c:formatCode>General</c:formatCode>" +
      `<c:ptCount val="${points.length}"/>${points.join("")}</c:numCache></c:numRef></c:val>` +
      (line ? '<c:smooth val="0"/>' : "") +
      "</c:ser>"
    );
  });
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series.join("")}<c:marker val="1"/>` +
      '<c:axId val="100"/><c:axId val="200"/></c:lineChart>'
    : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series.join("")}` +
      '<c:gapWidth val="80"/><c:axId val="100"/><c:axId val="200"/></c:barChart>';
  const small = '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"/></a:pPr><a:endParaRPr lang="sv-SE"/></a:p></c:txPr>';
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">` +
    '<c:roundedCorners val="0"/>' +
    "<c:chart>" +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="sv-SE" sz="1200" b="1"/><a:t>${escapeText(def.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>' +
    `<c:plotArea><c:layout/>${plot}` +
    '<c:catAx><c:axId val="100"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>' +
    `<c:tickLblPos val="low"/>${small}` +
    '<c:crossAx val="200"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>' +
    '<c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="200"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>' +
    "<c:majorGridlines/>" +
    `<c:numFmt formatCode="${escapeAttr(axisFormat)}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${small}<c:crossAx val="100"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    "</c:plotArea>" +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${small}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    "</c:chart></c:chartSpace>"
  );
}
