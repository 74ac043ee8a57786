/**
 * A sheet's notes (the legacy comments part, xl/commentsN.xml), edited as
 * text. Our text is added as runs of its own after a user's note, so the
 * user's rich text stays exactly as it was; clearing removes only our runs,
 * or the whole note where it was ours alone.
 */

import { parseCellRef } from './cellRefs';
import { hasOurNote, NOTE_HEADING } from '../marks';
import { richText } from './sharedStrings';
import { childrenOf, rootChildren, rootElement, appendInside, type ElementSpan, isWellFormed } from './xmlElements';
import { damagedPart } from './packageWriteError';
import { decodeAttribute, decodeEntities } from './xmlText';
import { attrs, NS, textElement, XML_DECLARATION } from './xmlWrite';

const SEPARATOR = '\n\n';
/** The author of our notes. */
export const NOTE_AUTHOR = NOTE_HEADING;

export interface NoteEntry {
  readonly ref: string;
  readonly row: number;
  readonly col: number;
  /** The note's plain text. */
  readonly text: string;
  readonly span: ElementSpan;
}

export class CommentsXml {
  private xml: string;
  readonly prefix: string;
  changed = false;
  readonly existed: boolean;

  constructor(xml: string | undefined, part = 'xl/comments1.xml') {
    this.existed = xml !== undefined;
    this.xml = xml ?? `${XML_DECLARATION}<comments xmlns="${NS.main}"><authors></authors><commentList></commentList></comments>`;
    const root = rootElement(this.xml);
    if (root === undefined || root.name !== 'comments' || root.selfClosing || !isWellFormed(this.xml)) throw damagedPart(part);
    const qname = root === undefined ? '' : this.xml.slice(root.start + 1, root.start + 1 + /^[^\s/>]*/.exec(this.xml.slice(root.start + 1))![0].length);
    this.prefix = qname.includes(':') ? qname.slice(0, qname.indexOf(':') + 1) : '';
  }

  text(): string {
    return this.xml;
  }

  private section(name: string): ElementSpan {
    let found = rootChildren(this.xml).find((c) => c.name === name);
    if (found === undefined) {
      const root = rootElement(this.xml) as ElementSpan;
      const element = `<${this.prefix}${name}></${this.prefix}${name}>`;
      if (name === 'authors') {
        const at = root.selfClosing ? -1 : root.openEnd;
        this.xml = at < 0 ? appendInside(this.xml, root, element) : this.xml.slice(0, at) + element + this.xml.slice(at);
      } else {
        const authors = rootChildren(this.xml).find((c) => c.name === 'authors');
        const at = authors !== undefined ? authors.end : root.openEnd;
        this.xml = this.xml.slice(0, at) + element + this.xml.slice(at);
      }
      found = rootChildren(this.xml).find((c) => c.name === name) as ElementSpan;
    }
    return found;
  }

  private authors(): string[] {
    const section = rootChildren(this.xml).find((c) => c.name === 'authors');
    if (section === undefined) return [];
    return childrenOf(this.xml, section).map((a) => (a.selfClosing ? '' : decodeEntities(this.xml.slice(a.openEnd, a.closeStart))));
  }

  notes(): NoteEntry[] {
    const list = rootChildren(this.xml).find((c) => c.name === 'commentList');
    if (list === undefined) return [];
    const out: NoteEntry[] = [];
    for (const c of childrenOf(this.xml, list)) {
      if (c.name !== 'comment') continue;
      const ref = /\sref\s*=\s*["']([^"']*)["']/.exec(this.xml.slice(c.start, c.openEnd))?.[1] ?? '';
      const at = parseCellRef(decodeAttribute(ref));
      if (at === undefined) continue;
      const body = childrenOf(this.xml, c).find((e) => e.name === 'text');
      const text = body === undefined || body.selfClosing ? '' : richText(this.xml, body.openEnd, body.closeStart);
      out.push({ ref, row: at.row, col: at.col, text, span: c });
    }
    return out;
  }

