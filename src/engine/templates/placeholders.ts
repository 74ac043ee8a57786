/**
 * Placeholders `{{veld}}` in a municipality's own contract workbook: the
 * fields the contract data and the effective definitions offer, and filling
 * the text of a cell. A placeholder we do not know stays as it is and is
 * reported with its cell; nothing else in the text changes.
 *
 * Fields: every value of the contract data by its path (`opdrachtgever.naam`,
 * `looptijd.van`, `rapportage.frequentie`, `aantallen.2026`, ...; dates in
 * words), lists in
 * words (`diensten`, `doelgroepen`, `aantallen`, `prestatienormen`,
 * `evaluatiemomenten`), the definition set (`definitieset.titel`,
 * `definitieset.versie`, `profiel.naam`, `afwijkingen`), the articles of the
 * standard contract (`artikel.1` ...), and any term of the set:
 * `term:<id>`, `definitie:<id>`, `parameter:<id>.<parameter>`.
 */
import type { EffectiveDefinitions } from '../../definitions/profile';
import type { RawValue } from '../grid';
import type { ContractData } from './contractData';
import type { ContractText } from './contractText';
import { definitionText } from './definitionText';
import { amount, dateInWords, listWords, numberText } from './dutchText';

/**
 * A field's value: its text, and a number when a whole cell can hold it as
 * such. Dates are always written as text ("1 januari 2026"): a host does not
 * always report the number format of a text cell, and a date serial in a
 * cell without a date format would read as a bare number.
 */
export interface FieldValue {
  readonly text: string;
  readonly number?: number;
}

export const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

const textField = (text: string): FieldValue => ({ text });
const numberField = (n: number): FieldValue => ({ text: numberText(n), number: n });
const dateField = (serial: number): FieldValue => ({ text: dateInWords(serial) });

/** The fields of a contract, by name. */
export function contractFields(data: ContractData, text: ContractText, defs: EffectiveDefinitions): Map<string, FieldValue> {
  const json = data.json;
  const fields = new Map<string, FieldValue>();
  const put = (name: string, value: FieldValue | undefined) => {
    if (value !== undefined) fields.set(name, value);
  };
  put('titel', textField(text.title));
  if (json.kenmerk !== undefined) put('kenmerk', textField(json.kenmerk));
  for (const role of ['opdrachtgever', 'opdrachtnemer'] as const) {
    const p = json[role];
    put(`${role}.naam`, textField(p.naam));
    if (p.plaats !== undefined) put(`${role}.plaats`, textField(p.plaats));
    if (p.vertegenwoordiger !== undefined) put(`${role}.vertegenwoordiger`, textField(p.vertegenwoordiger));
  }
  put('diensten', textField(listWords(data.services.map((s) => s.code))));
  put('doelgroepen', textField(listWords(data.targetGroups.map((g) => g.code))));
  put('aantallen', textField(listWords(json.aantallen.map((a) => `${a.aantal} in ${a.jaar}`))));
  for (const a of json.aantallen) put(`aantallen.${a.jaar}`, numberField(a.aantal));
  put('budget.bedrag', { text: amount(json.budget.bedrag), number: json.budget.bedrag });
  if (json.budget.btw !== undefined) put('budget.btw', textField(json.budget.btw));
  put('financieringsvorm', textField(data.financing.term));
  put(
    'prestatienormen',
    textField(
      data.standards
        .map((s) => `${s.indicator.label}: ${s.bound === 'minimaal' ? 'ten minste' : 'ten hoogste'} ${numberText(s.value)}${s.indicator.kind === 'percentage' ? ' procent' : s.indicator.kind === 'meanDays' ? ' dagen' : ''}`)
        .join('; '),
    ),
  );
  put('looptijd.van', dateField(data.start));
  put('looptijd.tot', dateField(data.end));
  if (json.looptijd.verlenging !== undefined) put('looptijd.verlenging', textField(json.looptijd.verlenging));
  put('evaluatiemomenten', textField(listWords(data.evaluations.map(dateInWords))));
  data.evaluations.forEach((serial, i) => put(`evaluatiemomenten.${i + 1}`, dateField(serial)));
  put('reclametermijnWeken', numberField(data.reclaimWeeks));
  put('instroomgarantie', textField(json.instroomgarantie === null ? 'geen' : `${json.instroomgarantie.aantalPerJaar} aanmeldingen per kalenderjaar`));
  if (json.instroomgarantie !== null) put('instroomgarantie.aantalPerJaar', numberField(json.instroomgarantie.aantalPerJaar));
  put('rapportage.frequentie', textField(json.rapportage.frequentie));
  put('rapportage.inleverenBinnenWerkdagen', numberField(json.rapportage.inleverenBinnenWerkdagen));
  put('rapportage.clientniveau', textField(data.clientLevel));
  put('privacy.protocol', textField(json.privacy.protocol));
  put('privacy.bewaartermijnMaanden', numberField(json.privacy.bewaartermijnMaanden));
  if (data.signed !== null) {
    put('ondertekening.plaats', textField(data.signed.place));
    put('ondertekening.datum', dateField(data.signed.date));
  }
  put('definitieset.titel', textField(defs.title));
  put('definitieset.versie', textField(defs.version));
  put('profiel.naam', textField(defs.profile?.naam ?? 'geen'));
  if (defs.profile !== null) put('profiel.gemeente', textField(defs.profile.gemeente));
  const definitions = text.articles[0];
  put('afwijkingen', textField(definitions.clauses.slice(1).map((c) => c.text).join('\n')));
  for (const article of text.articles) {
    put(`artikel.${article.number}`, textField(article.clauses.map((c) => (c.number === '' ? c.text : `${c.number} ${c.text}`)).join('\n')));
  }
  return fields;
}

