/**
 * The uniform report format: validates format data (zod, and every reference
 * against the definition set) and offers the lookups the checker and the
 * template need. The standard format (data/uniforme-rapportage.json) is
 * validated with zod when the product is built; at run time it is read from
 * ./generated/ and only its references are checked, so zod is not loaded.
 */
import prebuilt from './generated/uniforme-rapportage.json';
import type { DefinitionSet } from './definitionSet';
import { DefinitionDataError, standardDefinitionSet } from './definitionSet';
import type { CodeEntry, Column, Indicator, MetadataLabel, ReportFormatData } from './formatSchema';
import { normaliseForm } from './normaliseForm';

/**
 * CommonJS `require` (Node, webpack bundles): the zod schema is loaded only on
 * the path that validates, never when the module itself loads.
 */
declare const require: (id: string) => unknown;

/** Header and label key: folded, without punctuation or spaces. */
export function headerKey(text: string): string {
  return normaliseForm(text).replace(/[^a-z0-9]/g, '');
}

/** Code key: folded, inner whitespace collapsed. */
export function codeKey(text: string): string {
  return normaliseForm(text);
}

export interface LabelMatch<T> {
  readonly target: T;
  /** True when the text is the standard label (not a variant). */
  readonly standard: boolean;
}

export interface CodeList {
  readonly id: string;
  readonly entries: readonly CodeEntry[];
  /** Standard codes and accepted spellings, by lower-cased trimmed text. */
  readonly exact: ReadonlyMap<string, CodeEntry>;
  /** Folded code, accepted spelling or variant → entry. */
  readonly folded: ReadonlyMap<string, CodeEntry>;
  readonly byId: ReadonlyMap<string, CodeEntry>;
}

export interface ReportFormat {
  readonly data: ReportFormatData;
  readonly columns: readonly Column[];
  readonly columnByField: ReadonlyMap<string, Column>;
  /** headerKey → column (standard header or variant). */
  readonly headers: ReadonlyMap<string, LabelMatch<Column>>;
  readonly codeLists: ReadonlyMap<string, CodeList>;
  /** headerKey → management label (metadata or indicator). */
  readonly managementLabels: ReadonlyMap<string, LabelMatch<MetadataLabel | Indicator>>;
  /** True for sheet names that are the client sheet / management sheet. */
  isClientSheet(name: string): boolean;
  isManagementSheet(name: string): boolean;
}

function fail(message: string): never {
  throw new DefinitionDataError(`uniforme-rapportage.json: ${message}`);
}

function buildCodeList(id: string, entries: readonly CodeEntry[], set: DefinitionSet): CodeList {
  const exact = new Map<string, CodeEntry>();
  const folded = new Map<string, CodeEntry>();
  const byId = new Map<string, CodeEntry>();
  for (const entry of entries) {
    if (byId.has(entry.id)) fail(`codelijst ${id}: id ${entry.id} dubbel`);
    byId.set(entry.id, entry);
    const term = set.byId.get(entry.term);
    if (term === undefined) fail(`codelijst ${id}: ${entry.code}: term ${entry.term} bestaat niet`);
    if (entry.value !== undefined && !(term.values ?? []).some((v) => v.id === entry.value)) {
      fail(`codelijst ${id}: ${entry.code}: term ${entry.term} heeft geen waarde ${entry.value}`);
    }
    for (const spelling of [entry.code, ...(entry.accepted ?? [])]) exact.set(spelling.trim().toLowerCase(), entry);
    for (const spelling of [entry.code, ...(entry.accepted ?? []), ...entry.variants]) {
      const key = codeKey(spelling);
      const other = folded.get(key);
      if (other !== undefined && other !== entry) fail(`codelijst ${id}: '${spelling}' hoort bij ${other.code} en ${entry.code}`);
      folded.set(key, entry);
    }
  }
  return { id, entries, exact, folded, byId };
}

