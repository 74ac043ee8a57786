/**
 * Putting the uniform report template into a workbook through the port:
 * the hidden code lists, `Cliënten` (empty, or with the rows of a mapping)
 * and `Management`. Nothing a user wrote is lost: a client sheet with rows,
 * or a Management sheet with content of its own, is only replaced when the
 * caller says so (the user confirmed), and the metadata already filled in
 * on Management (gemeente, period) is carried over. The profile used is
 * stored in the workbook, so the template travels with its definitions.
 */
import type { DefinitionSet } from '../../definitions/definitionSet';
import { effectiveDefinitions, type EffectiveDefinitions, type Profile } from '../../definitions/profile';
import { headerKey, standardReportFormat, type ReportFormat } from '../../definitions/reportFormat';
import { isEmptyValue } from '../../engine/cellValues';
import type { RawValue, SheetData } from '../../engine/grid';
import { reportLayout, type ReportLayout } from '../../engine/templates/reportLayout';
import type { WorkbookPort } from '../port';
import { reportTemplateSheets } from './reportTemplatePlan';
import { storedProfile, storeProfile } from './storedState';

/** The workbook holds report sheets with content that the template would replace; the message is one Dutch sentence. */
export class TemplateConflictError extends Error {
  /** `replaceable`: the user may confirm replacing the sheets (false: they must act first, e.g. rename a sheet). */
  constructor(message: string, readonly sheets: readonly string[], readonly replaceable: boolean = true) {
    super(message);
    this.name = 'TemplateConflictError';
  }
}

export interface TemplateTarget {
  readonly set: DefinitionSet;
  /** A profile chosen by the user (stored in the workbook); undefined: the profile stored in the workbook; null: the standard set. */
  readonly profile?: Profile | null;
  readonly format?: ReportFormat;
  /** Replace report sheets that hold content (the user confirmed). */
  readonly replace?: boolean;
  /** Management metadata by id (gemeente, opdrachtnemer, periodeVan, periodeTot; dates as serials); what is not given is kept from the workbook. */
  readonly metadata?: Readonly<Record<string, RawValue>>;
}

export interface TemplateWritten {
  readonly sheets: readonly string[];
  readonly defs: EffectiveDefinitions;
  readonly rows: number;
}

function hasRowsBelow(sheet: SheetData, row: number): number {
  let n = 0;
  for (let r = row + 1; r < sheet.values.length; r++) if ((sheet.values[r] ?? []).some((v) => !isEmptyValue(v))) n++;
  return n;
}

/** Content of a Management sheet that is not ours: a label we do not know, or a cell outside the label and value columns besides our definitions. */
function foreignManagement(sheet: SheetData, layout: ReportLayout): boolean {
  const { labelColumn, valueColumn } = layout.format.data.management;
  const definitionColumn = Math.max(labelColumn, valueColumn) + 1;
  return sheet.values.some((row) => {
    const label = row?.[labelColumn];
    if (typeof label === 'string' && label.trim() !== '' && !layout.format.managementLabels.has(headerKey(label))) return true;
    return (row ?? []).some((v, c) => c !== labelColumn && c !== valueColumn && c !== definitionColumn && !isEmptyValue(v));
  });
}

/** The metadata values already on a Management sheet, by id. */
function metadataOf(sheet: SheetData | undefined, layout: ReportLayout): Record<string, RawValue> {
  const out: Record<string, RawValue> = {};
  if (sheet === undefined) return out;
  const { labelColumn, valueColumn } = layout.format.data.management;
  for (const row of sheet.values) {
    const label = row?.[labelColumn];
    if (typeof label !== 'string') continue;
    const target = layout.format.managementLabels.get(headerKey(label))?.target;
    if (target === undefined || 'kind' in target) continue;
    const value = row?.[valueColumn] ?? null;
    if (!isEmptyValue(value)) out[target.id] = value;
  }
  return out;
}

/**
 * Checks what the template would replace. Throws TemplateConflictError when
 * a report sheet holds content and `replace` is not set, or when a report
 * sheet has another name than the template's (the port cannot remove it,
 * and two client sheets would confuse every check).
 */
async function inspect(port: WorkbookPort, layout: ReportLayout, replace: boolean): Promise<{ metadata: Record<string, RawValue> }> {
  const format = layout.format;
  const info = await port.describe();
  const names = info.sheets.map((s) => s.name);
  const otherName = names.filter(
    (n) => (format.isClientSheet(n) && n !== layout.clientSheet) || (format.isManagementSheet(n) && n !== layout.managementSheet),
  );
  if (otherName.length > 0) {
    throw new TemplateConflictError(
      `De werkmap heeft al een blad ${otherName.map((n) => `'${n}'`).join(' en ')}; hernoem of verwijder ${otherName.length > 1 ? 'die' : 'dat'} eerst, want een rapportage heeft één blad ${layout.clientSheet} en één blad ${layout.managementSheet}.`,
      otherName,
      false,
    );
  }
  const present = [layout.clientSheet, layout.managementSheet, layout.codeListSheet].filter((n) => names.includes(n));
  if (present.length === 0) return { metadata: {} };
  const snapshot = await port.read({ sheets: present });
  const byName = new Map(snapshot.sheets.map((s) => [s.name, s]));
  const conflicts: string[] = [];
  const clients = byName.get(layout.clientSheet);
  const rows = clients !== undefined ? hasRowsBelow(clients, 0) : 0;
  if (rows > 0) conflicts.push(`blad ${layout.clientSheet} heeft ${rows} ${rows === 1 ? 'rij' : 'rijen'}`);
  const management = byName.get(layout.managementSheet);
  if (management !== undefined && foreignManagement(management, layout)) conflicts.push(`blad ${layout.managementSheet} heeft eigen inhoud`);
  const lists = byName.get(layout.codeListSheet);
  if (lists !== undefined && (lists.values[0] ?? []).some((v, i) => !isEmptyValue(v) && v !== layout.lists[i]?.title)) {
    conflicts.push(`blad ${layout.codeListSheet} is niet van dit programma`);
  }
  if (conflicts.length > 0 && !replace) {
    throw new TemplateConflictError(`De werkmap heeft al een rapportage: ${conflicts.join(', ')}. Bevestig dat die vervangen mag worden.`, present);
  }
  return { metadata: metadataOf(management, layout) };
}

/** The effective definitions for a template: the given profile (stored in the workbook), or the stored one. */
async function templateDefinitions(port: WorkbookPort, target: TemplateTarget): Promise<EffectiveDefinitions> {
  if (target.profile !== undefined) return effectiveDefinitions(target.set, target.profile);
  return effectiveDefinitions(target.set, storedProfile(await port.readStored(), target.set));
}

/** Puts the template with the given client rows (values in the format's column order). */
export async function writeReport(port: WorkbookPort, target: TemplateTarget, rows: readonly (readonly RawValue[])[] = []): Promise<TemplateWritten> {
  const format = target.format ?? standardReportFormat();
  const layout = reportLayout(format);
  const { metadata } = await inspect(port, layout, target.replace === true);
  const defs = await templateDefinitions(port, target);
  const specs = reportTemplateSheets({ defs, format, rows, metadata: { ...metadata, ...(target.metadata ?? {}) } });
  const sheets: string[] = [];
  for (const spec of specs) sheets.push(await port.putSheet(spec));
  if (target.profile !== undefined) await storeProfile(port, target.profile);
  return { sheets, defs, rows: rows.length };
}

/** Inserts the empty report template. */
export function insertReportTemplate(port: WorkbookPort, target: TemplateTarget): Promise<TemplateWritten> {
  return writeReport(port, target, []);
}
