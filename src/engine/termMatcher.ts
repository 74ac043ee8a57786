/**
 * The term engine: flags non-conforming words (TERM_NIET_CONFORM) and numbers
 * that contradict a definition (DEFINITIE_STRIJDIG) in running text.
 *
 * All conforming forms, non-conforming words and unit words of the effective
 * definitions are compiled once into one automaton (automaton.ts) over folded
 * text (foldedText.ts), so a scan costs one pass whatever the number of terms.
 * The rules of what is flagged are documented in docs/termen-engine.md.
 */
import { normaliseForm } from '../definitions/normaliseForm';
import type { EffectiveDefinitions, EffectiveParameter, EffectiveTerm } from '../definitions/profile';
import { Automaton, MatchBuffer } from './automaton';
import { FoldBuffers, foldedSlice, foldText, type FoldedText } from './foldedText';
import { renderMessage } from './findings';
import { findNumberStatements, qualifierOf, type NumberStatement } from './numberStatements';
import { isAbbreviation, keepCase, stripMarks } from './letterCase';
import { formatAmount, UNIT_WORDS, parameterUnit } from './units';

export type LexiconKind = 'conform' | 'nonconform' | 'unit';

export interface LexiconEntry {
  /** Folded pattern. */
  readonly key: string;
  readonly kind: LexiconKind;
  readonly termId: string | null;
  /** May match inside a longer word (conforming forms always may). */
  readonly compound: boolean;
  /** For case-sensitive words: the form with its capitals (diacritics stripped). */
  readonly exact?: string;
  /** Replacements as written, before the case of the text is applied. */
  readonly suggestions: readonly string[];
  readonly reason: string;
}

export type TextFindingCode = 'TERM_NIET_CONFORM' | 'DEFINITIE_STRIJDIG';

/** A finding in a piece of text; offsets are into the original text. */
export interface TextFinding {
  readonly code: TextFindingCode;
  readonly term: string;
  readonly start: number;
  readonly end: number;
  readonly fragment: string;
  readonly suggestions: readonly string[];
  readonly message: string;
}

/** Conforming forms of a term: the term, its forms, the labels of its values. */
function conformingForms(term: EffectiveTerm): string[] {
  const forms = [term.term, ...term.forms];
  for (const value of term.values ?? []) {
    forms.push(value.label);
    const bare = /^\d+\s+(.+)$/.exec(value.label);
    if (bare) forms.push(bare[1]);
  }
  return forms;
}

/** Every pattern the engine looks for, derived from the effective definitions. */
export function buildLexicon(defs: EffectiveDefinitions): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  const seen = new Set<string>();
  const push = (entry: LexiconEntry): void => {
    const id = `${entry.kind}|${entry.termId}|${entry.key}|${entry.exact ?? ''}`;
    if (seen.has(id) || entry.key === '') return;
    seen.add(id);
    entries.push(entry);
  };
  for (const term of defs.terms) {
    for (const form of conformingForms(term)) {
      push({ key: normaliseForm(form), kind: 'conform', termId: term.id, compound: true, suggestions: [], reason: '' });
    }
    for (const nc of term.nonConforming) {
      const others = (nc.alsoTerms ?? []).map((id) => defs.byId.get(id)?.term ?? id);
      const variants: [string, string][] = [[nc.text, nc.replacement ?? term.term]];
      for (const [form, replacement] of Object.entries(nc.forms ?? {})) variants.push([form, replacement]);
      for (const [text, replacement] of variants) {
        push({
          key: normaliseForm(text),
          kind: 'nonconform',
          termId: term.id,
          compound: nc.compound === true,
          exact: nc.caseSensitive ? collapse(stripMarks(text)) : undefined,
          suggestions: [replacement, ...others],
          reason: nc.reason,
        });
      }
    }
  }
  for (const word of Object.keys(UNIT_WORDS)) {
    push({ key: word, kind: 'unit', termId: null, compound: false, suggestions: [], reason: '' });
  }
  return entries;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

interface Hit {
  readonly entry: number;
  readonly start: number;
  readonly end: number;
}

const HYPHEN = 45;
const APOSTROPHE = 39;

