/**
 * `reintegratie omzetten <bron.xlsx|bron.csv> --uit <rapportage.xlsx> [--koppeling k.json]`:
 * a vendor's own export mapped into the uniform report. Without a mapping
 * it proposes one (headers and labels from the format's variants, then by
 * similarity), writes it next to the output for the vendor to review and
 * reuse, and lists every value it could not translate. With a mapping it
 * translates nothing it does not know: a new label is reported, not
 * guessed. Rows with an open value are left out whole and listed (exit 1).
 * The report is checked at once, so the vendor knows whether it checks clean.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { standardDefinitionSet } from '../definitions/definitionSet';
import { effectiveDefinitions } from '../definitions/profile';
import { standardReportFormat, type ReportFormat } from '../definitions/reportFormat';
import { checkWorkbook } from '../engine/checkWorkbook';
import { summarise } from '../engine/findings';
import type { SheetData, WorkbookData } from '../engine/grid';
import { applyMapping, unresolvedByValue, withOpenValues, type MappedTable } from '../engine/templates/applyMapping';
import { mappingJson, MappingError, parseMappingJson, type Mapping } from '../engine/templates/mapping';
import { looksLikeClientTable, proposalScore, proposeMapping, type ColumnBasis, type MappingProposal } from '../engine/templates/mappingProposal';
import { storedMapping } from '../workbook/flows/mappingFlow';
import { storeMapping } from '../workbook/flows/storedState';
import { writeReport } from '../workbook/flows/reportTemplateFlow';
import type { CommonOptions, Output } from './context';
import { InputError } from './inputError';
import { oldExcelLine, readCsvFile, readProfileFile, readTextFile, readWorkbookFile, WORKBOOK_EXTENSIONS } from './inputFiles';
import { metadataOf, newWorkbook, openWorkbook, outputPath, saveWorkbook, type MetadataOptions, type OutputOptions } from './templateFiles';

export interface ConvertOptions extends CommonOptions, OutputOptions, MetadataOptions {
  readonly koppeling?: string;
  readonly blad?: string;
}

const COLUMN_BASIS: Record<ColumnBasis, string> = {
  kop: 'standaardkop',
  variant: 'bekende variant',
  gelijkenis: 'lijkt erop, controleer',
  geen: 'niet overgenomen',
};

/** The mapping given with --koppeling: a JSON file, or a report (.xlsx) that holds one. */
function readMapping(path: string, format: ReportFormat): Promise<Mapping> | Mapping {
  const fail = (problems: readonly string[]) => new InputError(problems.map((p) => `${path}: ${p}`).join('\n'));
  if (/\.xlsx$/i.test(path)) {
    return storedMapping(openWorkbook(path), format).then(
      (mapping) => {
        if (mapping === null) throw new InputError(`${path}: deze werkmap bevat geen koppeling.`);
        return mapping;
      },
      (error: unknown) => {
        throw error instanceof MappingError ? fail(error.problems) : error;
      },
    );
  }
  try {
    return parseMappingJson(readTextFile(path), format);
  } catch (error) {
    if (error instanceof MappingError) throw fail(error.problems);
    throw error;
  }
}

