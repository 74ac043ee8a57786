/**
 * Office calls live in one place: only src/workbook/office/officeHost.ts
 * names the globals of office.js (`Excel`, `Office`, ...), `Excel.run`
 * included, and no module imports an Office package. Everything else gets
 * the port or the host functions.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

const ROOT = join(__dirname, '..', '..');
const HOST = 'src/workbook/office/officeHost.ts';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|tsx|js|jsx)$/.test(name)) out.push(path);
  }
  return out;
}

/** The code without comments (a URL inside a string may cut a line short: that only hides text, never adds it). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const OFFICE_GLOBAL = /\b(Excel|Office|OfficeExtension|OfficeRuntime)\.(?!js\b)[A-Za-z_$]/;
const OFFICE_IMPORT = /(from\s+|require\(\s*|import\(\s*)['"](@microsoft\/office-js|office-js|office-addin-mock)['"]/;

describe('office.js is used in one module only', () => {
  const files = sources(join(ROOT, 'src')).map((path) => ({ path: relative(ROOT, path).replace(/\\/g, '/'), text: code(readFileSync(path, 'utf8')) }));

  test('the files are found', () => {
    expect(files.some((f) => f.path === HOST)).toBe(true);
    expect(files.length).toBeGreaterThan(50);
  });

  test('no module but the host names Excel, Office or their runtime globals', () => {
    const offenders = files.filter((f) => f.path !== HOST && OFFICE_GLOBAL.test(f.text)).map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  test('Excel.run is called in the host only, and nothing imports an Office package', () => {
    expect(files.filter((f) => /\bExcel\.run\b/.test(f.text)).map((f) => f.path)).toEqual([HOST]);
    expect(files.filter((f) => OFFICE_IMPORT.test(f.text)).map((f) => f.path)).toEqual([]);
  });

  test('the check itself sees a use of the globals', () => {
    expect(OFFICE_GLOBAL.test(code('const x = Office.context.requirements;'))).toBe(true);
    expect(OFFICE_GLOBAL.test(code('// Office.js loads from the CDN\nconst y = 1;'))).toBe(false);
    expect(OFFICE_GLOBAL.test(code("throw new Error('Office.js is niet geladen')"))).toBe(false);
    expect(OFFICE_GLOBAL.test(code("show('Open deze pagina in Excel. Zonder Excel gaat het niet.')"))).toBe(false);
  });
});
