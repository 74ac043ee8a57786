/**
 * Charts of a sheet we write whole (SheetSpec.charts), as the parts of an
 * .xlsx package: one drawing part for the sheet that anchors each chart to
 * its cells, and one DrawingML chart part per chart. A chart refers to the
 * sheet's cells by formula and carries a cache of their values, so a reader
 * that does not recalculate (or a viewer) shows it as written.
 */
import { cellAddress, type RawValue } from '../../engine/grid';
import { inputValue, isCellSpec, seriesName, type CellInput, type ChartSpec, type SheetSpec } from '../port';
import { absoluteRef, quotedSheet } from './specSheet';
import { attrs, escapeAttr, escapeText } from './xmlWrite';

const NS_CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_SHEET_DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Series colours (Office's default palette): written out, as not every reader applies a default to a series without one. */
const COLOURS = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

function formatOf(input: CellInput | undefined): string | undefined {
  return input !== undefined && isCellSpec(input) ? input.numberFormat : undefined;
}

function textOf(value: RawValue): string {
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  return String(value);
}

/** `'Sheet'!$A$2:$A$9` */
function rangeFormula(sheet: string, col: number, fromRow: number, toRow: number): string {
  const from = absoluteRef(cellAddress(fromRow, col));
  return fromRow === toRow ? `${quotedSheet(sheet)}!${from}` : `${quotedSheet(sheet)}!${from}:${absoluteRef(cellAddress(toRow, col))}`;
}

function stringRef(formula: string, texts: readonly string[]): string {
  const points = texts.map((t, i) => `<c:pt idx="${i}"><c:v>${escapeText(t)}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${escapeText(formula)}</c:f><c:strCache><c:ptCount val="${texts.length}"/>${points}</c:strCache></c:strRef>`;
}

/** Numbers only: text (n.v.t.) and empty cells are gaps in the cache as in the chart. */
function numberRef(formula: string, values: readonly RawValue[], format: string): string {
  const points = values
    .map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ''))
    .join('');
  return `<c:numRef><c:f>${escapeText(formula)}</c:f><c:numCache><c:formatCode>${escapeText(format)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache></c:numRef>`;
}

/** The chart part of one chart of `spec`. */
export function chartPartXml(spec: SheetSpec, chart: ChartSpec): string {
  const rows = Array.from({ length: chart.lastRow - chart.firstRow + 1 }, (_, k) => spec.rows[chart.firstRow + k] ?? []);
  const categories = rows.map((row) => textOf(inputValue(row[chart.categoryCol])));
  const series = chart.seriesCols
    .map((col, i) => {
      const name = seriesName(spec, chart, col);
      const format = rows.map((row) => formatOf(row[col])).find((f) => f !== undefined) ?? 'General';
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx>${stringRef(rangeFormula(spec.name, col, chart.headerRow, chart.headerRow), [name])}</c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${COLOURS[i % COLOURS.length]}"/></a:solidFill></c:spPr>` +
        '<c:invertIfNegative val="0"/>' +
        `<c:cat>${stringRef(rangeFormula(spec.name, chart.categoryCol, chart.firstRow, chart.lastRow), categories)}</c:cat>` +
        `<c:val>${numberRef(rangeFormula(spec.name, col, chart.firstRow, chart.lastRow), rows.map((row) => inputValue(row[col])), format)}</c:val>` +
        '</c:ser>'
      );
    })
    .join('');
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="nl-NL" sz="1200" b="1"/><a:t>${escapeText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>';
  const axes =
    '<c:catAx><c:axId val="500001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="500002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="500002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>' +
    `<c:numFmt formatCode="${escapeAttr(chart.axisFormat ?? 'General')}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    '<c:crossAx val="500001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>';
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_DRAWING}" xmlns:r="${NS_REL}"><c:roundedCorners val="0"/><c:chart>${title}` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="80"/><c:axId val="500001"/><c:axId val="500002"/></c:barChart>${axes}</c:plotArea>` +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

/** The drawing part of a sheet: each chart anchored from its top-left cell over its rows and columns. `relIds` name the chart parts in the drawing's relationships. */
export function drawingPartXml(charts: readonly ChartSpec[], relIds: readonly string[]): string {
  const anchors = charts
    .map((chart, i) => {
      const { row, col, rows, cols } = chart.at;
      const marker = (c: number, r: number) => `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${marker(col, row)}</xdr:from><xdr:to>${marker(col + cols, row + rows)}</xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr${attrs({ id: i + 2, name: `Grafiek ${i + 1}`, descr: chart.title })}/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        `<a:graphic><a:graphicData uri="${NS_CHART}"><c:chart xmlns:c="${NS_CHART}" r:id="${relIds[i]}"/></a:graphicData></a:graphic>` +
        '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
      );
    })
    .join('');
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS_SHEET_DRAWING}" xmlns:a="${NS_DRAWING}" xmlns:r="${NS_REL}">${anchors}</xdr:wsDr>`;
}
