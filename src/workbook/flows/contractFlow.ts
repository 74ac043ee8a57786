/**
 * Filling a contract through the port, in one of two ways:
 * - the standard contract: the sheets `Overeenkomst` and `Bijlage
 *   definities` put into the workbook, the profile stored with them;
 * - the municipality's own workbook: every placeholder `{{veld}}` filled in
 *   the cell where it stands, unknown placeholders reported with their cell,
 *   no other cell touched.
 * The data is validated first (ContractDataError: one Dutch line per field).
 */
import type { DefinitionSet } from '../../definitions/definitionSet';
import { effectiveDefinitions, type EffectiveDefinitions, type Profile } from '../../definitions/profile';
import { standardReportFormat, type ReportFormat } from '../../definitions/reportFormat';
import { cellAddress } from '../../engine/grid';
import { parseContract, type ContractData } from '../../engine/templates/contractData';
import { annexEntries, contractText, type AnnexEntry, type ContractText } from '../../engine/templates/contractText';
import { contractFields, fieldLookup, fillCell, placeholderNames, type FilledCell } from '../../engine/templates/placeholders';
import { scanTextCells } from '../../engine/textCells';
import { termMatcher } from '../../engine/termMatcher';
import type { AcceptedFinding, WorkbookPort, WriteBlock } from '../port';
import { acceptance, storedProfile, storeProfile } from './storedState';
import { ANNEX_COLUMNS, ANNEX_SHEET, annexSheet, CONTRACT_SHEET, contractSheet } from './contractPlan';
import { TemplateConflictError } from './reportTemplateFlow';
import { ownSheetKind } from './ownSheets';

export interface ContractTarget {
  readonly set: DefinitionSet;
  /** The contract data as its public JSON (validated here). */
  readonly data: unknown;
  /** A profile chosen by the user; undefined: the one stored in the workbook; null: the standard set. */
  readonly profile?: Profile | null;
  readonly format?: ReportFormat;
}

export interface PreparedContract {
  readonly defs: EffectiveDefinitions;
  readonly data: ContractData;
  readonly text: ContractText;
  readonly annex: readonly AnnexEntry[];
}

async function definitionsFor(port: WorkbookPort, target: ContractTarget): Promise<EffectiveDefinitions> {
  if (target.profile !== undefined) return effectiveDefinitions(target.set, target.profile);
  return effectiveDefinitions(target.set, storedProfile(await port.readStored(), target.set));
}

/** Validates the data (throws ContractDataError) and writes the contract's text and annex, without touching the workbook. */
export function prepareContract(data: unknown, defs: EffectiveDefinitions, format: ReportFormat = standardReportFormat()): PreparedContract {
  const parsed = parseContract(data, defs, format);
  const text = contractText(parsed, defs);
  return { defs, data: parsed, text, annex: annexEntries(text, defs, format) };
}

/** Why a term finding in the annex is accepted: it is the definition set's own wording. */
export const ANNEX_ACCEPT_REASON = 'Tekst van de definitieset zelf (Bijlage definities), niet van het contract.';

export interface StandardContractOptions extends ContractTarget {
  /** Replace existing Overeenkomst and Bijlage definities sheets (the user confirmed). */
  readonly replace?: boolean;
  readonly at?: Date;
}

export interface StandardContractWritten extends PreparedContract {
  readonly sheets: readonly string[];
  /** Term findings in the annex that come from the definitions' own wording, accepted with ANNEX_ACCEPT_REASON. */
  readonly accepted: readonly AcceptedFinding[];
}

