/**
 * How the used ranges of a workbook are read in few round trips without
 * crossing Excel's limits: each `context.sync` carries blocks of rows of
 * one or more sheets (small sheets ride along with a block of a large one),
 * at most about 10,000 rows, an estimated response below Excel on the web's
 * 5 MB, and never 5 million cells. The rows left are spread evenly over the
 * syncs they need, so 100,000 rows take ten syncs rather than ten full ones
 * and a sliver.
 */

/** Rows of a sheet to read: 0-based absolute position of the block, and its size. */
export interface ReadPiece {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

export interface ReadBudget {
  /** Rows per sync ("about 10,000": a little more to spread a remainder). */
  readonly rows: number;
  /** Estimated bytes of a response. */
  readonly bytes: number;
  /** Cells per sync. */
  readonly cells: number;
}

/** Excel on the web refuses requests and responses over 5 MB. */
export const PAYLOAD_LIMIT = 5_000_000;
/** Excel refuses to read more than 5 million cells at once. */
export const CELL_LIMIT = 5_000_000;

export const READ_BUDGET: ReadBudget = { rows: 11_000, bytes: 4_500_000, cells: CELL_LIMIT };

/** Bytes per cell of a response with values and number formats, before anything has been read. */
export const INITIAL_BYTES_PER_CELL = 20;

function rowCost(cols: number, bytesPerCell: number, budget: ReadBudget): number {
  return Math.max(1 / budget.rows, (cols * bytesPerCell) / budget.bytes, cols / budget.cells);
}

/** The number of syncs the pieces need at this estimate. */
export function syncsNeeded(pieces: readonly ReadPiece[], bytesPerCell: number, budget: ReadBudget = READ_BUDGET): number {
  let cost = 0;
  for (const p of pieces) cost += p.rows * rowCost(p.cols, bytesPerCell, budget);
  return Math.max(pieces.length > 0 ? 1 : 0, Math.ceil(cost - 1e-9));
}

/**
 * Takes the pieces of the next sync from the front of `pending` (splitting a
 * piece at a row where needed) and returns them with the rest.
 */
export function nextSync(
  pending: readonly ReadPiece[],
  bytesPerCell: number,
  budget: ReadBudget = READ_BUDGET,
): { now: ReadPiece[]; rest: ReadPiece[] } {
  const n = syncsNeeded(pending, bytesPerCell, budget);
  if (n === 0) return { now: [], rest: [] };
  let total = 0;
  for (const p of pending) total += p.rows * rowCost(p.cols, bytesPerCell, budget);
  const target = Math.min(1, total / n) + 1e-9;
  const now: ReadPiece[] = [];
  let used = 0;
  let i = 0;
  for (; i < pending.length; i++) {
    const p = pending[i];
    const cost = rowCost(p.cols, bytesPerCell, budget);
    let take = Math.floor((target - used) / cost);
    if (take <= 0 && now.length === 0) take = 1;
    if (take <= 0) break;
    if (take >= p.rows) {
      now.push(p);
      used += p.rows * cost;
      continue;
    }
    now.push({ ...p, rows: take });
    const rest = [{ ...p, top: p.top + take, rows: p.rows - take }, ...pending.slice(i + 1)];
    return { now, rest };
  }
  return { now, rest: pending.slice(i) };
}

/** Halves a sync that Excel refused as too large: the first half now, the second half back in front. */
export function halve(now: readonly ReadPiece[]): { first: ReadPiece[]; second: ReadPiece[] } {
  const totalRows = now.reduce((n, p) => n + p.rows, 0);
  if (totalRows <= 1) throw new Error('Eén rij is te groot om in één keer uit Excel te lezen.');
  const half = Math.floor(totalRows / 2);
  const first: ReadPiece[] = [];
  const second: ReadPiece[] = [];
  let seen = 0;
  for (const p of now) {
    if (seen + p.rows <= half) first.push(p);
    else if (seen >= half) second.push(p);
    else {
      const take = half - seen;
      first.push({ ...p, rows: take });
      second.push({ ...p, top: p.top + take, rows: p.rows - take });
    }
    seen += p.rows;
  }
  return { first, second };
}
