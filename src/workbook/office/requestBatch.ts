/**
 * Operations queued into as few `context.sync` calls as Excel allows: the
 * queue is sent only when the next operation would take the request or its
 * expected response past the budget (Excel on the web refuses either over
 * 5 MB), and once at the end. So any amount of work is one sync when it fits
 * and a few when it does not, never one per cell or row.
 */
import type { RequestContext } from './excelApi';

/** Estimated bytes a request may carry, and a response (well below the 5 MB limit: the estimates are rough). */
export const REQUEST_BUDGET = 3_500_000;
export const RESPONSE_BUDGET = 3_500_000;
/** What an operation costs besides its values (object path, method, ids). */
export const OPERATION_BYTES = 160;

export class RequestBatch {
  private pending = 0;
  private expected = 0;

  constructor(
    private readonly context: RequestContext,
    private readonly budget = REQUEST_BUDGET,
    private readonly responseBudget = RESPONSE_BUDGET,
  ) {}

  /** Call before queueing an operation of about `bytes` of data that loads about `responseBytes`. */
  async room(bytes = 0, responseBytes = 0): Promise<void> {
    const cost = bytes + OPERATION_BYTES;
    const full = this.pending + cost > this.budget || this.expected + responseBytes > this.responseBudget;
    if (this.pending > 0 && full) await this.flush();
    this.pending += cost;
    this.expected += responseBytes;
  }

  /** Sends what is queued (nothing when the queue is empty). */
  async flush(): Promise<void> {
    if (this.pending === 0) return;
    this.pending = 0;
    this.expected = 0;
    await this.context.sync();
  }
}