function isWordCode(code: number): boolean {
  if (code >= 97 && code <= 122) return true; // a-z (folded text is lower case)
  if (code >= 48 && code <= 57) return true;
  if (code < 128) return false;
  const ch = String.fromCharCode(code);
  return ch.toUpperCase() !== ch.toLowerCase() || (code >= 0xd800 && code <= 0xdfff);
}

/** A hyphen or apostrophe between two word characters joins them into one word. */
function isJoiner(text: Uint16Array, i: number): boolean {
  const code = text[i];
  return (
    (code === HYPHEN || code === APOSTROPHE) &&
    i > 0 &&
    i + 1 < text.length &&
    isWordCode(text[i - 1]) &&
    isWordCode(text[i + 1])
  );
}

function isInWord(text: Uint16Array, i: number): boolean {
  return i >= 0 && i < text.length && (isWordCode(text[i]) || isJoiner(text, i));
}

/** Whether [start, end) of folded text is a whole word (code units of the folded text). */
export function isWholeWord(text: Uint16Array, start: number, end: number): boolean {
  return !isInWord(text, start - 1) && !isInWord(text, end);
}

/** The word around [start, end): extends over letters, digits and joiners. */
function wordAround(text: Uint16Array, start: number, end: number): [number, number] {
  let s = start;
  while (isInWord(text, s - 1)) s--;
  let e = end;
  while (isInWord(text, e)) e++;
  return [s, e];
}

export class TermMatcher {
  readonly lexicon: readonly LexiconEntry[];
  private readonly automaton: Automaton;
  /** Fold buffers and match storage reused by every scan (a scan does not keep them). */
  private readonly buffers = new FoldBuffers();
  private readonly matches = new MatchBuffer();
  /** Kind of each lexicon entry as a number (CONFORM, NONCONFORM, UNIT). */
  private readonly kinds: Uint8Array;
  private readonly maxKeyLength: number;
  /** Number parameters by the id of a term whose mention states them. */
  private readonly numberParameters: ReadonlyMap<string, readonly ParameterMention[]>;
  /** 1 for lexicon entries whose term states a number parameter. */
  private readonly statesParameter: Uint8Array;
  /** Terms whose mention between a term and a number takes the number for itself. */
  private readonly blocking: ReadonlySet<string>;

  constructor(
    private readonly defs: EffectiveDefinitions,
    lexicon: readonly LexiconEntry[] = buildLexicon(defs),
  ) {
    this.lexicon = lexicon;
    this.automaton = new Automaton(lexicon.map((e) => e.key));
    this.kinds = Uint8Array.from(lexicon, (e) => (e.kind === 'conform' ? CONFORM : e.kind === 'nonconform' ? NONCONFORM : UNIT));
    this.maxKeyLength = lexicon.reduce((max, e) => Math.max(max, e.key.length), 0);
    const params = new Map<string, ParameterMention[]>();
    const add = (termId: string, mention: ParameterMention) => {
      const list = params.get(termId);
      if (list === undefined) params.set(termId, [mention]);
      else list.push(mention);
    };
    for (const term of defs.terms) {
      for (const parameter of term.parameters) {
        if (parameter.type !== 'number' || parameter.bound === undefined || parameter.unit === undefined) continue;
        if (parameterUnit(parameter.unit) === undefined) continue;
        const allowed = new Set([term.id, ...(parameter.about ?? []), ...(parameter.mentionedBy ?? [])]);
        for (const id of [term.id, ...(parameter.mentionedBy ?? [])]) add(id, { owner: term, parameter, allowed });
      }
    }
    this.numberParameters = params;
    this.statesParameter = Uint8Array.from(lexicon, (e) => (e.kind !== 'unit' && e.termId !== null && params.has(e.termId) ? 1 : 0));
    this.blocking = new Set(defs.terms.filter((t) => BLOCKING_CATEGORIES.has(t.category)).map((t) => t.id));
  }

