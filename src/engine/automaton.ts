/**
 * An Aho-Corasick automaton compiled to a full transition table (a DFA):
 * every pattern is found in one left-to-right pass, one table lookup per
 * character, whatever the number of patterns.
 */

export interface AutomatonMatch {
  /** Index of the pattern in the list given to the constructor. */
  readonly pattern: number;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

/** Reusable storage for the matches of one scan: pattern index and end offset per match. */
export class MatchBuffer {
  patterns = new Int32Array(1024);
  ends = new Int32Array(1024);
  count = 0;

  push(pattern: number, end: number): void {
    if (this.count === this.patterns.length) this.grow();
    this.patterns[this.count] = pattern;
    this.ends[this.count] = end;
    this.count++;
  }

  /** Twice the room, the matches kept. */
  grow(): void {
    const patterns = new Int32Array(this.patterns.length * 2);
    patterns.set(this.patterns);
    const ends = new Int32Array(this.ends.length * 2);
    ends.set(this.ends);
    this.patterns = patterns;
    this.ends = ends;
  }

  /** Room for `capacity` matches in all. */
  reserve(capacity: number): void {
    while (this.patterns.length < capacity) this.grow();
  }
}

/** Code units per call of scanChunk. */
const SCAN_CHUNK = 1 << 14;
const FIRST_SCAN_CHUNK = 1 << 9;

export class Automaton {
  /** Character code → alphabet class; class 0 is "not in any pattern". */
  private readonly classOf: Uint16Array;
  private readonly classCount: number;
  /** First pattern ending in a state, or -1. */
  private readonly output: Int32Array;
  /** Next pattern ending in the same state (same-state chain), or -1. */
  private readonly outputNext: Int32Array;
  /** Nearest state on the failure chain that has output, or -1. */
  private readonly dictLink: Int32Array;
  /** The state itself when it has output, else its dictionary link: one lookup per character. */
  private readonly firstOutput: Int32Array;
  /**
   * The transitions (states × classCount) as row offsets (state × classCount),
   * so the scan needs no multiplication; a target state with output is stored
   * as ~offset (negative).
   */
  private readonly rows: Int32Array;
  readonly lengths: Int32Array;
  readonly stateCount: number;
  /** The most patterns that end at one position (a state's output and its dictionary links). */
  private readonly maxOutputs: number;

  constructor(patterns: readonly string[]) {
    const classOf = new Uint16Array(0x10000);
    let classCount = 1;
    for (const p of patterns) {
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        if (classOf[c] === 0) classOf[c] = classCount++;
      }
    }
    this.classOf = classOf;
    this.classCount = classCount;
    this.lengths = Int32Array.from(patterns, (p) => p.length);

    // 1. Trie with growable arrays; each state's children kept as a list (first child, next sibling).
    let capacity = 1024;
    let trie = new Int32Array(capacity * classCount).fill(-1);
    let output = new Int32Array(capacity).fill(-1);
    const outputNextList = new Int32Array(patterns.length).fill(-1);
    const firstChild: number[] = [-1];
    const nextSibling: number[] = [-1];
    const classIn: number[] = [0];
    let states = 1;
    patterns.forEach((p, index) => {
      if (p.length === 0) throw new Error('leeg patroon');
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const cls = classOf[p.charCodeAt(i)];
        let next = trie[s * classCount + cls];
        if (next < 0) {
          if (states === capacity) {
            capacity *= 2;
            const d = new Int32Array(capacity * classCount).fill(-1);
            d.set(trie);
            trie = d;
            const o = new Int32Array(capacity).fill(-1);
            o.set(output);
            output = o;
          }
          next = states++;
          trie[s * classCount + cls] = next;
          firstChild.push(-1);
          nextSibling.push(firstChild[s]);
          classIn.push(cls);
          firstChild[s] = next;
        }
        s = next;
      }
      outputNextList[index] = output[s];
      output[s] = index;
    });
    output = output.subarray(0, states);

