/**
 * Applying suggestions to a text. Fixing is always explicit: the caller
 * chooses which findings to apply, and gets back what was replaced.
 */
import type { TextFinding, TermMatcher, TextFindingCode } from './termMatcher';

export interface AppliedFix {
  /** Offsets in the original text. */
  readonly start: number;
  readonly end: number;
  readonly before: string;
  readonly after: string;
  readonly term: string;
}

export interface FixResult {
  readonly text: string;
  readonly applied: readonly AppliedFix[];
}

/** Picks the replacement for a finding; default: its first suggestion. */
export type ChooseSuggestion = (finding: TextFinding) => string | null;

const firstSuggestion: ChooseSuggestion = (f) => f.suggestions[0] ?? null;

/**
 * Applies the given findings to `text`. Findings that overlap an earlier one
 * are skipped; a finding whose fragment is no longer at its offset (the text
 * changed since the scan) is an error, not silently ignored.
 */
export function applyFixes(
  text: string,
  findings: readonly TextFinding[],
  choose: ChooseSuggestion = firstSuggestion,
): FixResult {
  const ordered = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const applied: AppliedFix[] = [];
  let out = '';
  let cursor = 0;
  for (const finding of ordered) {
    if (finding.start < cursor) continue;
    if (text.slice(finding.start, finding.end) !== finding.fragment) {
      throw new Error(`De tekst is gewijzigd sinds de controle: '${finding.fragment}' staat niet meer op positie ${finding.start}.`);
    }
    const replacement = choose(finding);
    if (replacement === null) continue;
    out += text.slice(cursor, finding.start) + replacement;
    applied.push({ start: finding.start, end: finding.end, before: finding.fragment, after: replacement, term: finding.term });
    cursor = finding.end;
  }
  out += text.slice(cursor);
  return { text: out, applied };
}

/** How often fixAll scans again: a fix can change the context a nearby word is judged in. */
const MAX_PASSES = 4;

/**
 * Scans `text` and applies every finding of the given codes (default: term
 * findings), then scans the result again until nothing is left to fix (a
 * replacement can change the context in which a nearby word is judged, e.g.
 * what a bracketed gloss follows). The offsets of `applied` are those of the
 * text each pass worked on; with one pass, the original text.
 */
export function fixAll(
  matcher: TermMatcher,
  text: string,
  codes: readonly TextFindingCode[] = ['TERM_NIET_CONFORM'],
  choose?: ChooseSuggestion,
): FixResult {
  let current = text;
  const applied: AppliedFix[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const findings = matcher.scan(current).filter((f) => codes.includes(f.code));
    if (findings.length === 0) break;
    const result = applyFixes(current, findings, choose);
    if (result.applied.length === 0) break;
    applied.push(...result.applied);
    current = result.text;
  }
  return { text: current, applied };
}
