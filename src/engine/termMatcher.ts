/**
 * The term engine: flags non-conforming words (TERM_NIET_CONFORM) and numbers
 * that contradict a definition (DEFINITIE_STRIJDIG) in running text.
 *
 * All conforming forms, non-conforming words and unit words of the effective
 * definitions are compiled once into one automaton (automaton.ts) over folded
 * text (foldedText.ts), so a scan costs one pass whatever the number of terms.
 * What the automaton finds is then judged in its context (textContext.ts):
 * a word in a name, a title or a URL, in text about the word, or in a
 * statement about the past is not flagged. The rules are documented in
 * docs/termen-engine.md.
 */
import { normaliseForm } from '../definitions/normaliseForm';
import type { EffectiveDefinitions, EffectiveParameter, EffectiveTerm } from '../definitions/profile';
import { Automaton, MatchBuffer } from './automaton';
import { IntList } from './intList';
import { FoldBuffers, foldedSlice, foldText, type FoldedText, type TextRange } from './foldedText';
import { renderMessage } from './findings';
import { findNumberStatements, MAX_WORDS, MIN_WORDS, qualifierOf, type NumberStatement, type UnitHit } from './numberStatements';
import { isCasedCode, isSurrogateCode } from './charClasses';
import { isAbbreviation, keepCase, stripMarks } from './letterCase';
import { META_WORD_STARTS, TextContext } from './textContext';
import { convert, comparable, formatAmount, PREFIX_UNIT_WORDS, UNIT_WORDS, parameterUnit, type UnitWord } from './units';

export type LexiconKind = 'conform' | 'nonconform' | 'unit';

/** How the context decides about a non-conforming word (folded words). */
export interface EntryRules {
  /** Not flagged when directly followed by one of these ("uitstroom uit"). */
  readonly after: readonly string[];
  /** Not flagged when directly preceded by one of these ("in- en uitstroom"). */
  readonly before: readonly string[];
  /** Not flagged when the paragraph mentions one of these (another meaning of the word)... */
  readonly otherNear: readonly string[];
  /** ...unless the word is directly followed by one of these. */
  readonly unlessFollowedBy: readonly string[];
  /** A name that was right until this year. */
  readonly historicUntil?: number;
}

export interface LexiconEntry {
  /** Folded pattern. */
  readonly key: string;
  readonly kind: LexiconKind;
  readonly termId: string | null;
  /** May match inside a longer word (conforming forms always may). */
  readonly compound: boolean;
  /** May match as a part of a compound written with a hyphen or an apostrophe ("NCNP-regeling"). */
  readonly hyphenated?: boolean;
  /** For case-sensitive words: the form with its capitals (diacritics stripped). */
  readonly exact?: string;
  /** Replacements as written, before the case of the text is applied. */
  readonly suggestions: readonly string[];
  readonly reason: string;
  /** Ids of the terms the suggestions stand for (the entry's term and its alsoTerms). */
  readonly meanings?: readonly string[];
  /** A job title or role: flagged also when written with a capital inside a name. */
  readonly role?: boolean;
  readonly rules?: EntryRules;
  /** A unit that precedes its number (€). */
  readonly prefixUnit?: boolean;
}

export type TextFindingCode = 'TERM_NIET_CONFORM' | 'DEFINITIE_STRIJDIG';

/** The suggestions for a word as written, and the message that names them. */
interface Worded {
  readonly suggestions: readonly string[];
  readonly message: string;
}

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

/** Conforming forms of a term: the term, its forms, the phrases that name it, the labels of its values. */
function conformingForms(term: EffectiveTerm): string[] {
  const forms = [term.term, ...term.forms, ...(term.mentions ?? [])];
  for (const value of term.values ?? []) {
    forms.push(value.label);
    const bare = /^\d+\s+(.+)$/.exec(value.label);
    if (bare) forms.push(bare[1]);
  }
  return forms;
}

const fold = (words: readonly string[] | undefined): string[] => (words ?? []).map(normaliseForm);

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
      const rules: EntryRules = {
        after: fold(nc.qualifiedBy?.after),
        before: fold(nc.qualifiedBy?.before),
        otherNear: fold(nc.otherMeaning?.near),
        unlessFollowedBy: fold(nc.otherMeaning?.unlessFollowedBy),
        historicUntil: nc.historic?.until,
      };
      for (const [text, replacement] of variants) {
        push({
          key: normaliseForm(text),
          kind: 'nonconform',
          termId: term.id,
          compound: nc.compound === true,
          hyphenated: nc.hyphenated === true,
          exact: nc.caseSensitive ? collapse(stripMarks(text)) : undefined,
          suggestions: [replacement, ...others],
          reason: nc.reason,
          meanings: [term.id, ...(nc.alsoTerms ?? [])],
          role: term.category === 'actoren',
          rules,
        });
      }
    }
  }
  for (const word of Object.keys(UNIT_WORDS)) {
    push({ key: word, kind: 'unit', termId: null, compound: false, suggestions: [], reason: '' });
  }
  for (const word of Object.keys(PREFIX_UNIT_WORDS)) {
    push({ key: word, kind: 'unit', termId: null, compound: false, suggestions: [], reason: '', prefixUnit: true });
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
  /** Found inside a longer word (a compound entry, or a hyphenated one inside a compound). */
  readonly inWord: boolean;
}

const HYPHEN = 45;
const APOSTROPHE = 39;

function isWordCode(code: number): boolean {
  if (code >= 97 && code <= 122) return true; // a-z (folded text is lower case)
  if (code >= 48 && code <= 57) return true;
  if (code < 128) return false;
  return isCasedCode(code) || isSurrogateCode(code);
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

/** A word character or a joiner at `i` (as isWordCode || isJoiner, in one call: it runs for every hit's edges). */
function isInWord(text: Uint16Array, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const code = text[i];
  if (code >= 128) return isCasedCode(code) || isSurrogateCode(code);
  if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) return true;
  return (code === HYPHEN || code === APOSTROPHE) && i > 0 && i + 1 < text.length && isWordCode(text[i - 1]) && isWordCode(text[i + 1]);
}

/** Whether [start, end) of folded text is a whole word (code units of the folded text). */
export function isWholeWord(text: Uint16Array, start: number, end: number): boolean {
  return !isInWord(text, start - 1) && !isInWord(text, end);
}

/** Whether [start, end) is a whole part of a compound: each side a word boundary or a joining hyphen or apostrophe. */
function isCompoundPart(text: Uint16Array, start: number, end: number): boolean {
  const left = !isInWord(text, start - 1) || isJoiner(text, start - 1);
  const right = !isInWord(text, end) || isJoiner(text, end);
  return left && right;
}

