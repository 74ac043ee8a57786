/**
 * @jest-environment jsdom
 *
 * The add-in's manifest, checked offline (office-addin-manifest validate
 * posts it to a Microsoft web service and is never run here): well-formed,
 * the elements Office requires in the order of the schema, a shared runtime
 * on one task pane URL, the REINT namespace, unique ids, every resource
 * used and defined, Dutch texts within Office's lengths, and every URL and
 * icon resolving to a file of the build in dist/addin (npm test builds
 * first). The production manifest (ADDIN_URL) is checked the same way.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

// The build configuration is plain Node (CommonJS); its manifest rewrite is what the build runs.
const build = require('../../webpack.config.js') as {
  manifestFor(content: string, url: string | null): string;
  addinUrl(text: string): string | null;
  PRODUCTION_ID: string;
  DEV_ID: string;
  DEV_URL: string;
};

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist', 'addin');
const SOURCE = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

function built(file: string): string {
  const path = join(DIST, file);
  if (!existsSync(path)) throw new Error(`${path} ontbreekt: run \`npm run build\` first (npm test does).`);
  return path;
}

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error !== undefined) throw new Error(`manifest is not well-formed: ${error.textContent}`);
  return doc;
}

const children = (el: Element): Element[] => Array.from(el.children);
const names = (el: Element): string[] => children(el).map((c) => c.localName);
const child = (el: Element, name: string): Element => {
  const found = children(el).find((c) => c.localName === name);
  if (found === undefined) throw new Error(`<${el.localName}> has no <${name}>`);
  return found;
};
const all = (doc: Document | Element, name: string): Element[] => Array.from(doc.getElementsByTagNameNS('*', name));

/** Checks that `actual` holds the `required` names in this order, and nothing outside `allowed` (also in order). */
function expectSchemaOrder(actual: string[], allowed: string[], required: string[]): void {
  for (const name of required) expect(actual).toContain(name);
  const positions = actual.map((name) => allowed.indexOf(name));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
}

/** The width and height of a PNG file. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** resource id → DefaultValue, per kind. */
function resources(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  for (const kind of ['Image', 'Url', 'String']) {
    for (const el of all(doc, kind)) {
      const id = el.getAttribute('id');
      if (id === null) continue;
      expect(out.has(id)).toBe(false);
      out.set(id, el.getAttribute('DefaultValue') ?? '');
    }
  }
  return out;
}

