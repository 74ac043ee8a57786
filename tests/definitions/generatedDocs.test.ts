import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDocs } from '../../scripts/generatedDocs';

test.each(Object.entries(generatedDocs()))('%s is up to date (run `npm run docs`)', (path, expected) => {
  const actual = readFileSync(join(__dirname, '..', '..', path), 'utf8');
  expect(actual).toBe(expected);
});