function addLabel<T>(map: Map<string, LabelMatch<T>>, label: string, target: T, standard: boolean, where: string): void {
  const key = headerKey(label);
  const other = map.get(key);
  if (other !== undefined && other.target !== target) fail(`${where}: '${label}' is dubbelzinnig`);
  if (other === undefined || standard) map.set(key, { target, standard });
}

/**
 * The ids of the format data that the checker's code names directly. They
 * are checked when the data loads, so renaming one in the data gives a clear
 * data error instead of a TypeError in the middle of a check.
 */
export const IDS_USED_BY_CODE = {
  fields: [
    'clientnummer', 'dienst', 'aanmelding', 'start', 'status', 'einde', 'plaatsing',
    'soortWerk', 'arbeidsovereenkomst', 'duur', 'duurzaam',
  ],
  codeLists: ['status', 'soortWerk'],
  statuses: ['geplaatst', 'teruggemeld'],
  metadata: ['periodeVan', 'periodeTot'],
} as const;

function checkIdsUsedByCode(data: ReportFormatData, columnByField: ReadonlyMap<string, Column>, codeLists: ReadonlyMap<string, CodeList>): void {
  for (const field of IDS_USED_BY_CODE.fields) if (!columnByField.has(field)) fail(`veld ${field} ontbreekt; de controle gebruikt het`);
  for (const list of IDS_USED_BY_CODE.codeLists) if (!codeLists.has(list)) fail(`codelijst ${list} ontbreekt; de controle gebruikt haar`);
  for (const status of IDS_USED_BY_CODE.statuses) {
    if (codeLists.get('status')?.byId.has(status) !== true) fail(`status ${status} ontbreekt; de controle gebruikt haar`);
  }
  const metadata = new Set(data.management.metadata.map((m) => m.id));
  for (const id of IDS_USED_BY_CODE.metadata) if (!metadata.has(id)) fail(`managementlabel ${id} ontbreekt; de controle gebruikt het`);
}

