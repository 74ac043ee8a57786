/**
 * A progress bar on stderr (cli-progress), shown only when stderr is a
 * terminal and the work takes more than a moment.
 */
import { SingleBar } from 'cli-progress';

/** Shown once the work has taken this long (REINTEGRATIE_PROGRESS_DELAY_MS overrides it, e.g. for tests). */
const DELAY_MS = Number(process.env.REINTEGRATIE_PROGRESS_DELAY_MS ?? 400);

export class Progress {
  private bar: SingleBar | undefined;
  private readonly started = Date.now();

  constructor(
    private readonly enabled: boolean,
    private readonly label: string,
  ) {}

  update(done: number, total: number): void {
    if (!this.enabled) return;
    if (this.bar === undefined) {
      if (Date.now() - this.started < DELAY_MS) return;
      this.bar = new SingleBar({
        format: `${this.label} |{bar}| {percentage}% | {value}/{total} rijen`,
        barCompleteChar: '█',
        barIncompleteChar: '░',
        hideCursor: true,
        clearOnComplete: true,
        stream: process.stderr,
      });
      this.bar.start(total, done);
      return;
    }
    this.bar.update(done);
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}