    // 2. Failure links, breadth first, turned into full transitions: a state's row is the row of its
    // failure state (shallower, so complete already; copied whole) with its own children on top.
    const rows = new Int32Array(states * classCount);
    const fail = new Int32Array(states);
    const dictLink = new Int32Array(states).fill(-1);
    const firstOutput = new Int32Array(states).fill(-1);
    const queue = new Int32Array(states);
    let tail = 0;
    const enter = (parent: number, child: number, failure: number): void => {
      fail[child] = failure;
      dictLink[child] = output[failure] >= 0 ? failure : dictLink[failure];
      firstOutput[child] = output[child] >= 0 ? child : dictLink[child];
      rows[parent * classCount + classIn[child]] = firstOutput[child] >= 0 ? ~(child * classCount) : child * classCount;
      queue[tail++] = child;
    };
    // The root's row leads back to the root, but for its children.
    for (let c = firstChild[0]; c >= 0; c = nextSibling[c]) enter(0, c, 0);
    for (let head = 0; head < tail; head++) {
      const s = queue[head];
      const f = fail[s];
      rows.copyWithin(s * classCount, f * classCount, (f + 1) * classCount);
      for (let c = firstChild[s]; c >= 0; c = nextSibling[c]) {
        const viaFailure = rows[f * classCount + classIn[c]];
        enter(s, c, (viaFailure < 0 ? ~viaFailure : viaFailure) / classCount);
      }
    }
    this.rows = rows;
    this.output = output;
    this.outputNext = outputNextList;
    this.dictLink = dictLink;
    this.firstOutput = firstOutput;
    this.stateCount = states;
    let maxOutputs = 0;
    for (let s = 0; s < states; s++) {
      let n = 0;
      for (let t = firstOutput[s]; t >= 0; t = dictLink[t]) for (let p = output[t]; p >= 0; p = outputNextList[p]) n++;
      maxOutputs = Math.max(maxOutputs, n);
    }
    this.maxOutputs = maxOutputs;
  }

  /** Every match in the first `length` code units of `codes`, in order of their end. */
  scanInto(codes: Uint16Array, length: number, into: MatchBuffer): void {
    into.count = 0;
    let row = 0;
    // In chunks: a function that returns now and then is compiled again soon after a case it had not
    // seen, where a single long loop would run on in the interpreter (see foldedText.ts).
    // The first chunk is short: the function has run to its end once before it is compiled.
    let chunk = FIRST_SCAN_CHUNK;
    for (let from = 0; from < length; from += chunk, chunk = SCAN_CHUNK) {
      const to = Math.min(length, from + chunk);
      // Room for every match the chunk can have, so that the loop itself never needs more.
      into.reserve(into.count + (to - from) * this.maxOutputs);
      row = this.scanChunk(codes, from, to, row, into);
    }
  }

  /** Scans codes [from, to) from the transition row `row`; returns the row it ends in. */
  private scanChunk(codes: Uint16Array, from: number, to: number, row: number, into: MatchBuffer): number {
    const { classOf, classCount, rows, output, outputNext, dictLink, firstOutput } = this;
    // The match storage written here directly (a call per match shows in a scan with many matches);
    // scanInto made room for all of them.
    const { patterns, ends } = into;
    let count = into.count;
    for (let i = from; i < to; i++) {
      row = rows[row + classOf[codes[i]]];
      if (row < 0) {
        row = ~row;
        for (let t = firstOutput[row / classCount]; t >= 0; t = dictLink[t]) {
          for (let p = output[t]; p >= 0; p = outputNext[p]) {
            patterns[count] = p;
            ends[count] = i + 1;
            count++;
          }
        }
      }
    }
    into.count = count;
    return row;
  }

  /** Calls `onMatch` for every occurrence of every pattern in `text`. */
  scan(text: string, onMatch: (pattern: number, start: number, end: number) => void): void {
    const { classOf, classCount, rows, output, outputNext, dictLink, lengths, firstOutput } = this;
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      row = rows[row + classOf[text.charCodeAt(i)]];
      if (row >= 0) continue;
      row = ~row;
      for (let t = firstOutput[row / classCount]; t >= 0; t = dictLink[t]) {
        for (let p = output[t]; p >= 0; p = outputNext[p]) onMatch(p, i + 1 - lengths[p], i + 1);
      }
    }
  }

  /** All matches as a list (convenience for small texts and tests). */
  matches(text: string): AutomatonMatch[] {
    const out: AutomatonMatch[] = [];
    this.scan(text, (pattern, start, end) => out.push({ pattern, start, end }));
    return out;
  }
}
