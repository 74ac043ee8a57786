/**
 * The zod schema of the uniform report format (uniforme rapportage): sheets,
 * columns, code lists, status rules and management indicators. The data is
 * data/uniforme-rapportage.json; the checker, the template and the docs all
 * derive from it. Ids (field, code and indicator ids) are what code refers to;
 * labels and codes are what users see and may be changed in the data alone.
 */
import { z } from 'zod';
import { TERM_ID } from './constants';

const text = z.string().trim().min(1);
const FIELD_ID = /^[a-z][A-Za-z0-9]*$/;
const fieldId = z.string().regex(FIELD_ID);
const termId = z.string().regex(TERM_ID);

export const COLUMN_TYPES = ['text', 'code', 'date', 'number', 'yesNo', 'position', 'duration', 'freeText'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export const codeEntrySchema = z
  .object({
    /** Stable id that rule code and the status table use. */
    id: z.string().regex(TERM_ID),
    /** The standard code as written in the report. */
    code: text,
    /** Other accepted spellings that are equally standard ("3 - Arbeidsactivering"). */
    accepted: z.array(text).optional(),
    /** Known non-standard variants (WAARDE_NIET_CONFORM). */
    variants: z.array(text),
    /** The definition: a term id, or term id + value id. */
    term: termId,
    value: z.string().regex(TERM_ID).optional(),
    /** A number that stands for this code (re-integration positions 0-6). */
    number: z.number().int().optional(),
    /** Soort werk: may a plaatsing be this kind of work? */
    plaatsing: z.boolean().optional(),
    /** Soort werk: does a plaatsing in this kind of work need an arbeidsovereenkomst? */
    arbeidsovereenkomstNodig: z.boolean().optional(),
    /**
     * Soort werk: can it be a duurzame plaatsing? true, false, or the id of a
     * boolean parameter of duurzame-plaatsing that decides.
     */
    duurzaam: z.union([z.boolean(), z.string().regex(FIELD_ID)]).optional(),
  })
  .strict();
export type CodeEntry = z.infer<typeof codeEntrySchema>;

export const columnSchema = z
  .object({
    field: fieldId,
    header: text,
    variants: z.array(text),
    type: z.enum(COLUMN_TYPES),
    /** always: VERPLICHT_LEEG when empty; status: see statusRules; no: optional. */
    required: z.enum(['always', 'status', 'no']),
    term: termId.nullable(),
    codeList: z.string().optional(),
    min: z.number().optional(),
    /** The minimum itself is not allowed (uren: 0 < x). */
    minExclusive: z.boolean().optional(),
    max: z.number().optional(),
    /** Words meaning "for an indefinite period" (duration columns). */
    indefinite: z.array(text).optional(),
    /** Free text that is scanned for terms. */
    scanTerms: z.boolean().optional(),
    /** The pseudonymous client id: a BSN here is PRIVACY_BSN. */
    clientId: z.boolean().optional(),
    /** Excel number format of the template. */
    numberFormat: z.string().optional(),
    /** Column width in the template (characters). */
    width: z.number().optional(),
    /** Help text for the template (Dutch). */
    help: text,
  })
  .strict();
export type Column = z.infer<typeof columnSchema>;

export const statusRuleSchema = z
  .object({
    required: z.array(fieldId),
    empty: z.array(fieldId),
  })
  .strict();

export const indicatorSchema = z
  .object({
    id: fieldId,
    label: text,
    variants: z.array(text),
    term: termId,
    /**
     * count: rows matching `rows`; percentage: numerator / sum of
     * denominator × 100; meanDays: mean of (to − from) in days.
     */
    kind: z.enum(['count', 'percentage', 'meanDays']),
    /** For counts: all, a status id, "validDate:<field>", or "duurzaam". */
    rows: z.string().optional(),
    numerator: fieldId.optional(),
    denominator: z.array(fieldId).optional(),
    /** For meanDays: the status id whose rows count, and the two date fields. */
    status: z.string().optional(),
    from: fieldId.optional(),
    to: fieldId.optional(),
    /** Allowed difference (counts 0; lead time 1 day). */
    tolerance: z.number().min(0),
    /** A short column header where the label does not fit (a table of groups side by side). */
    shortLabel: text.optional(),
  })
  .strict();
export type Indicator = z.infer<typeof indicatorSchema>;

export const metadataSchema = z
  .object({
    id: fieldId,
    label: text,
    variants: z.array(text),
    type: z.enum(['text', 'date']),
    term: termId.nullable(),
  })
  .strict();
export type MetadataLabel = z.infer<typeof metadataSchema>;

export const formatSchema = z
  .object({
    title: text,
    sheets: z
      .object({
        clients: z.object({ name: text, variants: z.array(text) }).strict(),
        management: z.object({ name: text, variants: z.array(text) }).strict(),
      })
      .strict(),
    header: z.object({ searchRows: z.number().int().min(1), minRecognised: z.number().int().min(1) }).strict(),
    columns: z.array(columnSchema).min(1),
    /** Ja/Nee cells: the two codes and their known variants (Excel booleans are accepted too). */
    yesNo: z
      .object({
        yes: z.object({ code: text, variants: z.array(text) }).strict(),
        no: z.object({ code: text, variants: z.array(text) }).strict(),
      })
      .strict(),
    codeLists: z.record(z.string(), z.array(codeEntrySchema).min(1)),
    statusRules: z.record(z.string(), statusRuleSchema),
    /** Dates that must be in this order where both are filled. */
    dateOrder: z.array(fieldId),
    /** Dates before this (ISO) are out of range. */
    earliestDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    management: z
      .object({
        labelColumn: z.number().int().min(0),
        valueColumn: z.number().int().min(0),
        metadata: z.array(metadataSchema),
        indicators: z.array(indicatorSchema),
        /** Written for a percentage whose denominator is zero. */
        notApplicable: z.array(text).min(1),
      })
      .strict(),
  })
  .strict();
export type ReportFormatData = z.infer<typeof formatSchema>;