/** The source sheet: --blad, the mapping's sheet, or the sheet that fits the report best. */
function sourceSheet(workbook: WorkbookData, file: string, options: ConvertOptions, mapping: Mapping | null, format: ReportFormat): SheetData {
  const names = workbook.sheets.map((s) => `'${s.name}'`).join(', ');
  const wanted = options.blad ?? mapping?.sheet ?? null;
  if (wanted !== null) {
    const sheet = workbook.sheets.find((s) => s.name === wanted);
    if (sheet === undefined) throw new InputError(`${file}: blad '${wanted}' bestaat niet; de werkmap heeft ${names}.`);
    return sheet;
  }
  let best: { sheet: SheetData; score: number } | undefined;
  for (const sheet of workbook.sheets) {
    if (format.isClientSheet(sheet.name) || format.isManagementSheet(sheet.name)) continue;
    const proposal = proposeMapping(sheet, format);
    const score = proposal === null || !looksLikeClientTable(proposal, format) ? 0 : proposalScore(proposal);
    if (score > 0 && (best === undefined || score > best.score)) best = { sheet, score };
  }
  if (best === undefined) {
    const clientSheet = workbook.sheets.find((s) => format.isClientSheet(s.name));
    if (clientSheet !== undefined) {
      throw new InputError(
        `${file}: de werkmap heeft al het blad '${clientSheet.name}' van de uniforme rapportage en geen ander blad dat erop lijkt; controleer hem met 'reintegratie controleer', of kies toch een blad om om te zetten met --blad (${names}).`,
      );
    }
    throw new InputError(`${file}: geen blad met kolommen die op de uniforme rapportage lijken; kies er een met --blad (${names}).`);
  }
  return best.sheet;
}

/** "uit/rapportage.xlsx" → "uit/rapportage-koppeling.json", never one of the inputs. */
function mappingPath(output: string, inputs: readonly string[]): string {
  const stem = join(dirname(output), basename(output, extname(output)));
  let candidate = `${stem}-koppeling.json`;
  for (let i = 2; inputs.some((p) => resolve(p) === resolve(candidate)); i++) candidate = `${stem}-koppeling-${i}.json`;
  return candidate;
}

function proposalLines(proposal: MappingProposal, format: ReportFormat): string[] {
  const lines = ['Kolommen:'];
  for (const c of proposal.columns) {
    const target = c.target === null ? '—' : format.columnByField.get(c.target)!.header;
    lines.push(`  ${c.source} → ${target} (${COLUMN_BASIS[c.basis]})`);
  }
  for (const missing of proposal.missing) lines.push(`  (geen bron voor ${missing.header}: verplicht; geef een kolom of een vaste waarde in de koppeling)`);
  const translated = proposal.values.filter((v) => v.target !== null);
  if (translated.length > 0) {
    lines.push('Waarden:');
    for (const v of translated) {
      const header = format.columnByField.get(v.field)!.header;
      lines.push(`  ${header}: ${v.source} → ${v.target} (${v.basis === 'gelijkenis' ? 'lijkt erop, controleer' : 'bekende variant'}; ${v.count}×)`);
    }
  }
  return lines;
}

function openLines(mapped: MappedTable): string[] {
  if (mapped.unresolved.length === 0) return [];
  const lines = [`Niet overgenomen: ${mapped.skippedRows.length} ${mapped.skippedRows.length === 1 ? 'rij' : 'rijen'} met een waarde die niet te vertalen is:`];
  for (const group of unresolvedByValue(mapped.unresolved)) {
    const cells = group.cells.length > 5 ? `${group.cells.slice(0, 5).join(', ')} en ${group.cells.length - 5} meer` : group.cells.join(', ');
    lines.push(`  ${group.target} '${group.value}' in ${cells}: ${group.reason}`);
  }
  return lines;
}

