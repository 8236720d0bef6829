/**
 * Template lines — a system prompt, "Answer the question below" — put the same shingles into every
 * record of a dataset; left in, they fill most MinHash bins, so band keys end up resting on one or two
 * words of the actual question and unrelated sets with the same template look near. The shingles found
 * in at least `share` of a file's first records (its warm-up) are left out of the band keys of that
 * dataset; common word pairs go with them, as stop words would.
 */
export class TemplateShingles {
  private readonly counts = new Map<number, number>();
  private readonly stop = new Set<number>();
  private filter = new Uint32Array(2048);
  private observed = 0;
  warming = true;

  constructor(private readonly warmup: number, private readonly share: number, private readonly atLeast = 10) {}

  /** A new file may bring its own template: watch its first records again. */
  startFile(): void {
    this.counts.clear();
    this.observed = 0;
    this.warming = true;
  }

  /** Counts a warm-up record's distinct shingles; returns true once the warm-up is complete. */
  observe(shingles: Int32Array, count: number): boolean {
    const distinct = new Set<number>();
    for (let i = 0; i < count; i++) distinct.add(shingles[i]!);
    for (const s of distinct) this.counts.set(s, (this.counts.get(s) ?? 0) + 1);
    this.observed++;
    return this.observed >= this.warmup;
  }

  /** Ends the warm-up: the shingles seen often enough join the template set. */
  settle(): void {
    if (!this.warming) return;
    const min = Math.max(this.atLeast, Math.ceil(this.share * this.observed));
    for (const [s, n] of this.counts) if (n >= min) this.stop.add(s);
    this.counts.clear();
    this.warming = false;
    this.filter = new Uint32Array(Math.max(2048, this.stop.size * 4));
    for (const s of this.stop) {
      const b = (s >>> 0) % (this.filter.length * 32);
      this.filter[b >>> 5]! |= 1 << (b & 31);
    }
  }

  /** Copies the shingles that are not template into `out`; returns how many. */
  keep(shingles: Int32Array, count: number, out: Int32Array): number {
    const bits = this.filter.length * 32;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const s = shingles[i]!;
      const b = (s >>> 0) % bits;
      if (this.filter[b >>> 5]! & (1 << (b & 31)) && this.stop.has(s)) continue;
      out[kept++] = s;
    }
    return kept;
  }
}
