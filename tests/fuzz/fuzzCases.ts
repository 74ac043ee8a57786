/**
 * Fuzzing `reintegratie controleer`: zip-level and XML-level mutations of
 * the bundled example, run through the built command line in batches
 * (with and without --uit), and what must hold for every one of them:
 *
 * - the exit status is 0, 1 or 2, and matches the files' outcomes;
 * - every unusable file gets exactly one Dutch line naming it (no stack
 *   trace, no "Interne fout", no English error text), the others a report;
 * - no check hangs (a budget far beyond what a 40 KB file needs);
 * - no input changes on disk;
 * - a marked copy reads back with the input's own sheets unchanged.
 *
 * Shared by the jest test (a few hundred cases) and tests/fuzz/run.ts (long runs).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { random } from '../../scripts/submissionGenerator';
import { readXlsx } from '../../src/workbook/xlsx/readXlsx';
import { CLI } from '../support/runCli';

export const EXAMPLE = join(__dirname, '..', '..', 'examples', 'inzending-noord-kennemerland.xlsx');

/** The seeded PRNG of the submission generator (mulberry32). */
export const prng = random;

type Rnd = () => number;
const int = (rnd: Rnd, n: number) => Math.floor(rnd() * n);
const pick = <T>(rnd: Rnd, items: readonly T[]): T => items[int(rnd, items.length)];

type Parts = Record<string, Uint8Array>;

function rezip(parts: Parts, rnd: Rnd): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(parts)) zippable[name] = [data, { level: rnd() < 0.2 ? 0 : 6 }];
  return zipSync(zippable);
}

/** One mutation of a whole archive. */
const ZIP_MUTATIONS: Record<string, (bytes: Uint8Array, rnd: Rnd) => Uint8Array> = {
  truncate: (b, rnd) => b.slice(0, int(rnd, b.length)),
  flipBytes: (b, rnd) => {
    const out = b.slice();
    for (let i = 0, n = 1 + int(rnd, 8); i < n; i++) out[int(rnd, out.length)] = int(rnd, 256);
    return out;
  },
  prependGarbage: (b, rnd) => {
    const out = new Uint8Array(b.length + 1 + int(rnd, 64));
    out.set(b, out.length - b.length);
    return out;
  },
  zeroRange: (b, rnd) => {
    const out = b.slice();
    const at = int(rnd, out.length);
    out.fill(0, at, at + 1 + int(rnd, 512));
    return out;
  },
  notAZip: (_b, rnd) => Uint8Array.from({ length: int(rnd, 4096) }, () => int(rnd, 256)),
};