/** The word around [start, end): extends over letters, digits and joiners. */
function wordAround(text: Uint16Array, start: number, end: number): [number, number] {
  return [wordStartAt(text, start), wordEndAt(text, end)];
}

/** Where the word that goes on at `start` starts. */
function wordStartAt(text: Uint16Array, start: number): number {
  let s = start;
  while (isInWord(text, s - 1)) s--;
  return s;
}

/** Where the word that goes on at `end - 1` ends. */
function wordEndAt(text: Uint16Array, end: number): number {
  let e = end;
  while (isInWord(text, e)) e++;
  return e;
}

/** Two or more words that each start with a capital, not all in capitals ("No-Cure-No-Pay", "Vaste Plaatsing"). */
function isTitleCasePhrase(text: string): boolean {
  // Fast way out: a phrase of one word, or one that starts with a small letter.
  const first = text.charAt(0);
  if (first === first.toLowerCase() || !/[\s\-/]/.test(text)) return false;
  const words = text.split(/[\s\-/]+/).filter((w) => w !== '');
  if (words.length < 2) return false;
  return words.every((w) => w.charAt(0) !== w.charAt(0).toLowerCase()) && text !== text.toUpperCase();
}

/**
 * Whether the case of a suggestion for `original` depends on where the
 * sentence starts rather than on `original` itself (see suggestionCase).
 */
function caseFromSentence(original: string, entry: LexiconEntry): boolean {
  return entry.exact !== undefined || isAbbreviation(original) || isTitleCasePhrase(original);
}

/**
 * The suggestion in the case the text asks for: an abbreviation, a word whose
 * capitals are the fault (case-sensitive entries) or a phrase in title case
 * says nothing about the case of the words it stands for, so their suggestion
 * gets a capital only at the start of a sentence; otherwise the case of the
 * replaced text carries over (keepCase).
 */
function suggestionCase(original: string, suggestion: string, entry: LexiconEntry, atSentenceStart: () => boolean): string {
  if (caseFromSentence(original, entry)) {
    return atSentenceStart() ? suggestion.charAt(0).toUpperCase() + suggestion.slice(1) : suggestion;
  }
  return keepCase(original, suggestion);
}

export class TermMatcher {
  readonly lexicon: readonly LexiconEntry[];
  private readonly automaton: Automaton;
  /** Fold buffers and match storage reused by every scan (a scan does not keep them). */
  private readonly buffers = new FoldBuffers();
  private readonly matches = new MatchBuffer();
  /** Kind of each automaton pattern as a number (CONFORM, NONCONFORM, UNIT; META_WORD after the lexicon). */
  private readonly kinds: Uint8Array;
  /** What each lexicon entry allows, as bits (COMPOUND, PREFIX_UNIT, HYPHENATED, EXACT). */
  private readonly entryFlags: Uint8Array;
  /** Original offsets where a word about words may start, from the last scan. */
  private readonly metaWords = new IntList();
  /** Folded offsets of the brackets and slashes of the last scan, ascending. */
  private readonly glossMarks = new IntList();
  /**
   * Folded ends of the matches of the last scan whose term states a number
   * parameter, ascending (every kept non-conforming hit is one of them).
   */
  private readonly parameterEnds = new IntList();
  private readonly maxKeyLength: number;
  /** Number parameters by the id of a term whose mention states them. */
  private readonly numberParameters: ReadonlyMap<string, readonly ParameterMention[]>;
  /** 1 for lexicon entries whose term states a number parameter. */
  private readonly statesParameter: Uint8Array;
  /** The unit of each unit entry (undefined for the others). */
  private readonly unitHits: readonly (UnitHit | undefined)[];
  /** Terms whose mention between a term and a number takes the number for itself. */
  private readonly blocking: ReadonlySet<string>;
  /** Folded conforming forms by term id (to see whether a passage names a term). */
  private readonly conformKeys: ReadonlyMap<string, readonly string[]>;
  /** For each lexicon entry, the indexes (in defs.terms) of the terms it stands for. */
  private readonly entryTerms: readonly Int32Array[];
  /** For each lexicon entry, the index of its term if it is a conforming form, else -1. */
  private readonly conformTerm: Int32Array;
  /** Per term, the stamp of the last paragraph found to name it (ParagraphFacts). */
  private readonly named: Int32Array;
  private stamps = 0;
  private readonly nextStamp = (): number => this.stamps++;

