/**
 * Writing a marked copy safely: never over an input, never through a link.
 * The copy is written to a new temporary file in the target folder
 * (created exclusively, so a link waiting under that name is not followed)
 * and then renamed over the target name (which replaces a link itself,
 * never what it points to). A target that is, or links to, one of the
 * inputs is refused.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A copy that could not be written: one Dutch line naming the path. */
export class OutputError extends Error {}

/** What identifies a file on disk (device and inode), whatever path or link leads to it. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}

/** The identity of an existing file (following links), or undefined. */
export function fileIdentity(path: string): FileIdentity | undefined {
  try {
    const s = statSync(path);
    return { dev: s.dev, ino: s.ino };
  } catch {
    return undefined;
  }
}

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'geen schrijfrechten in die map',
  EPERM: 'geen toestemming om daar te schrijven',
  EROFS: 'de map staat op een alleen-lezen schijf',
  ENOSPC: 'de schijf is vol',
  EDQUOT: 'de schijfruimte van de gebruiker is op',
  ENOENT: 'de map bestaat niet (meer)',
  ENOTDIR: 'een deel van het pad is geen map',
  EISDIR: 'op die plek staat een map',
  EEXIST: 'op die plek staat al iets dat niet vervangen kan worden',
  ENOTEMPTY: 'op die plek staat een map',
  ENAMETOOLONG: 'het pad is te lang',
  EMFILE: 'te veel open bestanden',
  EIO: 'een schrijffout van de schijf',
};

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return REASONS[code] ?? `schrijven mislukt${code !== '' ? ` (${code})` : ''}`;
}

/**
 * Writes `bytes` to `target` by a temporary file and a rename. Throws
 * OutputError (Dutch, naming the path) when the target is one of the
 * inputs, is a folder, or cannot be written.
 */
export function writeCopy(target: string, bytes: Uint8Array, inputs: readonly FileIdentity[]): void {
  const existing = fileIdentity(target);
  if (existing !== undefined && inputs.some((i) => i.dev === existing.dev && i.ino === existing.ino)) {
    throw new OutputError(`${target}: dit pad wijst naar een invoerbestand; de kopie wordt niet geschreven (kies een andere map voor --uit).`);
  }
  try {
    if (lstatSync(target).isDirectory()) throw new OutputError(`${target}: kopie niet geschreven: op die plek staat een map.`);
  } catch (error) {
    if (error instanceof OutputError) throw error;
    // Nothing there yet: fine.
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, bytes, { flag: 'wx', mode: 0o644 });
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // The temporary file was never made.
    }
    throw new OutputError(`${target}: kopie niet geschreven: ${reason(error)}.`);
  }
}
