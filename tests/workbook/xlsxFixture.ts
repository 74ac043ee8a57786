/**
 * Builds minimal .xlsx files by hand (fflate zipSync) for what ExcelJS
 * cannot write: inline strings, cells and rows without r, t="d", namespace
 * prefixes, absolute relationship targets, odd zip archives.
 */

import { strToU8, zipSync, Zippable } from 'fflate';

export interface FixtureSheet {
  readonly name: string;
  /** The <sheetData> content, or the whole worksheet XML when it starts with `<?xml` or `<worksheet`. */
  readonly xml: string;
  readonly state?: 'hidden' | 'veryHidden';
}

export interface FixtureOptions {
  readonly sheets: readonly FixtureSheet[];
  /** Raw <si> elements of the shared string table. */
  readonly sharedStrings?: readonly string[];
  /** Custom number formats (id → code) and the numFmtId of each cellXfs entry. */
  readonly numFmts?: Readonly<Record<number, string>>;
  readonly cellXfs?: readonly number[];
  /** Write workbookPr date1904 with this value (true writes "1"). */
  readonly date1904?: boolean | string;
  /** Write relationship targets as absolute paths (/xl/worksheets/…). */
  readonly absoluteTargets?: boolean;
  /** Put the worksheets in this folder under xl/ (default worksheets). */
  readonly sheetFolder?: string;
  /** Extra entries for the zip. */
  readonly extra?: Readonly<Record<string, string>>;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function worksheetXml(sheetData: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

export function fixtureEntries(options: FixtureOptions): Record<string, string> {
  const folder = options.sheetFolder ?? 'worksheets';
  const files: Record<string, string> = {};
  files['[Content_Types].xml'] =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/></Types>';
  files['_rels/.rels'] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const sheetsXml = options.sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rIdS${i + 1}"/>`)
    .join('');
  files['xl/workbook.xml'] =
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<workbookPr${options.date1904 ? ` date1904="${options.date1904 === true ? '1' : options.date1904}"` : ''}/><sheets>${sheetsXml}</sheets></workbook>`;
  const target = (path: string): string => (options.absoluteTargets ? `/xl/${path}` : path);
  let rels = options.sheets
    .map((_, i) => `<Relationship Id="rIdS${i + 1}" Type="${REL}/worksheet" Target="${target(`${folder}/sheet${i + 1}.xml`)}"/>`)
    .join('');
  rels += `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="${target('styles.xml')}"/>`;
  if (options.sharedStrings) rels += `<Relationship Id="rIdSst" Type="${REL}/sharedStrings" Target="${target('sharedStrings.xml')}"/>`;
  files['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;
  const numFmts = Object.entries(options.numFmts ?? {})
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`)
    .join('');
  const xfs = (options.cellXfs ?? [0]).map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join('');
  files['xl/styles.xml'] =
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">` +
    (numFmts ? `<numFmts count="${Object.keys(options.numFmts ?? {}).length}">${numFmts}</numFmts>` : '') +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${(options.cellXfs ?? [0]).length}">${xfs}</cellXfs></styleSheet>`;
  if (options.sharedStrings) {
    files['xl/sharedStrings.xml'] =
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${options.sharedStrings.length}" uniqueCount="${options.sharedStrings.length}">` +
      options.sharedStrings.join('') +
      '</sst>';
  }
  options.sheets.forEach((s, i) => {
    files[`xl/${folder}/sheet${i + 1}.xml`] = /^\s*<(\?xml|worksheet|\w+:worksheet)/.test(s.xml) ? s.xml : worksheetXml(s.xml);
  });
  return { ...files, ...(options.extra ?? {}) };
}

export function zipFiles(files: Record<string, string | Uint8Array>, level: 0 | 6 | 9 = 6): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(files)) {
    zippable[name] = [typeof content === 'string' ? strToU8(content) : content, { level }];
  }
  return zipSync(zippable);
}

export function makeXlsx(options: FixtureOptions, level: 0 | 6 | 9 = 6): Uint8Array {
  return zipFiles(fixtureEntries(options), level);
}
