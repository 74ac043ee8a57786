/**
 * A prh rule file (for textlint-rule-prh) generated from the non-conforming
 * entries of our lexicon: one rule per entry, with one regex pattern that
 * matches what our engine flags as closely as a regex can:
 *
 * - case-insensitive (flag i), except for case-sensitive entries, which keep
 *   their capitals;
 * - diacritic-insensitive: every letter becomes a character class of all
 *   characters that our folding (definitions/normaliseForm.ts) maps onto it,
 *   e.g. [iìíîïĩīĭįǐȉȋỉị]; hyphens and apostrophes likewise; a space matches
 *   any run of whitespace;
 * - whole-word entries get lookarounds on word characters (letters, marks,
 *   digits; a hyphen or apostrophe between two of them joins a word), as in
 *   termMatcher.ts isWholeWord; compound entries may match inside a word;
 * - no hit inside a longer conforming form ("coach" in "jobcoach",
 *   "uitstroom" in "uitstroom naar werk"): one negative lookaround per
 *   conforming form that contains the entry.
 *
 * Why regexes and not plain patterns: prh escapes every special character of
 * a plain pattern, "-" included, and compiles with the u flag, where "\-"
 * outside a class is a syntax error; "no-cure-no-pay" as a plain pattern makes
 * prh throw. Regex patterns written here never escape "-" outside a class.
 *
 * What a regex cannot do the same way (differences in the report are expected):
 * - our engine folds the whole text first, so invisible characters (soft
 *   hyphen, zero-width space) and combining marks inside a word are ignored;
 * - our engine joins a word hyphenated at a line end ("reïntegratie-\nbedrijf")
 *   and reads a phrase across a line break; the textlint text plugin gives
 *   prh one line at a time;
 * - our engine reports a compound hit as the whole word ("klantmanagersoverleg"),
 *   prh reports the part it matched ("klantmanager").
 */
import { writeFileSync, mkdirSync } from 'fs';
import { dirname } from 'path';
import { fromYAML } from 'prh';
import { foldCodeUnit } from '../src/definitions/normaliseForm';
import { stripMarks } from '../src/engine/letterCase';
import type { LexiconEntry } from '../src/engine/termMatcher';

export interface PrhRule {
  readonly expected: string;
  /** The pattern as prh reads it: "/source/flags". */
  readonly pattern: string;
  readonly prh: string;
  readonly entry: LexiconEntry;
}

export interface PrhRuleFile {
  readonly rules: readonly PrhRule[];
  readonly yaml: string;
}

// ---- character classes --------------------------------------------------------

/** Word characters as a regex class body (letters with case, marks, ASCII digits). */
const WORD = '\\p{Lu}\\p{Ll}\\p{Lt}\\p{M}0-9';

let foldedClasses: Map<string, string[]> | undefined;
let exactClasses: Map<string, string[]> | undefined;

/** folded character → every BMP code unit our folding maps onto it. */
function foldedVariants(): Map<string, string[]> {
  if (foldedClasses !== undefined) return foldedClasses;
  const map = new Map<string, string[]>();
  for (let code = 0x21; code <= 0xffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const folded = foldCodeUnit(code);
    if (folded.length !== 1 || folded === ' ') continue;
    const list = map.get(folded) ?? [];
    list.push(String.fromCharCode(code));
    map.set(folded, list);
  }
  foldedClasses = map;
  return map;
}

/** character → every BMP code unit that is that character once diacritics are removed (case kept). */
function exactVariants(): Map<string, string[]> {
  if (exactClasses !== undefined) return exactClasses;
  const map = new Map<string, string[]>();
  for (let code = 0x21; code <= 0xffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const ch = String.fromCharCode(code);
    const stripped = stripMarks(ch);
    if (stripped.length !== 1) continue;
    const list = map.get(stripped) ?? [];
    list.push(ch);
    map.set(stripped, list);
  }
  exactClasses = map;
  return map;
}

const SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));
const CLASS_SPECIAL = new Set('\\]-^['.split(''));

function escapeOutside(ch: string): string {
  return SYNTAX.has(ch) ? `\\${ch}` : ch;
}

/** The inside of a character class holding `chars`. */
function classBody(chars: readonly string[]): string {
  return chars.map((c) => (CLASS_SPECIAL.has(c) ? `\\${c}` : c)).join('');
}

function classOf(chars: readonly string[]): string {
  return chars.length === 1 ? escapeOutside(chars[0]) : `[${classBody(chars)}]`;
}

/**
 * The characters our folding maps onto the folded character `ch`. With
 * `ignoreCase` (the pattern has the i flag) an upper-case variant is left out
 * when its lower case is in the class anyway: the u and i flags match it
 * through case folding.
 */
function foldedChars(ch: string, ignoreCase: boolean): string[] {
  const variants = foldedVariants().get(ch) ?? [ch];
  if (!ignoreCase) return variants;
  const set = new Set(variants);
  return variants.filter((c) => {
    const lower = c.toLowerCase();
    return lower === c || lower.length !== 1 || !set.has(lower);
  });
}

function foldedClass(ch: string, ignoreCase: boolean): string {
  return classOf(foldedChars(ch, ignoreCase));
}