  constructor(
    private readonly defs: EffectiveDefinitions,
    lexicon: readonly LexiconEntry[] = buildLexicon(defs),
  ) {
    this.lexicon = lexicon;
    // Found in the same pass: the words about words (candidates for the context, textContext.ts) and
    // the brackets and slashes a gloss follows.
    this.automaton = new Automaton([...lexicon.map((e) => e.key), ...META_WORD_STARTS, ...GLOSS_MARKS]);
    this.kinds = new Uint8Array(lexicon.length + META_WORD_STARTS.length + GLOSS_MARKS.length);
    lexicon.forEach((e, i) => (this.kinds[i] = e.kind === 'conform' ? CONFORM : e.kind === 'nonconform' ? NONCONFORM : UNIT));
    this.kinds.fill(META_WORD, lexicon.length, lexicon.length + META_WORD_STARTS.length);
    this.kinds.fill(GLOSS_MARK, lexicon.length + META_WORD_STARTS.length);
    this.entryFlags = Uint8Array.from(
      lexicon,
      (e) => (e.compound ? COMPOUND : 0) | (e.prefixUnit === true ? PREFIX_UNIT : 0) | (e.hyphenated === true ? HYPHENATED : 0) | (e.exact !== undefined ? EXACT : 0),
    );
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
        const unit = parameterUnit(parameter.unit);
        if (unit === undefined) continue;
        // A limit that is someone else's rule counts only when a profile sets it.
        if (parameter.onlyWithProfile === true && parameter.deviation === undefined) continue;
        const allowed = new Set([term.id, ...(parameter.about ?? []), ...(parameter.mentionedBy ?? [])]);
        for (const id of [term.id, ...(parameter.mentionedBy ?? [])]) add(id, { owner: term, parameter, unit, allowed });
      }
    }
    this.numberParameters = params;
    this.statesParameter = Uint8Array.from(lexicon, (e) => (e.kind !== 'unit' && e.termId !== null && params.has(e.termId) ? 1 : 0));
    this.unitHits = lexicon.map((e): UnitHit | undefined => {
      const unit = e.kind !== 'unit' ? undefined : e.prefixUnit === true ? PREFIX_UNIT_WORDS[e.key] : UNIT_WORDS[e.key];
      return unit === undefined ? undefined : { unit, prefix: e.prefixUnit === true };
    });
    this.blocking = new Set(defs.terms.filter((t) => BLOCKING_CATEGORIES.has(t.category)).map((t) => t.id));
    const keys = new Map<string, string[]>();
    for (const e of lexicon) {
      if (e.kind !== 'conform' || e.termId === null) continue;
      const list = keys.get(e.termId);
      if (list === undefined) keys.set(e.termId, [e.key]);
      else list.push(e.key);
    }
    this.conformKeys = keys;
    const termIndex = new Map(defs.terms.map((t, i) => [t.id, i]));
    const indexOf = (id: string | null): number => (id === null ? -1 : (termIndex.get(id) ?? -1));
    this.entryTerms = lexicon.map((e) => Int32Array.from((e.meanings ?? [e.termId]).map(indexOf).filter((i) => i >= 0)));
    this.conformTerm = Int32Array.from(lexicon, (e) => (e.kind === 'conform' ? indexOf(e.termId) : -1));
    this.named = new Int32Array(defs.terms.length).fill(-1);
  }

  /**
   * All findings in `text`, in text order; with `range`, those in that part
   * of it (offsets stay offsets into `text`, and what the whole text says
   * about itself, such as its date and its titles, still counts). A range
   * from one paragraph break to another gives exactly the findings the whole
   * scan gives there.
   */
  scan(text: string, range?: TextRange): TextFinding[] {
    if (text.length === 0 || (range !== undefined && range.to <= range.from)) return [];
    const folded = foldText(text, this.buffers, range);
    const matches = this.matches;
    this.automaton.scanInto(folded.codes, folded.codes.length, matches);
    const nonconform: Hit[] = [];
    const units: Hit[] = [];
    this.collectHits(folded, matches, nonconform, units);
    if (nonconform.length === 0 && units.length === 0) return [];

    const findings: TextFinding[] = [];
    const context = new TextContext(text, {
      candidates: this.metaWords.values,
      count: this.metaWords.count,
      from: range?.from ?? 0,
      to: range?.to ?? text.length,
    });
    const kept = this.judge(folded, context, this.resolveNonConforming(folded, matches, nonconform));
    this.toTermFindings(folded, context, kept, findings);
    if (units.length > 0 && this.numberParameters.size > 0) {
      this.checkNumbers(folded, context, matches, kept, units, findings);
    }
    findings.sort((a, b) => a.start - b.start || a.end - b.end);
    this.paragraph = undefined;
    return findings;
  }

  /**
   * The non-conforming and unit hits; conforming ones stay in `matches`, the
   * words about words (original offsets) and gloss marks go to their lists
   * and out of `matches`.
   */
  private collectHits(folded: FoldedText, matches: MatchBuffer, nonconform: Hit[], units: Hit[]): void {
    const { kinds, entryFlags, metaWords, glossMarks, parameterEnds, statesParameter } = this;
    const lengths = this.automaton.lengths;
    const text = folded.codes;
    const { patterns, ends } = matches;
    metaWords.clear();
    glossMarks.clear();
    parameterEnds.clear();
    let kept = 0;
    for (let k = 0; k < matches.count; k++) {
      const entry = patterns[k];
      const end = ends[k];
      const kind = kinds[entry];
      if (kind >= META_WORD) {
        if (kind === META_WORD) metaWords.push(folded.origin[end - lengths[entry]]);
        else glossMarks.push(end - 1);
        continue;
      }
      patterns[kept] = entry;
      ends[kept] = end;
      kept++;
      if (statesParameter[entry] === 1) parameterEnds.push(end);
      if (kind === CONFORM) continue;
      const start = end - lengths[entry];
      const flags = entryFlags[entry];
      let inWord = (flags & COMPOUND) !== 0;
      if (!inWord && !isWholeWord(text, start, end)) {
        if ((flags & PREFIX_UNIT) !== 0) {
          if (isInWord(text, start - 1)) continue;
        } else if ((flags & HYPHENATED) !== 0 && isCompoundPart(text, start, end)) inWord = true;
        else continue;
      }
      if (kind === UNIT) units.push({ entry, start, end, inWord: false });
      else if ((flags & EXACT) === 0 || this.hasExactCase(folded, start, end, this.lexicon[entry].exact as string)) {
        nonconform.push({ entry, start, end, inWord });
      }
    }
    matches.count = kept;
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
    for (let j = firstInListAtOrAfter(joints, hit.start); j < joints.length && joints[j] <= hit.end; j++) {
      const joint = joints[j];
      const [ws, we] = wordAround(folded.codes, hit.start, hit.end);
      const alternative = foldedSlice(folded, ws, joint) + '-' + foldedSlice(folded, joint, we);
      const hyphenAt = joint - ws;
      let covered = false;
      this.automaton.scan(alternative, (entry, start, end) => {
        if (this.kinds[entry] === CONFORM && start < hyphenAt && end > hyphenAt + 1) covered = true;
      });
      if (covered) return true;
    }
    return false;
  }

  // ---- the context of a non-conforming word ------------------------------------------------------

  /**
   * Keeps the hits that are real findings. Not flagged: a word the sentence
   * qualifies ("uitstroom uit de bijstand"), a word with another meaning in
   * this paragraph, a word in a URL, e-mail address, title or name, a word the
   * text speaks about (a gloss, a glossary line, a sentence about names), and
   * an old name in a statement about the time it was right.
   */
  private judge(folded: FoldedText, context: TextContext, hits: Hit[]): Hit[] {
    const n = hits.length;
    const codes = folded.codes;
    // The flagged words, folded and original (a hit inside a word flags the whole word).
    const wordStarts = new Int32Array(n);
    const wordEnds = new Int32Array(n);
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    // Hits inside the same word (they come in order) share its bounds: looked up once per word, so a
    // long run of letters with many hits in it is not walked again for each.
    let wordStart = -1;
    let wordEnd = -1;
    for (let i = 0; i < n; i++) {
      const hit = hits[i];
      if (hit.inWord && !(hit.start >= wordStart && hit.end <= wordEnd)) {
        wordStart = wordStartAt(codes, hit.start);
        wordEnd = wordEndAt(codes, hit.end);
      }
      const ws = hit.inWord ? wordStart : hit.start;
      const we = hit.inWord ? wordEnd : hit.end;
      wordStarts[i] = ws;
      wordEnds[i] = we;
      starts[i] = folded.origin[ws];
      ends[i] = folded.originEnd(we - 1);
    }
    const flagged = (offset: number): boolean => {
      const k = firstAtOrAfter(ends, offset + 1);
      return k < n && starts[k] <= offset;
    };
    const kept: Hit[] = [];
    for (let i = 0; i < n; i++) {
      // A name and its abbreviation in brackets ("Algemene bijstandswet (Abw)"): the text introduces the name.
      if (i + 1 < n && this.namesWithAbbreviation(folded, hits[i], hits[i + 1])) {
        i++;
        continue;
      }
      if (this.keep(folded, context, hits[i], wordStarts[i], wordEnds[i], starts[i], ends[i], flagged)) kept.push(hits[i]);
    }
    return kept;
  }

  /** Whether `hit` (its word [ws, we) folded, [start, end) original) is a finding in its context. */
  private keep(
    folded: FoldedText,
    context: TextContext,
    hit: Hit,
    ws: number,
    we: number,
    start: number,
    end: number,
    flagged: (offset: number) => boolean,
  ): boolean {
    const entry = this.lexicon[hit.entry];
    const rules = entry.rules;
    if (rules !== undefined) {
      if (rules.after.length > 0 && followedBy(folded, we, rules.after)) return false;
      if (rules.before.length > 0 && precededBy(folded, ws, rules.before)) return false;
      if (rules.otherNear.length > 0) {
        const paragraph = this.paragraphOf(folded, hit);
        if (rules.otherNear.some((w) => paragraph.hasWord(w)) && !followedBy(folded, we, rules.unlessFollowedBy)) return false;
      }
    }
    if (context.inAddress(start, end) || context.inTitle(start, end) || context.inCitation(start) || context.inCode(start, end)) return false;
    if (entry.role !== true && context.inCapitalisedName(start, end, flagged)) return false;
    if (this.glossAfterStandardTerm(folded, ws, entry, flagged)) return false;
    const line = context.glossaryLine(start);
    if (line !== undefined) {
      const inHead = start >= line.head.start && end <= line.head.end;
      if (inHead && this.namesTerm(normaliseForm(line.bodyText), entry)) return false;
      const expansion =
        start >= line.body.start &&
        /^[\p{Lu}][\p{L}]{1,7}$/u.test(line.headText.trim()) &&
        (line.headText.match(/\p{Lu}/gu) ?? []).length >= 2 &&
        line.headText.trim().charAt(0).toLowerCase() === line.bodyText.charAt(0).toLowerCase();
      if (expansion) return false;
    }
    // The paragraph test first: it reads only the automaton's matches, the sentence test the text.
    if (this.paragraphNamesTerm(folded, hit) && context.speaksAboutWords(start)) return false;
    if (rules?.historicUntil !== undefined && context.speaksOfTimeBefore(start, rules.historicUntil)) return false;
    return true;
  }

  private paragraph: ParagraphFacts | undefined;

  /**
   * What the paragraph (between blank lines) of `hit` holds, worked out once
   * per paragraph: the hits of a scan come in text order, so a paragraph's
   * facts serve all its hits, and a text that is one long paragraph (no blank
   * lines) is still read once, not once per hit.
   */
  private paragraphOf(folded: FoldedText, hit: Hit): ParagraphFacts {
    const breaks = folded.paragraphBreaks;
    const k = firstInListAtOrAfter(breaks, hit.start + 1);
    const from = k > 0 ? breaks[k - 1] : 0;
    const known = this.paragraph;
    if (known !== undefined && known.folded === folded && known.from === from) return known;
    const to = k < breaks.length ? breaks[k] : folded.codes.length;
    this.paragraph = new ParagraphFacts(folded, from, to);
    return this.paragraph;
  }

  /** Whether the paragraph of `hit` mentions a conforming form of a term the entry stands for (from the automaton's matches). */
  private paragraphNamesTerm(folded: FoldedText, hit: Hit): boolean {
    return this.paragraphOf(folded, hit).namesAnyOf(this.entryTerms[hit.entry], this.matches, this.conformTerm, this.named, this.nextStamp);
  }

  /** Whether folded `text` contains a conforming form of a term the entry stands for. */
  private namesTerm(text: string, entry: LexiconEntry): boolean {
    for (const id of entry.meanings ?? (entry.termId === null ? [] : [entry.termId])) {
      for (const key of this.conformKeys.get(id) ?? []) if (text.includes(key)) return true;
    }
    return false;
  }

  /**
   * A gloss right after the standard term: "niet-uitkeringsgerechtigde
   * werkzoekenden (nuggers)", "de werkcoach (voorheen klantmanager)",
   * "iedere werkcoach/klantmanager".
   */
  private glossAfterStandardTerm(folded: FoldedText, start: number, entry: LexiconEntry, flagged: (offset: number) => boolean): boolean {
    // Fast way out: no bracket or slash just before the word (a gloss word such as "voorheen" may stand between);
    // the loop below looks back 25 characters at most.
    const marks = this.glossMarks;
    const last = firstAtOrAfter(marks.values, start, marks.count) - 1;
    if (last < 0 || marks.values[last] < start - 25) return false;
    const codes = folded.codes;
    let k = start - 1;
    while (k >= 0 && start - k <= 24 && codes[k] !== 40 && codes[k] !== 47 && (codes[k] === 32 || codes[k] === 58 || isWordCode(codes[k]))) k--;
    if (k < 0 || (codes[k] !== 40 && codes[k] !== 47)) return false;
    const from = Math.max(0, start - 90);
    const before = foldedSlice(folded, from, start);
    const m =
      /^(.*)\((?:voorheen |vroeger |oud: |ook wel |ook |zogenaamde |zogenoemde |afgekort |kortweg |in de wandeling |of )?$/.exec(before) ??
      /^(.*[^\s/])\/$/.exec(before);
    if (m === null) return false;
    // The three words before the bracket, up to a word that is itself flagged.
    let lead = m[1].trimEnd();
    const words: string[] = [];
    while (words.length < 3 && lead !== '') {
      const space = lead.lastIndexOf(' ');
      if (flagged(folded.origin[from + space + 1])) break;
      words.unshift(lead.slice(space + 1));
      lead = space < 0 ? '' : lead.slice(0, space);
    }
    return this.namesTerm(words.join(' '), entry);
  }

  /** A non-conforming name right before another of the same term in brackets: "Algemene bijstandswet (Abw)". */
  private namesWithAbbreviation(folded: FoldedText, hit: Hit, next: Hit): boolean {
    if (this.lexicon[hit.entry].termId !== this.lexicon[next.entry].termId) return false;
    const codes = folded.codes;
    const gap = next.start - hit.end;
    if (codes[next.start - 1] !== 40 /* ( */ || gap > 2 || (gap === 2 && codes[hit.end] !== 32)) return false;
    return codes[next.end] === 41; // ')'
  }

  // ---- findings ------------------------------------------------------------------------------------

  private toTermFindings(folded: FoldedText, context: TextContext, kept: Hit[], findings: TextFinding[]): void {
    const text = folded.codes;
    // The same word written the same way gets the same suggestions and message: worded once per scan,
    // and once more at a sentence start where its case depends on the sentence. By lexicon entry, then
    // by the word as written.
    const sentenceCases: Map<string, boolean>[] = [];
    const inSentence: Map<string, Worded>[] = [];
    const atSentenceStart: Map<string, Worded>[] = [];
    let i = 0;
    while (i < kept.length) {
      const hit = kept[i];
      const entry = this.lexicon[hit.entry];
      if (!hit.inWord) {
        const start = folded.origin[hit.start];
        const end = folded.originEnd(hit.end - 1);
        const fragment = folded.source.slice(start, end);
        const cases = (sentenceCases[hit.entry] ??= new Map());
        let sentenceCase = cases.get(fragment);
        if (sentenceCase === undefined) {
          sentenceCase = caseFromSentence(fragment, entry);
          cases.set(fragment, sentenceCase);
        }
        const atStart = sentenceCase && context.isSentenceStart(start);
        const wordings = ((atStart ? atSentenceStart : inSentence)[hit.entry] ??= new Map());
        let worded = wordings.get(fragment);
        if (worded === undefined) {
          const suggestions = entry.suggestions.map((s) => suggestionCase(fragment, s, entry, () => atStart));
          worded = { suggestions, message: this.termMessage(entry, fragment, suggestions) };
          wordings.set(fragment, worded);
        }
        findings.push(termFinding(entry, start, end, fragment, worded.suggestions, worded.message));
        i++;
        continue;
      }
      // Hits inside a word: one finding for the whole word, every hit in it replaced.
      const ws = wordStartAt(text, hit.start);
      const we = wordEndAt(text, hit.end);
      const group: Hit[] = [];
      while (i < kept.length && kept[i].start < we && kept[i].inWord) group.push(kept[i++]);
      const start = folded.origin[ws];
      const end = folded.originEnd(we - 1);
      const fragment = folded.source.slice(start, end);
      const alternatives = entry.suggestions.map((_, alt) => this.rebuildWord(folded, context, ws, we, group, alt));
      findings.push(termFinding(entry, start, end, fragment, alternatives, this.termMessage(entry, fragment, alternatives)));
    }
  }

  /**
   * The word [ws, we) with each hit in it replaced by its suggestion
   * (alternative `alt` where a hit has it, else its first), every other
   * character as in the original text (a removed line-break hyphen stays out).
   */
  private rebuildWord(folded: FoldedText, context: TextContext, ws: number, we: number, hits: Hit[], alt: number): string {
    const source = folded.source;
    let out = '';
    let i = ws;
    for (const hit of hits) {
      if (hit.start > i) out += source.slice(folded.origin[i], folded.originEnd(hit.start - 1));
      const from = folded.origin[hit.start];
      const original = source.slice(from, folded.originEnd(hit.end - 1));
      const entry = this.lexicon[hit.entry];
      const suggestion = entry.suggestions[Math.min(alt, entry.suggestions.length - 1)];
      const atStart = (): boolean => hit.start === ws && context.isSentenceStart(from);
      out += suggestionCase(original.replace(/-\s*\r?\n\s*/g, ''), suggestion, entry, atStart);
      i = hit.end;
    }
    if (we > i) out += source.slice(folded.origin[i], folded.originEnd(we - 1));
    return out;
  }

  private termMessage(entry: LexiconEntry, fragment: string, suggestions: readonly string[]): string {
    return renderMessage('TERM_NIET_CONFORM', {
      fragment,
      suggesties: suggestions.map((s) => `'${s}'`).join(' of '),
      reden: entry.reason,
    });
  }

  // ---- numbers -------------------------------------------------------------------------------------

  private checkNumbers(
    folded: FoldedText,
    context: TextContext,
    matches: MatchBuffer,
    kept: Hit[],
    units: Hit[],
    findings: TextFinding[],
  ): void {
    // Only units near a mention of a term with a number parameter can matter.
    const near = this.parameterEnds.values.subarray(0, this.parameterEnds.count);
    if (near.length === 0) return;
    const nearby: Hit[] = [];
    for (const u of units) if (this.mayBeAttributed(folded, near, u)) nearby.push(u);
    const unitHits = this.unitHits;
    const statements = findNumberStatements(folded, nearby, (hit) => unitHits[hit.entry]);
    for (const statement of statements) {
      const finding = this.numberFinding(folded, context, matches, kept, near, statement);
      if (finding !== undefined) findings.push(finding);
    }
  }

  /**
   * The finding of one number statement, if it contradicts the parameter of
   * the term it speaks of (in a method of its own: the loop over thousands of
   * statements stays small, and this is compiled after a few of them).
   */
  private numberFinding(
    folded: FoldedText,
    context: TextContext,
    matches: MatchBuffer,
    kept: Hit[],
    near: Int32Array,
    statement: NumberStatement,
  ): TextFinding | undefined {
    // No term with a number parameter within reach: nothing to attribute. The reach of a window
    // ("binnen 30 maanden") is the longest, so most statements are passed over before the window is read.
    const { from, windowTo, plainTo } = reach(folded, statement);
    if (!this.mentionWithin(near, from, windowTo)) return undefined;
    const window = windowOf(folded, statement);
    const to = window ? windowTo : plainTo;
    if (!window && !this.mentionWithin(near, from, to)) return undefined;
    const mentions = this.mentionsNear(folded, matches, kept, from, to);
    const match = this.attribute(folded, statement, mentions, window);
    if (match === undefined) return undefined;
    if (context.inAddress(statement.start, statement.end) || context.inTitle(statement.start, statement.end) || context.inCode(statement.start, statement.end)) {
      return undefined;
    }
    const { owner, parameter, unit } = match;
    const stated = convert(statement.amount, statement.unit, unit);
    if (stated === undefined || !contradicts(parameter, stated, qualifierOf(folded, statement))) return undefined;
    const suggestion = formatAmount(parameter.value as number, parameter.unit!);
    const fragment = folded.source.slice(statement.start, statement.end);
    const deviation = parameter.deviation !== undefined && this.defs.profile !== null;
    return {
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
    };
  }

  /** Whether a unit hit can make a statement with a parameter's mention within reach (see widestReach). */
  private mayBeAttributed(folded: FoldedText, near: Int32Array, unit: Hit): boolean {
    const k = firstAtOrAfter(near, unit.start - PARAMETER_REACH);
    if (k >= near.length || near[k] > unit.end + PARAMETER_REACH) return false;
    const [from, to] = this.widestReach(folded, unit);
    return this.mentionWithin(near, from, to);
  }

  /**
   * Bounds of the reach (see `reach`) of any statement a unit hit can make,
   * from the spaces alone, before the number is read. A statement starts at
   * most three words before its unit ("zes (6) volle maanden"): every walk
   * back from a statement's start passes the 4th space back from the unit,
   * and stops at the latest after the MAX_WORDS_APART + 2nd space back from
   * its start (the 17th from the unit), or earlier at a paragraph break or
   * a space after a sentence end from the 4th space on. A statement ends at
   * most two words after a unit that precedes its number ("€ 1,6 miljoen"),
   * at the 3rd space on from the unit, and its reach stops at the latest at
   * the MAX_WORDS_AFTER_WINDOW + 2nd space on from its end: the 12th from
   * the unit. A unit without a parameter's mention within these bounds makes
   * no statement that can be attributed.
   */
  private widestReach(folded: FoldedText, unit: Hit): [number, number] {
    const { spaces, codes, paragraphBreaks } = folded;
    const first = 3 + 1;
    const last = 3 + MAX_WORDS_APART + 2;
    const ahead = MAX_WORDS_AFTER_WINDOW + 2 + 2;
    // spaces[k - n] is the nth space back from the unit, spaces[j + n - 1] the nth on from it.
    const k = firstAtOrAfter(spaces, unit.start);
    const b = firstInListAtOrAfter(paragraphBreaks, unit.start);
    const breakBefore = b > 0 ? paragraphBreaks[b - 1] : -1;
    // -1: the reach may go back to the start of the text.
    let from = -1;
    for (let n = first; n <= last && k - n >= 0; n++) {
      const space = spaces[k - n];
      if (n === last || space === breakBefore || (space >= 1 && SENTENCE_END[codes[space - 1]] === 1)) {
        from = space;
        break;
      }
    }
    const after = firstAtOrAfter(spaces, unit.end) + ahead - 1;
    const to = after < spaces.length ? spaces[after] : codes.length;
    return [from, to];
  }

  /** Whether a mention of a term with a number parameter ends within [from, to] (or runs on from it). */
  private mentionWithin(near: Int32Array, from: number, to: number): boolean {
    const k = firstAtOrAfter(near, from + 1);
    return k < near.length && near[k] <= to + this.maxKeyLength;
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
      hits.push({ entry, start: end - lengths[entry], end, inWord: false });
    }
    for (let i = firstStartingAtOrAfter(kept, from - this.maxKeyLength); i < kept.length && kept[i].start < to; i++) {
      if (kept[i].end > from) hits.push(kept[i]);
    }
    return maximalMentions(folded.codes, hits, this.lexicon);
  }

  /**
   * The parameter a number phrase speaks of: the nearest mention of a term
   * with a parameter the number can be compared with, before the phrase (at
   * most 12 words) or after it (at most 3 words, 8 after a window word such as
 * "binnen" or "tot", not past a comma), in the
   * same sentence. A term with durations of its own takes the number for
   * itself when it stands between the mention and the number, or right after
   * the number ("drie maanden nazorg").
   */
  private attribute(folded: FoldedText, statement: NumberStatement, mentions: Hit[], window: boolean): ParameterMention | undefined {
    let best: { mention: ParameterMention; index: number; distance: number } | undefined;
    mentions.forEach((m, index) => {
      const candidates = this.numberParameters.get(this.lexicon[m.entry].termId as string);
      const mention = candidates?.find((c) => comparable(statement.unit, c.unit));
      if (mention === undefined) return;
      const distance = wordsBetween(folded, m, statement);
      if (m.start >= statement.foldedEnd && distance > (window ? MAX_WORDS_AFTER_WINDOW : MAX_WORDS_AFTER)) return;
      if (best === undefined || distance < best.distance) best = { mention, index, distance };
    });
    if (best === undefined) return undefined;
    // A duration of something that is no term ("een proeftijd van 2 maanden", "3 maanden begeleiding"), a
    // frequency ("elke 3 maanden") or a rate ("per cliënt ten hoogste € 5.000"): not a parameter's value.
    if (ownsDuration(folded, statement) || isFrequency(folded, statement) || isRate(folded, statement)) return undefined;
    const found: { mention: ParameterMention; index: number } = best;
    const chosen = mentions[found.index];
    // What comes after the act or event ("na de terugmelding heeft de gemeente 8 weken") is not its own bound.
    if (chosen.end <= statement.foldedStart && precededBy(folded, chosen.start, AFTER_WORDS)) return undefined;
    const [from, to] = chosen.end <= statement.foldedStart ? [chosen.end, statement.foldedStart] : [statement.foldedEnd, chosen.start];
    const allowedAt = (m: Hit): boolean =>
      mentions.some((o) => o.start === m.start && o.end === m.end && (o === chosen || found.mention.allowed.has(this.lexicon[o.entry].termId as string)));
    for (const m of mentions) {
      if (m === chosen) continue;
      const id = this.lexicon[m.entry].termId as string;
      if (!this.blocking.has(id) || found.mention.allowed.has(id) || allowedAt(m)) continue;
      // Between the mention and the number, or right after the number.
      if (m.start >= from && m.end <= to) return undefined;
      if (m.start >= statement.foldedEnd && wordsBetween(folded, m, statement) <= 1) return undefined;
    }
    return found.mention;
  }
}

