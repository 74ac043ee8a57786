/**
 * `reintegratie sjabloon rapportage --uit <bestand.xlsx>`: writes the
 * uniform report template as a new workbook (Cliënten as a table with
 * drop-downs and input messages, Management with every indicator as a
 * formula, the code lists on a hidden sheet), with the profile stored in it.
 */
import { standardDefinitionSet } from '../definitions/definitionSet';
import { standardReportFormat } from '../definitions/reportFormat';
import { reportLayout } from '../engine/templates/reportLayout';
import { insertReportTemplate } from '../workbook/flows/reportTemplateFlow';
import type { CommonOptions, Output } from './context';
import { InputError } from './inputError';
import { readProfileFile } from './inputFiles';
import { metadataOf, newWorkbook, outputPath, saveWorkbook, type MetadataOptions, type OutputOptions } from './templateFiles';

export const TEMPLATE_KINDS = ['rapportage'] as const;

export interface TemplateOptions extends CommonOptions, OutputOptions, MetadataOptions {}

export async function templateCommand(kind: string, options: TemplateOptions, output: Output): Promise<number> {
  if (!(TEMPLATE_KINDS as readonly string[]).includes(kind)) {
    throw new InputError(`Onbekend sjabloon '${kind}'; kies ${TEMPLATE_KINDS.join(' of ')}.`);
  }
  const set = standardDefinitionSet();
  const profile = options.profiel !== undefined ? readProfileFile(options.profiel, set) : null;
  const metadata = metadataOf(options);
  const path = outputPath(options, 'het sjabloon', options.profiel !== undefined ? [options.profiel] : []);
  const workbook = newWorkbook();
  const written = await insertReportTemplate(workbook, { set, profile, metadata });
  saveWorkbook(workbook, path, []);

  const format = standardReportFormat();
  const layout = reportLayout(format);
  if (options.json) {
    output.out(
      JSON.stringify(
        { uit: path, definitieset: written.defs.version, profiel: written.defs.profile?.naam ?? null, bladen: written.sheets, tabel: layout.table },
        null,
        2,
      ),
    );
  } else {
    const indicators = format.data.management.indicators.length;
    output.out(
      [
        `Sjabloon uniforme rapportage geschreven: ${path}`,
        `  blad ${layout.clientSheet}: tabel ${layout.table} met ${layout.columns.length} kolommen, keuzelijsten en invoerhulp per kolom`,
        `  blad ${layout.managementSheet}: ${indicators} indicatoren als formule over de tabel`,
        `  blad ${layout.codeListSheet} (verborgen): de codelijsten`,
        `  definitieset ${written.defs.version}, ${written.defs.profile !== null ? `profiel ${written.defs.profile.naam} (opgeslagen in de werkmap)` : 'zonder profiel'}`,
      ].join('\n'),
    );
  }
  return 0;
}
