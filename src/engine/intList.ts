/** A growable list of 32-bit integers in a typed array, reused from one scan to the next. */
export class IntList {
  values: Int32Array;
  count = 0;

  constructor(capacity = 256) {
    this.values = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.count === this.values.length) {
      const grown = new Int32Array(this.count * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = value;
  }

  clear(): void {
    this.count = 0;
  }
}
