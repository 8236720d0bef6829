/**
 * One-permutation MinHash (Li, Owen and Zhang 2012) with optimal densification (Shrivastava 2017), cut into LSH bands. Each shingle is hashed once and kept as the minimum of the bin its hash
 * falls in, so a signature costs one hash per shingle instead of one per shingle and permutation: cheap
 * enough to give every record of a large dataset its band keys. Two texts share a band key with
 * probability about Jᵣ (J their shingles' Jaccard similarity, r the rows per band).
 */
import { mix32 } from '../text/hash.js';

export interface BandOptions {
  bands: number;
  rows: number;
}

const SEED = 0x3c6ef372;
const PROBE = 0x9e3779b9;
const PROBES = 64;

export class BandHasher {
  readonly bins: number;
  private readonly mins: Uint32Array;
  private readonly filled: Uint8Array;

  /** The first PROBES bins each empty bin tries, and each band's seed: the same for every text, so computed once. */
  private readonly probes: Uint16Array;
  private readonly seeds: Uint32Array;

  constructor(readonly options: BandOptions) {
    this.bins = options.bands * options.rows;
    this.mins = new Uint32Array(this.bins);
    this.filled = new Uint8Array(this.bins);
    this.probes = new Uint16Array(this.bins * PROBES);
    for (let bin = 0; bin < this.bins; bin++) for (let attempt = 1; attempt <= PROBES; attempt++) this.probes[bin * PROBES + attempt - 1] = this.probe(bin, attempt);
    this.seeds = Uint32Array.from({ length: options.bands }, (_, band) => mix32(Math.imul(band + 1, 0x85ebca6b)));
  }

  private probe(bin: number, attempt: number): number {
    return mix32(Math.imul(bin + 1, PROBE) ^ attempt) % this.bins;
  }

  /**
   * Writes one key per band for the shingle hashes `shingles[0..count)` into `out`; returns false (and
   * writes nothing) when there is no shingle.
   */
  bandKeys(shingles: Int32Array, count: number, out: Uint32Array): boolean {
    if (count === 0) return false;
    const { bins, mins, filled, probes } = this;
    filled.fill(0);
    for (let i = 0; i < count; i++) {
      // One hash per shingle: its high bits choose the bin, the whole value competes for the bin's minimum.
      const value = mix32(shingles[i]! ^ SEED);
      const bin = ((value >>> 16) * bins) >>> 16;
      if (!filled[bin] || value < mins[bin]!) {
        mins[bin] = value;
        filled[bin] = 1;
      }
    }
    // An empty bin borrows the minimum of a filled bin chosen by a hash of (bin, attempt), the same for
    // every text: unlike borrowing from a neighbour, bins then match about as independently as real
    // permutations would, which banding needs.
    for (let bin = 0; bin < bins; bin++) {
      if (filled[bin]) continue;
      for (let attempt = 1; ; attempt++) {
        const from = attempt <= PROBES ? probes[bin * PROBES + attempt - 1]! : this.probe(bin, attempt);
        if (filled[from]) {
          mins[bin] = mins[from]!;
          break;
        }
      }
    }
    // A band takes bins far apart (band, band + bands, …), so that one long stretch of empty bins cannot fill a whole band.
    const { bands, rows } = this.options;
    for (let band = 0; band < bands; band++) {
      let h = this.seeds[band]!;
      for (let row = 0; row < rows; row++) h = Math.imul(h ^ mins[row * bands + band]!, 0x9e3779b1) + row;
      out[band] = mix32(h >>> 0);
    }
    return true;
  }
}