/** The zod schema of the format, loaded only when format data is validated. */
function parseFormatData(rawData: unknown): ReportFormatData {
  const { formatSchema } = require('./formatSchema') as typeof import('./formatSchema');
  const parsed = formatSchema.safeParse(rawData);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(`${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

export interface BuildFormatOptions {
  /** The data passed the zod schema already (the prebuilt standard format). */
  readonly validated?: boolean;
}

/** Validates the format data against the definition set. */
export function buildReportFormat(rawData: unknown, set: DefinitionSet, options: BuildFormatOptions = {}): ReportFormat {
  const data = options.validated === true ? (rawData as ReportFormatData) : parseFormatData(rawData);

  const codeLists = new Map<string, CodeList>();
  for (const [id, entries] of Object.entries(data.codeLists)) codeLists.set(id, buildCodeList(id, entries, set));

  const columnByField = new Map<string, Column>();
  const headers = new Map<string, LabelMatch<Column>>();
  for (const column of data.columns) {
    if (columnByField.has(column.field)) fail(`kolom ${column.field} dubbel`);
    columnByField.set(column.field, column);
    if (column.term !== null && !set.byId.has(column.term)) fail(`kolom ${column.header}: term ${column.term} bestaat niet`);
    if ((column.type === 'code' || column.type === 'position') && !codeLists.has(column.codeList ?? '')) {
      fail(`kolom ${column.header}: codelijst ${column.codeList} bestaat niet`);
    }
    addLabel(headers, column.header, column, true, 'kolomkop');
    for (const variant of column.variants) addLabel(headers, variant, column, false, 'kolomkop');
  }

  checkIdsUsedByCode(data, columnByField, codeLists);
  const statuses = codeLists.get('status') ?? fail('codelijst status ontbreekt');
  for (const [statusId, rule] of Object.entries(data.statusRules)) {
    if (!statuses.byId.has(statusId)) fail(`statusregels: status ${statusId} bestaat niet`);
    for (const field of [...rule.required, ...rule.empty]) {
      if (!columnByField.has(field)) fail(`statusregels ${statusId}: veld ${field} bestaat niet`);
    }
  }
  for (const entry of statuses.entries) {
    if (data.statusRules[entry.id] === undefined) fail(`statusregels: status ${entry.id} ontbreekt`);
  }
  for (const field of data.dateOrder) {
    if (columnByField.get(field)?.type !== 'date') fail(`datumvolgorde: ${field} is geen datumkolom`);
  }
  const durable = set.byId.get('duurzame-plaatsing');
  for (const entry of codeLists.get('soortWerk')?.entries ?? []) {
    if (typeof entry.duurzaam === 'string' && !durable?.parameters.some((p) => p.id === entry.duurzaam && p.type === 'boolean')) {
      fail(`soort werk ${entry.code}: duurzaam verwijst naar onbekende parameter ${entry.duurzaam}`);
    }
  }

  const managementLabels = new Map<string, LabelMatch<MetadataLabel | Indicator>>();
  const indicatorIds = new Set(data.management.indicators.map((i) => i.id));
  for (const label of data.management.metadata) {
    if (label.term !== null && !set.byId.has(label.term)) fail(`management ${label.label}: term ${label.term} bestaat niet`);
    addLabel(managementLabels, label.label, label, true, 'managementlabel');
    for (const v of label.variants) addLabel(managementLabels, v, label, false, 'managementlabel');
  }
  for (const indicator of data.management.indicators) {
    checkIndicator(indicator, set, indicatorIds, statuses, columnByField);
    addLabel(managementLabels, indicator.label, indicator, true, 'managementlabel');
    for (const v of indicator.variants) addLabel(managementLabels, v, indicator, false, 'managementlabel');
  }

  const sheetKeys = (sheet: { name: string; variants: string[] }) =>
    new Set([sheet.name, ...sheet.variants].map((n) => headerKey(n)));
  const clientKeys = sheetKeys(data.sheets.clients);
  const managementKeys = sheetKeys(data.sheets.management);

  return {
    data,
    columns: data.columns,
    columnByField,
    headers,
    codeLists,
    managementLabels,
    isClientSheet: (name) => clientKeys.has(headerKey(name)),
    isManagementSheet: (name) => managementKeys.has(headerKey(name)),
  };
}

function checkIndicator(
  indicator: Indicator,
  set: DefinitionSet,
  indicatorIds: Set<string>,
  statuses: CodeList,
  columns: Map<string, Column>,
): void {
  const where = `indicator ${indicator.id}`;
  if (!set.byId.has(indicator.term)) fail(`${where}: term ${indicator.term} bestaat niet`);
  if (indicator.kind === 'count') {
    const rows = indicator.rows ?? fail(`${where}: 'rows' ontbreekt`);
    const [kind, arg] = rows.split(':');
    const ok =
      (kind === 'all' && arg === undefined) ||
      (kind === 'duurzaam' && arg === undefined) ||
      (kind === 'status' && statuses.byId.has(arg)) ||
      (kind === 'validDate' && columns.get(arg)?.type === 'date');
    if (!ok) fail(`${where}: onbekende telling '${rows}'`);
  } else if (indicator.kind === 'percentage') {
    for (const id of [indicator.numerator, ...(indicator.denominator ?? [])]) {
      if (id === undefined || !indicatorIds.has(id)) fail(`${where}: onbekende indicator ${id}`);
    }
    if ((indicator.denominator ?? []).length === 0) fail(`${where}: noemer ontbreekt`);
  } else {
    if (!statuses.byId.has(indicator.status ?? '')) fail(`${where}: onbekende status ${indicator.status}`);
    for (const field of [indicator.from, indicator.to]) {
      if (columns.get(field ?? '')?.type !== 'date') fail(`${where}: ${field} is geen datumkolom`);
    }
  }
}

let standard: ReportFormat | undefined;

/** The shipped report format (validated when it was built), checked against the shipped definition set. */
export function standardReportFormat(): ReportFormat {
  standard ??= buildReportFormat(prebuilt, standardDefinitionSet(), { validated: true });
  return standard;
}
