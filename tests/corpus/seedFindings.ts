/**
 * The term findings on the five seed documents (tests/corpus/seeds/, copied
 * from ../shared/seeds), exactly as `reintegratie termen <seed> --json`
 * reports them, and the reviewed list they are compared with.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanPlainText } from '../../src/cli/termsCommand';
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import { effectiveDefinitions } from '../../src/definitions/profile';
import { TermMatcher } from '../../src/engine/termMatcher';

export const SEEDS_DIR = join(__dirname, 'seeds');
export const REVIEWED_FILE = join(__dirname, 'seeds.reviewed.json');

export interface SeedFinding {
  readonly document: string;
  readonly line: number;
  readonly code: string;
  readonly fragment: string;
  readonly suggestion: string | null;
}

export interface ReviewedFinding extends SeedFinding {
  /** "juist" when the finding is defensible; anything else fails the test. */
  readonly verdict: string;
  /** One line: why an analyst would defend (or reject) it. */
  readonly reason: string;
}

export function seedDocuments(): string[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

export function seedFindings(): SeedFinding[] {
  const matcher = new TermMatcher(effectiveDefinitions(standardDefinitionSet()));
  const out: SeedFinding[] = [];
  for (const document of seedDocuments()) {
    const text = readFileSync(join(SEEDS_DIR, document), 'utf8');
    for (const f of scanPlainText(matcher, text).findings) {
      out.push({ document, line: f.row as number, code: f.code, fragment: f.fragment as string, suggestion: f.suggestion });
    }
  }
  return out;
}

export const findingKey = (f: SeedFinding): string => `${f.document}|${f.line}|${f.code}|${f.fragment}|${f.suggestion}`;

export function readReviewed(): ReviewedFinding[] {
  return (JSON.parse(readFileSync(REVIEWED_FILE, 'utf8')) as { findings: ReviewedFinding[] }).findings;
}
