/**
 * The product loads the standard set and format from src/definitions/generated/
 * without zod; these must be exactly what validating the data gives now.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import { standardReportFormat } from '../../src/definitions/reportFormat';
import { SOURCE_FILES, SOURCE_META } from '../../src/definitions/sourceData';
import { buildDefinitionSet } from '../../src/definitions/validateDefinitions';
import { prebuiltDefinitions } from '../../scripts/prebuiltDefinitions';

test.each(Object.entries(prebuiltDefinitions()))('%s equals a fresh validation of the data (run `npm run build`)', (path, expected) => {
  expect(readFileSync(join(__dirname, '..', '..', path), 'utf8')).toBe(expected);
});

test('the standard set loaded at run time is the validated data', () => {
  const fresh = buildDefinitionSet(SOURCE_META, SOURCE_FILES);
  const loaded = standardDefinitionSet();
  expect(loaded.version).toBe(fresh.version);
  expect(loaded.terms).toEqual(fresh.terms);
  expect([...loaded.byId.keys()]).toEqual([...fresh.byId.keys()]);
  expect(standardReportFormat().columns.length).toBeGreaterThan(0);
});

test('loading the standard set and format does not load zod', () => {
  const script = `
    require(${JSON.stringify(join(__dirname, '..', '..', 'dist', 'definitions', 'reportFormat.js'))}).standardReportFormat();
    require(${JSON.stringify(join(__dirname, '..', '..', 'dist', 'definitions', 'profile.js'))});
    const loaded = Object.keys(require.cache).filter((f) => /[\\\\/]node_modules[\\\\/]zod[\\\\/]/.test(f));
    process.stdout.write(JSON.stringify(loaded.length));
  `;
  const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
  expect(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })).toBe('0');
});
