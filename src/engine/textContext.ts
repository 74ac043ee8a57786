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
import { normaliseForm } from '../definitions/normaliseForm';

const NEWLINE = 10;
const CR = 13;

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === NEWLINE || c === CR || c === 0xa0;
}

function isBlankLine(source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpaceCode(source.charCodeAt(i))) return false;
  return true;
}

export function isUpperChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isLetterChar(ch: string | undefined): boolean {
  return ch !== undefined && ch.toLowerCase() !== ch.toUpperCase();
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

/** Markdown or list markers at the start of a line that do not belong to the sentence. */
const LINE_MARKERS = /^[ \t]*(?:#{1,6}[ \t]+|[-*•➤>][ \t]+|\d{1,3}[.)][ \t]+|[a-z][.)][ \t]+|<sup>\d+<\/sup>[ \t]*)*/;

/** Words of a sentence that make it a statement about the past. */
const PAST_WORDS = new Set([
  'toen', 'destijds', 'vroeger', 'voorheen', 'voormalig', 'voormalige', 'oude', 'was', 'waren', 'werd', 'werden',
  'had', 'hadden', 'heette', 'heetten', 'droeg', 'droegen', 'bestond', 'bestonden', 'gold', 'golden',
]);

/** Words of a sentence that make it a statement about now. */
const PRESENT_WORDS = new Set(['nu', 'thans', 'tegenwoordig', 'momenteel', 'inmiddels', 'voortaan', 'vandaag']);

/**
 * Words that make a sentence speak about a word or a name rather than with
 * it ("verschillende benamingen zoals klantmanager", "heette dit 'uitstroom'").
 */
const META_WORDS = new Set([
  'benaming', 'benamingen', 'functienaam', 'functienamen', 'naam', 'namen', 'term', 'termen', 'woord', 'woorden',
  'begrip', 'begrippen', 'heet', 'heten', 'heette', 'heetten', 'genoemd', 'noemen', 'noemden', 'voortaan',
  'voorheen', 'vervangt', 'vervangen', 'spelling', 'schrijfwijze', 'afkorting', 'afgekort',
]);

const YEAR = /(?:^|[^\d])((?:19|20)\d\d)(?!\d)/g;

export class TextContext {
  private paragraph: Range = { start: 0, end: -1 };
  private sentence: Range = { start: 0, end: -1 };
  private titles: Range[] | undefined;
  private dated: number | null | undefined;

  private foldedParagraphCache: { start: number; text: string } = { start: -1, text: '' };

  /** `folded` (the matcher's folded text of `source`) is used to find recurring titles. */
  constructor(
    readonly source: string,
    private readonly folded?: { readonly text: string; readonly origin: ArrayLike<number>; originEnd(index: number): number },
  ) {}

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
    let start = offset;
    while (start > pStart && !this.isSentenceBoundaryBefore(start)) start--;
    let end = offset;
    while (end < pEnd) {
      const ch = source.charAt(end);
      if ((ch === '.' || ch === '!' || ch === '?' || ch === ';') && (end + 1 >= pEnd || isSpaceCode(source.charCodeAt(end + 1)))) {
        end++;
        break;
      }
      if (ch === '\n' && this.lineEndsSentence(end)) break;
      end++;
    }
    this.sentence = { start, end };
    return this.sentence;
  }

  /** Whether a sentence ends just before `i` (i is the first character of the next one). */
  private isSentenceBoundaryBefore(i: number): boolean {
    const source = this.source;
    const prev = source.charAt(i - 1);
    if (prev === '\n') return this.lineEndsSentence(i - 1);
    if (!isSpaceCode(source.charCodeAt(i - 1))) return false;
    let j = i - 1;
    while (j > 0 && isSpaceCode(source.charCodeAt(j - 1)) && source.charAt(j - 1) !== '\n') j--;
    const before = source.charAt(j - 1);
    return before === '.' || before === '!' || before === '?' || before === ';';
  }

  /**
   * Whether the line break at `newline` ends a sentence: a line that ends in
   * punctuation, a heading or list line, a table line (tabs), or a short
   * line without a final comma; a wrapped line of running prose does not.
   */
  private lineEndsSentence(newline: number): boolean {
    const source = this.source;
    const lineStart = source.lastIndexOf('\n', newline - 1) + 1;
    const line = source.slice(lineStart, newline).trimEnd();
    if (line === '') return true;
    if (/[.!?:;]["'’”)*]*$/.test(line)) return true;
    if (/^\s*(#|[-*•➤]\s|\d{1,3}[.)]\s)/.test(line) || line.includes('\t')) return true;
    const next = source.charAt(source.indexOf('\n', newline) + 1);
    return line.length < 60 && !/[,a-zà-ÿ-]$/.test(line) && isUpperChar(next);
  }

  /** Whether `offset` is the first word of a sentence (a line marker such as '# ' or '- ' does not count as a word). */
  isSentenceStart(offset: number): boolean {
    const { start } = this.sentenceAt(offset);
    const head = this.source.slice(start, offset);
    const rest = head.replace(LINE_MARKERS, '');
    return /^[\s("'‘“*[]*$/.test(rest);
  }

  // ---- names that cannot change --------------------------------------------------------------

  /** A URL or an e-mail address: the run of non-space characters around [start, end). */
  inAddress(start: number, end: number): boolean {
    const source = this.source;
    let s = start;
    while (s > 0 && !isSpaceCode(source.charCodeAt(s - 1))) s--;
    let e = end;
    while (e < source.length && !isSpaceCode(source.charCodeAt(e))) e++;
    const token = source.slice(s, e);
    return /:\/\/|(?:^|[([<])www\.|@[\w-]+\./i.test(token) || /[\w-]\.(?:nl|com|org|net|eu|be|info|nu)\b/i.test(token);
  }

  /**
   * Inside a title or name the text itself marks: a quoted or emphasised
   * (*…*) passage that starts with a capital and is not a quoted sentence,
   * and every other place in the text where the same words (three or more)
   * occur.
   */
  inTitle(start: number, end: number): boolean {
    this.titles ??= this.findTitles();
    const titles = this.titles;
    let lo = 0;
    let hi = titles.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (titles[mid].end <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo < titles.length && titles[lo].start <= start && end <= titles[lo].end;
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
        if (words.length >= 3) phrases.add(normaliseForm(inner));
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

  /** Every other occurrence of a marked title, found in the folded text of the whole source. */
  private addRecurrences(phrases: Set<string>, found: Range[]): void {
    const folded = this.folded;
    if (folded === undefined) return;
    const text = folded.text;
    for (const phrase of phrases) {
      for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
        found.push({ start: folded.origin[at], end: folded.originEnd(at + phrase.length - 1) });
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
    const first = source.charAt(start);
    // A neighbour that is itself a flagged word is no part of a name, nor is anything beyond it.
    const before = takeWhile(this.wordsBefore(start, 3), (w) => !flagged(w.start));
    const after = takeWhile(this.wordsAfter(end, 3), (w) => !flagged(w.start));
    const ofOrganisation = after.length >= 3 && after[0].text === 'van' && (after[1].text === 'de' || after[1].text === 'het') && isAbbreviationWord(after[2].text);
    if (isUpperChar(first)) {
      // Only a word in title case can be part of a name; capitals throughout (an abbreviation, a
      // heading in capitals) or an abbreviation with an ending (WWB'er) say nothing about a name.
      if (!isLowerChar(source.charAt(start + 1))) return false;
      if (this.isSentenceStart(start)) return false;
      if (ofOrganisation) return true;
      // A capitalised article mid-sentence starts a title ("het rapport De Reïntegratiemarkt ..."); at a
      // sentence start only a capitalised content word counts ("Trendrapport Reïntegratiemarkt").
      const prev = before.find((w) => !NAME_CONNECTORS.has(w.text));
      if (
        prev !== undefined &&
        isTitleCaseWord(prev.text) &&
        (!this.isSentenceStart(prev.start) || !SENTENCE_OPENERS.has(prev.text.toLowerCase()))
      ) {
        return true;
      }
      const next = after.find((w) => !NAME_CONNECTORS.has(w.text));
      return next !== undefined && isTitleCaseWord(next.text);
    }
    // A lower-case word right after a capitalised head, in a name of an organisation's service.
    const head = before[0];
    return head !== undefined && ofOrganisation && isTitleCaseWord(head.text) && !this.isSentenceStart(head.start);
  }

  /** Up to `n` words before `offset` in the same sentence, nearest first. */
  private wordsBefore(offset: number, n: number): { text: string; start: number }[] {
    const { start: sStart } = this.sentenceAt(offset);
    const out: { text: string; start: number }[] = [];
    const head = this.source.slice(sStart, offset);
    const re = /[\p{L}\d][\p{L}\d'’-]*/gu;
    const words = [...head.matchAll(re)].map((m) => ({ text: m[0], start: sStart + (m.index ?? 0) }));
    for (let k = words.length - 1; k >= 0 && out.length < n; k--) out.push(words[k]);
    // A word is adjacent only when nothing but spaces (or a connector) separates it.
    const between = head.slice((words[words.length - 1]?.start ?? offset) - sStart + (words[words.length - 1]?.text.length ?? 0));
    return /^[\s]*$/.test(between) ? out : [];
  }

  /** Up to `n` words after `offset` in the same sentence, nearest first (only when the next character is a space). */
  private wordsAfter(offset: number, n: number): { text: string; start: number }[] {
    const { end: sEnd } = this.sentenceAt(Math.max(0, offset - 1));
    const tail = this.source.slice(offset, Math.min(sEnd, offset + 80));
    if (!/^[ \t]/.test(tail)) return [];
    const out: { text: string; start: number }[] = [];
    const re = /([ \t]+)([\p{L}\d][\p{L}\d'’-]*)/uy;
    let at = 0;
    while (out.length < n) {
      re.lastIndex = at;
      const m = re.exec(tail);
      if (m === null) break;
      out.push({ text: m[2], start: offset + at + m[1].length });
      at = re.lastIndex;
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
    const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
    if (!/^[ \t]*(?:[-*][ \t]+)?(?:<sup>\d+<\/sup>|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)/.test(source.slice(lineStart, lineStart + 40))) return false;
    const { start, end } = this.sentenceAt(offset);
    const sentence = source.slice(start, end);
    return /\((?:19|20)\d\d\)|,\s*(?:19|20)\d\d\b|\bpp?\.\s*\d|\be\.a\.|,\s*\p{Lu}{2,}\s*,\s*\d/u.test(sentence);
  }

  // ---- text about a word ------------------------------------------------------------------------

  /**
   * A glossary or abbreviation line ("Nugger: niet-uitkeringsgerechtigde",
   * "PGB<tab>Persoonsgebonden Budget"): returns the head and body ranges of
   * the line around `offset`, or undefined.
   */
  glossaryLine(offset: number): { head: Range; body: Range; headText: string; bodyText: string } | undefined {
    const source = this.source;
    const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
    let lineEnd = source.indexOf('\n', offset);
    if (lineEnd < 0) lineEnd = source.length;
    const line = source.slice(lineStart, lineEnd);
    const m = /^([ \t]*(?:[-*•][ \t]+)?)([^\t:=–]{1,60}?)[ \t]*(\t+|:[ \t]+|[ \t][–-][ \t]|[ \t]=[ \t])[ \t]*(\S.*?)[ \t]*$/.exec(line);
    if (m === null) return undefined;
    const headText = m[2];
    if (headText.trim().split(/\s+/).length > 4) return undefined;
    const headStart = lineStart + m[1].length;
    const bodyStart = lineStart + m[1].length + m[2].length + line.slice(m[1].length + m[2].length).indexOf(m[4]);
    return {
      head: { start: headStart, end: headStart + headText.length },
      body: { start: bodyStart, end: bodyStart + m[4].length },
      headText,
      bodyText: m[4],
    };
  }

  /** Whether the sentence around `offset` speaks about words or names ("benamingen zoals ...", "heette dit ..."). */
  speaksAboutWords(offset: number): boolean {
    const { start, end } = this.sentenceAt(offset);
    const words = normaliseForm(this.source.slice(start, end)).split(/[^\p{L}]+/u);
    for (let k = 0; k < words.length; k++) {
      if (!META_WORDS.has(words[k])) continue;
      // "in termen van" speaks with words, not about them.
      if ((words[k] === 'termen' || words[k] === 'term') && words[k - 1] === 'in') continue;
      return true;
    }
    return false;
  }

  /** The folded text of the paragraph around `offset`. */
  foldedParagraph(offset: number): string {
    const { start, end } = this.paragraphAt(offset);
    if (this.foldedParagraphCache.start !== start) {
      this.foldedParagraphCache = { start, text: normaliseForm(this.source.slice(start, end)) };
    }
    return this.foldedParagraphCache.text;
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
    const text = this.source.slice(sentence.start, sentence.end);
    const folded = normaliseForm(text);
    const words = folded.split(/[^\p{L}]+/u);
    if (words.some((w) => PRESENT_WORDS.has(w))) return false;
    if (earlierYear(text, until) || new RegExp(`\\b(?:tot|voor|vóór|tot en met) (?:[a-z]+ )?(?:${yearsUpTo(until)})\\b`).test(folded)) return true;
    if (words.some((w) => PAST_WORDS.has(w))) return true;
    const paragraph = this.paragraphAt(offset);
    return earlierYear(this.source.slice(paragraph.start, paragraph.end), until);
  }

  /** The year the text dates itself with (© april 2006, Datum: 15 september 2008), or null. */
  documentYear(): number | null {
    if (this.dated === undefined) {
      const m =
        /(?:©|\(c\))[ \t]*(?:[\p{L}]+[ \t]+)?((?:19|20)\d\d)\b/iu.exec(this.source) ??
        /^[ \t]*(?:datum|einddatum|publicatiedatum)[ \t]*[:–-][ \t]*(?:\d{1,2}[ \t]+)?(?:[\p{L}]+[ \t]+)?((?:19|20)\d\d)\b/imu.exec(this.source);
      this.dated = m === null ? null : Number(m[1]);
    }
    return this.dated;
  }
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

function yearsUpTo(until: number): string {
  const years: number[] = [];
  for (let y = until; y > until - 40; y--) years.push(y);
  return years.join('|');
}
