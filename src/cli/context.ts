/**
 * What every command needs: the effective definitions (standard set plus the
 * optional --profiel), and how to print.
 */
import type { EffectiveDefinitions } from '../definitions/profile';

export interface CommonOptions {
  readonly profiel?: string;
  readonly json?: boolean;
}

export function loadDefinitions(options: CommonOptions): EffectiveDefinitions {
  // Loaded by the commands that use them: `--versie` and `--help` do not read the definitions.
  const { standardDefinitionSet } = require('../definitions/definitionSet') as typeof import('../definitions/definitionSet');
  const { effectiveDefinitions } = require('../definitions/profile') as typeof import('../definitions/profile');
  const { readProfileFile } = require('./inputFiles') as typeof import('./inputFiles');
  const set = standardDefinitionSet();
  const profile = options.profiel !== undefined ? readProfileFile(options.profiel, set) : null;
  return effectiveDefinitions(set, profile);
}

export interface Output {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Colour on stdout (a terminal, and NO_COLOR not set). */
  readonly colour: boolean;
  /** stderr is a terminal (for progress bars). */
  readonly interactiveErr: boolean;
}

/**
 * The process's own stdout and stderr. Stdout is written directly to its
 * descriptor (writeText.ts: synchronous, a large text in pieces); once the
 * reader has gone (`reintegratie termen … | head`) the rest is dropped
 * without a word.
 */
export function processOutput(): Output {
  const { writeText } = require('./writeText') as typeof import('./writeText');
  const { isatty } = require('node:tty') as typeof import('node:tty');
  let open = true;
  return {
    // The line end written on its own: joined to a large text (the JSON of a big check) it would copy it whole.
    out: (text) => {
      if (open) open = writeText(STDOUT, text) && (text.endsWith('\n') || writeText(STDOUT, '\n'));
    },
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
    // Asked of the descriptor: process.stdout is never made, so stdout keeps the mode its parent gave it.
    colour: isatty(STDOUT) && process.env.NO_COLOR === undefined,
    interactiveErr: process.stderr.isTTY === true,
  };
}

const STDOUT = 1;
