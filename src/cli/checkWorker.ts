/**
 * The worker thread in which `controleer` checks a file, so that the
 * command can hold every check to a time and memory budget (see
 * checkRunner.ts). Receives one CheckJob at a time, answers with progress
 * messages and one outcome.
 */
import { parentPort } from 'node:worker_threads';
import { prepareChecks, runCheckJob, type CheckJob } from './checkJob';

export type WorkerMessage =
  /** The job arrived: its time starts now. */
  | { readonly type: 'started' }
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly outcome: import('./checkJob').CheckOutcome };

const port = parentPort;
if (port !== null) {
  // Load the definitions before the first job, so a file's budget is spent on the file.
  prepareChecks();
  port.on('message', (job: CheckJob) => {
    port.postMessage({ type: 'started' } satisfies WorkerMessage);
    let last = 0;
    void runCheckJob(job, (done, total) => {
      const now = Date.now();
      if (now - last < 50 && done < total) return;
      last = now;
      port.postMessage({ type: 'progress', done, total } satisfies WorkerMessage);
    }).then((outcome) => port.postMessage({ type: 'done', outcome } satisfies WorkerMessage));
  });
}
