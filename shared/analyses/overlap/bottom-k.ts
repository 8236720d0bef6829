/**
 * The k items with the smallest distinct keys of a stream (the first one seen wins a tie). Keys are
 * uniform hashes, so this is a uniform sample of the distinct values — and the same values are chosen
 * in every dataset that has them, which is what lets two datasets' samples be compared.
 */
export class BottomK<T extends { key: number }> {
  private items: T[] = [];
  private limit = Infinity;

  constructor(private readonly k: number) {}

  /** Whether an item with this key could still be kept (check before building the item). */
  wants(key: number): boolean {
    return key < this.limit;
  }

  offer(item: T): void {
    if (item.key >= this.limit) return;
    this.items.push(item);
    if (this.items.length >= this.k * 2) this.cut();
  }

  finish(): T[] {
    this.cut();
    return this.items;
  }

  private cut(): void {
    // A stable sort keeps the first occurrence of a key ahead of later ones.
    const sorted = this.items.sort((a, b) => a.key - b.key);
    const kept: T[] = [];
    for (const item of sorted) if (kept.length === 0 || kept[kept.length - 1]!.key !== item.key) kept.push(item);
    if (kept.length > this.k) {
      this.limit = kept[this.k]!.key;
      kept.length = this.k;
    }
    this.items = kept;
  }
}
