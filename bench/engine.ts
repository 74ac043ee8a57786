/**
 * The engine modules a benchmark times: by default the TypeScript sources
 * (run through tsx, as `npm run bench` does); with BENCH_ENGINE_DIR set, the
 * compiled JavaScript in that directory (the layout of dist/, e.g. after
 * `npm run build`), which is what the CLI ships. tsx compiles each imported
 * binding into a property getter, which costs a little in tight loops.
 */
import { existsSync, readdirSync, statSync } from 'fs';
import { join, resolve } from 'path';
import * as automatonSrc from '../src/engine/automaton';
import * as foldedTextSrc from '../src/engine/foldedText';
import * as termMatcherSrc from '../src/engine/termMatcher';

export interface EngineModules {
  readonly TermMatcher: typeof termMatcherSrc.TermMatcher;
  readonly buildLexicon: typeof termMatcherSrc.buildLexicon;
  readonly foldText: typeof foldedTextSrc.foldText;
  readonly Automaton: typeof automatonSrc.Automaton;
  /** Where the modules came from, for the report. */
  readonly source: string;
  /** Set when the compiled files are older than the sources. */
  readonly warning?: string;
}

function newestMtime(dir: string, suffix: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    if (name.endsWith(suffix)) newest = Math.max(newest, statSync(join(dir, name)).mtimeMs);
  }
  return newest;
}

export function loadEngine(): EngineModules {
  const dir = process.env.BENCH_ENGINE_DIR;
  if (dir === undefined || dir === '') {
    return { ...termMatcherSrc, ...foldedTextSrc, ...automatonSrc, source: 'src/engine (TypeScript through tsx)' };
  }
  const abs = resolve(dir);
  const file = (name: string): string => join(abs, 'engine', `${name}.js`);
  if (!existsSync(file('termMatcher'))) throw new Error(`BENCH_ENGINE_DIR: ${file('termMatcher')} not found`);
  const tm = require(file('termMatcher')) as typeof termMatcherSrc;
  const ft = require(file('foldedText')) as typeof foldedTextSrc;
  const am = require(file('automaton')) as typeof automatonSrc;
  const srcDir = join(__dirname, '..', 'src', 'engine');
  const stale = newestMtime(join(abs, 'engine'), '.js') < newestMtime(srcDir, '.ts');
  return {
    TermMatcher: tm.TermMatcher,
    buildLexicon: tm.buildLexicon,
    foldText: ft.foldText,
    Automaton: am.Automaton,
    source: `${abs}/engine (compiled JavaScript)`,
    warning: stale ? 'the compiled engine is older than src/engine; rebuild it' : undefined,
  };
}
