/**
 * A mapping of a vendor's own table into the uniform report: which source
 * column goes to which column of the report, how the vendor's own labels
 * translate into codes, and fixed values for report columns the source
 * lacks. It is saved in the workbook and as JSON (Dutch keys, target
 * columns by their standard header) so next period runs without questions.
 *
 *   {
 *     "soort": "koppeling uniforme rapportage", "versie": 1,
 *     "bron": { "blad": "Export", "kopregel": 1 },
 *     "kolommen": [ { "bron": "Klantnr", "doel": "Cliëntnummer" }, { "bron": "Klantmanager", "doel": null } ],
 *     "waarden": { "Status": { "In traject": "Lopend", "Wachtlijst": null } },
 *     "vast": { "Gemeente": "Alkmaar" }
 *   }
 *
 * In "waarden" null means: still open (the user has to choose); "" means:
 * leave the cell empty.
 */
import { z } from 'zod';
import type { Column } from '../../definitions/formatSchema';
import { headerKey, type ReportFormat } from '../../definitions/reportFormat';
import type { RawValue } from '../grid';
import { parseContextFor, readForColumn } from './columnValues';

export const MAPPING_KIND = 'koppeling uniforme rapportage';
export const MAPPING_VERSION = 1;

export interface ColumnMapping {
  /** The source column's header text. */
  readonly source: string;
  /** The target field id, or null: not taken over. */
  readonly target: string | null;
}

export interface Mapping {
  /** The source sheet, or null: the sheet that fits best. */
  readonly sheet: string | null;
  /** 0-based header row of the source, or null: found automatically. */
  readonly headerRow: number | null;
  readonly columns: readonly ColumnMapping[];
  /** Per target field: source text → standard value text ("" leaves the cell empty; null is still open). */
  readonly values: Readonly<Record<string, Readonly<Record<string, string | null>>>>;
  /** Per target field: a fixed value for every row (a column the source lacks). */
  readonly constants: Readonly<Record<string, string>>;
}

/** A mapping that cannot be used; `problems` holds one Dutch line per problem. */
export class MappingError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problemen in de koppeling: ${problems.join(' ')}`);
    this.name = 'MappingError';
  }
}

const text = z.string();
const mappingJsonSchema = z
  .object({
    soort: z.literal(MAPPING_KIND).optional(),
    versie: z.literal(MAPPING_VERSION).optional(),
    bron: z
      .object({
        blad: z.string().trim().min(1).nullable().optional(),
        kopregel: z.number().int().min(1).max(1048576).nullable().optional(),
      })
      .strict()
      .optional(),
    kolommen: z.array(z.object({ bron: text, doel: text.nullable() }).strict()),
    waarden: z.record(text, z.record(text, text.nullable())).optional(),
    vast: z.record(text, text).optional(),
  })
  .strict();

export type MappingJson = z.infer<typeof mappingJsonSchema>;

function targetColumn(format: ReportFormat, label: string): Column | undefined {
  return format.headers.get(headerKey(label))?.target;
}

function column(format: ReportFormat, field: string): Column {
  const c = format.columnByField.get(field);
  if (c === undefined) throw new Error(`veld ${field} staat niet in de uniforme rapportage`);
  return c;
}

/** The mapping as its public JSON. */
export function mappingJson(mapping: Mapping, format: ReportFormat): MappingJson {
  const header = (field: string) => column(format, field).header;
  const values: Record<string, Record<string, string | null>> = {};
  for (const [field, table] of Object.entries(mapping.values)) if (Object.keys(table).length > 0) values[header(field)] = { ...table };
  const constants: Record<string, string> = {};
  for (const [field, value] of Object.entries(mapping.constants)) constants[header(field)] = value;
  return {
    soort: MAPPING_KIND,
    versie: MAPPING_VERSION,
    bron: { blad: mapping.sheet, kopregel: mapping.headerRow === null ? null : mapping.headerRow + 1 },
    kolommen: mapping.columns.map((c) => ({ bron: c.source, doel: c.target === null ? null : header(c.target) })),
    waarden: values,
    vast: constants,
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? `'${issue.path.join('.')}'` : 'de koppeling';
  if (issue.code === 'invalid_type') return issue.input === undefined ? `${where} ontbreekt` : `${where} heeft het verkeerde type`;
  if (issue.code === 'unrecognized_keys') return `${where}: onbekend veld ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
  if (issue.code === 'invalid_value') return `${where} heeft een onbekende waarde`;
  return `${where} is ongeldig`;
}

