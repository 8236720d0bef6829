/** Seeded randomness for reproducible sampling: mulberry32, and a seed derived from a name. */
import { fnv1a32 } from '../analyses/text/hash.js';

export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stream of its own for each name (root, dataset), so adding one root does not reshuffle the others. */
export function randomFor(seed: number, name: string): () => number {
  return seededRandom((seed ^ fnv1a32(name)) >>> 0);
}

/** Reservoir sampling (Algorithm R): k items uniformly from a stream of unknown length. */
export class Reservoir<T> {
  readonly items: T[] = [];
  private seen = 0;

  constructor(private readonly size: number, private readonly random: () => number) {}

  offer(item: T): void {
    this.seen++;
    if (this.items.length < this.size) this.items.push(item);
    else {
      const j = Math.floor(this.random() * this.seen);
      if (j < this.size) this.items[j] = item;
    }
  }
}
