/**
 * The functions load and answer without running zod: the definition data
 * is validated when the product is built, not each time Excel loads the
 * functions. zod is replaced by a module that throws when it is loaded; a
 * stored profile (user input) is the one thing that may still need it.
 */
jest.mock('zod', () => {
  throw new Error('zod geladen');
});

import { installCustomFunctions } from './customFunctionsStub';

installCustomFunctions();

// The definition data is validated when the product is built (see tests/manifest/bundles.test.ts).
test('loading the functions and calling each without a profile never loads zod', async () => {
  const functions = await import('../../src/functions/functions');
  const runtime = await import('../../src/functions/functionsRuntime');
  runtime.startFunctionsRuntime(async () => ({ profile: null, dateSystem: 1900 }));
  expect(await functions.definitie('plaatsing')).toMatch(/\./);
  expect(await functions.standaardterm('klantmanager')).toBe('werkcoach');
  expect(await functions.termen('De reïntegratie loopt.')).toEqual([['reïntegratie', 're-integratie']]);
  expect(await functions.duurzaam('Regulier werk', 'Ja', 12)).toBe(true);
  expect(await functions.positie(3)).toBe('3 Arbeidsactivering');
  expect(await functions.doorlooptijd('01-01-2009', '11-01-2009')).toBe(10);
});
