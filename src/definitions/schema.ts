/**
 * The zod schema of the definition set. The data lives in ./data/*.json; this
 * file says what a term must hold. It is used when the data is validated
 * (scripts/build-definitions.ts, the tests, data of one's own); loading the
 * standard set at run time does not need it (see definitionSet.ts). Keys
 * are English (developer side); the public JSON of the CLI maps them to the
 * Dutch keys of the contract.
 */
import { z } from 'zod';
import { CATEGORIES, TERM_ID, UNITS, USAGES } from './constants';

export { CATEGORIES, TERM_ID, UNITS, USAGES, type Category, type Unit, type Usage } from './constants';

const PARAM_ID = /^[a-z][A-Za-z0-9]*$/;

const text = z.string().trim().min(1);

export const nonConformingSchema = z
  .object({
    /** The word or phrase people write instead, as they write it. */
    text,
    /** Why it is not conforming (Dutch, one sentence, shown to the user). */
    reason: text,
    /**
     * Also found inside longer words: `reïntegratie` in `reïntegratiebedrijven`,
     * `klantmanager` in `klantmanagersoverleg`. The finding then covers the
     * whole word and the suggestion is that word with this part replaced.
     */
    compound: z.boolean().optional(),
    /** Only flag when the text has exactly this capitalisation (`No Cure No Pay`). */
    caseSensitive: z.boolean().optional(),
    /** What to write instead; default: the standard term of the term it belongs to. */
    replacement: text.optional(),
    /** Inflected forms and their replacement: { "klantmanagers": "werkcoaches" }. */
    forms: z.record(z.string(), text).optional(),
    /** Other terms this word can also mean; the suggestion names all of them. */
    alsoTerms: z.array(z.string().regex(TERM_ID)).optional(),
    /**
     * Also found as a part of a compound written with a hyphen or an
     * apostrophe (`NCNP-regeling`, `Abw-uitkering`), though not inside a
     * longer word. The finding covers the whole compound.
     */
    hyphenated: z.boolean().optional(),
    /**
     * The sentence says which term is meant when the word is directly
     * followed (`after`) or preceded (`before`) by one of these words (as
     * written, compared folded): `uitstroom uit de bijstand`, `uitstroom naar
     * de arbeidsmarkt`, `in- en uitstroom`. Not flagged then.
     */
    qualifiedBy: z
      .object({ after: z.array(text).optional(), before: z.array(text).optional() })
      .strict()
      .optional(),
    /**
     * The word also names someone or something else (a casemanager of the
     * re-integratiebedrijf is no werkcoach): not flagged when its paragraph
     * mentions one of `near`, unless the word is directly followed by one of
     * `unlessFollowedBy` ("casemanager van de gemeente").
     */
    otherMeaning: z
      .object({ near: z.array(text).min(1), unlessFollowedBy: z.array(text) })
      .strict()
      .optional(),
    /**
     * The name of something that existed under this name until the year
     * `until` (the Abw until 2004). In a statement about the time before, or
     * in a text dated before that year, the name is right and not flagged.
     */
    historic: z.object({ until: z.number().int() }).strict().optional(),
  })
  .strict();
export type NonConforming = z.infer<typeof nonConformingSchema>;

export const parameterSchema = z
  .object({
    /** camelCase id, fixed once published (`minimumMaanden`). */
    id: z.string().regex(PARAM_ID),
    /** Dutch description: what the parameter sets. */
    label: text,
    type: z.enum(['number', 'boolean']),
    default: z.union([z.number(), z.boolean()]),
    unit: z.enum(UNITS).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
    /**
     * How a number in a sentence relates to the parameter (DEFINITIE_STRIJDIG):
     * a minimum is contradicted by a smaller number, a maximum by a larger one,
     * an exact value by any other; both bounds also by any other number that
     * is stated as the bound ("minimaal 12 maanden").
     */
    bound: z.enum(['minimum', 'maximum', 'exact']).optional(),
    /**
     * Other terms whose mention also states this parameter ("de reclametermijn
     * bedraagt acht weken" speaks of terugmelding.reclametermijnWeken).
     */
    mentionedBy: z.array(z.string().regex(TERM_ID)).optional(),
    /**
     * Terms that may stand between a mention and its number without taking the
     * number for themselves ("duurzame plaatsing ... arbeidsovereenkomst van
     * zes maanden": the months are about the duurzame plaatsing).
     */
    about: z.array(z.string().regex(TERM_ID)).optional(),
    /**
     * The default is someone else's rule (UWV's legal limit), not a standard
     * for every contract: DEFINITIE_STRIJDIG checks the parameter only when a
     * contract profile sets its value.
     */
    onlyWithProfile: z.boolean().optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (typeof p.default !== p.type) {
      ctx.addIssue({ code: 'custom', message: `standaardwaarde van ${p.id} is geen ${p.type}` });
    }
    if (p.type === 'number') {
      if (p.min === undefined || p.max === undefined || p.unit === undefined) {
        ctx.addIssue({ code: 'custom', message: `getalparameter ${p.id} mist min, max of eenheid` });
      } else if (typeof p.default === 'number' && (p.default < p.min || p.default > p.max)) {
        ctx.addIssue({ code: 'custom', message: `standaardwaarde van ${p.id} ligt buiten het bereik` });
      }
    }
  });
