/**
 * The stored state as the XML of a custom XML part. Custom XML parts travel
 * with the file whatever add-in opens it (document settings are bound to the
 * add-in's id), and every adapter reads and writes the same part:
 *
 *   <opslag xmlns="urn:reintegratie-definitieset:opslag:1" versie="1">{json}</opslag>
 *
 * The JSON holds the profile (its public JSON), the accepted findings and the
 * saved mapping, with Dutch keys like the other public JSON.
 */
import { FINDING_CODES, type FindingCode } from '../engine/findings';
import { EMPTY_STORED_STATE, type AcceptedFinding, type StoredState } from './port';

export const STORED_NAMESPACE = 'urn:reintegratie-definitieset:opslag:1';
const ROOT = 'opslag';

/** Stored state that cannot be read; the message is one Dutch line. */
export class StoredStateError extends Error {}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      case 'amp':
        return '&';
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

function acceptedJson(a: AcceptedFinding) {
  return { blad: a.sheet, cel: a.cell, code: a.code, waarde: a.value, fragment: a.fragment, reden: a.reason, tijd: a.at };
}

/** The XML of the part (with its declaration). */
export function storedStateXml(state: StoredState): string {
  const json = JSON.stringify({
    profiel: state.profile,
    genegeerd: state.accepted.map(acceptedJson),
    koppeling: state.mapping,
  });
  // No control characters in XML 1.0: JSON.stringify escapes them already.
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${ROOT} xmlns="${STORED_NAMESPACE}" versie="1">${escapeXml(json)}</${ROOT}>`;
}

/** Whether an XML text is our part (by its root's namespace). */
export function isStoredStateXml(xml: string): boolean {
  return new RegExp(`<(?:\\w+:)?${ROOT}\\b[^>]*xmlns(?::\\w+)?="${STORED_NAMESPACE.replace(/[.:]/g, '\\$&')}"`).test(xml);
}

const nullableText = (v: unknown): v is string | null => v === null || typeof v === 'string';
const codes = new Set<string>(FINDING_CODES);

function parseAccepted(raw: unknown, index: number): AcceptedFinding {
  const bad = (): never => {
    throw new StoredStateError(`de opgeslagen genegeerde bevinding ${index + 1} is onleesbaar`);
  };
  if (typeof raw !== 'object' || raw === null) return bad();
  const r = raw as Record<string, unknown>;
  if (!nullableText(r.blad) || !nullableText(r.cel) || typeof r.code !== 'string' || !codes.has(r.code)) return bad();
  if (typeof r.waarde !== 'string' || !nullableText(r.fragment ?? null) || !nullableText(r.reden ?? null) || typeof r.tijd !== 'string') return bad();
  return {
    sheet: r.blad as string | null,
    cell: r.cel as string | null,
    code: r.code as FindingCode,
    value: r.waarde,
    fragment: (r.fragment ?? null) as string | null,
    reason: (r.reden ?? null) as string | null,
    at: r.tijd,
  };
}

/** Reads the part's XML; throws StoredStateError with a Dutch reason when it is not ours or unreadable. */
export function parseStoredStateXml(xml: string): StoredState {
  const open = new RegExp(`<(?:(\\w+):)?${ROOT}\\b[^>]*>`).exec(xml);
  if (open === null || !isStoredStateXml(xml)) throw new StoredStateError('de opgeslagen gegevens van de werkmap zijn niet van dit programma');
  const close = xml.lastIndexOf(`</${open[1] !== undefined ? `${open[1]}:` : ''}${ROOT}>`);
  if (close < 0) throw new StoredStateError('de opgeslagen gegevens van de werkmap zijn onvolledig');
  const text = unescapeXml(xml.slice(open.index + open[0].length, close).trim());
  if (text === '') return EMPTY_STORED_STATE;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new StoredStateError('de opgeslagen gegevens van de werkmap zijn onleesbaar');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new StoredStateError('de opgeslagen gegevens van de werkmap zijn onleesbaar');
  }
  const j = json as Record<string, unknown>;
  const accepted = j.genegeerd ?? [];
  if (!Array.isArray(accepted)) throw new StoredStateError('de opgeslagen genegeerde bevindingen zijn onleesbaar');
  return {
    profile: j.profiel ?? null,
    accepted: accepted.map(parseAccepted),
    mapping: j.koppeling ?? null,
  };
}
