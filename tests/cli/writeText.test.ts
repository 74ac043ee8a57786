import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pieceEnd, writeText } from '../../src/cli/writeText';
import { CLI, tempDir } from '../support/runCli';

const dir = tempDir();

/** The bytes writeText puts in a file. */
function written(text: string, piece: number): Buffer {
  const path = join(dir, `out-${piece}.txt`);
  const fd = openSync(path, 'w');
  try {
    expect(writeText(fd, text, piece)).toBe(true);
  } finally {
    closeSync(fd);
  }
  return readFileSync(path);
}

describe('writeText', () => {
  test('a piece never ends between the halves of a surrogate pair', () => {
    const text = 'ab😀cd';
    expect(pieceEnd(text, 0, 3)).toBe(2); // 'ab', not 'ab' + the high half
    expect(pieceEnd(text, 2, 3)).toBe(5);
    expect(pieceEnd(text, 0, 100)).toBe(text.length);
  });

  test('the bytes are the UTF-8 of the whole text, whatever the piece size', () => {
    // ASCII, Latin-1 (ë), the BMP beyond it (’ €) and pairs (😀) at every offset against the piece ends.
    const text = Array.from({ length: 500 }, (_, i) => ['a', 'ë', '’', '€', '😀', '\n'][i % 6].repeat(1 + (i % 4))).join('');
    const expected = Buffer.from(text, 'utf8');
    for (const piece of [2, 3, 7, 64, 1 << 16]) expect(written(text, piece).equals(expected)).toBe(true);
    expect(written('', 8).length).toBe(0);
  });

  test('a reader that goes away ends the output quietly: no stack trace, the usual exit status', async () => {
    // JSON of several MiB: far more than a pipe holds, so the command is still writing when the reader closes.
    const text = join(dir, 'groot.txt');
    writeFileSync(text, 'De klantmanager belt de cliënt over de reïntegratie.\n'.repeat(60_000));
    const child = spawn(process.execPath, [CLI, 'termen', text, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    // The same through a shell pipe into head (EPIPE): bash reports the command's own status.
    const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" termen "${text}" --json | head -c 100 > /dev/null; echo "\${PIPESTATUS[0]}"`], {
      encoding: 'utf8',
    });
    expect(piped.stderr).toBe('');
    expect(piped.stdout.trim()).toBe('0');
  });
});
