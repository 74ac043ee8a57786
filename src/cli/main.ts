#!/usr/bin/env node
/**
 * The command line `reintegratie`. Exit status: 0 no `fout`, 1 at least one
 * `fout`, 2 unusable input (one Dutch line on stderr), 3 internal error.
 */
import { Command, CommanderError, Help } from 'commander';
import { processOutput, type CommonOptions, type Output } from './context';
import type { CheckOptions } from './checkCommand';
import { InputError } from './inputError';

// Each command's module is loaded when the command runs, so that a command
// (or --versie) does not pay for the others (ExcelJS, the xlsx reader, ...).
const commands = {
  check: () => require('./checkCommand') as typeof import('./checkCommand'),
  terms: () => require('./termsCommand') as typeof import('./termsCommand'),
  definitions: () => require('./definitionsCommand') as typeof import('./definitionsCommand'),
};

const TITLES: Record<string, string> = {
  'Usage:': 'Gebruik:',
  'Options:': 'Opties:',
  'Commands:': 'Opdrachten:',
  'Arguments:': 'Argumenten:',
  'Global Options:': 'Algemene opties:',
};

/** Commander's placeholders in a usage line, in Dutch. */
function dutchUsage(usage: string): string {
  return usage.replace('[options]', '[opties]').replace('[command]', '[opdracht]');
}

class DutchHelp extends Help {
  override styleTitle(str: string): string {
    return TITLES[str] ?? str;
  }

  override commandUsage(cmd: Command): string {
    return dutchUsage(super.commandUsage(cmd));
  }

  override subcommandTerm(cmd: Command): string {
    return dutchUsage(super.subcommandTerm(cmd));
  }
}

function quoted(message: string): string {
  return /'([^']*)'/.exec(message)?.[1] ?? '';
}

/** Commander's own errors in Dutch. */
function commanderMessage(error: CommanderError): string {
  switch (error.code) {
    case 'commander.unknownOption':
      return `Onbekende optie: ${quoted(error.message)}. Zie 'reintegratie --help'.`;
    case 'commander.unknownCommand':
      return `Onbekende opdracht: ${quoted(error.message)}. Kies controleer, termen, definities, sjabloon, omzetten of contract.`;
    case 'commander.missingArgument':
      return `Argument ontbreekt: ${quoted(error.message)}.`;
    case 'commander.optionMissingArgument':
      return `Optie ${quoted(error.message).split(/[ ,]/)[0]} vraagt een waarde.`;
    case 'commander.excessArguments':
      return 'Te veel argumenten.';
    default:
      return `Ongeldige aanroep: ${error.message.replace(/^error: /, '')}`;
  }
}

function versionLine(): string {
  const { version } = require('../../package.json') as { version: string };
  const { STANDARD_SET_VERSION } = require('../definitions/standardVersion') as typeof import('../definitions/standardVersion');
  return `reintegratie ${version}, definitieset ${STANDARD_SET_VERSION}`;
}

