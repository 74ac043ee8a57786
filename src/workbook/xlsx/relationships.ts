/**
 * Package relationships (`_rels/*.rels`) and resolving their targets to
 * part names inside the zip archive.
 */

import { forEachTag } from './xmlText';

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target resolved to a part name (no leading slash); undefined for external targets. */
  readonly part: string | undefined;
}

/** The folder of a part name, with a trailing slash ('' for the root). */
export function partFolder(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash < 0 ? '' : part.slice(0, slash + 1);
}

/** Where the relationships of a part are kept: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relationshipsPart(part: string): string {
  const folder = partFolder(part);
  return `${folder}_rels/${part.slice(folder.length)}.rels`;
}

/**
 * Resolves a relationship target against the folder of its source part:
 * absolute targets (`/xl/worksheets/sheet1.xml`) from the package root,
 * relative ones (`worksheets/sheet1.xml`, `../xl/…`) from the folder.
 */
export function resolveTarget(sourceFolder: string, target: string): string {
  let path = target.replace(/\\/g, '/');
  const hash = path.indexOf('#');
  if (hash >= 0) path = path.slice(0, hash);
  const joined = path.startsWith('/') ? path : sourceFolder + path;
  const out: string[] = [];
  for (const segment of joined.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return out.join('/');
}

/** The relationships of a .rels part by id, targets resolved against `sourceFolder`. */
export function parseRelationships(xml: string, sourceFolder: string): Map<string, Relationship> {
  const byId = new Map<string, Relationship>();
  forEachTag(xml, (tag) => {
    if (tag.closing || tag.name !== 'Relationship') return;
    const { Id: id, Type: type, Target: target, TargetMode: mode } = tag.attrs;
    if (id === undefined || type === undefined || target === undefined || byId.has(id)) return;
    const external = mode !== undefined && mode.toLowerCase() === 'external';
    byId.set(id, { id, type, part: external ? undefined : resolveTarget(sourceFolder, target) });
  });
  return byId;
}

/** Whether a relationship type (transitional or strict namespace) has the given last segment. */
export function isRelationshipType(type: string, name: string): boolean {
  return type.endsWith('/' + name);
}