/** A field named `term:<id>`, `definitie:<id>` or `parameter:<id>.<parameter>`, from the effective definitions. */
function termField(name: string, defs: EffectiveDefinitions): FieldValue | undefined {
  const m = /^(term|definitie|parameter):([a-z0-9-]+)(?:\.([A-Za-z0-9]+))?$/.exec(name);
  if (m === null) return undefined;
  const term = defs.byId.get(m[2]);
  if (term === undefined) return undefined;
  if (m[1] === 'term' && m[3] === undefined) return textField(term.term);
  if (m[1] === 'definitie' && m[3] === undefined) return textField(definitionText(term, defs));
  if (m[1] === 'parameter' && m[3] !== undefined) {
    const p = term.parameters.find((x) => x.id === m[3]);
    if (p === undefined) return undefined;
    return typeof p.value === 'boolean' ? textField(p.value ? 'ja' : 'nee') : numberField(p.value);
  }
  return undefined;
}

export interface FieldLookup {
  get(name: string): FieldValue | undefined;
}

export function fieldLookup(fields: ReadonlyMap<string, FieldValue>, defs: EffectiveDefinitions): FieldLookup {
  return { get: (name) => fields.get(name) ?? termField(name, defs) };
}

/** The names of the placeholders in `text`, in order. */
export function placeholderNames(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

export interface FilledCell {
  /** The new value, or undefined when the cell has no placeholder we know. */
  readonly value?: RawValue;
  /** Placeholders of the cell we do not know. */
  readonly unknown: readonly string[];
  /** Placeholders filled. */
  readonly filled: readonly string[];
}

/** Fills the placeholders of one cell. A cell that is exactly one placeholder of a number gets that number. */
export function fillCell(value: RawValue, fields: FieldLookup): FilledCell {
  if (typeof value !== 'string' || !value.includes('{{')) return { unknown: [], filled: [] };
  const unknown: string[] = [];
  const filled: string[] = [];
  const whole = /^\{\{\s*([^{}]*?)\s*\}\}$/.exec(value);
  if (whole !== null) {
    const field = fields.get(whole[1]);
    if (field === undefined) return { unknown: [whole[1]], filled: [] };
    if (field.number !== undefined) return { value: field.number, unknown, filled: [whole[1]] };
    return { value: field.text, unknown, filled: [whole[1]] };
  }
  const out = value.replace(PLACEHOLDER, (match, name: string) => {
    const field = fields.get(name);
    if (field === undefined) {
      unknown.push(name);
      return match;
    }
    filled.push(name);
    return field.text;
  });
  return filled.length > 0 ? { value: out, unknown, filled } : { unknown, filled };
}
