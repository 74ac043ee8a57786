/**
 * The definition of duurzame plaatsing applied to one client row, used both
 * by the rule DUURZAAM_ONTERECHT and by the management count: status
 * Geplaatst; a kind of work that can be durable (gesubsidieerd werk only when
 * the profile says so); an arbeidsovereenkomst where the kind of work needs
 * one; and a duration of at least the minimum, or indefinite.
 */
import type { EffectiveDefinitions } from '../definitions/profile';
import type { CodeEntry } from '../definitions/formatSchema';
import type { ReportFormat } from '../definitions/reportFormat';
import type { ParsedCell } from './cellValues';
import { numberText } from '../definitions/numberText';

export const DURABLE_TERM = 'duurzame-plaatsing';
export const PLACED_STATUS = 'geplaatst';

export interface DurableRow {
  readonly status: ParsedCell;
  readonly soortWerk: ParsedCell;
  readonly arbeidsovereenkomst: ParsedCell;
  readonly duur: ParsedCell;
}

/**
 * durable: meets the definition; not durable (with the reason); or
 * undetermined when a value the definition needs is unreadable (that cell
 * has its own finding already).
 */
export type DurableVerdict =
  | { readonly durable: true }
  | { readonly durable: false; readonly reason: string }
  | { readonly durable: 'undetermined' };

export class DurablePlacement {
  readonly minimumMonths: number;
  private readonly booleans: ReadonlyMap<string, boolean>;
  private readonly profileName: string | null;
  /** The sentence that cites the effective definition. */
  readonly citation: string;

  constructor(defs: EffectiveDefinitions, private readonly format: ReportFormat) {
    const term = defs.byId.get(DURABLE_TERM);
    if (term === undefined) throw new Error(`term ${DURABLE_TERM} ontbreekt`);
    const minimum = term.parameters.find((p) => p.id === 'minimumMaanden');
    this.minimumMonths = minimum?.value as number;
    this.booleans = new Map(term.parameters.filter((p) => p.type === 'boolean').map((p) => [p.id, p.value as boolean]));
    const deviates = term.parameters.some((p) => p.deviation !== undefined);
    this.profileName = deviates && defs.profile !== null ? defs.profile.naam : null;
    const counting = (format.codeLists.get('soortWerk')?.entries ?? []).filter((e) => this.kindCounts(e));
    const kinds = listWords(counting.map((e) => e.code.toLowerCase()));
    const exempt = counting.filter((e) => e.arbeidsovereenkomstNodig === false).map((e) => `een ${e.code.toLowerCase()}`);
    this.citation =
      `Een duurzame plaatsing is ${kinds}, met een arbeidsovereenkomst van minimaal ${this.minimumMonths} maanden of voor onbepaalde tijd` +
      (exempt.length > 0 ? ` (${listWords(exempt)} heeft geen arbeidsovereenkomst nodig)` : '') +
      (this.profileName !== null ? `; profiel ${this.profileName}.` : '; definitie duurzame-plaatsing.');
  }

  /** Whether this kind of work can be a duurzame plaatsing under the effective definitions. */
  kindCounts(entry: CodeEntry): boolean {
    if (typeof entry.duurzaam === 'string') return this.booleans.get(entry.duurzaam) === true;
    return entry.duurzaam === true;
  }

  private whoseRule(): string {
    return this.profileName !== null ? `het profiel ${this.profileName}` : 'de standaardset';
  }

  /** The verdict for a row; every field must have a column. */
  judge(row: DurableRow): DurableVerdict {
    if ([row.status, row.soortWerk, row.arbeidsovereenkomst, row.duur].some((c) => c.state === 'bad')) {
      return { durable: 'undetermined' };
    }
    const status = row.status.code;
    if (status === undefined) return { durable: false, reason: 'de status ontbreekt of is onbekend' };
    if (status.id !== PLACED_STATUS) return { durable: false, reason: `de status is ${status.code}, niet ${this.placedCode()}` };
    const kind = row.soortWerk.code;
    if (kind === undefined) return { durable: false, reason: 'het soort werk ontbreekt of is onbekend' };
    if (!this.kindCounts(kind)) {
      return typeof kind.duurzaam === 'string'
        ? { durable: false, reason: `${kind.code.toLowerCase()} telt volgens ${this.whoseRule()} niet mee` }
        : { durable: false, reason: `${kind.code.toLowerCase()} kan geen duurzame plaatsing zijn` };
    }
    if (kind.arbeidsovereenkomstNodig !== false) {
      if (row.arbeidsovereenkomst.bool === false) return { durable: false, reason: 'er is geen arbeidsovereenkomst' };
      if (row.arbeidsovereenkomst.bool === undefined) return { durable: false, reason: 'de arbeidsovereenkomst ontbreekt' };
    }
    if (row.duur.indefinite === true) return { durable: true };
    if (row.duur.number === undefined) return { durable: false, reason: 'de duur van de arbeidsovereenkomst ontbreekt' };
    if (row.duur.number < this.minimumMonths) {
      return { durable: false, reason: `de arbeidsovereenkomst duurt ${numberText(row.duur.number)} maanden` };
    }
    return { durable: true };
  }

  private placedCode(): string {
    return this.format.codeLists.get('status')?.byId.get(PLACED_STATUS)?.code ?? PLACED_STATUS;
  }
}

/** "a, b of c". */
function listWords(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} of ${words[words.length - 1]}` : words.join('');
}