function checkManifest(xml: string, base: string, id: string): void {
  const doc = parse(xml);
  const app = doc.documentElement;
  expect(app.localName).toBe('OfficeApp');
  expect(app.getAttribute('xsi:type')).toBe('TaskPaneApp');

  // The OfficeApp elements of a task pane add-in, in schema order.
  expectSchemaOrder(
    names(app),
    ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'AllowSnapshot', 'VersionOverrides'],
    ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'],
  );
  expect(child(app, 'Id').textContent).toBe(id);
  expect(child(app, 'Version').textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(child(app, 'DefaultLocale').textContent).toBe('nl-NL');
  expect(child(app, 'Permissions').textContent).toBe('ReadWriteDocument');
  expect(all(child(app, 'Hosts'), 'Host').map((h) => h.getAttribute('Name'))).toEqual(['Workbook']);
  const sets = all(child(app, 'Requirements'), 'Set').map((s) => `${s.getAttribute('Name')} ${s.getAttribute('MinVersion')}`);
  expect(sets).toEqual(['SharedRuntime 1.1']);
  const displayName = child(app, 'DisplayName').getAttribute('DefaultValue') ?? '';
  const description = child(app, 'Description').getAttribute('DefaultValue') ?? '';
  expect(displayName).toMatch(/^Definitieset re-integratie/);
  expect(displayName.length).toBeLessThanOrEqual(125);
  expect(description).toMatch(/de uniforme rapportage/);
  expect(description.length).toBeLessThanOrEqual(250);

  // VersionOverrides: one Workbook host with the runtime, the functions and the ribbon.
  const overrides = child(app, 'VersionOverrides');
  expect(overrides.getAttribute('xsi:type')).toBe('VersionOverridesV1_0');
  expectSchemaOrder(names(overrides), ['Description', 'Requirements', 'Hosts', 'Resources'], ['Hosts', 'Resources']);
  const hosts = children(child(overrides, 'Hosts'));
  expect(hosts.map((h) => h.getAttribute('xsi:type'))).toEqual(['Workbook']);
  const host = hosts[0];
  expectSchemaOrder(names(host), ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'], ['Runtimes', 'AllFormFactors', 'DesktopFormFactor']);
  const runtimes = all(child(host, 'Runtimes'), 'Runtime');
  expect(runtimes.map((r) => `${r.getAttribute('resid')} ${r.getAttribute('lifetime')}`)).toEqual(['Taskpane.Url long']);

  const customFunctions = children(child(host, 'AllFormFactors')).find((e) => e.getAttribute('xsi:type') === 'CustomFunctions') as Element;
  expect(names(customFunctions)).toEqual(['Script', 'Page', 'Metadata', 'Namespace']);
  const source = (el: Element) => child(el, 'SourceLocation').getAttribute('resid');
  expect(source(child(customFunctions, 'Page'))).toBe('Taskpane.Url');

  const desktop = child(host, 'DesktopFormFactor');
  expectSchemaOrder(names(desktop), ['GetStarted', 'FunctionFile', 'ExtensionPoint'], ['FunctionFile', 'ExtensionPoint']);
  expect(child(desktop, 'FunctionFile').getAttribute('resid')).toBe('Taskpane.Url');
  const tab = all(desktop, 'OfficeTab')[0];
  expect(tab.getAttribute('id')).toBe('TabHome');
  const groups = all(tab, 'Group');
  expect(groups.length).toBe(1);
  expectSchemaOrder(names(groups[0]), ['Label', 'Icon', 'Control'], ['Label', 'Icon', 'Control']);
  const controls = all(groups[0], 'Control');
  for (const control of controls) expect(names(control)).toEqual(['Label', 'Supertip', 'Icon', 'Action']);
  const showPane = controls.find((c) => child(c, 'Action').getAttribute('xsi:type') === 'ShowTaskpane') as Element;
  expect(source(child(showPane, 'Action'))).toBe('Taskpane.Url');
  for (const icon of all(desktop, 'Icon')) expect(all(icon, 'Image').map((i) => i.getAttribute('size'))).toEqual(['16', '32', '80']);

  // Ids unique; every resid defined and every resource used.
  const ids = all(doc, '*').map((e) => e.getAttribute('id')).filter((x): x is string => x !== null);
  expect(new Set(ids).size).toBe(ids.length);
  const res = resources(doc);
  const used = new Set(all(doc, '*').map((e) => e.getAttribute('resid')).filter((x): x is string => x !== null));
  for (const r of used) expect(res.has(r)).toBe(true);
  for (const r of res.keys()) expect(used.has(r)).toBe(true);
  expect(res.get('Functions.Namespace')).toBe('REINT');
  expectSchemaOrder(names(child(overrides, 'Resources')), ['Images', 'Urls', 'ShortStrings', 'LongStrings'], ['Images', 'Urls', 'ShortStrings', 'LongStrings']);
  for (const s of all(child(child(overrides, 'Resources'), 'ShortStrings'), 'String')) expect((s.getAttribute('DefaultValue') ?? '').length).toBeLessThanOrEqual(125);
  for (const s of all(child(child(overrides, 'Resources'), 'LongStrings'), 'String')) expect((s.getAttribute('DefaultValue') ?? '').length).toBeLessThanOrEqual(250);

  // The page Office opens is the runtime's page.
  expect(child(child(app, 'DefaultSettings'), 'SourceLocation').getAttribute('DefaultValue')).toBe(res.get('Taskpane.Url'));

  // Every URL is on the base and names a file of the build; icons are PNGs of their size.
  const urls = [
    ...all(doc, '*').map((e) => e.getAttribute('DefaultValue') ?? '').filter((v) => /^https?:/.test(v)),
  ];
  expect(urls.length).toBeGreaterThan(8);
  for (const url of urls) {
    expect(url.startsWith(base)).toBe(true);
    expect(existsSync(built(url.slice(base.length)))).toBe(true);
  }
  const sizeOf = (url: string) => pngSize(built(url.slice(base.length)));
  expect(sizeOf(child(app, 'IconUrl').getAttribute('DefaultValue') as string)).toEqual([32, 32]);
  expect(sizeOf(child(app, 'HighResolutionIconUrl').getAttribute('DefaultValue') as string)).toEqual([64, 64]);
  for (const image of all(child(child(overrides, 'Resources'), 'Images'), 'Image')) {
    const size = Number(/(\d+)x\d+$/.exec(image.getAttribute('id') ?? '')?.[1]);
    expect(sizeOf(image.getAttribute('DefaultValue') as string)).toEqual([size, size]);
  }
}

describe('the manifest', () => {
  test('in the build (development): valid offline, every URL and icon a built file', () => {
    const xml = readFileSync(built('manifest.xml'), 'utf8');
    expect(xml).toBe(SOURCE);
    checkManifest(xml, build.DEV_URL, build.DEV_ID);
  });

  test('for production (ADDIN_URL): its own Id, every URL on the host, the name without "(ontwikkeling)"', () => {
    const base = build.addinUrl('https://intranet.gemeente.example/invoegtoepassingen/reint') as string;
    expect(base).toBe('https://intranet.gemeente.example/invoegtoepassingen/reint/');
    const xml = build.manifestFor(SOURCE, base);
    expect(xml).not.toContain('localhost');
    expect(build.PRODUCTION_ID).not.toBe(build.DEV_ID);
    checkManifest(xml, base, build.PRODUCTION_ID);
    expect(parse(xml).getElementsByTagName('DisplayName')[0].getAttribute('DefaultValue')).toBe('Definitieset re-integratie');
  });

  test('ADDIN_URL must be https, without query or fragment', () => {
    expect(() => build.addinUrl('http://intranet.example/reint/')).toThrow(/https:\/\//);
    expect(() => build.addinUrl('https://intranet.example/reint/?x=1')).toThrow(/\?-deel/);
    expect(() => build.addinUrl('geen url')).toThrow(/geen geldige URL/);
    expect(build.addinUrl('  ')).toBeNull();
  });

  test('the check itself fails on an element out of schema order', () => {
    const swapped = SOURCE.replace(/(<DefaultSettings>[\s\S]*?<\/DefaultSettings>)(\s*)(<Permissions>ReadWriteDocument<\/Permissions>)/, '$3$2$1');
    expect(swapped).not.toBe(SOURCE);
    expect(() => checkManifest(swapped, build.DEV_URL, build.DEV_ID)).toThrow();
  });
});

describe('the task pane page', () => {
  const html = () => readFileSync(built('taskpane.html'), 'utf8');

  test('loads office.js from Microsoft’s CDN and only our own scripts', () => {
    const doc = new DOMParser().parseFromString(html(), 'text/html');
    const scripts = Array.from(doc.querySelectorAll('script')).map((s) => s.getAttribute('src'));
    expect(scripts).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js', 'taskpane.js', 'functions.js', 'commands.js']);
    expect(Array.from(doc.querySelectorAll('link[href]'))).toEqual([]);
  });

  test('has a Content-Security-Policy that lets nothing else be fetched', () => {
    const doc = new DOMParser().parseFromString(html(), 'text/html');
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(directives.get('connect-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    for (const [name, values] of directives) {
      for (const value of values) expect([`'self'`, `'none'`, `'unsafe-inline'`, 'data:', 'https://appsforoffice.microsoft.com']).toContain(value);
      if (name !== 'script-src' && name !== 'connect-src') expect(values).not.toContain('https://appsforoffice.microsoft.com');
    }
  });

  test('functions.json in the build is the metadata of src/functions/functions.ts', async () => {
    const { generateCustomFunctionsMetadata } = await import('custom-functions-metadata');
    const generated = await generateCustomFunctionsMetadata([join(ROOT, 'src', 'functions', 'functions.ts')], true);
    expect(JSON.parse(readFileSync(built('functions.json'), 'utf8'))).toEqual(JSON.parse(generated.metadataJson));
  });
});
