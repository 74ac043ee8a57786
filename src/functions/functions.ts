/**
 * The REINT custom functions: thin wrappers only. The metadata plugin reads
 * the JSDoc of these functions to write functions.json (ids equal to the
 * Dutch names, which cells store: never rename them) and appends the
 * CustomFunctions.associate calls to this file in the build. The logic lives
 * in the modules beside this one; every function is pure and read-only and
 * answers from the definitions in memory and the workbook's profile.
 */
import type { RawValue } from '../engine/grid';
import { isDurable } from './durable';
import { answer } from './functionErrors';
import { firstRow, rawFromInput, rowsFromInput, textOf } from './functionInputs';
import { functionsContext } from './functionsRuntime';
import { indicatorValue } from './indicator';
import { leadTimeDays } from './leadTime';
import { position } from './position';
import { rowFindings } from './rowFindings';
import { definitionOf, standardTermOf } from './termLookup';
import { textTerms } from './textTerms';

/**
 * De definitie van een term uit de definitieset, met wat het profiel van de werkmap erbij zegt.
 * @customfunction DEFINITIE DEFINITIE
 * @param term De term, een vorm ervan of de id, bijvoorbeeld "duurzame plaatsing".
 * @returns De definitie.
 */
export async function definitie(term: string): Promise<string> {
  return answer(async () => definitionOf((await functionsContext()).defs, textOf(term)));
}

/**
 * De standaardterm voor een woord of woordgroep, ook voor een niet-conform woord.
 * @customfunction STANDAARDTERM STANDAARDTERM
 * @param tekst Het woord of de woordgroep, bijvoorbeeld "klantmanager".
 * @returns De standaardterm.
 */
export async function standaardterm(tekst: string): Promise<string> {
  return answer(async () => standardTermOf((await functionsContext()).defs, textOf(tekst)));
}

/**
 * De niet-conforme woorden in een tekst, met wat er in plaats van hoort (een rij per woord; leeg als de tekst in orde is).
 * @customfunction TERMEN TERMEN
 * @param tekst De tekst.
 * @returns Per woord: het woord en de standaardterm.
 */
export async function termen(tekst: string): Promise<string[][]> {
  return answer(async () => textTerms(await functionsContext(), textOf(tekst)));
}

/**
 * WAAR als een plaatsing een duurzame plaatsing is volgens de definitie (met het profiel van de werkmap).
 * @customfunction DUURZAAM DUURZAAM
 * @param soort_werk Het soort werk, bijvoorbeeld "Regulier werk".
 * @param arbeidsovereenkomst Ja of Nee (of WAAR/ONWAAR).
 * @param duur_maanden De duur van de arbeidsovereenkomst in maanden, of "onbepaald".
 * @returns WAAR of ONWAAR.
 */
export async function duurzaam(soort_werk: unknown, arbeidsovereenkomst: unknown, duur_maanden: unknown): Promise<boolean> {
  return answer(async () => isDurable(await functionsContext(), rawFromInput(soort_werk), rawFromInput(arbeidsovereenkomst), rawFromInput(duur_maanden)));
}

/**
 * De re-integratiepositie: het nummer bij een omschrijving, de omschrijving bij een nummer.
 * @customfunction POSITIE POSITIE
 * @param waarde Een nummer van 0 tot en met 6 of een omschrijving, bijvoorbeeld "Arbeidsactivering".
 * @returns De omschrijving of het nummer.
 */
export async function positie(waarde: unknown): Promise<number | string> {
  return answer(async () => position(await functionsContext(), rawFromInput(waarde)));
}

/**
 * De doorlooptijd in kalenderdagen van de ene datum tot de andere.
 * @customfunction DOORLOOPTIJD DOORLOOPTIJD
 * @param start De begindatum.
 * @param einde De einddatum.
 * @returns Het aantal dagen.
 */
export async function doorlooptijd(start: unknown, einde: unknown): Promise<number> {
  return answer(async () => leadTimeDays(rawFromInput(start), rawFromInput(einde), (await functionsContext()).dateSystem));
}

/**
 * De bevindingen bij één rij van de uniforme rapportage: code en melding (leeg als de rij in orde is).
 * @customfunction CONTROLEERRIJ CONTROLEERRIJ
 * @param kopregel De kopregel van het blad Cliënten.
 * @param rij De rij die gecontroleerd wordt.
 * @returns Per bevinding: de code en de melding.
 */
export async function controleerrij(kopregel: unknown[][], rij: unknown[][]): Promise<string[][]> {
  return answer(async () => rowFindings(await functionsContext(), firstRow(kopregel), firstRow(rij)));
}

/**
 * Een managementindicator, herberekend uit cliëntrijen zoals de controle dat doet.
 * @customfunction INDICATOR INDICATOR
 * @param indicator De naam van de indicator, bijvoorbeeld "Plaatsingspercentage".
 * @param cliëntbereik De cliëntrijen met hun kopregel.
 * @returns De waarde (een percentage als getal van 0 tot 100), of n.v.t.
 */
export async function indicator(indicator: string, cliëntbereik: unknown[][]): Promise<number | string> {
  return answer(async () => indicatorValue(await functionsContext(), textOf(indicator), rowsFromInput(cliëntbereik) as RawValue[][]));
}