  /** Whether any note holds text of ours. */
  hasOurs(): boolean {
    return this.xml.includes(NOTE_HEADING) && this.notes().some((n) => hasOurNote(n.text));
  }

  /**
   * Removes our part of every note: a note that was ours alone goes
   * (its cell is returned, so its shape can go too); from a user's note
   * only our runs are taken.
   */
  removeOurs(): { row: number; col: number }[] {
    const removed: { row: number; col: number }[] = [];
    const pieces: string[] = [];
    let at = 0;
    for (const note of this.notes()) {
      if (!hasOurNote(note.text)) continue;
      pieces.push(this.xml.slice(at, note.span.start));
      if (note.text.startsWith(NOTE_HEADING)) removed.push({ row: note.row, col: note.col });
      else pieces.push(this.withoutOurRuns(note));
      at = note.span.end;
    }
    if (pieces.length === 0) return removed;
    pieces.push(this.xml.slice(at));
    this.xml = pieces.join('');
    this.changed = true;
    this.dropOurAuthorIfUnused();
    return removed;
  }

  /**
   * The note element with our runs (from the separator on) cut off. Our
   * runs follow the user's and are contiguous: everything before the first
   * of them and everything after the last (phonetic runs) stays as it was.
   * Where another program merged runs, the run holding the separator is cut.
   */
  private withoutOurRuns(note: NoteEntry): string {
    const xml = this.xml.slice(note.span.start, note.span.end);
    const comment = { ...note.span, start: 0, end: xml.length, openEnd: note.span.openEnd - note.span.start, closeStart: note.span.closeStart - note.span.start };
    const body = childrenOf(xml, comment).find((e) => e.name === 'text');
    if (body === undefined) return xml;
    const cut = note.text.indexOf(SEPARATOR + NOTE_HEADING);
    const pieces = childrenOf(xml, body);
    let seen = 0;
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (piece.name !== 'r' && piece.name !== 't') continue;
      const pieceText = piece.name === 't' ? richText(xml, piece.start, piece.end) : richText(xml, piece.openEnd, piece.closeStart);
      if (seen + pieceText.length <= cut) {
        seen += pieceText.length;
        continue;
      }
      // pieces[i] holds the separator: drop it (or the part of it from the separator on) and the runs after it.
      let last = i;
      while (last + 1 < pieces.length && (pieces[last + 1].name === 'r' || pieces[last + 1].name === 't')) last++;
      let kept = '';
      const keep = pieceText.slice(0, cut - seen);
      if (keep.length > 0) {
        const t = piece.name === 't' ? piece : childrenOf(xml, piece).find((e) => e.name === 't');
        if (t !== undefined) {
          const qname = /^<([^\s/>]*)/.exec(xml.slice(t.start))?.[1] ?? 't';
          kept = xml.slice(piece.start, t.start) + textElement(keep, qname.slice(0, -1)) + xml.slice(t.end, piece.end);
        }
      }
      return xml.slice(0, piece.start) + kept + xml.slice(pieces[last].end);
    }
    return xml;
  }

  private ourAuthorId(): number {
    const authors = this.authors();
    const found = authors.indexOf(NOTE_AUTHOR);
    if (found >= 0) return found;
    const section = this.section('authors');
    this.xml = appendInside(this.xml, section, `<${this.prefix}author>${textContent(NOTE_AUTHOR)}</${this.prefix}author>`);
    return authors.length;
  }

  private dropOurAuthorIfUnused(): void {
    const authors = this.authors();
    const id = authors.lastIndexOf(NOTE_AUTHOR);
    if (id < 0 || id !== authors.length - 1) return;
    const used = new RegExp(`\\sauthorId\\s*=\\s*["']${id}["']`).test(this.xml);
    if (used) return;
    const section = rootChildren(this.xml).find((c) => c.name === 'authors') as ElementSpan;
    const last = childrenOf(this.xml, section)[id];
    this.xml = this.xml.slice(0, last.start) + this.xml.slice(last.end);
  }

  /**
   * Adds our notes: after the user's note where there is one (our runs
   * appended), else as a new note. Returns the cells that got a new note
   * (they need a shape in the drawing).
   */
  addOurs(notes: readonly { readonly ref: string; readonly row: number; readonly col: number; readonly note: string }[]): { row: number; col: number }[] {
    if (notes.length === 0) return [];
    this.changed = true;
    const existing = new Map<string, NoteEntry>();
    for (const n of this.notes()) existing.set(`${n.row}:${n.col}`, n);
    const appendTo: { entry: NoteEntry; note: string }[] = [];
    const fresh: typeof notes[number][] = [];
    for (const n of notes) {
      const entry = existing.get(`${n.row}:${n.col}`);
      if (entry !== undefined) appendTo.push({ entry, note: n.note });
      else fresh.push(n);
    }
    if (appendTo.length > 0) {
      appendTo.sort((a, b) => a.entry.span.start - b.entry.span.start);
      const pieces: string[] = [];
      let at = 0;
      for (const { entry, note } of appendTo) {
        pieces.push(this.xml.slice(at, entry.span.start), this.withOurRuns(entry, note));
        at = entry.span.end;
      }
      pieces.push(this.xml.slice(at));
      this.xml = pieces.join('');
    }
    if (fresh.length > 0) {
      const author = this.ourAuthorId();
      const list = this.section('commentList');
      const p = this.prefix;
      const xml = fresh.map((n) => `<${p}comment${attrs({ ref: n.ref, authorId: author })}><${p}text>${this.runs(n.note)}</${p}text></${p}comment>`).join('');
      this.xml = appendInside(this.xml, list, xml);
    }
    return fresh.map(({ row, col }) => ({ row, col }));
  }

  /** A user's note element with our runs appended. */
  private withOurRuns(entry: NoteEntry, note: string): string {
    const xml = this.xml.slice(entry.span.start, entry.span.end);
    const local = { ...entry.span, start: 0, end: xml.length, openEnd: entry.span.openEnd - entry.span.start, closeStart: entry.span.closeStart - entry.span.start };
    const body = childrenOf(xml, local).find((e) => e.name === 'text');
    const runs = this.runs(SEPARATOR + note);
    if (body === undefined) return appendInside(xml, local, `<${this.prefix}text>${runs}</${this.prefix}text>`);
    // Before phonetic runs, which close a rich text.
    const phonetic = childrenOf(xml, body).find((e) => e.name === 'rPh' || e.name === 'phoneticPr');
    return phonetic !== undefined ? xml.slice(0, phonetic.start) + runs + xml.slice(phonetic.start) : appendInside(xml, body, runs);
  }

  /** Our note as runs: the heading in bold, the messages after it. */
  private runs(note: string): string {
    const p = this.prefix;
    const font = `<${p}sz val="9"/><${p}color indexed="81"/><${p}rFont val="Tahoma"/><${p}family val="2"/>`;
    const at = note.indexOf(NOTE_HEADING);
    const heading = at >= 0 ? note.slice(0, at + NOTE_HEADING.length) : '';
    const rest = at >= 0 ? note.slice(at + NOTE_HEADING.length) : note;
    let out = '';
    if (heading !== '') out += `<${p}r><${p}rPr><${p}b/>${font}</${p}rPr>${textElement(heading, p)}</${p}r>`;
    if (rest !== '') out += `<${p}r><${p}rPr>${font}</${p}rPr>${textElement(rest, p)}</${p}r>`;
    return out;
  }

  isEmpty(): boolean {
    return !/<(?:[\w.-]+:)?comment[\s>/]/.test(this.xml);
  }
}

function textContent(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
