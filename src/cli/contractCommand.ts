/**
 * `reintegratie contract --gegevens <contract.json> --uit <contract.xlsx>
 * [--profiel p.json] [--sjabloon eigen.xlsx]`: the standard contract
 * (Overeenkomst and Bijlage definities) as a new workbook, or the
 * placeholders {{veld}} of the municipality's own workbook filled in a copy
 * (nothing else in it changed). Invalid data: one Dutch line per field,
 * exit 2. Unknown placeholders are listed with their cell, exit 1.
 */
import { standardDefinitionSet } from '../definitions/definitionSet';
import { ContractDataError } from '../engine/templates/contractData';
import { fillPlaceholders, writeStandardContract } from '../workbook/flows/contractFlow';
import { ANNEX_SHEET, CONTRACT_SHEET } from '../workbook/flows/contractPlan';
import type { CommonOptions, Output } from './context';
import { InputError } from './inputError';
import { inputKind, readProfileFile, readTextFile } from './inputFiles';
import { newWorkbook, openWorkbook, outputPath, saveWorkbook, type OutputOptions } from './templateFiles';

export interface ContractOptions extends CommonOptions, OutputOptions {
  readonly gegevens?: string;
  readonly sjabloon?: string;
}

function readData(path: string): unknown {
  const text = readTextFile(path);
  try {
    return JSON.parse(text);
  } catch {
    throw new InputError(`${path}: gegevens: het bestand is geen geldige JSON.`);
  }
}

export async function contractCommand(options: ContractOptions, output: Output): Promise<number> {
  if (options.gegevens === undefined) throw new InputError('Geef met --gegevens het JSON-bestand met de contractgegevens.');
  const set = standardDefinitionSet();
  const profile = options.profiel !== undefined ? readProfileFile(options.profiel, set) : null;
  const data = readData(options.gegevens);
  const inputs = [options.gegevens, ...(options.profiel !== undefined ? [options.profiel] : []), ...(options.sjabloon !== undefined ? [options.sjabloon] : [])];
  if (options.sjabloon !== undefined && inputKind(options.sjabloon) !== 'werkmap') throw new InputError(`${options.sjabloon}: is geen Excel-werkmap (.xlsx).`);
  const path = outputPath(options, 'het contract', inputs);
  const dataError = (error: unknown): never => {
    if (error instanceof ContractDataError) throw new InputError(error.problems.map((p) => `${options.gegevens}: ${p}`).join('\n'));
    throw error;
  };

  if (options.sjabloon === undefined) {
    const workbook = newWorkbook();
    const written = await writeStandardContract(workbook, { set, data, profile }).catch(dataError);
    saveWorkbook(workbook, path, inputs);
    if (options.json) {
      output.out(
        JSON.stringify(
          {
            uit: path,
            definitieset: written.defs.version,
            profiel: written.defs.profile?.naam ?? null,
            artikelen: written.text.articles.map((a) => a.title),
            bijlage: written.annex.map((e) => e.term.id),
          },
          null,
          2,
        ),
      );
    } else {
      output.out(
        [
          `Contract geschreven: ${path}`,
          `  blad ${CONTRACT_SHEET}: ${written.text.articles.length} artikelen; artikel 1 noemt definitieset ${written.defs.version}${written.defs.profile !== null ? ` en de ${written.defs.profile.afwijkingen.length} afwijkingen van profiel ${written.defs.profile.naam}` : ''}`,
          `  blad ${ANNEX_SHEET}: de definities van ${written.annex.length} termen (die het contract gebruikt en die van de uniforme rapportage)`,
        ].join('\n'),
      );
    }
    return 0;
  }

  const workbook = openWorkbook(options.sjabloon);
  const filled = await fillPlaceholders(workbook, { set, data, profile }).catch(dataError);
  saveWorkbook(workbook, path, inputs);
  if (options.json) {
    output.out(
      JSON.stringify(
        {
          uit: path,
          sjabloon: options.sjabloon,
          ingevuld: filled.filled.map((f) => ({ blad: f.sheet, cel: f.cell, velden: f.names })),
          onbekend: filled.unknown.map((u) => ({ blad: u.sheet, cel: u.cell, veld: u.name })),
          inFormule: filled.inFormulas.map((u) => ({ blad: u.sheet, cel: u.cell, veld: u.name })),
        },
        null,
        2,
      ),
    );
  } else {
    const lines = [`Contract geschreven: ${path} (${filled.filled.length} ${filled.filled.length === 1 ? 'cel' : 'cellen'} ingevuld uit ${options.sjabloon}; verder niets gewijzigd)`];
    if (filled.unknown.length > 0) {
      lines.push(`Onbekende plaatshouders (niet ingevuld):`);
      for (const u of filled.unknown) lines.push(`  {{${u.name}}} in ${u.sheet}!${u.cell}`);
    }
    if (filled.inFormulas.length > 0) {
      lines.push(`Plaatshouders in een formule (de formule is niet gewijzigd; vul ze in de formule zelf in):`);
      for (const u of filled.inFormulas) lines.push(`  {{${u.name}}} in ${u.sheet}!${u.cell}`);
    }
    output.out(lines.join('\n'));
  }
  return filled.unknown.length > 0 || filled.inFormulas.length > 0 ? 1 : 0;
}
