/**
 * functions.json as the metadata plugin writes it, generated offline from
 * src/functions/functions.ts: the ids (what cells store) equal the Dutch
 * names, the parameters and their shapes, and which results spill.
 */
import { join } from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';

interface Parameter {
  name: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

const SOURCE = join(__dirname, '..', '..', 'src', 'functions', 'functions.ts');

/** name → [parameter name:type(:matrix)], result type(:matrix) ('any' when Excel's default). */
const EXPECTED: Record<string, { parameters: string[]; result: string }> = {
  DEFINITIE: { parameters: ['term:string'], result: 'string' },
  STANDAARDTERM: { parameters: ['tekst:string'], result: 'string' },
  TERMEN: { parameters: ['tekst:string'], result: 'string:matrix' },
  DUURZAAM: { parameters: ['soort_werk:any', 'arbeidsovereenkomst:any', 'duur_maanden:any'], result: 'boolean' },
  POSITIE: { parameters: ['waarde:any'], result: 'any' },
  DOORLOOPTIJD: { parameters: ['start:any', 'einde:any'], result: 'number' },
  CONTROLEERRIJ: { parameters: ['kopregel:any:matrix', 'rij:any:matrix'], result: 'string:matrix' },
  INDICATOR: { parameters: ['indicator:string', 'cliëntbereik:any:matrix'], result: 'any' },
};

const shape = (type: string | undefined, dimensionality: string | undefined) =>
  `${type ?? 'any'}${dimensionality === 'matrix' ? ':matrix' : ''}`;

describe('functions.json generated from functions.ts', () => {
  let functions: FunctionMetadata[];
  let errors: string[];
  let associate: { functionName: string; id: string }[];

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata([SOURCE], true);
    errors = result.errors;
    functions = (JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] }).functions;
    associate = result.associate;
  });

  test('has no errors and exactly the eight REINT functions, ids equal to their Dutch names', () => {
    expect(errors).toEqual([]);
    expect(functions.map((f) => f.id)).toEqual(Object.keys(EXPECTED));
    for (const f of functions) expect(f.name).toBe(f.id);
  });

  test('parameters and results have the expected names and shapes (the spilling ones are matrices)', () => {
    for (const f of functions) {
      expect({ name: f.id, parameters: f.parameters.map((p) => `${p.name}:${shape(p.type, p.dimensionality)}`) }).toEqual({
        name: f.id,
        parameters: EXPECTED[f.id].parameters,
      });
      expect({ name: f.id, result: shape(f.result.type, f.result.dimensionality) }).toEqual({ name: f.id, result: EXPECTED[f.id].result });
      expect(f.parameters.every((p) => p.optional !== true)).toBe(true);
    }
  });

  test('every function and parameter has a Dutch description', () => {
    for (const f of functions) {
      expect(f.description.length).toBeGreaterThan(20);
      expect(f.description).not.toMatch(/\b(the|and|returns)\b/i);
    }
  });

  test('every id is associated with its wrapper (the registration the plugin appends)', () => {
    expect(associate.map((a) => a.id)).toEqual(Object.keys(EXPECTED));
    expect(associate.map((a) => a.functionName)).toEqual(Object.keys(EXPECTED).map((id) => id.toLowerCase()));
  });
});