/**
 * What one paragraph of a scan holds; each fact worked out on first use.
 * Which terms it names is kept as a mark per term (`named[term] === stamp`),
 * so that a text of many paragraphs allocates nothing for it.
 */
class ParagraphFacts {
  private stamp = -1;
  private words: Map<string, boolean> | undefined;

  constructor(
    readonly folded: FoldedText,
    readonly from: number,
    readonly to: number,
  ) {}

  /**
   * Whether the paragraph holds a conforming form of one of `terms` (indexes
   * of terms); `named` and `conformTerm` are the matcher's (see TermMatcher.named).
   */
  namesAnyOf(terms: Int32Array, matches: MatchBuffer, conformTerm: Int32Array, named: Int32Array, nextStamp: () => number): boolean {
    if (terms.length === 0) return false;
    if (this.stamp < 0) {
      const stamp = nextStamp();
      const { from, to } = this;
      for (let i = firstAtOrAfter(matches.ends, from + 1, matches.count); i < matches.count && matches.ends[i] <= to; i++) {
        const term = conformTerm[matches.patterns[i]];
        if (term >= 0) named[term] = stamp;
      }
      this.stamp = stamp;
    }
    for (let k = 0; k < terms.length; k++) if (named[terms[k]] === this.stamp) return true;
    return false;
  }