export async function convertCommand(source: string, options: ConvertOptions, output: Output): Promise<number> {
  const ext = extname(source).toLowerCase();
  const csv = ext === '.csv';
  if (!csv && !WORKBOOK_EXTENSIONS.has(ext)) throw new InputError(oldExcelLine(source) ?? `${source}: is geen Excel-werkmap (.xlsx) of CSV-bestand (.csv).`);
  const set = standardDefinitionSet();
  const format = standardReportFormat();
  const profile = options.profiel !== undefined ? readProfileFile(options.profiel, set) : null;
  const defs = effectiveDefinitions(set, profile);
  const metadata = metadataOf(options);
  const inputs = [source, ...(options.koppeling !== undefined ? [options.koppeling] : []), ...(options.profiel !== undefined ? [options.profiel] : [])];
  const path = outputPath(options, 'de rapportage', inputs);
  let workbook: WorkbookData;
  if (csv) {
    const read = readCsvFile(source);
    if (read.note !== null) output.err(read.note);
    workbook = read.workbook;
  } else workbook = readWorkbookFile(source);
  const given = options.koppeling !== undefined ? await readMapping(options.koppeling, format) : null;
  const sheet = sourceSheet(workbook, source, options, given, format);

  let proposal: MappingProposal | null = null;
  let mapping: Mapping;
  if (given !== null) mapping = given;
  else {
    proposal = proposeMapping(sheet, format);
    if (proposal === null) throw new InputError(`${source}: blad '${sheet.name}' is leeg.`);
    mapping = proposal.mapping;
  }
  let mapped: MappedTable;
  try {
    mapped = applyMapping(sheet, mapping, format);
  } catch (error) {
    if (error instanceof MappingError) throw new InputError(error.problems.map((p) => `${source}: ${p}`).join('\n'));
    throw error;
  }

  const proposalFile = given === null || mapped.unresolved.length > 0 ? mappingPath(path, inputs) : null;
  if (proposalFile !== null && existsSync(proposalFile) && options.overschrijf !== true) {
    throw new InputError(`${proposalFile}: bestaat al; kies een andere naam voor --uit of geef --overschrijf.`);
  }

  const report = newWorkbook();
  await writeReport(report, { set, profile, format, metadata }, mapped.rows);
  const saved = { ...mapping, sheet: sheet.name };
  await storeMapping(report, mappingJson(saved, format));
  saveWorkbook(report, path, inputs);
  if (proposalFile !== null) writeFileSync(proposalFile, JSON.stringify(mappingJson(withOpenValues(saved, mapped.unresolved), format), null, 2) + '\n');

  const check = checkWorkbook(await report.read(), defs, { format });
  const summary = summarise(check.findings);
  const status = mapped.unresolved.length > 0 || summary.fout > 0 ? 1 : 0;
  if (options.json) {
    output.out(
      JSON.stringify(
        {
          bron: source,
          blad: sheet.name,
          kopregel: mapped.table.headerRow + 1,
          uit: path,
          koppeling: proposalFile,
          definitieset: defs.version,
          profiel: defs.profile?.naam ?? null,
          rijen: { bron: mapped.table.dataRows.length, geschreven: mapped.rows.length, overgeslagen: mapped.skippedRows.length },
          open: unresolvedByValue(mapped.unresolved).map((g) => ({ kolom: g.target, waarde: g.value, soort: g.kind, cellen: g.cells, reden: g.reason })),
          nieuweKolommen: mapped.newColumns,
          controle: summary,
        },
        null,
        2,
      ),
    );
    return status;
  }
  const lines = [`Bron: ${source}, blad ${sheet.name}, kopregel ${mapped.table.headerRow + 1}, ${mapped.table.dataRows.length} rijen`];
  if (proposal !== null) lines.push(...proposalLines(proposal, format));
  else lines.push(`Koppeling: ${options.koppeling}`);
  if (mapped.newColumns.length > 0) lines.push(`Nieuwe kolommen in de bron, niet in de koppeling (niet overgenomen): ${mapped.newColumns.join(', ')}`);
  lines.push(...openLines(mapped));
  lines.push(`Rapportage geschreven: ${path} (${mapped.rows.length} van ${mapped.table.dataRows.length} rijen)`);
  if (proposalFile !== null) {
    lines.push(
      mapped.unresolved.length > 0
        ? `Koppeling geschreven: ${proposalFile}; vul de open waarden (null) in en draai opnieuw met --koppeling ${proposalFile}`
        : `Koppeling geschreven: ${proposalFile}; volgende periode: --koppeling ${proposalFile}`,
    );
  }
  lines.push(`Controle: ${summary.fout} ${summary.fout === 1 ? 'fout' : 'fouten'}, ${summary.waarschuwing} ${summary.waarschuwing === 1 ? 'waarschuwing' : 'waarschuwingen'}, ${summary.info} info${summary.fout > 0 ? ` (reintegratie controleer ${path} toont ze)` : ''}`);
  output.out(lines.join('\n'));
  return status;
}
