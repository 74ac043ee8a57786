/**
 * The second vendor of the bundled examples (with the first: a benchmark,
 * `reintegratie vergelijk`): a module of its own, without ExcelJS, so that
 * tests in any environment (also jsdom) can name the example.
 */
export const SECOND_VENDOR = {
  file: 'inzending-noord-kennemerland-arbeidspoort.xlsx',
  vendor: 'Arbeidspoort B.V.',
  municipalities: ['Alkmaar', 'Castricum', 'Heerhugowaard', 'Langedijk'],
};
