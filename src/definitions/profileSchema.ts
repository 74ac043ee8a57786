/**
 * The zod schema of the contract profile (the public JSON, Dutch keys) and
 * its Dutch error messages. Loaded only when a profile is parsed
 * (profile.ts), so that the standard set works without zod.
 */
import { z } from 'zod';
import { ProfileError } from './profile';

const profileText = z.string().trim().min(1);

export const deviationSchema = z
  .object({
    term: profileText,
    parameter: profileText.optional(),
    waarde: z.unknown().optional(),
    toelichting: profileText.optional(),
    motivering: profileText,
  })
  .strict();

export const profileSchema = z
  .object({
    naam: profileText,
    gemeente: profileText,
    basisversie: profileText.optional(),
    afwijkingen: z.array(deviationSchema),
  })
  .strict();

export type Profile = z.infer<typeof profileSchema>;
export type Deviation = z.infer<typeof deviationSchema>;

const KEY_NAMES: Record<string, string> = {
  naam: 'naam',
  gemeente: 'gemeente',
  basisversie: 'basisversie',
  afwijkingen: 'afwijkingen',
  term: 'term',
  parameter: 'parameter',
  toelichting: 'toelichting',
  motivering: 'motivering',
};

function describePath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (key === 'afwijkingen' && typeof path[i + 1] === 'number') {
      parts.push(`afwijking ${(path[i + 1] as number) + 1}`);
      i++;
    } else parts.push(`'${KEY_NAMES[String(key)] ?? String(key)}'`);
  }
  return parts.join(', ');
}

/** Turns the first zod issue into one Dutch sentence. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const where = describePath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `${where} ontbreekt`;
      return `${where} heeft het verkeerde type (verwacht: ${dutchType(issue.expected)})`;
    case 'too_small':
      return `${where} is leeg`;
    case 'unrecognized_keys':
      return `${where ? where + ': ' : ''}onbekend veld ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
    default:
      return `${where} is ongeldig`;
  }
}

function dutchType(expected: string): string {
  return (
    { string: 'tekst', number: 'getal', boolean: 'true of false', array: 'lijst', object: 'object' }[expected] ??
    expected
  );
}

/** The shape of a profile (before its deviations are checked against the set); throws ProfileError. */
export function parseProfileShape(raw: unknown): Profile {
  // reportInput: zod v4 leaves `input` out of issues by default, and a wrong type would read as missing.
  const result = profileSchema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    throw new ProfileError(`Profiel ongeldig: ${describeIssue(result.error.issues[0])}.`);
  }
  return result.data;
}
