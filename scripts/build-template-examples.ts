/**
 * The examples for the templates (part of `npm run examples`):
 * - export-werkpad-kwartaal-1.xlsx and export-werkpad-kwartaal-2.xlsx: a
 *   vendor's own export of two periods (own headers and labels, text dates,
 *   columns the report does not have), for `reintegratie omzetten`;
 * - koppeling-werkpad.json: the mapping `omzetten` proposes for the first
 *   period (what a vendor reviews once and reuses every period).
 * contract-gegevens-noord-kennemerland.json (the data for `reintegratie
 * contract`) is written by hand, like a contract manager would.
 * Deterministic: the same files every run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { standardReportFormat } from '../src/definitions/reportFormat';
import { mappingJson } from '../src/engine/templates/mapping';
import { proposeMapping } from '../src/engine/templates/mappingProposal';
import { writeWorkbookXlsx } from './submissionGenerator';
import { vendorExport, type VendorExportOptions } from './vendorExport';

export const TEMPLATE_EXAMPLES: readonly { file: string; options: VendorExportOptions; description: string }[] = [
  {
    file: 'export-werkpad-kwartaal-1.xlsx',
    options: { rows: 240, seed: 31 },
    description: 'de eigen export van Werkpad Re-integratie B.V. (240 trajecten; eigen kolomkoppen en labels, datums als tekst, kolommen Klantmanager en Geboortejaar)',
  },
  {
    file: 'export-werkpad-kwartaal-2.xlsx',
    options: { rows: 150, seed: 77, firstClient: 241 },
    description: 'dezelfde export een periode later (150 nieuwe trajecten)',
  },
];

export const MAPPING_EXAMPLE = 'koppeling-werkpad.json';

export async function buildTemplateExamples(dir: string): Promise<void> {
  for (const example of TEMPLATE_EXAMPLES) await writeWorkbookXlsx(vendorExport(example.options).workbook, join(dir, example.file));
  const format = standardReportFormat();
  const first = vendorExport(TEMPLATE_EXAMPLES[0].options).workbook.sheets[0];
  const proposal = proposeMapping(first, format);
  if (proposal === null) throw new Error('geen voorstel voor de voorbeeldexport');
  writeFileSync(join(dir, MAPPING_EXAMPLE), JSON.stringify(mappingJson(proposal.mapping, format), null, 2) + '\n');
}

/** The lines of examples/README.md about these examples. */
export function templateExamplesReadme(): string[] {
  return [
    ...TEMPLATE_EXAMPLES.map((e) => `- \`${e.file}\`: ${e.description}, voor \`reintegratie omzetten\`.`),
    `- \`${MAPPING_EXAMPLE}\`: de koppeling die \`omzetten\` voor het eerste kwartaal voorstelt (kolommen en labels naar de uniforme rapportage).`,
    '- `contract-gegevens-noord-kennemerland.json`: de gegevens van een contract, voor `reintegratie contract`.',
  ];
}
