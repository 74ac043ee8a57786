/**
 * A small definition set for engine tests, independent of the shipped data,
 * so a data change never hides an engine regression (and vice versa).
 */
import type { DefinitionSet } from '../../src/definitions/definitionSet';
import { buildDefinitionSet } from '../../src/definitions/validateDefinitions';
import { effectiveDefinitions, parseProfile, type EffectiveDefinitions } from '../../src/definitions/profile';

const base = {
  usage: ['contract'],
  forms: [],
  nonConforming: [],
  parameters: [],
  related: [],
  examples: { clean: ['Voorbeeld.'], flagged: [] },
  source: 'testdata',
};

const terms = [
  {
    ...base,
    id: 're-integratie',
    term: 're-integratie',
    category: 'proces',
    definition: 'Ondersteuning naar werk.',
    forms: ['re-integratiebedrijf', 're-integratietraject'],
    nonConforming: [
      { text: 'reintegratie', compound: true, replacement: 're-integratie', reason: 'Oude spelling.' },
      { text: 'reintegre', compound: true, replacement: 're-integre', reason: 'Oude spelling.' },
      { text: 'reintegratiecoach', compound: true, replacement: 'werkcoach', forms: { reintegratiecoaches: 'werkcoaches' }, reason: 'Afgesproken naam.' },
    ],
  },
  {
    ...base,
    id: 'werkcoach',
    term: 'werkcoach',
    category: 'actoren',
    definition: 'Begeleider.',
    forms: ['werkcoaches'],
    nonConforming: [
      { text: 'klantmanager', compound: true, forms: { klantmanagers: 'werkcoaches' }, reason: 'Afgesproken naam.' },
      { text: 'coach', compound: true, reason: 'Te vaag.' },
    ],
  },
  { ...base, id: 'jobcoach', term: 'jobcoach', category: 'actoren', definition: 'Begeleider op de werkplek.', forms: ['jobcoaches'] },
  {
    ...base,
    id: 'uitstroom-naar-werk',
    term: 'uitstroom naar werk',
    category: 'resultaten',
    definition: 'Werk binnen de termijn.',
    nonConforming: [{ text: 'uitstroom', alsoTerms: ['uitstroom-uit-de-uitkering'], reason: 'Dubbelzinnig.' }],
    parameters: [
      { id: 'termijnMaanden', label: 'termijn na de start', type: 'number', default: 24, unit: 'maanden', min: 1, max: 60, integer: true, bound: 'maximum' },
    ],
  },
  { ...base, id: 'uitstroom-uit-de-uitkering', term: 'uitstroom uit de uitkering', category: 'resultaten', definition: 'Einde uitkering.' },
  {
    ...base,
    id: 'plaatsing',
    term: 'plaatsing',
    category: 'resultaten',
    definition: 'Werk.',
    forms: ['plaatsingen', 'geplaatst'],
  },
  {
    ...base,
    id: 'duurzame-plaatsing',
    term: 'duurzame plaatsing',
    category: 'resultaten',
    definition: 'Werk van minimaal zes maanden.',
    forms: ['duurzame plaatsingen', 'duurzaam geplaatst'],
    nonConforming: [{ text: 'vaste plaatsing', forms: { 'vaste plaatsingen': 'duurzame plaatsingen' }, reason: 'Vaag.' }],
    parameters: [
      { id: 'minimumMaanden', label: 'minimale duur van de arbeidsovereenkomst', type: 'number', default: 6, unit: 'maanden', min: 1, max: 60, integer: true, bound: 'minimum', about: ['arbeidsovereenkomst'] },
      { id: 'gesubsidieerdWerkTelt', label: 'gesubsidieerd werk telt mee', type: 'boolean', default: false },
    ],
  },
  {
    ...base,
    id: 'terugmelding',
    term: 'terugmelding',
    category: 'proces',
    definition: 'Teruggeven van een cliënt.',
    forms: ['teruggemeld', 'terugmeldingen'],
    parameters: [
      { id: 'reclametermijnWeken', label: 'reclametermijn', type: 'number', default: 6, unit: 'weken', min: 1, max: 52, integer: true, bound: 'maximum', mentionedBy: ['reclametermijn'] },
    ],
  },
  { ...base, id: 'reclametermijn', term: 'reclametermijn', category: 'contract', definition: 'Termijn om terug te melden.' },
  { ...base, id: 'arbeidsovereenkomst', term: 'arbeidsovereenkomst', category: 'resultaten', definition: 'Contract.' },
  {
    ...base,
    id: 'proefplaatsing',
    term: 'proefplaatsing',
    category: 'instrumenten',
    definition: 'Werken met behoud van uitkering.',
    parameters: [
      { id: 'maximumMaanden', label: 'Maximale duur', type: 'number', default: 3, unit: 'maanden', min: 1, max: 12, integer: true, bound: 'maximum' },
    ],
  },
  {
    ...base,
    id: 'no-cure-no-pay',
    term: 'no cure no pay',
    category: 'contract',
    definition: 'Alleen betalen bij resultaat.',
    nonConforming: [
      { text: 'No Cure No Pay', caseSensitive: true, reason: 'Geen hoofdletters.' },
      { text: 'no-cure-no-pay', reason: 'Geen streepjes.' },
      { text: 'NCNP', reason: 'Geen afkorting.' },
    ],
  },
  {
    ...base,
    id: 'uitval',
    term: 'uitval',
    category: 'resultaten',
    definition: 'Voortijdig einde.',
    values: [{ id: 'uitstroom-zonder-werk', label: 'Uitstroom zonder werk', definition: 'Uitkering eindigt zonder werk.' }],
  },
];

const files: Record<string, unknown[]> = {};
for (const t of terms) (files[t.category] ??= []).push(t);

export const fixtureSet: DefinitionSet = buildDefinitionSet(
  { version: 'test-1', title: 'Testset', categories: { actoren: 'A', doelgroepen: 'D', proces: 'P', instrumenten: 'I', resultaten: 'R', indicatoren: 'Ind', contract: 'C', rapportage: 'Rap' } },
  files,
);

export const fixtureDefs: EffectiveDefinitions = effectiveDefinitions(fixtureSet);

export function fixtureDefsWithProfile(afwijkingen: unknown[]): EffectiveDefinitions {
  const profile = parseProfile({ naam: 'Bergen 2009', gemeente: 'Bergen', afwijkingen }, fixtureSet);
  return effectiveDefinitions(fixtureSet, profile);
}
