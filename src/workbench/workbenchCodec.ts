/** The package codec the workbench opens and downloads with. */
export { xlsxCodec as workbenchCodec } from '../workbook/xlsx/xlsxCodec';
