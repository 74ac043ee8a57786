/**
 * What the text around a word says about it, for the term engine: is the
 * word part of a name that cannot change (a URL, an e-mail address, a quoted
 * title, a name in capitals), is the text speaking about the word rather
 * than with it (a glossary line, a sentence about names), is it a statement
 * about the past, and where do sentences and paragraphs start and end.
 *
 * Everything works on the original text with offsets into it. The checks
 * are only made for the few words the automaton found, and the sentence and
 * paragraph of the previous word are reused, so a scan stays linear.
 */

import { isCasedCode, isLowerCode, isSurrogateCode, isUnicodeLetterCode, isUpperCode } from './charClasses';

const NEWLINE = 10;
const CR = 13;

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === NEWLINE || c === CR || c === 0xa0;
}

function isBlankLine(source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpaceCode(source.charCodeAt(i))) return false;
  return true;
}

/**
 * Where a run of characters that may be an address ends: white space, or a
 * bracket (a Markdown link "[tekst](https://…)": the link text is no part of
 * the address; "<https://…>").
 */
function isTokenBoundary(c: number): boolean {
  return isSpaceCode(c) || c === 40 || c === 41 || c === 91 || c === 93 || c === 60 || c === 62;
}

/** . ! ? ; : the characters that end a sentence (before a space or a line end). */
function isSentenceEndCode(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 59;
}

/** Closing quotes, brackets and emphasis after the last word of a line: " ' ’ ” ) *. */
function isCloserCode(c: number): boolean {
  return c === 34 || c === 39 || c === 0x2019 || c === 0x201d || c === 41 || c === 42;
}

/** List bullets at the start of a line: - * • ➤. */
function isBulletCode(c: number): boolean {
  return c === 45 || c === 42 || c === 0x2022 || c === 0x27a4;
}