/** One mutation of the parts of an archive. */
const PART_MUTATIONS: Record<string, (parts: Parts, rnd: Rnd) => void> = {
  dropPart: (parts, rnd) => {
    delete parts[pick(rnd, Object.keys(parts))];
  },
  renamePart: (parts, rnd) => {
    const name = pick(rnd, Object.keys(parts));
    parts[name.toUpperCase()] = parts[name];
    delete parts[name];
  },
  swapParts: (parts, rnd) => {
    const names = Object.keys(parts);
    const a = pick(rnd, names);
    const b = pick(rnd, names);
    [parts[a], parts[b]] = [parts[b], parts[a]];
  },
  utf16: (parts, rnd) => {
    const name = pick(rnd, Object.keys(parts).filter((n) => n.endsWith('.xml')));
    const text = strFromU8(parts[name]).replace(/encoding="UTF-8"/, 'encoding="UTF-16"');
    const out = new Uint8Array(2 + text.length * 2);
    out[0] = 0xff;
    out[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      out[2 + i * 2] = text.charCodeAt(i) & 0xff;
      out[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    parts[name] = out;
  },
};

/** One mutation of the text of an XML part. */
const XML_MUTATIONS: Record<string, (xml: string, rnd: Rnd) => string> = {
  deleteTag: (xml, rnd) => {
    const tags = [...xml.matchAll(/<[^>]*>/g)];
    if (tags.length === 0) return xml;
    const m = pick(rnd, tags);
    return xml.slice(0, m.index) + xml.slice((m.index as number) + m[0].length);
  },
  duplicateElement: (xml, rnd) => {
    const tags = [...xml.matchAll(/<(\w+:)?(c|row|sheet|si|mergeCell|xf|Relationship|Override|comment|cfRule)\b[^>]*?(\/>|>[\s\S]*?<\/\1?\2>)/g)];
    if (tags.length === 0) return xml;
    const m = pick(rnd, tags);
    const at = (m.index as number) + m[0].length;
    return xml.slice(0, at) + m[0] + xml.slice(at);
  },
  insertJunk: (xml, rnd) => {
    const at = int(rnd, xml.length);
    return xml.slice(0, at) + pick(rnd, ['<', '&', '<![CDATA[', '<!--', '"', '</row>', '<c r="A1">', '<x:c>', '\u0000', '\u001b[31m', '_x001B_', '&#0;', '&#xD800;', '<?xml version="1.0"?>']) + xml.slice(at);
  },
  cut: (xml, rnd) => xml.slice(0, int(rnd, xml.length)),
  changeAttribute: (xml, rnd) => {
    const attrs = [...xml.matchAll(/\s(r|s|t|ref|sqref|name|sheetId|r:id|Id|Target|count|activeTab|numFmtId|state|date1904)="[^"]*"/g)];
    if (attrs.length === 0) return xml;
    const m = pick(rnd, attrs);
    const value = pick(rnd, ['', 'A0', 'XFD1048576', 'XFE1', 'A1048577', 'A1:XFD1048576', '-1', '99999999', 'inlineStr', 'e', 'd', 'b', 'x', '1', 'veryHidden', 'true', '../../../etc/passwd', '#', 'Cliënten', 'Controle', "'", '&amp;', 'A1 B2 C3:C9']);
    const at = m.index as number;
    return `${xml.slice(0, at)} ${m[1]}="${value}"${xml.slice(at + m[0].length)}`;
  },
  dropReferences: (xml) => xml.replace(/\s(r)="[A-Z]*\d+"/g, ''),
  prefixElements: (xml) => xml.replace(/<(\/?)(?!\?|!)(\w+)([\s/>])/g, '<$1x:$2$3').replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'),
  strangeValues: (xml, rnd) =>
    xml.replace(/<v>([^<]*)<\/v>/g, (whole) => (rnd() < 0.1 ? `<v>${pick(rnd, ['1e308', '-1e308', 'NaN', '', '2958466', '-1', '0x10', '1,5', '99999999999999999999'])}</v>` : whole)),
  formulasOnly: (xml, rnd) => xml.replace(/<c ([^>]*)><v>[^<]*<\/v><\/c>/g, (whole, attrs: string) => (rnd() < 0.1 ? `<c ${attrs.replace(/\st="\w+"/, '')}><f>A1*2</f></c>` : whole)),
  hugeMerges: (xml) => xml.replace(/<\/sheetData>/, '</sheetData><mergeCells count="2"><mergeCell ref="A1:A1048576"/><mergeCell ref="B2:XFD1048576"/></mergeCells>'),
  ourMarkEverywhere: (xml) =>
    xml.replace(/<\/sheetData>/, '</sheetData><conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" dxfId="0" priority="1"><formula>N("reintegratie-markering:fout")=0</formula></cfRule></conditionalFormatting>'),
};

export interface FuzzCase {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The `index`-th case of a seed: a mutation of the example (sometimes two). */
export function fuzzCase(base: Uint8Array, seed: number, index: number): FuzzCase {
  const rnd = prng(seed * 1_000_003 + index);
  const kinds: string[] = [];
  let bytes: Uint8Array;
  const roll = rnd();
  if (roll < 0.25) {
    const kind = pick(rnd, Object.keys(ZIP_MUTATIONS));
    kinds.push(kind);
    bytes = ZIP_MUTATIONS[kind](base, rnd);
  } else {
    const parts = unzipSync(base) as Parts;
    for (let i = 0, n = 1 + (rnd() < 0.3 ? 1 : 0); i < n; i++) {
      if (rnd() < 0.2) {
        const kind = pick(rnd, Object.keys(PART_MUTATIONS));
        kinds.push(kind);
        PART_MUTATIONS[kind](parts, rnd);
      } else {
        const xmlParts = Object.keys(parts).filter((n) => /\.(xml|rels)$/.test(n));
        if (xmlParts.length === 0) continue;
        // Most mutations where they matter most: the sheets, then the workbook and its relationships.
        const weighted = xmlParts.flatMap((n) => (/worksheets\//.test(n) ? [n, n, n] : /workbook|styles|sharedStrings/.test(n) ? [n, n] : [n]));
        const name = pick(rnd, weighted);
        const kind = pick(rnd, Object.keys(XML_MUTATIONS));
        kinds.push(`${kind}(${name})`);
        parts[name] = strToU8(XML_MUTATIONS[kind](strFromU8(parts[name]), rnd));
      }
    }
    bytes = rezip(parts, rnd);
  }
  return { name: `fuzz-${seed}-${index}`, bytes };
}

export interface BatchResult {
  readonly failures: string[];
  readonly outcomes: { report: number; unusable: number };
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Words of an error that did not come from us. */
const FOREIGN = /\b(Error|TypeError|RangeError|undefined|null|NaN|Cannot|cannot read|is not a function|Unexpected|Interne fout)\b|\n\s+at /;

/**
 * Runs one batch of cases through the command line and returns every
 * property that did not hold (empty: all held).
 */
export function runBatch(cases: readonly FuzzCase[], dir: string, withCopy: boolean, env: NodeJS.ProcessEnv = {}): BatchResult {
  mkdirSync(dir, { recursive: true });
  const files = cases.map((c) => {
    const path = join(dir, `${c.name}.xlsx`);
    writeFileSync(path, c.bytes);
    return { path, hash: sha(c.bytes), name: c.name };
  });
  const out = join(dir, 'uit');
  const args = [CLI, 'controleer', ...files.map((f) => f.path), '--json', ...(withCopy ? ['--uit', out] : [])];
  const result = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    timeout: 30_000 + cases.length * 10_000,
    maxBuffer: 1 << 28,
    env: { ...process.env, NO_COLOR: '1', REINTEGRATIE_MAX_SECONDEN: '20', REINTEGRATIE_MAX_GEHEUGEN_MB: '1024', ...env },
  });
  const failures: string[] = [];
  const where = `batch ${files[0]?.name}…${files[files.length - 1]?.name}${withCopy ? ' --uit' : ''}`;
  if (result.status === null) {
    failures.push(`${where}: no exit status (signal ${result.signal}; a hang?)`);
    return { failures, outcomes: { report: 0, unusable: 0 } };
  }
  if (![0, 1, 2].includes(result.status)) failures.push(`${where}: exit status ${result.status}: ${result.stderr.slice(0, 500)}`);

  // The inputs are as they were.
  for (const f of files) if (sha(readFileSync(f.path)) !== f.hash) failures.push(`${f.name}: the input changed on disk`);

  const lines = result.stderr.split('\n').filter((l) => l !== '');
  let reports: { bestand: string; kopie?: string; samenvatting: { fout: number } }[] = [];
  try {
    reports = result.stdout.trim() === '' ? [] : JSON.parse(result.stdout);
  } catch {
    failures.push(`${where}: stdout is not one JSON document`);
  }
  const reported = new Set(reports.map((r) => r.bestand));
  for (const f of files) {
    const named = lines.filter((l) => l.startsWith(`${f.path}: `));
    const ok = reported.has(f.path) ? named.length === 0 : named.length === 1;
    if (!ok) failures.push(`${f.name}: ${reported.has(f.path) ? 'reported and also named on stderr' : `${named.length} lines on stderr instead of one`}`);
  }
  for (const line of lines) {
    if (!files.some((f) => line.startsWith(`${f.path}: `)) && !(withCopy && line.startsWith(out))) failures.push(`${where}: a line that names no file: ${line}`);
    if (FOREIGN.test(line)) failures.push(`${where}: not a Dutch line of ours: ${line}`);
    if (/tijdslimiet|geheugen/.test(line)) failures.push(`${where}: a small file hit the budget: ${line}`);
  }
  const expected = lines.length > 0 ? 2 : reports.some((r) => r.samenvatting.fout > 0) ? 1 : 0;
  if (result.status !== expected) failures.push(`${where}: exit status ${result.status}, the outcomes say ${expected}`);

  // A marked copy reads back, its own sheets as the input's.
  if (withCopy) {
    for (const r of reports) {
      if (r.kopie === undefined) {
        const stem = r.bestand.replace(/^.*\//, '').replace(/\.xlsx$/, '');
        const why = lines.filter((l) => l.startsWith(join(out, `${stem}-gecontroleerd.xlsx: kopie niet geschreven: `)));
        if (why.length !== 1) failures.push(`${r.bestand}: checked with --uit but no copy and no line saying why`);
        continue;
      }
      try {
        const input = readXlsx(readFileSync(r.bestand)).sheets;
        const copy = readXlsx(readFileSync(r.kopie)).sheets;
        const same = JSON.stringify(copy.slice(0, input.length)) === JSON.stringify(input);
        if (!same) failures.push(`${r.bestand}: the marked copy does not read back as the input`);
        if (copy.length !== input.length + 1 || copy[copy.length - 1].name.indexOf('Controle') !== 0) {
          failures.push(`${r.bestand}: the marked copy has no Controle sheet at the end`);
        }
      } catch (error) {
        failures.push(`${r.bestand}: the marked copy cannot be read back: ${(error as Error).message}`);
      }
    }
  }
  return { failures, outcomes: { report: reports.length, unusable: files.length - reports.length } };
}
