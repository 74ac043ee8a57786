/**
 * Writing a text to a file descriptor (the command line's stdout) as UTF-8,
 * synchronously and in pieces: a large text (the JSON of a big check, several
 * MiB) is encoded a piece at a time into one reused buffer, not into a second
 * copy of the whole text, and everything is written before the process goes
 * on (or ends).
 *
 * A reader that has gone away (`reintegratie termen … | head`) is no error:
 * the writer says so and the caller stops writing. (Through process.stdout
 * it was an unhandled 'error' event: a stack trace in English.)
 */
import { writeSync } from 'node:fs';

/** Code units per piece: at most three bytes each in UTF-8. */
export const PIECE = 1 << 16;

let buffer: Buffer | undefined;

/** The end of the piece of `text` from `from`: never between the two halves of a surrogate pair. */
export function pieceEnd(text: string, from: number, piece: number = PIECE): number {
  let to = Math.min(text.length, from + piece);
  if (to < text.length) {
    const last = text.charCodeAt(to - 1);
    if (last >= 0xd800 && last <= 0xdbff) to--;
  }
  return to;
}

/**
 * Writes `text` to `fd` as UTF-8; false if the reader has closed the pipe
 * (nothing more can be written there). Other write errors are thrown.
 */
export function writeText(fd: number, text: string, piece: number = PIECE): boolean {
  if (buffer === undefined || buffer.length < piece * 3) buffer = Buffer.allocUnsafe(piece * 3);
  for (let from = 0; from < text.length; ) {
    const to = pieceEnd(text, from, piece);
    const bytes = buffer.write(text.slice(from, to), 0, 'utf8');
    if (!writeAll(fd, buffer, bytes)) return false;
    from = to;
  }
  return true;
}

/** Blocks the thread for `ms` milliseconds (waiting for a full pipe to drain). */
const pause = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

function writeAll(fd: number, bytes: Buffer, length: number): boolean {
  let done = 0;
  while (done < length) {
    try {
      done += writeSync(fd, bytes, done, length - done);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // The reader closed its end: a pipe says EPIPE, a socket pair (how Node gives a child its stdout) ECONNRESET.
      if (code === 'EPIPE' || code === 'ECONNRESET') return false;
      // A descriptor in non-blocking mode with a full pipe: wait until the reader has taken some.
      if (code === 'EAGAIN') pause(1);
      else throw error;
    }
  }
  return true;
}
