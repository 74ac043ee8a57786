/**
 * Writes queued into as few `context.sync` calls as Excel allows: the
 * queue is sent only when the next operation would take the request past
 * the budget (Excel on the web refuses requests over 5 MB), and once at the
 * end. So a write of any size is one sync when it fits and a few when it
 * does not, never one per cell or row.
 */
import type { RequestContext } from './excelApi';

/** Estimated bytes a request may carry (well below the 5 MB limit: the estimate is rough). */
export const REQUEST_BUDGET = 3_500_000;
/** What an operation costs besides its values (object path, method, ids). */
export const OPERATION_BYTES = 160;

export class RequestBatch {
  private pending = 0;

  constructor(
    private readonly context: RequestContext,
    private readonly budget = REQUEST_BUDGET,
  ) {}

  /** Call before queueing an operation of about `bytes` of data. */
  async room(bytes = 0): Promise<void> {
    const cost = bytes + OPERATION_BYTES;
    if (this.pending > 0 && this.pending + cost > this.budget) await this.flush();
    this.pending += cost;
  }

  /** Sends what is queued (nothing when the queue is empty). */
  async flush(): Promise<void> {
    if (this.pending === 0) return;
    this.pending = 0;
    await this.context.sync();
  }
}