export type Parameter = z.infer<typeof parameterSchema>;

/** A listed value of a term: a code of the report format, a position, a reason. */
export const termValueSchema = z
  .object({
    id: z.string().regex(TERM_ID),
    label: text,
    definition: text,
  })
  .strict();
export type TermValue = z.infer<typeof termValueSchema>;

export const flaggedExampleSchema = z
  .object({
    text,
    /** The exact fragment of `text` that must be reported. */
    fragment: text,
    /** The expected suggestion; several when the word can mean several terms. */
    suggestion: z.union([text, z.array(text).min(1)]),
    code: z.enum(['TERM_NIET_CONFORM', 'DEFINITIE_STRIJDIG']).optional(),
    /** Parameter values of this term that a profile sets for this example. */
    profile: z.record(z.string(), z.union([z.number(), z.boolean()])).optional(),
  })
  .strict();
export type FlaggedExample = z.infer<typeof flaggedExampleSchema>;

/**
 * A hard case that the definition classifies, as client rows of the uniform
 * report (header label to value; everything not given is a valid row of that
 * status). The test suite checks the rows: the finding codes on them, and
 * what they count for in the management indicators.
 */
export const caseSchema = z
  .object({
    /** The situation in words (Dutch). */
    situation: text,
    /** How the definition classifies it, and why (Dutch). */
    verdict: text,
    rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))).min(1),
    /** Indicator id (of the report format) to its recomputed value for these rows (plaatsingen: 1). */
    counts: z.record(z.string(), z.number()).optional(),
    /** Every finding code the rows must give, in any order (empty: clean rows). */
    findings: z.array(z.string()),
    /** Parameter values of this term that a profile sets for this case. */
    profile: z.record(z.string(), z.union([z.number(), z.boolean()])).optional(),
  })
  .strict();
export type Case = z.infer<typeof caseSchema>;

export const termSchema = z
  .object({
    id: z.string().regex(TERM_ID),
    /** The standard term as it is written in running text. */
    term: text,
    category: z.enum(CATEGORIES),
    /** Dutch, own words, 1-4 sentences, precise enough to classify a case. */
    definition: text,
    usage: z.array(z.enum(USAGES)).min(1),
    /** Conforming inflections and compounds besides `term`. */
    forms: z.array(text),
    /**
     * Phrases that name the term in a sentence without being a form of it
     * ("een plaatsing is pas duurzaam als ..." names the duurzame plaatsing):
     * a number near them is checked against the term's parameters. They are
     * never shown as forms or offered as suggestions.
     */
    mentions: z.array(text).optional(),
    nonConforming: z.array(nonConformingSchema),
    parameters: z.array(parameterSchema),
    related: z.array(z.string().regex(TERM_ID)),
    values: z.array(termValueSchema).optional(),
    examples: z
      .object({
        clean: z.array(text).min(1),
        flagged: z.array(flaggedExampleSchema),
        cases: z.array(caseSchema).optional(),
      })
      .strict(),
    /** Where the facts come from. */
    source: text,
  })
  .strict();
export type Term = z.infer<typeof termSchema>;

export const categoryFileSchema = z.array(termSchema);

export const metaSchema = z
  .object({
    version: text,
    title: text,
    categories: z.record(z.enum(CATEGORIES), text),
  })
  .strict();
export type Meta = z.infer<typeof metaSchema>;
