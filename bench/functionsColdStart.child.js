/**
 * One cold start, in a fresh Node process (started by
 * functionsColdStart.bench.ts): the built functions bundle evaluated in a new
 * vm context with the globals Excel's runtime gives it (CustomFunctions,
 * Office, Excel) stubbed, then the runtime's start (reading the workbook's
 * profile and date system through the Office adapter) and the first answer
 * of every function. Prints one JSON line with the times in milliseconds.
 *
 *   node bench/functionsColdStart.child.js <functions.js> standard|profile
 *   node bench/functionsColdStart.child.js - peer     (zod validation of the same data at load)
 */
const { performance } = require('perf_hooks');
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const [bundle, mode] = process.argv.slice(2);
const ROOT = path.join(__dirname, '..');

const PROFILE = {
  naam: 'Regio 12',
  gemeente: 'Alkmaar',
  afwijkingen: [{ term: 'duurzame-plaatsing', parameter: 'minimumMaanden', waarde: 12, motivering: 'Regionale afspraak.' }],
};

/** Just enough of Excel.run for the runtime's start: our custom XML part, the sheets, DATE(1904;1;1). */
function excelStub(profile) {
  const xml =
    profile === null
      ? null
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<opslag xmlns="urn:reintegratie-definitieset:opslag:1" versie="1">${JSON.stringify({ profiel: profile, genegeerd: [], koppeling: null })}</opslag>`;
  const loadable = (o) => Object.assign(o, { load: () => o });
  const context = {
    workbook: {
      customXmlParts: { getByNamespace: () => loadable({ items: xml === null ? [] : [{ id: 'p1', getXml: () => ({ value: xml }) }] }) },
      worksheets: loadable({ items: [{ name: 'Blad1', visibility: 'Visible' }], getActiveWorksheet: () => loadable({ name: 'Blad1' }) }),
      functions: { date: () => loadable({ value: 1462 }) },
    },
    sync: async () => {},
  };
  return { run: (batch) => batch(context) };
}

async function coldStart(profile) {
  const associated = new Map();
  class CustomFunctionsError extends Error {
    constructor(code, message) {
      super(message);
      this.code = code;
    }
  }
  const sandbox = {
    console,
    setTimeout,
    clearTimeout,
    queueMicrotask,
    CustomFunctions: {
      associate: (id, fn) => associated.set(id, fn),
      Error: CustomFunctionsError,
      ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
    },
    Office: {
      onReady: async () => ({ host: 'Excel', platform: 'PC' }),
      context: { requirements: { isSetSupported: () => true } },
    },
    Excel: excelStub(profile),
  };
  sandbox.globalThis = sandbox;
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  const code = fs.readFileSync(bundle, 'utf8');

  const t0 = performance.now();
  const context = vm.createContext(sandbox);
  new vm.Script(code, { filename: 'functions.js' }).runInContext(context);
  const evaluated = performance.now();
  const first = await associated.get('DEFINITIE')('duurzame plaatsing');
  const ready = performance.now();
  const header = ['Cliëntnummer', 'Gemeente', 'Status', 'Datum start traject', 'Datum plaatsing', 'Soort werk', 'Arbeidsovereenkomst', 'Duur arbeidsovereenkomst (maanden)'];
  const row = ['NK-1', 'Alkmaar', 'Geplaatst', 39479, 39600, 'Regulier werk', 'Ja', 12];
  const answers = await Promise.all([
    associated.get('STANDAARDTERM')('klantmanager'),
    associated.get('TERMEN')('De klantmanager belt over de reïntegratie.'),
    associated.get('DUURZAAM')('Regulier werk', 'Ja', 12),
    associated.get('POSITIE')(3),
    associated.get('DOORLOOPTIJD')(39479, 39600),
    associated.get('CONTROLEERRIJ')([header], [row]),
    associated.get('INDICATOR')('Aantal plaatsingen', [header, row]),
  ]);
  const all = performance.now();
  if (typeof first !== 'string' || answers[2] !== true || answers[3] !== '3 Arbeidsactivering') {
    throw new Error(`unexpected answers: ${JSON.stringify([first, ...answers]).slice(0, 300)}`);
  }
  return {
    associated: associated.size,
    evaluate: evaluated - t0,
    ready: ready - t0,
    allAnswered: all - t0,
    bundleBytes: Buffer.byteLength(code),
  };
}

/** The peer: validating the same definition data with zod when it loads (what the functions do not do). */
function peer() {
  const t0 = performance.now();
  let schema;
  try {
    schema = require(path.join(ROOT, 'dist', 'definitions', 'schema.js'));
  } catch {
    return { unavailable: 'dist/definitions/schema.js ontbreekt' };
  }
  if (schema.categoryFileSchema === undefined || schema.metaSchema === undefined) return { unavailable: 'geen zod-schema van de definities' };
  const dataDir = path.join(ROOT, 'src', 'definitions', 'data');
  schema.metaSchema.parse(JSON.parse(fs.readFileSync(path.join(dataDir, 'meta.json'), 'utf8')));
  for (const file of fs.readdirSync(dataDir)) {
    if (file === 'meta.json' || file === 'uniforme-rapportage.json' || !file.endsWith('.json')) continue;
    schema.categoryFileSchema.parse(JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8')));
  }
  return { validate: performance.now() - t0 };
}

(async () => {
  const result = mode === 'peer' ? peer() : await coldStart(mode === 'profile' ? PROFILE : null);
  process.stdout.write(`${JSON.stringify(result)}\n`);
})().catch((error) => {
  console.error(error);
  process.exit(2);
});