/** Writes the standard contract sheets. */
export async function writeStandardContract(port: WorkbookPort, options: StandardContractOptions): Promise<StandardContractWritten> {
  const format = options.format ?? standardReportFormat();
  const defs = await definitionsFor(port, options);
  const prepared = prepareContract(options.data, defs, format);
  const info = await port.describe();
  const existing = [CONTRACT_SHEET, ANNEX_SHEET].filter((n) => info.sheets.some((s) => s.name === n));
  if (existing.length > 0 && options.replace !== true) {
    throw new TemplateConflictError(
      `De werkmap heeft al ${existing.map((n) => `een blad ${n}`).join(' en ')}. Bevestig dat ${existing.length > 1 ? 'die' : 'dat'} vervangen mag worden.`,
      existing,
    );
  }
  const sheets = [
    await port.putSheet(contractSheet(prepared.text)),
    await port.putSheet(annexSheet(prepared.annex, defs.version, defs.profile?.naam ?? null)),
  ];
  if (options.profile !== undefined) await storeProfile(port, options.profile);

  // The definitions' own wording may name a word it warns against ("nooit een burgerservicenummer"):
  // accepted, with the reason, so a check of the contract shows only what the contract itself says.
  const snapshot = await port.read({ sheets: [ANNEX_SHEET] });
  const annex = snapshot.sheets[0];
  const at = options.at ?? new Date();
  const definitionColumn = ANNEX_COLUMNS.indexOf('Definitie');
  const accepted =
    annex === undefined
      ? []
      : scanTextCells(annex, termMatcher(defs), { include: (r, c) => r > 0 && c === definitionColumn })
          .filter((f) => f.code === 'TERM_NIET_CONFORM')
          .map((f) => acceptance(f, ANNEX_ACCEPT_REASON, at));
  const state = await port.readStored();
  const others = state.accepted.filter((a) => a.sheet !== ANNEX_SHEET || a.reason !== ANNEX_ACCEPT_REASON);
  await port.writeStored({ ...state, accepted: [...others, ...accepted] });
  return { ...prepared, sheets, accepted };
}

export interface PlaceholderPlace {
  readonly sheet: string;
  readonly cell: string;
  readonly name: string;
}

export interface PlaceholdersFilled extends PreparedContract {
  /** Cells written, with the placeholders filled in each. */
  readonly filled: readonly { readonly sheet: string; readonly cell: string; readonly names: readonly string[] }[];
  /** Placeholders we do not know, with their cell (left as they are). */
  readonly unknown: readonly PlaceholderPlace[];
  /**
   * Placeholders written inside a formula (`="Gemeente "&"{{gemeente}}"`):
   * the formula is left as it is, for the user to fill (a formula that only
   * shows a placeholder of another cell is left alone and reported nowhere:
   * it follows that cell).
   */
  readonly inFormulas: readonly PlaceholderPlace[];
}

/**
 * Fills every placeholder of the workbook's sheets (our own Controle and
 * Logboek sheets excepted); writes only the cells that hold one as a value.
 * A formula is never written over: a read gives its result, which shows the
 * placeholder of the cell it refers to, and writing the filled text there
 * would replace the formula with a constant.
 */
export async function fillPlaceholders(port: WorkbookPort, target: ContractTarget): Promise<PlaceholdersFilled> {
  const format = target.format ?? standardReportFormat();
  const defs = await definitionsFor(port, target);
  const prepared = prepareContract(target.data, defs, format);
  const fields = fieldLookup(contractFields(prepared.data, prepared.text, defs), defs);
  const snapshot = await port.read();
  const candidates: { sheet: string; row: number; col: number; result: FilledCell }[] = [];
  for (const sheet of snapshot.sheets) {
    if (ownSheetKind(sheet) !== null) continue;
    sheet.values.forEach((row, r) =>
      row?.forEach((value, c) => {
        const result = fillCell(value, fields);
        if (result.value !== undefined || result.unknown.length > 0) candidates.push({ sheet: sheet.name, row: r, col: c, result });
      }),
    );
  }
  const formulas = await port.formulasOf(candidates);
  const blocks: WriteBlock[] = [];
  const filled: PlaceholdersFilled['filled'][number][] = [];
  const unknown: PlaceholderPlace[] = [];
  const inFormulas: PlaceholderPlace[] = [];
  candidates.forEach(({ sheet, row, col, result }, i) => {
    const cell = cellAddress(row, col);
    const formula = formulas[i];
    if (formula !== null) {
      for (const name of placeholderNames(formula)) inFormulas.push({ sheet, cell, name });
      return;
    }
    for (const name of result.unknown) unknown.push({ sheet, cell, name });
    if (result.value !== undefined) {
      blocks.push({ sheet, row, col, rows: [[result.value]] });
      filled.push({ sheet, cell, names: result.filled });
    }
  });
  if (blocks.length > 0) await port.writeCells(blocks);
  return { ...prepared, filled, unknown, inFormulas };
}