export function buildProgram(output: Output, setStatus: (status: number) => void): Command {
  const program = new Command('reintegratie');
  program
    .description('De definitieset re-integratie: termen controleren, rapportages toetsen, definities opzoeken en sjablonen vullen.')
    .helpOption('-h, --help', 'toon deze hulp')
    .version(versionLine(), '-V, --versie', 'toon de versie van het programma en de definitieset')
    .helpCommand('help [opdracht]', 'toon hulp bij een opdracht')
    .configureHelp({})
    .showSuggestionAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => output.out(s),
      writeErr: (s) => output.err(s),
      outputError: () => undefined,
    });
  program.createHelp = () => Object.assign(new DutchHelp(), program.configureHelp());

  const withCommon = (cmd: Command, json = 'uitvoer als JSON (één object, of een lijst bij meerdere bestanden)'): Command =>
    cmd
      .option('--profiel <profiel.json>', 'contractprofiel met de afwijkingen van de gemeente')
      .option('--json', json)
      .helpOption('-h, --help', 'toon deze hulp');

  withCommon(
    program
      .command('controleer')
      .description('toets rapportages (.xlsx) aan de uniforme rapportage en de definitieset')
      .argument('<bestand...>', 'een of meer werkmappen')
      .option('--uit <map>', 'schrijf per werkmap een kopie met de bevindingen gemarkeerd en een blad Controle')
      .option('--alles', 'toon alle bevindingen in de tabel (standaard de eerste 200)'),
  ).action(async (files: string[], options: CheckOptions) => setStatus(await commands.check().checkCommand(files, options, output)));

  withCommon(
    program
      .command('termen')
      .description('markeer niet-conforme termen in tekstbestanden (.txt, .md), werkmappen (.xlsx) of standaardinvoer')
      .argument('[bestand...]', 'bestanden; zonder bestand leest de opdracht standaardinvoer'),
  ).action(async (files: string[], options: CommonOptions) => {
    if (ownProcess) compileForOneRun();
    setStatus(await commands.terms().termsCommand(files, options, output));
  });

  withCommon(
    program
      .command('definities')
      .description('toon de effectieve definitieset (standaardset plus profiel), of zoek er een begrip in')
      .argument('[zoekterm...]', 'een term, vorm, niet-conform woord of woord uit een definitie; zonder zoekterm de hele set'),
  ).action((query: string[], options: CommonOptions) => setStatus(commands.definitions().definitionsCommand(query, options, output)));

  // The template commands load their modules when they run (the others start faster without them).
  const withOutput = (cmd: Command): Command =>
    cmd
      .option('--uit <bestand.xlsx>', 'de werkmap die wordt geschreven (nooit over een invoerbestand)')
      .option('--overschrijf', 'een bestaand bestand voor --uit vervangen');

  withOutput(
    withCommon(
      program
        .command('vergelijk')
        .description('zet inzendingen naast elkaar: indicatoren herberekend per opdrachtnemer, gemeente, dienst, doelgroep en periode, met de bevindingen')
        .argument('<bestand...>', 'de inzendingen (.xlsx) van een periode'),
      'uitvoer als JSON (één object met alle inzendingen en groepen)',
    ),
  ).action(async (files: string[], options) => {
    const { compareCommand } = await import('./compareCommand');
    setStatus(await compareCommand(files, options, output));
  });
  const withMetadata = (cmd: Command): Command =>
    cmd
      .option('--gemeente <naam>', 'Management: de gemeente')
      .option('--opdrachtnemer <naam>', 'Management: het re-integratiebedrijf')
      .option('--van <datum>', 'Management: begin van de rapportageperiode (dd-mm-jjjj)')
      .option('--tot <datum>', 'Management: einde van de rapportageperiode (dd-mm-jjjj)');

  withMetadata(
    withOutput(
      withCommon(
        program
          .command('sjabloon')
          .description('schrijf het sjabloon van de uniforme rapportage (keuzelijsten, invoerhulp, managementformules)')
          .argument('<soort>', 'rapportage'),
      ),
    ),
  ).action(async (kind: string, options) => {
    const { templateCommand } = await import('./templateCommand');
    setStatus(await templateCommand(kind, options, output));
  });

  withMetadata(
    withOutput(
      withCommon(
        program
          .command('omzetten')
          .description('zet de eigen export van een re-integratiebedrijf om in de uniforme rapportage')
          .argument('<bron>', 'de eigen export (.xlsx of .csv)')
          .option('--koppeling <koppeling.json>', 'de koppeling van een vorige periode (.json, of een rapportage .xlsx die haar bevat)')
          .option('--blad <naam>', 'het blad met de eigen tabel (standaard: het blad dat het best past)'),
      ),
    ),
  ).action(async (source: string, options) => {
    const { convertCommand } = await import('./convertCommand');
    setStatus(await convertCommand(source, options, output));
  });

  withOutput(
    withCommon(
      program
        .command('contract')
        .description('vul een contract met de definities: het standaardcontract, of de plaatshouders {{veld}} van een eigen werkmap')
        .option('--gegevens <contract.json>', 'de contractgegevens (JSON)')
        .option('--sjabloon <eigen.xlsx>', 'de eigen werkmap van de gemeente met plaatshouders {{veld}}'),
    ),
  ).action(async (options) => {
    const { contractCommand } = await import('./contractCommand');
    setStatus(await contractCommand(options, output));
  });

  for (const cmd of program.commands) {
    cmd.createHelp = () => Object.assign(new DutchHelp(), cmd.configureHelp());
    cmd.exitOverride().configureOutput(program.configureOutput());
  }
  return program;
}

/** Set when this module runs as the command line's own process (not when a test imports it). */
let ownProcess = false;

/**
 * The term check runs each of its loops once over a text, in a process that
 * ends with it. V8's optimizing compiler, which compiles those loops on a
 * second thread while the first runs them slowly, spends more time inlining
 * than the inlined code saves in one such run: without inlining, the whole
 * `termen --json` process took 5-15 % less time on 0.25 to 16 MiB of text
 * (bench/README.md, termProcess). Set before the engine is loaded; it holds
 * for this process only.
 */
function compileForOneRun(): void {
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--no-turbo-inlining');
}

export async function run(argv: string[], output: Output = processOutput()): Promise<number> {
  let status = 0;
  const program = buildProgram(output, (s) => {
    status = s;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      // Without a command commander has shown the help already.
      if (error.code !== 'commander.help') output.err(commanderMessage(error));
      return 2;
    }
    if (error instanceof InputError) {
      output.err(error.message);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    output.err(`Interne fout: ${message}. Meld dit met het bestand waarbij het gebeurde.`);
    return 3;
  }
}

if (require.main === module) {
  ownProcess = true;
  run(process.argv.slice(2)).then((status) => {
    process.exitCode = status;
  });
}
