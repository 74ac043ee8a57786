/**
 * The shared string table (xl/sharedStrings.xml), read in pieces as it is
 * inflated, and the plain text of a rich-text container (`<si>` or `<is>`).
 */

import { decodeText, localName, nameEnd, readElementText, specialEnd, tagEnd } from './xmlText';
import { XlsxReadError } from './xlsxReadError';

const textEnd = { at: 0 };

/**
 * The plain text of the content s[from, to) of an `<si>` or `<is>`
 * element: its `<t>` runs concatenated, phonetic runs (`<rPh>`) left out.
 */
export function richText(s: string, from: number, to: number): string {
  let out = '';
  let phonetic = 0;
  let p = from;
  for (;;) {
    const lt = s.indexOf('<', p);
    if (lt < 0 || lt >= to) return out;
    const c1 = s.charCodeAt(lt + 1);
    if (c1 === 33 || c1 === 63) {
      const end = specialEnd(s, lt);
      if (end < 0) return out;
      p = end;
      continue;
    }
    const closing = c1 === 47;
    const start = closing ? lt + 2 : lt + 1;
    const ne = nameEnd(s, start);
    const end = tagEnd(s, ne);
    if (end < 0 || end > to) return out;
    const name = ne - start === 1 ? s[start] : localName(s.slice(start, ne));
    p = end;
    if (name === 't') {
      if (!closing && s.charCodeAt(end - 2) !== 47) {
        const text = readElementText(s, end, textEnd);
        if (text === undefined) return out;
        if (phonetic === 0) out += text;
        p = textEnd.at;
      }
    } else if (name === 'rPh' && s.charCodeAt(end - 2) !== 47) {
      phonetic += closing ? -1 : 1;
    }
  }
}

/**
 * Collects the strings of xl/sharedStrings.xml from text pieces in
 * document order. Each `<si>` becomes one entry, so indexes stay aligned
 * even for empty or odd entries.
 */
export class SharedStringsReader {
  private readonly strings: string[] = [];
  private pending = '';
  private waitFor = 0;

  feed(text: string): void {
    const s = this.pending.length > 0 ? this.pending + text : text;
    if (s.length < this.waitFor) {
      this.pending = s;
      return;
    }
    const stop = this.scan(s);
    this.pending = stop < s.length ? s.slice(stop) : '';
    // One unfinished element larger than a piece: wait until the text has
    // doubled before scanning it again, so it is not rescanned per piece.
    this.waitFor = this.pending.length > 65536 ? this.pending.length * 2 : 0;
  }

  finish(): string[] {
    if (this.pending.length > 0) {
      this.waitFor = 0;
      const stop = this.scan(this.pending);
      if (this.pending.indexOf('<', stop) >= 0) {
        throw new XlsxReadError('beschadigd', 'het bestand is beschadigd (de gedeelde teksten zijn onvolledig)');
      }
      this.pending = '';
    }
    return this.strings;
  }

  /** Reads complete `<si>` elements from s; returns where the first incomplete construct starts. */
  private scan(s: string): number {
    const length = s.length;
    let p = 0;
    for (;;) {
      const lt = s.indexOf('<', p);
      if (lt < 0) return length;
      const c1 = s.charCodeAt(lt + 1);
      if (c1 !== c1) return lt;
      if (c1 === 33 || c1 === 63) {
        const end = specialEnd(s, lt);
        if (end < 0) return lt;
        p = end;
        continue;
      }
      // Fast path: <si><t>text</t></si> (or <t xml:space="preserve">).
      if (c1 === 115 /* s */ && s.startsWith('<si><t', lt)) {
        const c = s.charCodeAt(lt + 6);
        const ts = c === 62 ? lt + 7 : c === 32 ? tagEnd(s, lt + 7) : -1;
        if (ts > 0 && s.charCodeAt(ts - 2) !== 47) {
          const te = s.indexOf('<', ts);
          if (te < 0) return lt;
          if (te + 10 > length) return lt;
          if (s.startsWith('</t></si>', te)) {
            this.strings.push(decodeText(s.slice(ts, te)));
            p = te + 9;
            continue;
          }
        }
      }
      const closing = c1 === 47;
      const start = closing ? lt + 2 : lt + 1;
      const ne = nameEnd(s, start);
      if (ne >= length) return lt;
      const end = tagEnd(s, ne);
      if (end < 0) return lt;
      if (!closing && ne - start >= 2 && localName(s.slice(start, ne)) === 'si') {
        if (s.charCodeAt(end - 2) === 47) {
          this.strings.push('');
        } else {
          const close = s.indexOf('</' + s.slice(start, ne) + '>', end);
          if (close < 0) return lt;
          this.strings.push(richText(s, end, close));
          p = close + ne - start + 3;
          continue;
        }
      }
      p = end;
    }
  }
}