  /** All findings in `text`, in text order. */
  scan(text: string): TextFinding[] {
    if (text.length === 0) return [];
    const folded = foldText(text, this.buffers);
    const matches = this.matches;
    this.automaton.scanInto(folded.codes, folded.codes.length, matches);
    const nonconform: Hit[] = [];
    const units: Hit[] = [];
    this.collectHits(folded, matches, nonconform, units);
    if (nonconform.length === 0 && units.length === 0) return [];

    const findings: TextFinding[] = [];
    const kept = this.resolveNonConforming(folded, matches, nonconform);
    this.toTermFindings(folded, kept, findings);
    if (units.length > 0 && this.numberParameters.size > 0) {
      this.checkNumbers(folded, matches, kept, units, findings);
    }
    findings.sort((a, b) => a.start - b.start || a.end - b.end);
    return findings;
  }

  /** The non-conforming and unit hits (conforming ones stay in `matches`). */
  private collectHits(folded: FoldedText, matches: MatchBuffer, nonconform: Hit[], units: Hit[]): void {
    const { lexicon, kinds } = this;
    const lengths = this.automaton.lengths;
    const text = folded.codes;
    for (let k = 0; k < matches.count; k++) {
      const entry = matches.patterns[k];
      const kind = kinds[entry];
      if (kind === CONFORM) continue;
      const end = matches.ends[k];
      const start = end - lengths[entry];
      const e = lexicon[entry];
      if (!e.compound && !isWholeWord(text, start, end)) continue;
      if (kind === UNIT) units.push({ entry, start, end });
      else if (e.exact === undefined || this.hasExactCase(folded, start, end, e.exact)) nonconform.push({ entry, start, end });
    }
  }

  private hasExactCase(folded: FoldedText, start: number, end: number, exact: string): boolean {
    const original = folded.source.slice(folded.origin[start], folded.originEnd(end - 1));
    return collapse(stripMarks(original)) === exact;
  }

  /**
   * Drops non-conforming hits inside a longer conforming hit, keeps the
   * longest of overlapping non-conforming hits, and drops a hit that reads as
   * a conforming form once a line-break hyphen is taken as a real hyphen.
   */
  private resolveNonConforming(folded: FoldedText, matches: MatchBuffer, nonconform: Hit[]): Hit[] {
    nonconform.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
    const kept: Hit[] = [];
    let lastEnd = -1;
    for (const hit of nonconform) {
      if (hit.start < lastEnd) continue;
      if (this.insideConforming(matches, hit)) continue;
      if (folded.joints.length > 0 && this.conformingAcrossJoint(folded, hit)) continue;
      kept.push(hit);
      lastEnd = hit.end;
    }
    return kept;
  }

  /** Whether a longer conforming hit covers `hit` (matches are in order of their end). */
  private insideConforming(matches: MatchBuffer, hit: Hit): boolean {
    const lengths = this.automaton.lengths;
    const length = hit.end - hit.start;
    const last = hit.start + this.maxKeyLength;
    for (let k = firstAtOrAfter(matches.ends, hit.end, matches.count); k < matches.count && matches.ends[k] <= last; k++) {
      const entry = matches.patterns[k];
      if (this.kinds[entry] !== CONFORM) continue;
      const len = lengths[entry];
      if (len > length && matches.ends[k] - len <= hit.start) return true;
    }
    return false;
  }

  private conformingAcrossJoint(folded: FoldedText, hit: Hit): boolean {
    const joints = folded.joints;
    for (let j = firstAtOrAfter(joints, hit.start); j < joints.length && joints[j] <= hit.end; j++) {
      const joint = joints[j];
      const [ws, we] = wordAround(folded.codes, hit.start, hit.end);
      const alternative = foldedSlice(folded, ws, joint) + '-' + foldedSlice(folded, joint, we);
      const hyphenAt = joint - ws;
      let covered = false;
      this.automaton.scan(alternative, (entry, start, end) => {
        if (this.lexicon[entry].kind === 'conform' && start < hyphenAt && end > hyphenAt + 1) covered = true;
      });
      if (covered) return true;
    }
    return false;
  }