/** Whether a translation target is a value the column accepts as standard (or "" for empty). */
function acceptsTarget(format: ReportFormat, target: Column, value: string): boolean {
  if (value === '') return true;
  const parsed = readForColumn(value, undefined, parseContextFor(format, target));
  return parsed.state === 'ok' && parsed.problem === undefined;
}

/** Reads a mapping from its public JSON; every problem is one Dutch line (MappingError). */
export function parseMapping(raw: unknown, format: ReportFormat): Mapping {
  const parsed = mappingJsonSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new MappingError(parsed.error.issues.slice(0, 10).map((i) => `Koppeling ongeldig: ${describeIssue(i)}.`));
  const json = parsed.data;
  const problems: string[] = [];
  const seenTargets = new Map<string, string>();
  const columns: ColumnMapping[] = json.kolommen.map((c, i) => {
    if (c.doel === null || c.doel.trim() === '') return { source: c.bron, target: null };
    const target = targetColumn(format, c.doel);
    if (target === undefined) {
      problems.push(`Koppeling: kolom ${i + 1} ('${c.bron}'): '${c.doel}' is geen kolom van de uniforme rapportage.`);
      return { source: c.bron, target: null };
    }
    const earlier = seenTargets.get(target.field);
    if (earlier !== undefined) problems.push(`Koppeling: '${c.bron}' en '${earlier}' gaan allebei naar ${target.header}.`);
    seenTargets.set(target.field, c.bron);
    return { source: c.bron, target: target.field };
  });
  const values: Record<string, Record<string, string | null>> = {};
  for (const [label, table] of Object.entries(json.waarden ?? {})) {
    const target = targetColumn(format, label);
    if (target === undefined) {
      problems.push(`Koppeling: waarden voor '${label}': geen kolom van de uniforme rapportage.`);
      continue;
    }
    for (const [from, to] of Object.entries(table)) {
      if (to !== null && !acceptsTarget(format, target, to)) {
        problems.push(`Koppeling: ${target.header}: '${from}' wordt '${to}', maar '${to}' is geen geldige waarde voor ${target.header}.`);
      }
    }
    values[target.field] = { ...(values[target.field] ?? {}), ...table };
  }
  const constants: Record<string, string> = {};
  for (const [label, value] of Object.entries(json.vast ?? {})) {
    const target = targetColumn(format, label);
    if (target === undefined) problems.push(`Koppeling: vaste waarde voor '${label}': geen kolom van de uniforme rapportage.`);
    else if (seenTargets.has(target.field)) problems.push(`Koppeling: ${target.header} heeft een vaste waarde en komt ook uit kolom '${seenTargets.get(target.field)}'.`);
    else if (!acceptsTarget(format, target, value)) problems.push(`Koppeling: vaste waarde '${value}' is geen geldige waarde voor ${target.header}.`);
    else constants[target.field] = value;
  }
  if (problems.length > 0) throw new MappingError(problems);
  return {
    sheet: json.bron?.blad ?? null,
    headerRow: json.bron?.kopregel != null ? json.bron.kopregel - 1 : null,
    columns,
    values,
    constants,
  };
}

/** Reads mapping JSON text (a file, the workbook's stored state). */
export function parseMappingJson(jsonText: string, format: ReportFormat): Mapping {
  let raw: unknown;
  try {
    raw = JSON.parse(jsonText);
  } catch {
    throw new MappingError(['Koppeling ongeldig: het bestand is geen geldige JSON.']);
  }
  return parseMapping(raw, format);
}

/** The key a source value is translated by: its text, trimmed. */
export function sourceKey(raw: RawValue, display: string): string {
  return (typeof raw === 'string' ? raw : display).trim();
}
