/**
 * What each bundle of the add-in carries, from the report the build writes
 * (dist/addin/bundle-report.json, from webpack's own module graph): the
 * functions bundle loads without React, Fluent, ExcelJS or zod (the
 * definition data is validated when it is built, not when Excel loads the
 * functions); the task pane carries no ExcelJS; sizes stay within budget.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

interface EntryReport {
  readonly assets: { file: string; bytes: number; gzip: number }[];
  readonly bytes: number;
  readonly packages: string[];
  readonly lazyPackages: string[];
  readonly sources: string[];
  /** What is evaluated when the bundle loads (static imports from the entry; our lazy require() calls not followed). */
  readonly loadTimePackages: string[];
  readonly loadTimeSources: string[];
}

const REPORT = join(__dirname, '..', '..', 'dist', 'addin', 'bundle-report.json');

function report(): Record<string, EntryReport> {
  if (!existsSync(REPORT)) throw new Error(`${REPORT} ontbreekt: run \`npm run build\` first (npm test does).`);
  return (JSON.parse(readFileSync(REPORT, 'utf8')) as { entries: Record<string, EntryReport> }).entries;
}

const UI = /^(react|react-dom|scheduler|@fluentui\/.*|@griffel\/.*)$/;

describe('the bundles of the add-in', () => {
  const entries = report();

  test('are the task pane, the functions and the ribbon commands', () => {
    expect(Object.keys(entries).sort()).toEqual(['commands', 'functions', 'taskpane']);
    for (const entry of Object.values(entries)) expect(entry.bytes).toBeGreaterThan(1000);
  });

  test('the functions bundle carries no React, Fluent or ExcelJS, and holds the functions and the engine', () => {
    const functions = entries.functions;
    expect(functions.packages.filter((p) => UI.test(p) || p === 'exceljs')).toEqual([]);
    expect(functions.sources).toEqual(expect.arrayContaining(['src/functions/functions.ts', 'src/engine/termMatcher.ts', 'src/engine/clientSheet.ts']));
    expect(functions.sources.some((s) => s.startsWith('src/taskpane/'))).toBe(false);
  });

  // The standard set and the report format are validated when the product is built (src/definitions/generated).
  test('the functions bundle runs no zod when it loads: the definition data is validated when it is built', () => {
    // zod may come along, loaded on call, for parsing a stored profile (user input);
    // tests/functions/loadWithoutZod.test.ts checks the same by running the functions.
    const functions = entries.functions;
    expect(functions.loadTimePackages).not.toContain('zod');
    expect(functions.loadTimeSources.filter((s) => /^src\/definitions\/(schema|formatSchema|profileSchema)\.ts$|^src\/definitions\/data\//.test(s))).toEqual([]);
    expect(functions.loadTimeSources).toEqual(expect.arrayContaining(['src/functions/functions.ts', 'src/definitions/definitionSet.ts']));
  });

  test('the task pane carries no ExcelJS and no engine it does not use at start', () => {
    expect(entries.taskpane.packages).not.toContain('exceljs');
    expect(entries.taskpane.lazyPackages).not.toContain('exceljs');
    expect(entries.commands.packages.filter((p) => UI.test(p) || p === 'exceljs')).toEqual([]);
  });

  test('sizes stay within budget (minified)', () => {
    expect(entries.functions.bytes).toBeLessThan(400 * 1024);
    expect(entries.commands.bytes).toBeLessThan(100 * 1024);
  });
});