  private toTermFindings(folded: FoldedText, kept: Hit[], findings: TextFinding[]): void {
    const text = folded.codes;
    let i = 0;
    while (i < kept.length) {
      const hit = kept[i];
      const entry = this.lexicon[hit.entry];
      if (!entry.compound) {
        const [start, end] = [folded.origin[hit.start], folded.originEnd(hit.end - 1)];
        const fragment = folded.source.slice(start, end);
        const suggestions = entry.suggestions.map((s) =>
          entry.exact !== undefined || isAbbreviation(fragment)
            ? capitaliseAtSentenceStart(folded.source, start, s)
            : keepCase(fragment, s),
        );
        findings.push(this.termFinding(entry, start, end, fragment, suggestions));
        i++;
        continue;
      }
      // Compound hits: one finding for the whole word, every hit in it replaced.
      const [ws, we] = wordAround(text, hit.start, hit.end);
      const group: Hit[] = [];
      while (i < kept.length && kept[i].start < we && this.lexicon[kept[i].entry].compound) group.push(kept[i++]);
      const start = folded.origin[ws];
      const end = folded.originEnd(we - 1);
      const fragment = folded.source.slice(start, end);
      const alternatives = entry.suggestions.map((_, alt) => rebuildWord(folded, ws, we, group, this.lexicon, alt));
      findings.push(this.termFinding(entry, start, end, fragment, alternatives));
    }
  }

  private termFinding(
    entry: LexiconEntry,
    start: number,
    end: number,
    fragment: string,
    suggestions: string[],
  ): TextFinding {
    return {
      code: 'TERM_NIET_CONFORM',
      term: entry.termId as string,
      start,
      end,
      fragment,
      suggestions,
      message: renderMessage('TERM_NIET_CONFORM', {
        fragment,
        suggesties: suggestions.map((s) => `'${s}'`).join(' of '),
        reden: entry.reason,
      }),
    };
  }

  private checkNumbers(folded: FoldedText, matches: MatchBuffer, kept: Hit[], units: Hit[], findings: TextFinding[]): void {
    // Only units near a mention of a term with a number parameter can matter.
    const near = this.parameterMentionEnds(matches, kept);
    if (near.length === 0) return;
    const nearby = units.filter((u) => {
      const k = firstAtOrAfter(near, u.start - PARAMETER_REACH);
      return k < near.length && near[k] <= u.end + PARAMETER_REACH;
    });
    const statements = findNumberStatements(folded, nearby, (hit) => UNIT_WORDS[this.lexicon[hit.entry].key]);
    for (const statement of statements) {
      const { from, to } = reach(folded, statement);
      // No term with a number parameter within reach: nothing to attribute.
      const k = firstAtOrAfter(near, from + 1);
      if (k === near.length || near[k] > to + this.maxKeyLength) continue;
      const mentions = this.mentionsNear(folded, matches, kept, from, to);
      const match = this.attribute(folded, statement, mentions);
      if (match === undefined) continue;
      const { owner, parameter } = match;
      const stated = (statement.amount * statement.unit.size) / (parameterUnit(parameter.unit!) as { size: number }).size;
      if (!contradicts(parameter, stated, qualifierOf(folded, statement))) continue;
      const suggestion = formatAmount(parameter.value as number, parameter.unit!);
      const fragment = folded.source.slice(statement.start, statement.end);
      const deviation = parameter.deviation !== undefined && this.defs.profile !== null;
      findings.push({
        code: 'DEFINITIE_STRIJDIG',
        term: owner.id,
        start: statement.start,
        end: statement.end,
        fragment,
        suggestions: [suggestion],
        message: renderMessage('DEFINITIE_STRIJDIG', {
          fragment,
          term: owner.term,
          regel: `${lowerFirst(parameter.label)}: ${boundWord(parameter)}${suggestion}`,
          profiel: deviation ? `, profiel ${this.defs.profile!.naam}` : '',
        }),
      });
    }
  }

  /** Ends of the hits of terms that state a number parameter, ascending. */
  private parameterMentionEnds(matches: MatchBuffer, kept: Hit[]): number[] {
    const ends: number[] = [];
    for (let k = 0; k < matches.count; k++) {
      if (this.statesParameter[matches.patterns[k]] === 1) ends.push(matches.ends[k]);
    }
    for (const hit of kept) if (this.statesParameter[hit.entry] === 1) ends.push(hit.end);
    return kept.length > 0 ? ends.sort((a, b) => a - b) : ends;
  }