  /** Whether the paragraph holds `word` (folded) as a whole word. */
  hasWord(word: string): boolean {
    this.words ??= new Map();
    let has = this.words.get(word);
    if (has === undefined) {
      has = containsWordIn(this.folded.codes, this.from, this.to, word);
      this.words.set(word, has);
    }
    return has;
  }
}

function termFinding(entry: LexiconEntry, start: number, end: number, fragment: string, suggestions: readonly string[], message: string): TextFinding {
  return { code: 'TERM_NIET_CONFORM', term: entry.termId as string, start, end, fragment, suggestions, message };
}

/**
 * Whether the folded text at `at` continues (after one space) with one of
 * `words`, up to a word boundary; only the next 48 characters are read.
 */
function followedBy(folded: FoldedText, at: number, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const codes = folded.codes;
  const limit = Math.min(codes.length, at + 48);
  if (at >= limit || codes[at] !== SPACE) return false;
  for (const w of words) {
    const next = at + 1 + w.length;
    if (next > limit || !codesEqual(codes, at + 1, w)) continue;
    if (next >= limit || !isWordCode(codes[next])) return true;
  }
  return false;
}

/** Whether the folded text before `at` ends (before one space) with one of `words`, from a word boundary; only the 48 characters before it are read. */
function precededBy(folded: FoldedText, at: number, words: readonly string[]): boolean {
  const codes = folded.codes;
  const from = Math.max(0, at - 48);
  if (at <= from || codes[at - 1] !== SPACE) return false;
  for (const w of words) {
    const wordStart = at - 1 - w.length;
    if (wordStart < from || !codesEqual(codes, wordStart, w)) continue;
    if (wordStart - 1 < from || !isWordCode(codes[wordStart - 1])) return true;
  }
  return false;
}

