/**
 * Runs the check of each file in a worker thread under a budget: at most
 * REINTEGRATIE_MAX_SECONDEN seconds (default 600) and a heap of at most
 * REINTEGRATIE_MAX_GEHEUGEN_MB MiB (default 4096) per file. Whatever the
 * input, the command ends with a result or one Dutch line saying which
 * limit stopped the check; a stopped worker is replaced for the next file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckJob, CheckOutcome } from './checkJob';
import type { WorkerMessage } from './checkWorker';

export interface Budget {
  /** Wall-clock seconds per file. */
  readonly seconds: number;
  /** Heap (old generation) in MiB. */
  readonly memoryMb: number;
}

export const DEFAULT_BUDGET: Budget = { seconds: 600, memoryMb: 4096 };

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
}

export function budgetFromEnv(env: NodeJS.ProcessEnv = process.env): Budget {
  return {
    seconds: positive(env.REINTEGRATIE_MAX_SECONDEN, DEFAULT_BUDGET.seconds),
    memoryMb: Math.round(positive(env.REINTEGRATIE_MAX_GEHEUGEN_MB, DEFAULT_BUDGET.memoryMb)),
  };
}

const WORKER = join(__dirname, 'checkWorker.js');
/** How long a new worker may take to load the program before it takes a job. */
const START_LIMIT_MS = 60_000;

export class CheckRunner {
  private worker: Worker | undefined;

  constructor(private readonly budget: Budget) {}

  /** Checks one file; never rejects. */
  async run(job: CheckJob, onProgress: (done: number, total: number) => void): Promise<CheckOutcome> {
    if (!existsSync(WORKER)) {
      // Run from the TypeScript sources (no built worker): in this thread, without the budget.
      const { runCheckJob } = await import('./checkJob');
      return runCheckJob(job, onProgress);
    }
    const worker = (this.worker ??= new Worker(WORKER, {
      resourceLimits: { maxOldGenerationSizeMb: this.budget.memoryMb, stackSizeMb: 8 },
    }));
    return new Promise<CheckOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: CheckOutcome, stop: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (stop) {
          this.worker = undefined;
          void worker.terminate();
        }
        resolve(outcome);
      };
      const timeUp = (): CheckOutcome => ({
        kind: 'problem',
        message: `${job.file}: de controle is gestopt na ${this.budget.seconds} seconden, de tijdslimiet per bestand; het bestand is te groot of te ingewikkeld (ruimer: REINTEGRATIE_MAX_SECONDEN).`,
      });
      // The file's clock starts when the worker has the job (its start-up is not the file's); a worker that never starts is a bug.
      let timer = setTimeout(() => finish({ kind: 'internal', message: 'het werkproces voor de controle start niet' }, true), START_LIMIT_MS);
      const startClock = () => {
        clearTimeout(timer);
        timer = setTimeout(() => finish(timeUp(), true), this.budget.seconds * 1000);
      };
      const memory = (): CheckOutcome => ({
        kind: 'problem',
        message: `${job.file}: de controle is gestopt: het bestand vraagt meer dan ${this.budget.memoryMb} MiB geheugen, de limiet per bestand (ruimer: REINTEGRATIE_MAX_GEHEUGEN_MB).`,
      });
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'started') startClock();
        else if (message.type === 'progress') onProgress(message.done, message.total);
        else finish(message.outcome, false);
      };
      const onError = (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') finish(memory(), true);
        else finish({ kind: 'internal', message: error.message }, true);
      };
      const onExit = () => finish(memory(), true);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker !== undefined) await worker.terminate();
  }
}
