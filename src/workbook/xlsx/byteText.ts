/**
 * Scanning UTF-8 encoded XML as bytes: finding markup ends and patterns,
 * and turning byte ranges into strings.
 */

const utf8 = new TextDecoder('utf-8');

/** Whether a byte ends an element name (space, tab, newline, `>` or `/`). */
export function endsNameByte(ch: number): boolean {
  return ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;
}

/** Index just after the element name that starts at `from`. */
export function nameEndByte(b: Uint8Array, from: number): number {
  let p = from;
  const n = b.length;
  while (p < n && !endsNameByte(b[p])) p++;
  return p;
}

/** Index after the `>` of the tag whose attributes start at `from`, honouring quotes; -1 when the bytes end first. */
export function tagEndByte(b: Uint8Array, from: number): number {
  const n = b.length;
  for (let p = from; p < n; p++) {
    const ch = b[p];
    if (ch === 62) return p + 1;
    if (ch === 34 || ch === 39) {
      p++;
      while (p < n && b[p] !== ch) p++;
      if (p >= n) return -1;
    }
  }
  return -1;
}

/** Index of `pattern` (ASCII) in b from `from`, or -1. */
export function indexOfAscii(b: Uint8Array, pattern: string, from: number): number {
  const first = pattern.charCodeAt(0);
  const m = pattern.length;
  const last = b.length - m;
  outer: for (let p = from; p <= last; p++) {
    if (b[p] !== first) continue;
    for (let k = 1; k < m; k++) if (b[p + k] !== pattern.charCodeAt(k)) continue outer;
    return p;
  }
  return -1;
}

/** Whether the bytes from `at` to the end are the start of `pattern`. */
function isPrefixOf(b: Uint8Array, at: number, pattern: string): boolean {
  for (let k = 0; at + k < b.length; k++) if (k >= pattern.length || b[at + k] !== pattern.charCodeAt(k)) return false;
  return true;
}

function startsWithAscii(b: Uint8Array, pattern: string, at: number): boolean {
  if (at + pattern.length > b.length) return false;
  for (let k = 0; k < pattern.length; k++) if (b[at + k] !== pattern.charCodeAt(k)) return false;
  return true;
}

/** Where a `<!…>` or `<?…?>` construct at `lt` ends (index after it), or -1 when the bytes end first. */
export function specialEndByte(b: Uint8Array, lt: number): number {
  // Too short to tell a CDATA section from other markup yet.
  if (b.length - lt < 9 && isPrefixOf(b, lt, '<![CDATA[')) return -1;
  if (startsWithAscii(b, '<!--', lt)) {
    const end = indexOfAscii(b, '-->', lt + 4);
    return end < 0 ? -1 : end + 3;
  }
  if (startsWithAscii(b, '<![CDATA[', lt)) {
    const end = indexOfAscii(b, ']]>', lt + 9);
    return end < 0 ? -1 : end + 3;
  }
  if (b[lt + 1] === 63) {
    const end = indexOfAscii(b, '?>', lt + 2);
    return end < 0 ? -1 : end + 2;
  }
  return tagEndByte(b, lt + 2);
}

/** The UTF-8 text of b[from, to). */
export function utf8Text(b: Uint8Array, from: number, to: number): string {
  return utf8.decode(b.subarray(from, to));
}

/**
 * A fresh string of the ASCII bytes b[from, to) (no reference to a larger
 * string is kept).
 */
export function asciiText(b: Uint8Array, from: number, to: number): string {
  const n = to - from;
  if (n <= 0) return '';
  if (n === 1) return String.fromCharCode(b[from]);
  if (n < 4096) return String.fromCharCode.apply(null, b.subarray(from, to) as unknown as number[]);
  return utf8.decode(b.subarray(from, to));
}

/** The parts joined in a new array (a single part is returned as it is). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