/** Whether `codes` holds `word` from `at` on. */
function codesEqual(codes: Uint16Array, at: number, word: string): boolean {
  for (let j = 0; j < word.length; j++) if (codes[at + j] !== word.charCodeAt(j)) return false;
  return true;
}

/** Whether `word` occurs in codes [from, to) as a whole word (both folded; the ends of the range are word boundaries). */
function containsWordIn(codes: Uint16Array, from: number, to: number, word: string): boolean {
  const n = word.length;
  if (n === 0) return false;
  const first = word.charCodeAt(0);
  for (let at = from; at + n <= to; at++) {
    if (codes[at] !== first || !codesEqual(codes, at, word)) continue;
    if ((at === from || !isWordCode(codes[at - 1])) && (at + n === to || !isWordCode(codes[at + n]))) return true;
  }
  return false;
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

/**
 * Index of the first value >= `position` among the first `count` values of an ascending list. Two
 * copies, one per kind of list: a search that sees both kinds runs several times slower.
 */
function firstAtOrAfter(values: Int32Array, position: number, count = values.length): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** firstAtOrAfter for a plain list (paragraph breaks, joints). */
function firstInListAtOrAfter(values: readonly number[], position: number): number {
  let lo = 0;
  let hi = values.length;
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
  /** The parameter's unit. */
  readonly unit: UnitWord;
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
  let last: Hit | undefined;
  for (const h of sorted) {
    // Inside a longer mention: dropped; the same words as another term's form ("teruggemeld" is a
    // form of terugmelding and a value of trajectstatus): both kept.
    if (h.end <= maxEnd && !(last !== undefined && h.start === last.start && h.end === last.end)) continue;
    out.push(h);
    if (h.end > maxEnd) last = h;
    maxEnd = Math.max(maxEnd, h.end);
  }
  return out;
}

function lowerFirst(text: string): string {
  return text.length > 1 && text.charAt(1) === text.charAt(1).toLowerCase() ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

const MAX_WORDS_APART = 12;
/** Characters around a unit word within which a parameter's term must be mentioned (over 12 words before, 8 after). */
const PARAMETER_REACH = 400;
const CONFORM = 0;
const NONCONFORM = 1;
const UNIT = 2;
/** Not a lexicon entry: a word about words (a candidate for the context). */
const META_WORD = 3;
/** Not a lexicon entry: a bracket or slash a gloss may follow. */
const GLOSS_MARK = 4;
const GLOSS_MARKS = ['(', '/'];
/** Bits of `entryFlags`. */
const COMPOUND = 1;
const PREFIX_UNIT = 2;
const HYPHENATED = 4;
const EXACT = 8;
/**
 * Words that are no term but have durations of their own: a number right
 * after them and "van" ("een proeftijd van 2 maanden") or right before them
 * ("3 maanden begeleiding") is theirs, not a parameter's. (Terms with
 * durations of their own, such as nazorg, are handled as mentions.)
 */
const DURATION_OWNERS = [
  'proeftijd', 'opzegtermijn', 'begeleiding', 'ondersteuning', 'coaching', 'wachttijd', 'inwerkperiode', 'inwerktijd',
  'stage', 'stageperiode', 'opleiding', 'cursus', 'training', 'vakantie', 'verlof', 'ziekte', 'ziekteverlof',
];
const DURATION_OWNERS_VAN = DURATION_OWNERS.map((w) => `${w} van`);

/** Words that make a number of time units a frequency ("elke 3 maanden", "om de 6 weken"), not a duration. */
const FREQUENCY_WORDS = ['elke', 'iedere', 'om de', 'per'];

function isFrequency(folded: FoldedText, statement: NumberStatement): boolean {
  return precededBy(folded, statement.foldedStart, FREQUENCY_WORDS);
}

/** Words before a mention that put what follows after the act or event ("na de terugmelding"). */
const AFTER_WORDS = ['na', 'na de', 'na het', 'na een', 'na afloop van de', 'na afloop van het'];

/** What a rate is counted per: a stretch of time or a person (not the thing a parameter measures, "per overeenkomst"). */
const RATE_BASES = [
  'jaar', 'kalenderjaar', 'halfjaar', 'kwartaal', 'maand', 'week', 'dag', 'werkdag', 'uur',
  'client', 'deelnemer', 'kandidaat', 'persoon', 'werkzoekende', 'uitkeringsgerechtigde',
];
const RATE_AFTER = RATE_BASES.map((w) => `per ${w}`);

/**
 * An amount or a number of time units per stretch of time or per person
 * ("€ 250.000 per jaar", "per cliënt ten hoogste € 5.000"): a rate, while
 * every parameter is a total or a duration.
 */
function isRate(folded: FoldedText, statement: NumberStatement): boolean {
  if (followedBy(folded, statement.foldedEnd, RATE_AFTER)) return true;
  return precededBy(folded, withoutBoundWord(folded, statement.foldedStart), RATE_AFTER);
}

/** `at`, or the start of a bound word ("ten hoogste") that stands just before it. */
function withoutBoundWord(folded: FoldedText, at: number): number {
  const bound = BOUND_WORDS.find((w) => precededBy(folded, at, [w]));
  return bound === undefined ? at : at - bound.length - 1;
}

/** Words that may stand between "van" and the number ("een proeftijd van ten hoogste 2 maanden"): a bound, or an estimate. */
const BOUND_WORDS = [...MIN_WORDS, ...MAX_WORDS, 'ongeveer', 'circa', 'zeker'];

/** Whether the number of `statement` belongs to a word that owns durations (DURATION_OWNERS). */
function ownsDuration(folded: FoldedText, statement: NumberStatement): boolean {
  if (followedBy(folded, statement.foldedEnd, DURATION_OWNERS)) return true;
  return precededBy(folded, withoutBoundWord(folded, statement.foldedStart), DURATION_OWNERS_VAN);
}

/** Words between a number and a term after it; more for a window ("binnen 30 maanden na de start ... uitgestroomd"). */
const MAX_WORDS_AFTER = 3;
const MAX_WORDS_AFTER_WINDOW = 8;

/** A number that sets a window: "binnen 30 maanden", "tot acht weken", "uiterlijk zes weken". */
const WINDOW = /(?:^|[\s(])(?:binnen|tot|uiterlijk)(?: (?:maximaal|ten hoogste|hoogstens|uiterlijk))? ?$/;

function windowOf(folded: FoldedText, statement: NumberStatement): boolean {
  return WINDOW.test(foldedSlice(folded, Math.max(0, statement.foldedStart - 32), statement.foldedStart));
}

/** Words that start a new clause: a term after them does not own a number before them. */
const CLAUSE_WORDS = new Set(['waarna', 'daarna', 'waarbij', 'terwijl', 'maar', 'waardoor', 'omdat']);
const CLAUSE_STARTS = codeTable(CLAUSE_WORDS);
const CLAUSE_WORD_LIST = [...CLAUSE_WORDS];

/** Whether folded codes [start, end) are one of CLAUSE_WORDS (compared in place, without making a string). */
function isClauseWord(codes: Uint16Array, start: number, end: number): boolean {
  for (const word of CLAUSE_WORD_LIST) if (word.length === end - start && codesEqual(codes, start, word)) return true;
  return false;
}

/**
 * The stretch of folded text where a statement's term may be mentioned: back
 * to at most 12 words before the number and ahead to at most 3 words after
 * the unit (`plainTo`) or 8 after a window such as "binnen 30 maanden"
 * (`windowTo`), never past a sentence end (. ! ? ; before a space) or a blank
 * line, and ahead not past a comma, colon or a word that starts a new clause.
 * One walk ahead gives both ends: the shorter walk is the start of the longer.
 */
function reach(folded: FoldedText, statement: NumberStatement): { from: number; windowTo: number; plainTo: number } {
  const { codes, paragraphBreaks } = folded;
  // Walking away from the statement, the first paragraph break met is the nearest one on that side.
  const k = firstInListAtOrAfter(paragraphBreaks, statement.foldedStart);
  const breakBefore = k > 0 ? paragraphBreaks[k - 1] : -1;
  const j = firstInListAtOrAfter(paragraphBreaks, statement.foldedEnd);
  const breakAfter = j < paragraphBreaks.length ? paragraphBreaks[j] : -1;
  // Back from space to space (the fold lists them): it stops just after the space that is the last
  // one allowed, a paragraph break, or follows a sentence end; without such a space, at the start.
  const spaceList = folded.spaces;
  let from = 0;
  for (let s = firstAtOrAfter(spaceList, statement.foldedStart) - 1, count = 1; s >= 0; s--, count++) {
    const space = spaceList[s];
    if (count > MAX_WORDS_APART + 1 || space === breakBefore || (space >= 1 && SENTENCE_END[codes[space - 1]] === 1)) {
      from = space + 1;
      break;
    }
  }
  let to = statement.foldedEnd;
  let plainTo = -1;
  let spaces = 0;
  let wordStart = to + 1;
  while (to < codes.length) {
    const c = codes[to];
    if (c === SPACE) {
      // The walk without a window stops at the space after its last word.
      if (++spaces === MAX_WORDS_AFTER + 2) plainTo = to;
      if (spaces > MAX_WORDS_AFTER_WINDOW + 1 || to === breakAfter) break;
      if (spaces > 1 && to - wordStart >= 4 && to - wordStart <= 8 && CLAUSE_STARTS[codes[wordStart]] === 1 && isClauseWord(codes, wordStart, to)) {
        to = wordStart;
        break;
      }
      wordStart = to + 1;
    }
    if (SENTENCE_END[c] === 1 && (to + 1 === codes.length || codes[to + 1] === SPACE)) break;
    if (c === COMMA || c === COLON) break;
    to++;
  }
  return { from, windowTo: to, plainTo: plainTo < 0 ? to : plainTo };
}

const SPACE = 32;
const COMMA = 44;
const COLON = 58;
/** 1 for the characters that end a sentence (. ! ? ;), by character code. */
const SENTENCE_END = codeTable(['.', '!', '?', ';']);

/** A lookup by character code (any UTF-16 code unit) for the first characters of `words`. */
function codeTable(words: Iterable<string>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const w of words) table[w.charCodeAt(0)] = 1;
  return table;
}

/** Words between a mention and a statement (both within reach of each other). */
function wordsBetween(folded: FoldedText, mention: Hit, statement: NumberStatement): number {
  const mentionFirst = mention.end <= statement.foldedStart;
  const from = mentionFirst ? mention.end : statement.foldedEnd;
  const to = mentionFirst ? statement.foldedStart : mention.start;
  let spaces = 0;
  for (let i = from; i < to; i++) if (folded.codes[i] === SPACE) spaces++;
  return Math.max(0, spaces - 1);
}

/**
 * Whether a stated amount (a range when months and days were converted)
 * contradicts the parameter: only when it does so for every value in the range.
 */
function contradicts(parameter: EffectiveParameter, stated: readonly [number, number], qualifier: 'min' | 'max' | null): boolean {
  const value = parameter.value as number;
  const [low, high] = stated;
  const differs = low > value + 1e-9 || high < value - 1e-9;
  switch (parameter.bound) {
    case 'minimum':
      return high < value - 1e-9 || (differs && qualifier === 'min');
    case 'maximum':
      return low > value + 1e-9 || (differs && qualifier === 'max');
    case 'exact':
      return differs;
    default:
      return false;
  }
}

function boundWord(parameter: EffectiveParameter): string {
  return parameter.bound === 'minimum' ? 'minimaal ' : parameter.bound === 'maximum' ? 'maximaal ' : '';
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
