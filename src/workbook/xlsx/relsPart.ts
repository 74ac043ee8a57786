/**
 * The relationships of one part (`_rels/<part>.rels`), edited as text:
 * relationships are added before the closing tag and removed where they
 * stand; targets are resolved against the source part's folder.
 */

import { partName } from './packageContent';
import { partFolder, relationshipsPart, resolveTarget } from './relationships';
import { attrs, NS, XML_DECLARATION } from './xmlWrite';
import { damagedPart } from './packageWriteError';
import { appendInside, rootElement, isWellFormed } from './xmlElements';
import { forEachTag } from './xmlText';

export interface Rel {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  /** The target resolved to a part name; undefined for an external target. */
  readonly part: string | undefined;
}

/** The relative target from a source part to a target part (`../comments1.xml`). */
export function relativeTarget(source: string, target: string): string {
  const from = partFolder(partName(source)).split('/').filter((s) => s !== '');
  const to = partName(target).split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** After a start tag ending at `from`: the index after its end tag (if that follows directly), else `from`. */
export function closingEnd(xml: string, from: number): number {
  const m = /^\s*<\/[\w:.-]+\s*>/.exec(xml.slice(from, from + 200));
  return m === null ? from : from + m[0].length;
}

/** The relationship ids a part's XML refers to (every `prefix:id="..."` attribute). */
export function referencedIds(xml: string): Set<string> {
  return new Set([...xml.matchAll(/\s[\w.-]+:id\s*=\s*["']([^"']*)["']/g)].map((m) => m[1]));
}

export class RelsPart {
  readonly part: string;
  private xml: string;
  changed = false;
  /** Whether the part existed in the base package. */
  readonly existed: boolean;

  constructor(
    readonly source: string,
    xml: string | undefined,
  ) {
    this.part = relationshipsPart(partName(source));
    this.existed = xml !== undefined;
    this.xml = xml ?? `${XML_DECLARATION}<Relationships xmlns="${NS.packageRelationships}"></Relationships>`;
    const root = rootElement(this.xml);
    if (root === undefined || root.name !== 'Relationships' || !isWellFormed(this.xml)) throw damagedPart(this.part);
    // <Relationships/>: open it, so relationships can be added.
    if (root.selfClosing) this.xml = appendInside(this.xml, root, '');
  }

  private entries(): (Rel & { start: number; end: number })[] {
    const out: (Rel & { start: number; end: number })[] = [];
    const folder = partFolder(partName(this.source));
    forEachTag(this.xml, (tag) => {
      if (tag.closing || tag.name !== 'Relationship') return;
      const { Id: id, Type: type, Target: target, TargetMode: mode } = tag.attrs;
      if (id === undefined || type === undefined || target === undefined) return;
      const start = this.xml.lastIndexOf('<', tag.end - 1);
      // <Relationship ...></Relationship>: the end tag goes with it.
      const end = tag.selfClosing ? tag.end : closingEnd(this.xml, tag.end);
      const external = mode !== undefined && mode.toLowerCase() === 'external';
      out.push({ id, type, target, part: external ? undefined : resolveTarget(folder, target), start, end });
    });
    return out;
  }

  list(): Rel[] {
    return this.entries().map(({ id, type, target, part }) => ({ id, type, target, part }));
  }

  /** Relationships whose type ends with `/name`. */
  ofType(name: string): Rel[] {
    return this.list().filter((r) => r.type.endsWith('/' + name));
  }

  get(id: string): Rel | undefined {
    return this.list().find((r) => r.id === id);
  }

  private readonly reserved = new Set<string>();

  /** Ids the source part refers to: never given to a new relationship (even when no relationship of this part has them). */
  reserve(ids: Iterable<string>): void {
    for (const id of ids) this.reserved.add(id);
  }

  /** Adds a relationship to a part of this package; returns its new id. */
  add(type: string, targetPart: string): string {
    const ids = new Set(this.list().map((r) => r.id));
    let n = ids.size + 1;
    // An id written anywhere in the part (also in a damaged element the parser passed over) stays taken.
    while (ids.has(`rId${n}`) || this.reserved.has(`rId${n}`) || this.xml.includes(`"rId${n}"`) || this.xml.includes(`'rId${n}'`)) n++;
    const id = `rId${n}`;
    const element = `<Relationship${attrs({ Id: id, Type: type, Target: relativeTarget(this.source, targetPart) })}/>`;
    const close = this.xml.lastIndexOf('</');
    this.xml = this.xml.slice(0, close) + element + this.xml.slice(close);
    this.changed = true;
    return id;
  }

  remove(id: string): void {
    const entry = this.entries().find((r) => r.id === id);
    if (entry === undefined) return;
    this.xml = this.xml.slice(0, entry.start) + this.xml.slice(entry.end);
    this.changed = true;
  }

  isEmpty(): boolean {
    return this.entries().length === 0;
  }

  text(): string {
    return this.xml;
  }
}