/** A numbered list marker at `first`: one to three digits, a dot or bracket, then white space (as /^\d{1,3}[.)]\s/). */
function isNumberMarker(source: string, first: number): boolean {
  let i = first;
  while (i < first + 4 && isDigitCode(source.charCodeAt(i))) i++;
  if (i === first || i > first + 3) return false;
  const mark = source.charCodeAt(i);
  return (mark === 46 || mark === 41) && /\s/.test(source.charAt(i + 1));
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A last character after which a line runs on into the next: a comma, a small letter a-z or à-ÿ, a hyphen (as /[,a-zà-ÿ-]/). */
function runsOn(c: number): boolean {
  return c === 44 || c === 45 || (c >= 97 && c <= 122) || (c >= 0xe0 && c <= 0xff);
}

export function isUpperChar(ch: string | undefined): boolean {
  if (ch !== undefined && ch.length === 1) return isUpperCode(ch.charCodeAt(0));
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isLetterChar(ch: string | undefined): boolean {
  if (ch !== undefined && ch.length === 1) return isCasedCode(ch.charCodeAt(0));
  return ch !== undefined && ch.toLowerCase() !== ch.toUpperCase();
}

/** A letter, digit, or a hyphen or apostrophe inside a word (ASCII without string work). */
function isWordCharCode(c: number, source: string, i: number): boolean {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  if (c === 45 || c === 39 || c === 0x2019) return isWordChar(source.charAt(i - 1)) && isWordChar(source.charAt(i + 1));
  if (c < 128) return false;
  return isCasedCode(c);
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && (isLetterChar(ch) || (ch >= '0' && ch <= '9'));
}

/** Words that may stand inside a name between capitalised words ("Effectiviteit van Reïntegratie"). */
const NAME_CONNECTORS = new Set(['van', 'de', 'der', 'den', 'het', 'en', 'voor', 'op', 'in', 'tot', 'te', "'s", 'of']);

/** Words that often open a sentence; at a sentence start their capital says nothing about a name. */
const SENTENCE_OPENERS = new Set([
  ...NAME_CONNECTORS, 'een', 'deze', 'die', 'dit', 'dat', 'elke', 'ieder', 'iedere', 'alle', 'ook', 'zie', 'bij', 'met',
  'als', 'na', 'volgens', 'onder', 'om', 'door', 'zowel', 'geen', 'wie', 'wat', 'hoe', 'waar', 'wanneer', 'zo',
]);

function isLowerChar(ch: string | undefined): boolean {
  if (ch !== undefined && ch.length === 1) return isLowerCode(ch.charCodeAt(0));
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** A word written with a capital and small letters ("Statistiek", "De"), not an abbreviation ("UWV"). */
function isTitleCaseWord(word: string): boolean {
  const first = word.charAt(0);
  if (!isUpperChar(first)) return false;
  for (let i = 1; i < word.length; i++) {
    const ch = word.charAt(i);
    if (isLetterChar(ch) && ch === ch.toLowerCase()) return true;
  }
  return false;
}

/** An abbreviation: two to eight letters or digits, at least two capitals ("RWI", "IRO's" without the ending). */
function isAbbreviationWord(word: string): boolean {
  const bare = word.replace(/['’]s$/, '');
  return /^[\p{Lu}\d][\p{L}\d]{1,7}$/u.test(bare) && (bare.match(/\p{Lu}/gu) ?? []).length >= 2;
}

interface Range {
  readonly start: number;
  readonly end: number;
}

/** A run of non-space characters (see TextContext.tokenAround). */
interface Token {
  readonly start: number;
  readonly end: number;
  /** Offsets of the dots, @'s and colons in the run, ascending. */
  readonly marks: Int32Array;
  /** Whether the run is a URL or an e-mail address, once asked. */
  address: boolean | undefined;
}

export interface GlossaryLine {
  readonly head: Range;
  readonly body: Range;
  readonly headText: string;
  readonly bodyText: string;
}

/** Characters between a sentence end and the first word of the next sentence. */
const OPENING = new Set([32, 9, 13, 0xa0, 40, 34, 39, 0x2018, 0x201c, 42, 91]);

/** Markdown or list markers at the start of a line that do not belong to the sentence. */
const LINE_MARKERS = /^[ \t]*(?:#{1,6}[ \t]+|[-*•➤>][ \t]+|\d{1,3}[.)][ \t]+|[a-z][.)][ \t]+|<sup>\d+<\/sup>[ \t]*)*/;

/** Words of a sentence that make it a statement about the past. */
const PAST_WORDS = /\b(?:toen|destijds|vroeger|voorheen|voormalige?|oude|was|waren|werd|werden|had|hadden|heetten?|droegen?|bestonden?|golden?)\b/;

/** Words of a sentence that make it a statement about now. */
const PRESENT_WORDS = /\b(?:nu|thans|tegenwoordig|momenteel|inmiddels|voortaan|vandaag)\b/;

/**
 * Words that make a sentence speak about a word or a name rather than with
 * it ("verschillende benamingen zoals klantmanager", "heette dit 'uitstroom'").
 */
const META_WORDS =
  /\b(?:benamingen?|functienamen?|naam|namen|termen|term|woorden?|begrip(?:pen)?|heet|heten|heetten?|genoemd|noemen|noemden|voortaan|voorheen|vervangt|vervangen|spelling|schrijfwijze|afkorting|afgekort)\b/gi;
/**
 * What every word META_WORDS finds starts with (in lower case): the part of
 * each alternative before its optional ending ("benamingen?" is "benaminge"
 * and an optional "n"). The term matcher looks for these in the same pass as
 * the terms (see MetaWordCandidates).
 */
export const META_WORD_STARTS: readonly string[] = [
  'benaminge', 'functiename', 'naam', 'namen', 'term', 'woorde', 'begrip', 'heet', 'heten', 'genoemd', 'noem',
  'voortaan', 'voorheen', 'vervang', 'spelling', 'schrijfwijze', 'afkort', 'afgekort',
];
/** The same, only at lastIndex. */
const META_WORD_AT = new RegExp(META_WORDS.source, 'iy');
/** The longest word META_WORDS finds ("functienamen", "schrijfwijze"). */
const MAX_META_LENGTH = 12;

/**
 * Where words about words may start, found by the caller in the same pass
 * that found the terms (the term matcher's automaton, on folded text): every
 * word META_WORDS finds that lies inside [from, to) of the source starts at
 * one of `candidates` (ascending or not; more candidates than words do no harm).
 */
export interface MetaWordCandidates {
  readonly candidates: Int32Array;
  readonly count: number;
  readonly from: number;
  readonly to: number;
}

/** The starts of the words about words in [from, to) of the source, ascending; `term` marks "term" and "termen". */
interface MetaWordIndex {
  readonly from: number;
  readonly to: number;
  readonly starts: Int32Array;
  readonly term: Uint8Array;
}

/** An empty list of offsets (shared: most runs and lines have no dot or backtick). */
const NO_OFFSETS = new Int32Array(0);

const YEAR = /(?:^|[^\d])((?:19|20)\d\d)(?!\d)/g;

export class TextContext {
  private line: Range = { start: 0, end: -1 };
  private ticks: { line: Range | null; positions: Int32Array } = { line: null, positions: NO_OFFSETS };
  private fences: Range[] | undefined;
  private token: Token = { start: 0, end: -1, marks: NO_OFFSETS, address: undefined };
  private paragraph: Range = { start: 0, end: -1 };
  private sentence: Range = { start: 0, end: -1 };
  private titles: Range[] | undefined;
  private dated: number | null | undefined;

  private aboutWordsCache: { start: number; about: boolean } = { start: -1, about: false };
  private lineCache: { start: number; line: GlossaryLine | undefined } = { start: -1, line: undefined };
  private readonly pastCache = new Map<string, boolean>();
  private readonly paragraphYears = new Map<string, boolean>();
  private readonly metaBlocks = new Map<number, number[]>();
  private readonly lineEnds = new Map<number, boolean>();

  private metaIndex: MetaWordIndex | null | undefined;

  constructor(
    readonly source: string,
    private readonly metaCandidates?: MetaWordCandidates,
  ) {}

  /**
   * The line around `offset`: from after the previous line end to the next
   * (or the end of the text). Kept while the offsets asked for stay in it, so
   * a text that is one long line (no line breaks) is searched once, not once
   * per word.
   */
  lineAt(offset: number): Range {
    const l = this.line;
    if (offset >= l.start && offset <= l.end) return l;
    const source = this.source;
    const start = source.lastIndexOf('\n', offset - 1) + 1;
    let end = source.indexOf('\n', offset);
    if (end < 0) end = source.length;
    this.line = { start, end };
    return this.line;
  }

  /** The paragraph (text between blank lines) around `offset`. */
  paragraphAt(offset: number): Range {
    const p = this.paragraph;
    if (offset >= p.start && offset < p.end) return p;
    const source = this.source;
    let start = source.lastIndexOf('\n', offset - 1) + 1;
    while (start > 0) {
      const prev = source.lastIndexOf('\n', start - 2) + 1;
      if (isBlankLine(source, prev, start - 1)) break;
      start = prev;
    }
    let end = source.indexOf('\n', offset);
    if (end < 0) end = source.length;
    while (end < source.length) {
      let next = source.indexOf('\n', end + 1);
      if (next < 0) next = source.length;
      if (isBlankLine(source, end + 1, next)) break;
      end = next;
    }
    this.paragraph = { start, end };
    return this.paragraph;
  }

  /** The sentence around `offset`: within its paragraph, between . ! ? ; (followed by a space) and line structure. */
  sentenceAt(offset: number): Range {
    const s = this.sentence;
    if (offset >= s.start && offset < s.end) return s;
    const { start: pStart, end: pEnd } = this.paragraphAt(offset);
    const source = this.source;
    const start = this.sentenceStartBack(offset, pStart);
    let end = offset;
    while (end < pEnd) {
      const c = source.charCodeAt(end);
      if (isSentenceEndCode(c) && (end + 1 >= pEnd || isSpaceCode(source.charCodeAt(end + 1)))) {
        end++;
        break;
      }
      if (c === NEWLINE && this.lineEndsSentence(end)) break;
      end++;
    }
    this.sentence = { start, end };
    return this.sentence;
  }

  /**
   * The start of the sentence around `offset`, or `stop` if that comes
   * later: a walk back from `offset` to the first sentence boundary, at most
   * to `stop` (at least the start of the paragraph, or with `findParagraph`
   * stopping also at a line after a blank line, as paragraphAt would).
   */
  private sentenceStartBack(offset: number, stop: number, findParagraph = false): number {
    const source = this.source;
    let start = offset;
    while (start > stop) {
      // Whether a sentence ends just before `start`: a line break that ends one, or white space after . ! ? ;
      // on the same line.
      const prev = source.charCodeAt(start - 1);
      if (prev === NEWLINE) {
        if (findParagraph && this.followsBlankLine(start)) break;
        if (this.lineEndsSentence(start - 1)) break;
      } else if (prev === 32 || prev === 9 || prev === CR || prev === 0xa0) {
        let j = start - 1;
        while (j > 0 && isSpaceCode(source.charCodeAt(j - 1)) && source.charCodeAt(j - 1) !== NEWLINE) j--;
        if (isSentenceEndCode(source.charCodeAt(j - 1))) break;
      }
      start--;
    }
    return start;
  }

  /** Whether the line before the line that starts at `lineStart` is blank (white space only, or empty). */
  private followsBlankLine(lineStart: number): boolean {
    const source = this.source;
    for (let j = lineStart - 2; j >= 0; j--) {
      const c = source.charCodeAt(j);
      if (c === NEWLINE) return true;
      if (!isSpaceCode(c)) return false;
    }
    return true;
  }

  /**
   * Whether the line break at `newline` ends a sentence: a line that ends in
   * punctuation, a heading or list line, a table line (tabs), or a short
   * line without a final comma; a wrapped line of running prose does not.
   */
  private lineEndsSentence(newline: number): boolean {
    let known = this.lineEnds.get(newline);
    if (known === undefined) {
      known = this.computeLineEndsSentence(newline);
      this.lineEnds.set(newline, known);
    }
    return known;
  }

  private computeLineEndsSentence(newline: number): boolean {
    const source = this.source;
    const lineStart = source.lastIndexOf('\n', newline - 1) + 1;
    let last = newline - 1;
    while (last >= lineStart && isSpaceCode(source.charCodeAt(last))) last--;
    if (last < lineStart) return true;
    // The last character, behind closing quotes, brackets and emphasis.
    let k = last;
    while (k > lineStart && isCloserCode(source.charCodeAt(k))) k--;
    const final = source.charCodeAt(k);
    if (isSentenceEndCode(final) || final === 58 /* : */) return true;
    let first = lineStart;
    while (first < last && (source.charCodeAt(first) === 32 || source.charCodeAt(first) === 9)) first++;
    const lead = source.charCodeAt(first);
    if (lead === 35 /* # */ || (isBulletCode(lead) && source.charCodeAt(first + 1) === 32)) return true;
    if (isNumberMarker(source, first)) return true;
    // A short line that does not run on into the next (checked before the tabs: cheaper, same answer).
    const end = source.charCodeAt(last);
    if (last - lineStart + 1 < 60 && !runsOn(end) && isUpperChar(source.charAt(newline + 1))) return true;
    for (let i = first; i <= last; i++) if (source.charCodeAt(i) === 9) return true;
    return false;
  }

  /** Whether `offset` is the first word of a sentence (a line marker such as '# ' or '- ' does not count as a word). */
  isSentenceStart(offset: number): boolean {
    const source = this.source;
    // Back over spaces, opening quotes and brackets to the previous character.
    let i = offset - 1;
    while (i >= 0 && OPENING.has(source.charCodeAt(i))) i--;
    if (i < 0) return true;
    const c = source.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 59) return true; // . ! ? ;
    if (c === NEWLINE) return this.lineEndsSentence(i);
    // A line marker ('# ', '- ', '1. ', '<sup>1</sup>') at the start of the line does not count as a word.
    // The line's start, looked for at most 17 characters back (a line marker is short).
    let lineStart = i;
    while (lineStart > 0 && i - lineStart <= 16 && source.charCodeAt(lineStart - 1) !== NEWLINE) lineStart--;
    if (i - lineStart > 16) return false;
    const head = source.slice(lineStart, offset);
    return head.replace(LINE_MARKERS, '').trim().replace(/^[("'‘“*[]+/, '') === '' && (lineStart === 0 || this.lineEndsSentence(lineStart - 1));
  }

  // ---- names that cannot change --------------------------------------------------------------

  /** A URL or an e-mail address: the run of characters around [start, end) (see tokenAround). */
  inAddress(start: number, end: number): boolean {
    let token = this.token;
    if (!(start >= token.start && end <= token.end)) token = this.tokenAround(start, end);
    // Fast way out: an address has a dot, an @ or a colon in its run of non-space characters, outside
    // the word itself (after it: not as the run's last character).
    const marks = token.marks;
    if (marks.length === 0) return false;
    if (marks[0] >= start) {
      const k = firstAtOrAfter(marks, end);
      if (k >= marks.length || marks[k] >= token.end - 1) return false;
    }
    if (token.address === undefined) {
      const text = this.source.slice(token.start, token.end);
      token.address = /:\/\/|(?:^|[([<])www\.|@[\w-]+\./i.test(text) || /[\w-]\.(?:nl|com|org|net|eu|be|info|nu)\b/i.test(text);
    }
    return token.address;
  }

  /**
   * The run of characters around [start, end) up to white space or a
   * bracket, with the dots, @'s and colons in it. Kept for the next word when
   * [start, end) has no such boundary in it (so the run is that of every word
   * inside it): a text without spaces is one run, walked once.
   */
  private tokenAround(start: number, end: number): Token {
    const source = this.source;
    let s = start;
    while (s > 0 && !isTokenBoundary(source.charCodeAt(s - 1))) s--;
    let e = end;
    while (e < source.length && !isTokenBoundary(source.charCodeAt(e))) e++;
    const marks: number[] = [];
    let inner = false;
    for (let i = s; i < e; i++) {
      const c = source.charCodeAt(i);
      if (c === 46 || c === 64 || c === 58) marks.push(i);
      else if (i >= start && i < end && isTokenBoundary(c)) inner = true;
    }
    const token: Token = { start: s, end: e, marks: marks.length === 0 ? NO_OFFSETS : Int32Array.from(marks), address: undefined };
    if (!inner) this.token = token;
    return token;
  }

  /**
   * Inside code the text marks as such (Markdown): a span between backticks
   * on one line (`klantmanager`: a field or a literal word, which cannot
   * change), or a block between two fence lines (``` or ~~~). A fence that is
   * never closed marks nothing, so a stray fence does not hide the rest of a
   * text from the check.
   */
  inCode(start: number, end: number): boolean {
    const line = this.lineAt(start);
    if (end <= line.end) {
      const ticks = this.backticksOf(line);
      if (ticks.length >= 2) {
        // Inside a span: an odd number of backticks before the word, and one after it on the line.
        const k = firstAtOrAfter(ticks, start);
        if (k % 2 === 1 && k < ticks.length && ticks[k] >= end) return true;
      }
    }
    this.fences ??= this.findFences();
    return withinRanges(this.fences, start, end);
  }

  /** Offsets of the backticks of `line` (kept for the line, as lineAt keeps the line). */
  private backticksOf(line: Range): Int32Array {
    if (this.ticks.line !== line) {
      const positions: number[] = [];
      const source = this.source;
      // Within the line only (an indexOf with no backtick left would read on to the end of the text, for every line).
      for (let at = line.start; at < line.end; at++) if (source.charCodeAt(at) === 96) positions.push(at);
      this.ticks = { line, positions: positions.length === 0 ? NO_OFFSETS : Int32Array.from(positions) };
    }
    return this.ticks.positions;
  }

  /** The fenced code blocks of the text (their content, between the fence lines), closed ones only. */
  private findFences(): Range[] {
    const found: Range[] = [];
    const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})[^\n]*$/gm;
    let open: { marker: string; contentStart: number } | null = null;
    for (let m = FENCE.exec(this.source); m !== null; m = FENCE.exec(this.source)) {
      const marker = m[1];
      if (open === null) open = { marker, contentStart: m.index + m[0].length + 1 };
      else if (marker[0] === open.marker[0] && marker.length >= open.marker.length && m[0].trim() === marker) {
        found.push({ start: open.contentStart, end: m.index });
        open = null;
      }
    }
    return found;
  }

  /**
   * Inside a title or name the text itself marks: a quoted or emphasised
   * (*…*) passage that starts with a capital and is not a quoted sentence,
   * and every other place in the text where the same words (three or more)
   * occur.
   */
  inTitle(start: number, end: number): boolean {
    this.titles ??= this.findTitles();
    return withinRanges(this.titles, start, end);
  }

  private findTitles(): Range[] {
    const source = this.source;
    const found: Range[] = [];
    const phrases = new Set<string>();
    const OPENERS = /['‘"“*]/g;
    for (let m = OPENERS.exec(source); m !== null; m = OPENERS.exec(source)) {
      const i = m.index;
      const ch = m[0];
      if (ch === '*' && source.charAt(i + 1) === '*') {
        OPENERS.lastIndex = i + 2;
        continue;
      }
      const before = source.charAt(i - 1);
      if (i > 0 && !isSpaceCode(source.charCodeAt(i - 1)) && !'([{#>:*'.includes(before)) continue;
      const close = this.closingQuote(i, ch);
      if (close < 0) continue;
      const inner = source.slice(i + 1, close);
      if (this.isTitleText(inner)) {
        found.push({ start: i + 1, end: close });
        const words = inner.trim().split(/\s+/);
        if (words.length >= 3) phrases.add(inner.trim());
        OPENERS.lastIndex = close + 1;
      }
    }
    if (phrases.size > 0) this.addRecurrences(phrases, found);
    return found.sort((a, b) => a.start - b.start || b.end - a.end).filter((r, k, all) => k === 0 || r.end > all[k - 1].end);
  }

  /** The offset of the quote that closes the one at `open`, within 300 characters of the same paragraph; -1 if none. */
  private closingQuote(open: number, opener: string): number {
    const source = this.source;
    const closers = opener === '*' ? '*' : opener === '"' || opener === '“' ? '"”' : `'’`;
    const limit = Math.min(source.length, open + 300);
    for (let j = open + 2; j < limit; j++) {
      const ch = source.charAt(j);
      if (ch === '\n' && source.charAt(j + 1) === '\n') return -1;
      if (!closers.includes(ch)) continue;
      // An apostrophe between letters belongs to a word (WWB'ers, zo'n).
      if (isWordChar(source.charAt(j - 1)) && isWordChar(source.charAt(j + 1))) continue;
      if (isSpaceCode(source.charCodeAt(j - 1))) continue;
      return j;
    }
    return -1;
  }

  /**
   * A title: starts with a capital, at most 25 words, and no sentence ends
   * inside it (a question mark may stand in a title). Text in capitals throughout is a heading or a term in quotes,
   * not a title.
   */
  private isTitleText(inner: string): boolean {
    const text = inner.trim();
    if (text === text.toUpperCase()) return false;
    if (!isUpperChar(text.replace(/^[^\p{L}\d]+/u, '').charAt(0))) return false;
    if (/[.!](?:\s|$)/.test(text)) return false;
    return text.split(/\s+/).length <= 25;
  }

  /** Every other occurrence of a marked title (same words, any case and spacing). */
  private addRecurrences(phrases: Set<string>, found: Range[]): void {
    const source = this.source;
    // A title quoted more than once, wrapped at other places, is searched for once: the search
    // depends only on its words and where the longest of them stands.
    const searched = new Set<string>();
    for (const phrase of phrases) {
      const words = phrase.trim().split(/\s+/);
      // Candidates by the phrase's longest word (as written, in capitals, in small letters); the whole
      // phrase is then matched from a little before each candidate: the first place from there where it
      // matches must cover the candidate (tried place by place up to the candidate, so that a phrase
      // that does not occur there is not searched for through the rest of the text).
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
      const before = phrase.indexOf(longest) * 2 + 8;
      const key = `${before} ${words.join(' ')}`;
      if (searched.has(key)) continue;
      searched.add(key);
      const re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'iy');
      // Where the phrase can start: an ASCII first character in either case (as the pattern's 'i' flag
      // matches it), so that the pattern is not tried at every place before a candidate; -1 for others.
      const head = words[0].charCodeAt(0);
      const [headLower, headUpper] = head < 128 ? [String.fromCharCode(head).toLowerCase().charCodeAt(0), String.fromCharCode(head).toUpperCase().charCodeAt(0)] : [-1, -1];
      for (const variant of new Set([longest, longest.toUpperCase(), longest.toLowerCase()])) {
        let covered = -1;
        for (let at = source.indexOf(variant); at >= 0; at = source.indexOf(variant, at + 1)) {
          if (at < covered) continue;
          for (let from = Math.max(0, at - before); from <= at; from++) {
            if (headLower >= 0 && source.charCodeAt(from) !== headLower && source.charCodeAt(from) !== headUpper) continue;
            re.lastIndex = from;
            const m = re.exec(source);
            if (m === null) continue;
            if (at < from + m[0].length) {
              found.push({ start: from, end: from + m[0].length });
              covered = from + m[0].length;
            }
            break;
          }
        }
      }
    }
  }

  /**
   * Part of a name written with capitals: the word starts with a capital
   * mid-sentence and stands next to another capitalised word of the same
   * name (Statistiek Reïntegratie Gemeenten, Effectiviteit van Reïntegratie),
   * or the name of something of an organisation (de Reïntegratiemonitor van
   * de RWI, het Meldpunt reïntegratie van de RWI).
   */
  inCapitalisedName(start: number, end: number, flagged: (offset: number) => boolean = () => false): boolean {
    const source = this.source;
    const upper = isUpperChar(source.charAt(start));
    // Only a word in title case can be part of a name; capitals throughout (an abbreviation, a
    // heading in capitals) or an abbreviation with an ending (WWB'er) say nothing about a name.
    if (upper && !isLowerChar(source.charAt(start + 1))) return false;
    // A lower-case word needs a capitalised head before it and "van de <organisation>" after it.
    if (!upper && !(source.charAt(end) === ' ' && source.startsWith('van ', end + 1))) return false;
    if (upper && this.isSentenceStart(start)) return false;
    // A neighbour that is itself a flagged word is no part of a name, nor is anything beyond it.
    const after = takeWhile(this.wordsAfter(end, 3), (w) => !flagged(w.start));
    const ofOrganisation =
      after.length >= 3 && after[0].text === 'van' && (after[1].text === 'de' || after[1].text === 'het') && isAbbreviationWord(after[2].text);
    if (!upper) {
      const head = takeWhile(this.wordsBefore(start, 1), (w) => !flagged(w.start))[0];
      return head !== undefined && ofOrganisation && isTitleCaseWord(head.text) && !this.isSentenceStart(head.start);
    }
    if (ofOrganisation) return true;
    const next = after.find((w) => !NAME_CONNECTORS.has(w.text));
    if (next !== undefined && isTitleCaseWord(next.text)) return true;
    // A capitalised article mid-sentence starts a title ("het rapport De Reïntegratiemarkt ..."); at a
    // sentence start only a capitalised content word counts ("Trendrapport Reïntegratiemarkt").
    const before = takeWhile(this.wordsBefore(start, 3), (w) => !flagged(w.start));
    const prev = before.find((w) => !NAME_CONNECTORS.has(w.text));
    return (
      prev !== undefined &&
      isTitleCaseWord(prev.text) &&
      (!this.isSentenceStart(prev.start) || !SENTENCE_OPENERS.has(prev.text.toLowerCase()))
    );
  }

  /** Up to `n` words before `offset` in the same sentence, nearest first (only when a space precedes `offset`). */
  private wordsBefore(offset: number, n: number): { text: string; start: number }[] {
    // The sentence's start or 80 characters back, whichever is later: a walk back of 80 at most.
    const s = this.sentence;
    const limit = offset - 80;
    const from = offset >= s.start && offset < s.end ? Math.max(s.start, limit) : this.sentenceStartBack(offset, Math.max(0, limit), true);
    const source = this.source;
    const last = offset > from ? source.charCodeAt(offset - 1) : -1;
    if (last !== 32 && last !== 9) return [];
    // The words are the runs of letters, digits, apostrophes and hyphens, each from its first letter
    // or digit (as /[\p{L}\d][\p{L}\d'’-]*/u finds them), read from the back; a surrogate on the way
    // (a letter outside the BMP is one code point) leaves it to the pattern.
    const out: { text: string; start: number }[] = [];
    let i = offset;
    while (out.length < n) {
      while (i > from && !isWordRunCode(source.charCodeAt(i - 1))) {
        if (isSurrogateCode(source.charCodeAt(i - 1))) return this.wordsBeforeByPattern(from, offset, n);
        i--;
      }
      if (i <= from) break;
      const end = i;
      while (i > from && isWordRunCode(source.charCodeAt(i - 1))) i--;
      if (i > from && isSurrogateCode(source.charCodeAt(i - 1))) return this.wordsBeforeByPattern(from, offset, n);
      let start = i;
      while (start < end && !isWordStartCode(source.charCodeAt(start))) start++;
      if (start < end) out.push({ text: source.slice(start, end), start });
    }
    return out;
  }

  private wordsBeforeByPattern(from: number, offset: number, n: number): { text: string; start: number }[] {
    const head = this.source.slice(from, offset);
    const words = [...head.matchAll(/[\p{L}\d][\p{L}\d'’-]*/gu)].map((m) => ({ text: m[0], start: from + (m.index ?? 0) }));
    const out: { text: string; start: number }[] = [];
    for (let k = words.length - 1; k >= 0 && out.length < n; k--) out.push(words[k]);
    return out;
  }

  /** Up to `n` words after `offset` in the same sentence, nearest first (only when the next character is a space). */
  private wordsAfter(offset: number, n: number): { text: string; start: number }[] {
    const source = this.source;
    const out: { text: string; start: number }[] = [];
    const limit = Math.min(source.length, offset + 80);
    let i = offset;
    while (out.length < n && i < limit) {
      const c = source.charCodeAt(i);
      if (c !== 32 && c !== 9) break;
      while (i < limit && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9)) i++;
      const start = i;
      while (i < limit && isWordCharCode(source.charCodeAt(i), source, i)) i++;
      if (i === start) break;
      out.push({ text: source.slice(start, i), start });
    }
    return out;
  }

  /**
   * In a cited publication: the sentence stands in a footnote (a line that
   * starts with a note number) and reads as a reference: a year in brackets
   * or after a comma, page numbers, "e.a.", or an organisation and a page
   * ("Naar een werkende reïntegratiemarkt, SZW, 4.").
   */
  inCitation(offset: number): boolean {
    const source = this.source;
    const lineStart = this.lineAt(offset).start;
    let i = lineStart;
    while (i < offset && (source.charCodeAt(i) === 32 || source.charCodeAt(i) === 9 || source.charCodeAt(i) === 45 || source.charCodeAt(i) === 42)) i++;
    const first = source.charCodeAt(i);
    if (first !== 60 /* < */ && !(first === 0xb9 || first === 0xb2 || first === 0xb3 || (first >= 0x2070 && first <= 0x2079))) return false;
    if (!/^[ \t]*(?:[-*][ \t]+)?(?:<sup>\d+<\/sup>|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)/.test(source.slice(lineStart, lineStart + 40))) return false;
    const { start, end } = this.sentenceAt(offset);
    const sentence = source.slice(start, end);
    return /\((?:19|20)\d\d\)|,\s*(?:19|20)\d\d\b|\bpp?\.\s*\d|\be\.a\.|,\s*\p{Lu}{2,}\s*,\s*\d/u.test(sentence);
  }

  // ---- text about a word ------------------------------------------------------------------------

  /**
   * A glossary or abbreviation line ("Nugger: niet-uitkeringsgerechtigde",
   * "PGB<tab>Persoonsgebonden Budget"): the head and body of the line around
   * `offset`, or undefined.
   */
  glossaryLine(offset: number): GlossaryLine | undefined {
    const source = this.source;
    const { start: lineStart, end: lineEnd } = this.lineAt(offset);
    if (this.lineCache.start === lineStart) return this.lineCache.line;
    // Fast way out: a head of at most 60 characters and four words, then a tab, a colon, a dash or '='.
    let separator = false;
    let spaces = 0;
    const probeEnd = Math.min(lineEnd, lineStart + 64);
    for (let i = lineStart; i < probeEnd && spaces <= 6 && !separator; i++) {
      const c = source.charCodeAt(i);
      if (c === 9 || c === 58 || c === 61 || c === 0x2013) separator = true;
      else if (c === 32) {
        spaces++;
        if (source.charCodeAt(i + 1) === 45 && source.charCodeAt(i + 2) === 32) separator = true;
      }
    }
    if (!separator) {
      this.lineCache = { start: lineStart, line: undefined };
      return undefined;
    }
    const m = /^([ \t]*(?:[-*•][ \t]+)?)([^\t:=–]{1,60}?)[ \t]*(?:\t+|:[ \t]+|[ \t][–-][ \t]|[ \t]=[ \t])[ \t]*(\S.*?)[ \t]*$/d.exec(
      source.slice(lineStart, lineEnd),
    );
    let found: GlossaryLine | undefined;
    if (m !== null && m.indices !== undefined && m[2].trim().split(/\s+/).length <= 4) {
      const [headFrom, headTo] = m.indices[2];
      const [bodyFrom, bodyTo] = m.indices[3];
      found = {
        head: { start: lineStart + headFrom, end: lineStart + headTo },
        body: { start: lineStart + bodyFrom, end: lineStart + bodyTo },
        headText: m[2],
        bodyText: m[3],
      };
    }
    this.lineCache = { start: lineStart, line: found };
    return found;
  }

  /** Whether the sentence around `offset` speaks about words or names ("benamingen zoals ...", "heette dit ..."). */
  speaksAboutWords(offset: number): boolean {
    // Fast way out: no word about words within a sentence's length (searched once per block of the text).
    if (!this.metaNear(offset - 600, offset + 600)) return false;
    const { start, end } = this.sentenceAt(offset);
    if (this.aboutWordsCache.start !== start) {
      const index = this.metaWordIndex();
      const about = index !== null && start >= index.from && end <= index.to ? this.aboutWordsIndexed(index, start, end) : this.aboutWords(start, end);
      this.aboutWordsCache = { start, about };
    }
    return this.aboutWordsCache.about;
  }

  /** Whether [start, end) (a sentence) has a word about words, read from the text. */
  private aboutWords(start: number, end: number): boolean {
    const sentence = this.source.slice(start, end);
    let about = false;
    META_WORDS.lastIndex = 0;
    for (let m = META_WORDS.exec(sentence); m !== null && !about; m = META_WORDS.exec(sentence)) {
      about = !(/^term/i.test(m[0]) && speaksInTerms(this.source, start, start + m.index));
    }
    return about;
  }

  /** The same from the index (a sentence starts and ends at a non-word character, so its words are the text's). */
  private aboutWordsIndexed(index: MetaWordIndex, start: number, end: number): boolean {
    const { starts, term } = index;
    for (let k = firstAtOrAfter(starts, start); k < starts.length && starts[k] < end; k++) {
      if (term[k] === 0 || !speaksInTerms(this.source, start, starts[k])) return true;
    }
    return false;
  }

  /** Whether a word about words starts in [from, to): from the index where it knows, else from the text in blocks, each once. */
  private metaNear(from: number, to: number): boolean {
    const index = this.metaWordIndex();
    if (index !== null && Math.max(0, from) >= index.from && Math.min(to, this.source.length) <= index.to) {
      const k = firstAtOrAfter(index.starts, from);
      return k < index.starts.length && index.starts[k] < to;
    }
    const BLOCK = 1 << 16;
    for (let b = Math.max(0, from) >> 16; b * BLOCK < Math.min(to, this.source.length); b++) {
      let found = this.metaBlocks.get(b);
      if (found === undefined) {
        found = [];
        const start = b * BLOCK;
        // From a little before the block, so a word across the block's start is found too.
        META_WORDS.lastIndex = Math.max(0, start - 16);
        for (let m = META_WORDS.exec(this.source); m !== null && m.index < start + BLOCK; m = META_WORDS.exec(this.source)) {
          if (m.index >= start) found.push(m.index);
        }
        this.metaBlocks.set(b, found);
      }
      for (const at of found) if (at >= from && at < to) return true;
    }
    return false;
  }

  /** The words about words the caller's candidates show (verified here against the text), or null without candidates. */
  private metaWordIndex(): MetaWordIndex | null {
    if (this.metaIndex === undefined) {
      const hint = this.metaCandidates;
      if (hint === undefined) this.metaIndex = null;
      else {
        const source = this.source;
        const from = hint.from;
        // A word that may run past the end of the part is not known: its start is.
        const to = hint.to >= source.length ? source.length : Math.max(from, hint.to - MAX_META_LENGTH);
        const sorted = hint.candidates.slice(0, hint.count).sort();
        const starts: number[] = [];
        const term: number[] = [];
        for (let k = 0; k < sorted.length; k++) {
          const at = sorted[k];
          if (at < from || at >= to || (k > 0 && sorted[k - 1] === at)) continue;
          META_WORD_AT.lastIndex = at;
          const m = META_WORD_AT.exec(source);
          if (m === null) continue;
          starts.push(at);
          term.push(/^term/i.test(m[0]) ? 1 : 0);
        }
        this.metaIndex = { from, to, starts: Int32Array.from(starts), term: Uint8Array.from(term) };
      }
    }
    return this.metaIndex;
  }

  // ---- the past ----------------------------------------------------------------------------------

  /**
   * Whether the word at `offset` stands in a statement about the time before
   * `until`: the sentence names an earlier year or is in the past tense, its
   * paragraph names an earlier year and the sentence does not speak of now,
   * or the text carries a date (a colophon, a date line) before `until`.
   */
  speaksOfTimeBefore(offset: number, until: number): boolean {
    const year = this.documentYear();
    if (year !== null && year < until) return true;
    const sentence = this.sentenceAt(offset);
    const key = `${sentence.start}|${until}`;
    let past = this.pastCache.get(key);
    if (past === undefined) {
      const text = this.source.slice(sentence.start, sentence.end);
      const lower = text.toLowerCase();
      if (PRESENT_WORDS.test(lower)) past = false;
      else if (earlierYear(text, until) || untilYear(until).test(lower)) past = true;
      else if (PAST_WORDS.test(lower)) past = true;
      else past = this.paragraphNamesEarlierYear(offset, until);
      this.pastCache.set(key, past);
    }
    return past;
  }

  /** Whether the paragraph around `offset` names a year before `until` (read once per paragraph and year). */
  private paragraphNamesEarlierYear(offset: number, until: number): boolean {
    const paragraph = this.paragraphAt(offset);
    const key = `${paragraph.start}|${until}`;
    let earlier = this.paragraphYears.get(key);
    if (earlier === undefined) {
      earlier = earlierYear(this.source.slice(paragraph.start, paragraph.end), until);
      this.paragraphYears.set(key, earlier);
    }
    return earlier;
  }

  /** The year the text dates itself with (© april 2006, Datum: 15 september 2008), or null. */
  documentYear(): number | null {
    if (this.dated === undefined) {
      // A text dates itself on its first pages or in a colophon at the end.
      const source = this.source;
      const part = source.length <= 40_000 ? source : `${source.slice(0, 30_000)}\n${source.slice(-10_000)}`;
      const m =
        /(?:©|\(c\))[ \t]*(?:[\p{L}]+[ \t]+)?((?:19|20)\d\d)\b/iu.exec(part) ??
        /^[ \t]*(?:datum|einddatum|publicatiedatum)[ \t]*[:–-][ \t]*(?:\d{1,2}[ \t]+)?(?:[\p{L}]+[ \t]+)?((?:19|20)\d\d)\b/imu.exec(part);
      this.dated = m === null ? null : Number(m[1]);
    }
    return this.dated;
  }
}

/** "in termen van" speaks with words, not about them: "in" before the word at `at` (within its sentence from `start`). */
function speaksInTerms(source: string, start: number, at: number): boolean {
  return /\bin\s+$/i.test(source.slice(Math.max(start, at - 4), at));
}

/** Whether [start, end) lies inside one of `ranges` (sorted, not nested: each ends after the one before). */
function withinRanges(ranges: readonly Range[], start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < ranges.length && ranges[lo].start <= start && end <= ranges[lo].end;
}

/** Index of the first value >= `position` in an ascending list (typed arrays only: one kind of list keeps the search compiled for it). */
function firstAtOrAfter(values: Int32Array, position: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A letter (\p{L}) or digit: where a word starts. */
function isWordStartCode(c: number): boolean {
  return (c >= 48 && c <= 57) || isUnicodeLetterCode(c);
}

/** A letter, digit, apostrophe or hyphen: what a word is made of. */
function isWordRunCode(c: number): boolean {
  return c === 39 || c === 45 || c === 0x2019 || isWordStartCode(c);
}

function takeWhile<T>(items: readonly T[], ok: (item: T) => boolean): T[] {
  const out: T[] = [];
  for (const item of items) {
    if (!ok(item)) break;
    out.push(item);
  }
  return out;
}

function earlierYear(text: string, until: number): boolean {
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(text); m !== null; m = YEAR.exec(text)) if (Number(m[1]) < until) return true;
  return false;
}

/** "tot 2004", "voor januari 2003": a time up to `until`, as a pattern (made once per year). */
function untilYear(until: number): RegExp {
  let pattern = UNTIL_YEAR.get(until);
  if (pattern === undefined) {
    pattern = new RegExp(`\\b(?:tot|voor|vóór|tot en met) (?:[a-z]+ )?(?:${yearsUpTo(until)})\\b`);
    UNTIL_YEAR.set(until, pattern);
  }
  return pattern;
}

const UNTIL_YEAR = new Map<number, RegExp>();

function yearsUpTo(until: number): string {
  const years: number[] = [];
  for (let y = until; y > until - 40; y--) years.push(y);
  return years.join('|');
}
