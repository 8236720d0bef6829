/**
 * Candidates for a near spelling, found without comparing against every name: each name's key is cut
 * into (edits + 1) pieces, and a key within that many edits keeps at least one piece whole (the
 * pigeonhole principle; `candidates` says where very common pieces are skipped), so a query looks up
 * its own substrings of the pieces' lengths. The cost of a query grows with the length of the name and
 * the number of near candidates, not with the number of names.
 */

const COMMON_PIECE = 256;

interface Entry<T> {
  value: T;
  name: string;
  key: string;
}

export class FuzzyIndex<T> {
  private readonly pieces = new Map<string, Array<Entry<T>>>();
  private readonly lengths = new Set<number>();
  private readonly added = new Map<string, Set<T>>();

  /** `threshold` is the similarity (1 − edits / longer length) a candidate may have at the least. */
  constructor(private readonly threshold: number) {}

  add(key: string, name: string, value: T): void {
    if (key.length === 0) return;
    const values = this.added.get(key);
    if (values?.has(value)) return;
    if (values) values.add(value);
    else this.added.set(key, new Set([value]));
    const entry = { value, name, key };
    for (const piece of piecesOf(key, this.maxEdits(key.length))) {
      this.lengths.add(piece.length);
      const list = this.pieces.get(piece);
      if (!list) this.pieces.set(piece, [entry]);
      else if (list[list.length - 1] !== entry) list.push(entry);
    }
  }

  /**
   * Entries whose key may be within the threshold of `key` (each once); the caller checks them. A piece
   * that more than COMMON_PIECE names share ("team" of ten thousand `team-set-N` names) says nothing and
   * is not followed, so a lookup stays bounded however many names look alike. That gives up the pigeonhole
   * guarantee for those names: a near spelling whose only whole piece is so common is missed (a bounded
   * heuristic, chosen over a lookup that grows with the project).
   */
  candidates(key: string): Array<Entry<T>> {
    const seen = new Set<Entry<T>>();
    for (const length of this.lengths) {
      for (let at = 0; at + length <= key.length; at++) {
        const list = this.pieces.get(key.slice(at, at + length));
        if (list && list.length <= COMMON_PIECE) for (const entry of list) seen.add(entry);
      }
    }
    return [...seen];
  }

  /** The most edits a key of this length can be from one within the threshold, counting that the other may be longer. */
  private maxEdits(length: number): number {
    const longest = Math.ceil(length / this.threshold) + 1;
    return Math.floor((1 - this.threshold) * longest + 1e-9);
  }
}

function piecesOf(key: string, edits: number): string[] {
  const count = Math.min(key.length, edits + 1);
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const end = Math.round(((i + 1) * key.length) / count);
    out.push(key.slice(start, end));
    start = end;
  }
  return out;
}