  /**
   * Whole-word term mentions within reach [from, to] of a statement (see
   * `reach`), sorted by start, without those inside a longer mention: conforming hits
   * from `matches` and the kept non-conforming hits.
   */
  private mentionsNear(folded: FoldedText, matches: MatchBuffer, kept: Hit[], from: number, to: number): Hit[] {
    const lengths = this.automaton.lengths;
    const hits: Hit[] = [];
    for (let k = firstAtOrAfter(matches.ends, from + 1, matches.count); k < matches.count && matches.ends[k] <= to; k++) {
      const entry = matches.patterns[k];
      if (this.kinds[entry] !== CONFORM) continue;
      const end = matches.ends[k];
      hits.push({ entry, start: end - lengths[entry], end });
    }
    for (let i = firstStartingAtOrAfter(kept, from - this.maxKeyLength); i < kept.length && kept[i].start < to; i++) {
      if (kept[i].end > from) hits.push(kept[i]);
    }
    return maximalMentions(folded.codes, hits, this.lexicon);
  }

  /**
   * The parameter a number phrase speaks of: the nearest mention of a term
   * with a parameter of the same dimension, before the phrase (at most 12
   * words) or just after it (at most 3 words), in the same sentence, with no
   * other term in between that would take the number for itself.
   */
  private attribute(folded: FoldedText, statement: NumberStatement, mentions: Hit[]): ParameterMention | undefined {
    let best: { mention: ParameterMention; index: number; distance: number } | undefined;
    mentions.forEach((m, index) => {
      const candidates = this.numberParameters.get(this.lexicon[m.entry].termId as string);
      const mention = candidates?.find((c) => parameterUnit(c.parameter.unit!)!.dimension === statement.unit.dimension);
      if (mention === undefined) return;
      const distance = wordsBetween(folded, m, statement);
      if (best === undefined || distance < best.distance) best = { mention, index, distance };
    });
    if (best === undefined) return undefined;
    const found: { mention: ParameterMention; index: number } = best;
    // A term with durations of its own in between takes the number for itself.
    const chosen = mentions[found.index];
    const [from, to] = chosen.end <= statement.foldedStart ? [chosen.end, statement.foldedStart] : [statement.foldedEnd, chosen.start];
    for (const m of mentions) {
      if (m === chosen || m.start < from || m.end > to) continue;
      const id = this.lexicon[m.entry].termId as string;
      if (this.blocking.has(id) && !found.mention.allowed.has(id)) return undefined;
    }
    return found.mention;
  }
}

/** Index of the first hit with start >= `position` (hits sorted by start). */
function firstStartingAtOrAfter(hits: readonly { start: number }[], position: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid].start < position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first value >= `position` among the first `count` values of an ascending list. */
function firstAtOrAfter(values: ArrayLike<number>, position: number, count = values.length): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A term whose mention states a number parameter (of itself or of the owner term). */
interface ParameterMention {
  readonly owner: EffectiveTerm;
  readonly parameter: EffectiveParameter;
  /** Terms that may stand between the mention and the number. */
  readonly allowed: ReadonlySet<string>;
}

/** Terms that have durations of their own: a mention of one takes a nearby number for itself. */
const BLOCKING_CATEGORIES = new Set(['proces', 'instrumenten', 'resultaten', 'contract', 'indicatoren']);

/** Whole-word term mentions, leaving out those inside a longer mention. */
function maximalMentions(text: Uint16Array, hits: Hit[], lexicon: readonly LexiconEntry[]): Hit[] {
  const sorted = hits
    .filter((h) => lexicon[h.entry].termId !== null && isWholeWord(text, h.start, h.end))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  let maxEnd = -1;
  for (const h of sorted) {
    if (h.end <= maxEnd) continue;
    out.push(h);
    maxEnd = h.end;
  }
  return out;
}

