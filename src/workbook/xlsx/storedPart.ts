/**
 * Our stored state as a custom XML part of the package: customXml/itemN.xml
 * (the XML of storedState.ts), its properties part naming our namespace,
 * and a relationship from the workbook part, as Office itself stores a
 * custom XML part. Found again by the namespace of its root, whatever its
 * number.
 */

import type { StoredState } from '../port';
import { isStoredStateXml, STORED_NAMESPACE, storedStateXml } from '../storedState';
import type { ContentTypes } from './contentTypes';
import type { PackageContent } from './packageContent';
import { RelsPart } from './relsPart';
import { CONTENT_TYPE, NS, REL } from './xmlWrite';

/** Reads parts by name (the package being written, or the archive being opened). */
export interface PartReader {
  names(): string[];
  text(name: string): string | undefined;
}

const ITEM = /^customXml\/item\d+\.xml$/i;

/** Our part's name, or undefined. Looks at the workbook's custom XML relationships and every customXml/itemN.xml. */
export function findStoredPart(parts: PartReader, related: readonly string[]): string | undefined {
  const candidates = [...related, ...parts.names().filter((n) => ITEM.test(n) && !related.includes(n))];
  for (const name of candidates) {
    const text = parts.text(name);
    if (text !== undefined && text.length < 64 * 1024 * 1024 && isStoredStateXml(text)) return name;
  }
  return undefined;
}

/** A fixed id: a package holds one part of ours. */
const ITEM_ID = '{7A3E9C52-1B4D-4F6A-9E21-5C8D0B3F6A17}';

function itemPropsXml(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
    `<ds:datastoreItem ds:itemID="${ITEM_ID}" xmlns:ds="${NS.customXml}"><ds:schemaRefs><ds:schemaRef ds:uri="${STORED_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`
  );
}

/** Writes the stored state into our part (made when the package has none). */
export function writeStoredPart(pkg: PackageContent, types: ContentTypes, workbookRels: RelsPart, state: StoredState): void {
  const related = workbookRels.ofType('customXml').map((r) => r.part).filter((p): p is string => p !== undefined);
  const existing = findStoredPart(pkg, related);
  if (existing !== undefined) {
    pkg.setText(existing, storedStateXml(state));
    return;
  }
  let n = 1;
  while (pkg.has(`customXml/item${n}.xml`) || pkg.has(`customXml/itemProps${n}.xml`)) n++;
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  pkg.setText(item, storedStateXml(state));
  pkg.setText(props, itemPropsXml());
  const itemRels = new RelsPart(item, undefined);
  itemRels.add(REL.customXmlProps, props);
  pkg.setText(itemRels.part, itemRels.text());
  workbookRels.add(REL.customXml, item);
  types.setType(props, CONTENT_TYPE.customXmlProps);
  if (types.typeOf(item) === undefined) types.setType(item, CONTENT_TYPE.xml);
}
