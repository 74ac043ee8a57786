/**
 * The parts of a package being written: every part of the base archive,
 * untouched until a writer asks for its text, plus new and changed parts.
 * Untouched parts are copied into the new archive as they were stored;
 * only changed or new parts are deflated again.
 */

import { readText } from './partText';
import { writeZip, type Compressor, type OutputEntry } from './zipWriter';
import { partKey, type ZipArchive, type ZipEntry } from './zipEntries';

interface Part {
  /** The name as stored in the base archive, or as given for a new part. */
  readonly name: string;
  readonly base?: ZipEntry;
  /** New content: text or bytes in pieces. */
  text?: string;
  pieces?: readonly Uint8Array[];
  changed: boolean;
}

const encoder = new TextEncoder();

/** A part name as the package uses it: no leading slash. */
export function partName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '');
}

export class PackageContent {
  private readonly parts = new Map<string, Part>();

  constructor(readonly base: ZipArchive | null) {
    if (base !== null) for (const entry of base.entries()) this.parts.set(partKey(entry.name), { name: entry.name, base: entry, changed: false });
  }

  has(name: string): boolean {
    return this.parts.has(partKey(name));
  }

  /** Names of every part (without a leading slash), base order first. */
  names(): string[] {
    return [...this.parts.values()].map((p) => partName(p.name));
  }

  /** Whether a part was changed, added or is new. */
  isChanged(name: string): boolean {
    return this.parts.get(partKey(name))?.changed ?? false;
  }

  /** The base entry of an unchanged part (to read it in pieces), if any. */
  baseEntry(name: string): ZipEntry | undefined {
    const part = this.parts.get(partKey(name));
    return part !== undefined && !part.changed ? part.base : undefined;
  }

  /** The text of a part (decoded from the base on first use); undefined when there is no such part. */
  text(name: string): string | undefined {
    const part = this.parts.get(partKey(name));
    if (part === undefined) return undefined;
    if (part.text !== undefined) return part.text;
    if (part.pieces !== undefined) {
      const decoder = new TextDecoder();
      let text = '';
      for (const piece of part.pieces) text += decoder.decode(piece, { stream: true });
      part.text = text + decoder.decode();
      return part.text;
    }
    if (part.base === undefined || this.base === null) return undefined;
    part.text = readText(this.base, part.base);
    return part.text;
  }

  /** The inflated bytes of a part. */
  bytes(name: string): Uint8Array | undefined {
    const part = this.parts.get(partKey(name));
    if (part === undefined) return undefined;
    if (part.pieces !== undefined && part.text === undefined) return joined(part.pieces);
    if (part.text !== undefined) return encoder.encode(part.text);
    if (part.base === undefined || this.base === null) return undefined;
    return this.base.readBytes(part.base);
  }

  setText(name: string, text: string): void {
    this.put(name, { text: utf8Declaration(text) });
  }

  setBytes(name: string, pieces: readonly Uint8Array[]): void {
    this.put(name, { pieces });
  }

  private put(name: string, content: { text?: string; pieces?: readonly Uint8Array[] }): void {
    const key = partKey(name);
    const existing = this.parts.get(key);
    this.parts.set(key, { name: existing?.name ?? partName(name), base: existing?.base, ...content, changed: true });
  }

  delete(name: string): void {
    this.parts.delete(partKey(name));
  }

  /** A part name not yet in the package: `${prefix}${n}${suffix}` with the smallest n ≥ 1. */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.has(name)) return name;
    }
  }

  /** The archive: base parts in their order (copied as stored when unchanged), then new parts. The package is spent afterwards. */
  toZip(compressor?: Compressor): Uint8Array {
    const entries: OutputEntry[] = [];
    for (const part of this.parts.values()) {
      if (!part.changed && part.base !== undefined && this.base !== null) {
        entries.push({ kind: 'copy', name: part.name, from: this.base, entry: part.base });
      } else {
        entries.push({
          kind: 'new',
          name: part.name,
          content: () => {
            // Written once: the part's text or pieces can go as soon as they are encoded.
            const content = part.text !== undefined ? [encoder.encode(part.text)] : (part.pieces ?? []);
            part.text = undefined;
            part.pieces = undefined;
            return content;
          },
        });
      }
    }
    // [Content_Types].xml first, as Office writes it.
    entries.sort((a, b) => Number(b.name === '[Content_Types].xml') - Number(a.name === '[Content_Types].xml'));
    return writeZip(entries, compressor);
  }
}

function joined(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0];
  let length = 0;
  for (const p of pieces) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Text is written as UTF-8: a declaration that says otherwise (a UTF-16 part read from the base) is corrected. */
function utf8Declaration(text: string): string {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return t.replace(/^(<\?xml[^>]*\bencoding\s*=\s*["'])([^"']*)(["'])/, (whole, a: string, enc: string, b: string) =>
    /^utf-?8$/i.test(enc) ? whole : `${a}UTF-8${b}`,
  );
}
