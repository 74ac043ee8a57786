/**
 * The definitions a benchmark runs on: the shipped standard set, or (for
 * trying a bench against other data) the JSON files in the directory named by
 * the environment variable BENCH_DATA_DIR (meta.json plus one file per
 * category, the same layout as src/definitions/data/).
 */
import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { standardDefinitionSet, type DefinitionSet } from '../src/definitions/definitionSet';
import { buildDefinitionSet } from '../src/definitions/validateDefinitions';
import { effectiveDefinitions, type EffectiveDefinitions } from '../src/definitions/profile';
import { CATEGORIES } from '../src/definitions/schema';

export interface BenchDefinitions {
  readonly defs: EffectiveDefinitions;
  /** Where the data came from, for the report. */
  readonly source: string;
}

function loadDirectory(dir: string): DefinitionSet {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const files: Record<string, unknown> = {};
  for (const category of CATEGORIES) {
    const file = `${category}.json`;
    if (existsSync(join(dir, file))) files[category] = read(file);
  }
  return buildDefinitionSet(read('meta.json'), files);
}

export function benchDefinitions(): BenchDefinitions {
  const dir = process.env.BENCH_DATA_DIR;
  if (dir !== undefined && dir !== '') {
    const abs = resolve(dir);
    return { defs: effectiveDefinitions(loadDirectory(abs)), source: `BENCH_DATA_DIR=${abs}` };
  }
  return { defs: effectiveDefinitions(standardDefinitionSet()), source: 'src/definitions/data (standard set)' };
}
