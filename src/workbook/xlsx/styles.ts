/**
 * The cell formats of styles.xml: for each cellXfs index the number format
 * string (undefined for General or an unknown id) and whether it is a date.
 */

import { BUILTIN_FORMATS, DateKind, dateKind } from './numberFormats';
import { forEachTag } from './xmlText';

export interface StyleTable {
  /** Number format per style index (the `s` attribute); undefined when General or unknown. */
  readonly formats: readonly (string | undefined)[];
  /** DateKind per style index. */
  readonly dateKinds: Uint8Array;
}

export const NO_STYLES: StyleTable = { formats: [], dateKinds: new Uint8Array(0) };

export function parseStyles(xml: string): StyleTable {
  const custom = new Map<number, string>();
  const xfFormatIds: number[] = [];
  let inCellXfs = false;
  let inNumFmts = false;
  forEachTag(xml, (tag) => {
    switch (tag.name) {
      case 'numFmts':
        inNumFmts = !tag.closing && !tag.selfClosing;
        break;
      case 'cellXfs':
        inCellXfs = !tag.closing && !tag.selfClosing;
        break;
      case 'numFmt':
        if (inNumFmts && !tag.closing) {
          const id = Number(tag.attrs.numFmtId);
          const code = tag.attrs.formatCode;
          if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
        }
        break;
      case 'xf':
        if (inCellXfs && !tag.closing) {
          const id = Number(tag.attrs.numFmtId ?? '0');
          xfFormatIds.push(Number.isInteger(id) ? id : 0);
        }
        break;
    }
  });
  const formats: (string | undefined)[] = [];
  const dateKinds = new Uint8Array(xfFormatIds.length);
  const kindOf = new Map<string, DateKind>();
  xfFormatIds.forEach((id, index) => {
    const format = custom.get(id) ?? BUILTIN_FORMATS[id];
    if (format === undefined || format === 'General') {
      formats.push(undefined);
      return;
    }
    formats.push(format);
    let kind = kindOf.get(format);
    if (kind === undefined) {
      kind = dateKind(format);
      kindOf.set(format, kind);
    }
    dateKinds[index] = kind;
  });
  return { formats, dateKinds };
}
