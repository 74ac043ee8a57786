/**
 * The fixed vocabularies of the definition set (categories, usages, units,
 * the id pattern). Kept apart from the zod schema so that code that only
 * needs these lists does not load zod.
 */

export const TERM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const USAGES = ['bestek', 'contract', 'monitoring'] as const;
export type Usage = (typeof USAGES)[number];

export const CATEGORIES = [
  'actoren',
  'doelgroepen',
  'proces',
  'instrumenten',
  'resultaten',
  'indicatoren',
  'contract',
  'rapportage',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Units a parameter can be expressed in; the engine knows their Dutch words. */
export const UNITS = ['maanden', 'weken', 'dagen', 'jaren', 'uren', 'euro', 'procent'] as const;
export type Unit = (typeof UNITS)[number];