function exactClass(ch: string): string {
  return classOf(exactVariants().get(ch) ?? [ch]);
}

/** Regex source for a folded key: any case, any diacritics. */
function foldedSource(key: string, ignoreCase: boolean): string {
  let out = '';
  for (const ch of key) out += ch === ' ' ? '\\s+' : foldedClass(ch, ignoreCase);
  return out;
}

/** Regex source for a case-sensitive form (diacritics stripped, whitespace collapsed). */
function exactSource(exact: string): string {
  let out = '';
  for (const ch of exact) out += ch === ' ' ? '\\s+' : exactClass(ch);
  return out;
}

function isWordChar(ch: string): boolean {
  return /^[\p{Lu}\p{Ll}\p{Lt}\p{M}0-9]$/u.test(ch);
}

// ---- rules -----------------------------------------------------------------------

/**
 * Lookarounds that forbid a hit inside a longer conforming form (the engine
 * drops a non-conforming hit covered by a longer conforming hit).
 */
function notInsideConforming(key: string, conforming: readonly string[], ignoreCase: boolean): string {
  let out = '';
  for (const form of conforming) {
    if (form.length <= key.length) continue;
    for (let at = form.indexOf(key); at >= 0; at = form.indexOf(key, at + 1)) {
      const before = form.slice(0, at);
      const rest = foldedSource(form.slice(at), ignoreCase);
      out += before === '' ? `(?!${rest})` : `(?!(?<=${foldedSource(before, ignoreCase)})${rest})`;
    }
  }
  return out;
}

function patternFor(entry: LexiconEntry, conforming: readonly string[]): string {
  const ignoreCase = entry.exact === undefined;
  const body = ignoreCase ? foldedSource(entry.key, true) : exactSource(entry.exact as string);
  let source = notInsideConforming(entry.key, conforming, ignoreCase) + body;
  if (!entry.compound) {
    const joiners = classBody([...foldedChars('-', true), ...foldedChars("'", true)]);
    const first = entry.key.charAt(0);
    const last = entry.key.charAt(entry.key.length - 1);
    const before = isWordChar(first) ? `(?<![${WORD}]|[${WORD}][${joiners}])` : `(?<![${WORD}])`;
    const after = isWordChar(last) ? `(?![${WORD}]|[${joiners}][${WORD}])` : `(?![${WORD}])`;
    source = before + source + after;
  }
  return `/${source}/${ignoreCase ? 'i' : ''}`;
}

function yamlString(value: string): string {
  // A JSON string is a valid YAML double-quoted scalar.
  return JSON.stringify(value);
}

/** One prh rule per non-conforming lexicon entry. */
export function prhRules(lexicon: readonly LexiconEntry[]): PrhRule[] {
  const conforming = [...new Set(lexicon.filter((e) => e.kind === 'conform').map((e) => e.key))];
  return lexicon
    .filter((e) => e.kind === 'nonconform' && e.suggestions.length > 0)
    .map((entry) => {
      const others = entry.suggestions.slice(1);
      const prh = entry.reason + (others.length > 0 ? ` Ook mogelijk: ${others.join(', ')}.` : '');
      return { expected: entry.suggestions[0], pattern: patternFor(entry, conforming), prh, entry };
    });
}

export function prhYaml(rules: readonly PrhRule[], origin: string): string {
  const out = [
    `# Generated by bench/prhRules.ts from ${origin}; do not edit.`,
    '# One rule per non-conforming entry of the term lexicon.',
    'version: 1',
  ];
  if (rules.length === 0) {
    out.push('rules: []');
  } else {
    out.push('rules:');
    for (const rule of rules) {
      out.push(`  - expected: ${yamlString(rule.expected)}`);
      out.push(`    patterns:`);
      out.push(`      - ${yamlString(rule.pattern)}`);
      out.push(`    prh: ${yamlString(rule.prh)}`);
    }
  }
  return out.join('\n') + '\n';
}

/**
 * Loads the YAML the way textlint-rule-prh does (prh's fromYAML compiles every
 * pattern with the flags gmu plus i); throws with the offending rule on error.
 */
export function checkPrhYaml(yaml: string, rules: readonly PrhRule[]): number {
  try {
    return fromYAML('', yaml).rules.length;
  } catch (error) {
    // Find the first rule prh refuses, for a useful message.
    for (const rule of rules) {
      try {
        fromYAML('', prhYaml([rule], 'check'));
      } catch (inner) {
        throw new Error(`prh refuses the rule for '${rule.entry.key}' (${rule.pattern}): ${(inner as Error).message}`);
      }
    }
    throw error;
  }
}

/** Generates, checks and writes the rule file; returns the rules. */
export function writePrhRules(lexicon: readonly LexiconEntry[], path: string, origin: string): PrhRuleFile {
  const rules = prhRules(lexicon);
  const yaml = prhYaml(rules, origin);
  const loaded = checkPrhYaml(yaml, rules);
  if (loaded !== rules.length) throw new Error(`prh loaded ${loaded} rules, expected ${rules.length}`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, yaml, 'utf8');
  return { rules, yaml };
}
