/**
 * The worker thread in which `controleer` checks a file, so that the
 * command can hold every check to a time and memory budget (see
 * checkRunner.ts). Receives one CheckJob at a time, answers with progress
 * messages and one outcome.
 */
import { parentPort } from 'node:worker_threads';
import { runCheckJob, type CheckJob } from './checkJob';

export type WorkerMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly outcome: import('./checkJob').CheckOutcome };

const port = parentPort;
if (port !== null) {
  port.on('message', (job: CheckJob) => {
    let last = 0;
    void runCheckJob(job, (done, total) => {
      const now = Date.now();
      if (now - last < 50 && done < total) return;
      last = now;
      port.postMessage({ type: 'progress', done, total } satisfies WorkerMessage);
    }).then((outcome) => port.postMessage({ type: 'done', outcome } satisfies WorkerMessage));
  });
}
