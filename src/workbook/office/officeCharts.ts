/**
 * The charts of a sheet we write whole (SheetSpec.charts) through Office.js:
 * clustered column charts over the sheet's own cells, one series per value
 * column, named from the header row, with the category column as the x axis
 * values, a title, the legend at the bottom, placed over the cells of `at`.
 *
 * With ExcelApi 1.7 a chart is added from its first series column and every
 * series is then set from its own column (setValues, setXAxisValues): the
 * series columns need not be next to each other nor to the category column.
 * Below 1.7 Excel can only take a chart's data from one block of cells and
 * decides itself what the names, categories and series are; so a chart is
 * drawn there only when its spec is exactly such a block (the header row
 * directly above the data rows, the series columns directly right of the
 * category column, in order) and left out otherwise. A chart is a
 * presentation extra: the cells it shows are written either way.
 *
 * Everything is queued on a RequestBatch; the caller flushes.
 */
import { cellAddress } from '../../engine/grid';
import { seriesName, type ChartSpec, type SheetSpec } from '../port';
import { rectAddress, type CellRect } from './addresses';
import type { Chart, Worksheet } from './excelApi';
import type { RequestBatch } from './requestBatch';

export interface ChartCapabilities {
  /** ExcelApi 1.7: chart series set from any range of cells. */
  readonly chartSeries: boolean;
  /** ExcelApi 1.8: the number format of a chart axis. */
  readonly chartAxisFormat: boolean;
}

/** A column's cells from `top` to `bottom`. */
function columnRect(col: number, top: number, bottom: number): CellRect {
  return { top, left: col, bottom, right: col };
}

/** Whether the chart is one block of cells: header row on top, categories left, the series right of them in order. */
export function isContiguousChart(chart: ChartSpec): boolean {
  return chart.headerRow === chart.firstRow - 1 && chart.seriesCols.every((col, i) => col === chart.categoryCol + 1 + i);
}

/** Whether the spec draws anything: a series and a data row. */
function hasData(chart: ChartSpec): boolean {
  return chart.seriesCols.length > 0 && chart.lastRow >= chart.firstRow;
}

/** Adds the chart with every series from its own column (ExcelApi 1.7). */
async function addWithSeries(batch: RequestBatch, sheet: Worksheet, spec: SheetSpec, chart: ChartSpec): Promise<Chart> {
  const first = chart.seriesCols[0];
  const top = Math.min(chart.headerRow, chart.firstRow);
  await batch.room(40);
  const added = sheet.charts.add('ColumnClustered', sheet.getRange(rectAddress(columnRect(first, top, chart.lastRow))), 'Columns');
  const categories = sheet.getRange(rectAddress(columnRect(chart.categoryCol, chart.firstRow, chart.lastRow)));
  for (const [i, col] of chart.seriesCols.entries()) {
    const name = seriesName(spec, chart, col);
    await batch.room(name.length + 120);
    // Excel may or may not take the header cell as the first series' name (it guesses from its content): set it.
    const series = i === 0 ? added.series.getItemAt(0) : added.series.add(name);
    if (i === 0 && name !== '') series.name = name;
    series.setValues(sheet.getRange(rectAddress(columnRect(col, chart.firstRow, chart.lastRow))));
    series.setXAxisValues(categories);
  }
  return added;
}

/** Adds the charts of `spec` to its sheet just written. A chart the host cannot draw as specified is left out (see above). */
export async function addCharts(batch: RequestBatch, sheet: Worksheet, spec: SheetSpec, caps: ChartCapabilities): Promise<void> {
  for (const chart of spec.charts ?? []) {
    if (!hasData(chart)) continue;
    let added: Chart;
    if (caps.chartSeries) {
      added = await addWithSeries(batch, sheet, spec, chart);
    } else if (isContiguousChart(chart)) {
      const last = chart.seriesCols[chart.seriesCols.length - 1];
      const block = { top: chart.headerRow, left: chart.categoryCol, bottom: chart.lastRow, right: last };
      await batch.room(40);
      added = sheet.charts.add('ColumnClustered', sheet.getRange(rectAddress(block)), 'Columns');
    } else {
      continue;
    }
    const { row, col, rows, cols } = chart.at;
    await batch.room(chart.title.length + 120);
    added.title.text = chart.title;
    added.legend.position = 'Bottom';
    // The end cell is the last one the chart covers.
    added.setPosition(cellAddress(row, col), cellAddress(row + Math.max(1, rows) - 1, col + Math.max(1, cols) - 1));
    if (chart.axisFormat !== undefined && caps.chartAxisFormat) added.axes.valueAxis.numberFormat = chart.axisFormat;
  }
}