function lowerFirst(text: string): string {
  return text.length > 1 && text.charAt(1) === text.charAt(1).toLowerCase() ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

const MAX_WORDS_APART = 12;
/** Characters around a unit word within which a parameter's term must be mentioned (well over 12 words). */
const PARAMETER_REACH = 1000;
const CONFORM = 0;
const NONCONFORM = 1;
const UNIT = 2;
const MAX_WORDS_AFTER = 3;

/**
 * The stretch of folded text where a statement's term may be mentioned: back
 * to at most 12 words before the number and ahead to at most 3 words after
 * the unit, never past a sentence end (. ! ? ; before a space) or a blank line.
 */
function reach(folded: FoldedText, statement: NumberStatement): { from: number; to: number } {
  const { codes, paragraphBreaks } = folded;
  const isBreak = (i: number): boolean => {
    const k = firstAtOrAfter(paragraphBreaks, i);
    return k < paragraphBreaks.length && paragraphBreaks[k] === i;
  };
  let from = statement.foldedStart;
  let spaces = 0;
  while (from > 0) {
    const c = codes[from - 1];
    if (c === SPACE) {
      if (++spaces > MAX_WORDS_APART + 1 || isBreak(from - 1)) break;
      if (from >= 2 && SENTENCE_END.has(codes[from - 2])) break;
    }
    from--;
  }
  let to = statement.foldedEnd;
  spaces = 0;
  while (to < codes.length) {
    const c = codes[to];
    if (c === SPACE && (++spaces > MAX_WORDS_AFTER + 1 || isBreak(to))) break;
    if (SENTENCE_END.has(c) && (to + 1 === codes.length || codes[to + 1] === SPACE)) break;
    to++;
  }
  return { from, to };
}

const SPACE = 32;
const SENTENCE_END = new Set(['.', '!', '?', ';'].map((c) => c.charCodeAt(0)));

/** Words between a mention and a statement (both within reach of each other). */
function wordsBetween(folded: FoldedText, mention: Hit, statement: NumberStatement): number {
  const mentionFirst = mention.end <= statement.foldedStart;
  const from = mentionFirst ? mention.end : statement.foldedEnd;
  const to = mentionFirst ? statement.foldedStart : mention.start;
  let spaces = 0;
  for (let i = from; i < to; i++) if (folded.codes[i] === SPACE) spaces++;
  return Math.max(0, spaces - 1);
}

function contradicts(parameter: EffectiveParameter, stated: number, qualifier: 'min' | 'max' | null): boolean {
  const value = parameter.value as number;
  const differs = Math.abs(stated - value) > 1e-9;
  switch (parameter.bound) {
    case 'minimum':
      return stated < value - 1e-9 || (differs && qualifier === 'min');
    case 'maximum':
      return stated > value + 1e-9 || (differs && qualifier === 'max');
    case 'exact':
      return differs;
    default:
      return false;
  }
}

function boundWord(parameter: EffectiveParameter): string {
  return parameter.bound === 'minimum' ? 'minimaal ' : parameter.bound === 'maximum' ? 'maximaal ' : '';
}

/** At the start of the text or of a sentence, the suggestion starts with a capital. */
function capitaliseAtSentenceStart(source: string, start: number, suggestion: string): string {
  const before = source.slice(0, start).trimEnd();
  if (before === '' || /[.!?]$/.test(before)) return suggestion.charAt(0).toUpperCase() + suggestion.slice(1);
  return suggestion;
}

/**
 * The word [ws, we) with each compound hit replaced by its suggestion
 * (alternative `alt` where a hit has it, else its first), every other
 * character as in the original text (a removed line-break hyphen stays out).
 */
function rebuildWord(
  folded: FoldedText,
  ws: number,
  we: number,
  hits: Hit[],
  lexicon: readonly LexiconEntry[],
  alt: number,
): string {
  let out = '';
  let i = ws;
  for (const hit of hits) {
    for (; i < hit.start; i++) out += folded.source.slice(folded.origin[i], folded.originEnd(i));
    const original = folded.source.slice(folded.origin[hit.start], folded.originEnd(hit.end - 1));
    const suggestions = lexicon[hit.entry].suggestions;
    out += keepCase(original.replace(/-\s*\r?\n\s*/g, ''), suggestions[Math.min(alt, suggestions.length - 1)]);
    i = hit.end;
  }
  for (; i < we; i++) out += folded.source.slice(folded.origin[i], folded.originEnd(i));
  return out;
}

const matchers = new WeakMap<EffectiveDefinitions, TermMatcher>();

/** The compiled matcher for a set of effective definitions (compiled once). */
export function termMatcher(defs: EffectiveDefinitions): TermMatcher {
  let matcher = matchers.get(defs);
  if (matcher === undefined) {
    matcher = new TermMatcher(defs);
    matchers.set(defs, matcher);
  }
  return matcher;
}
