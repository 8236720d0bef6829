/** Where each dataset sits on the app's overview map, so every load shows the same picture. */
import type Database from 'better-sqlite3';

export class PositionStore {
  constructor(private readonly db: Database.Database, private readonly now: () => string) {}

  all(): Array<[string, number, number]> {
    return this.db.prepare<[], { id: string; x: number; y: number }>('SELECT dataset_id AS id, x, y FROM layout_positions ORDER BY dataset_id').all().map((r) => [r.id, r.x, r.y]);
  }

  /** Sets the given datasets' positions (others keep theirs); unknown datasets are skipped. Returns how many were saved. */
  save(positions: Array<[string, number, number]>): number {
    const upsert = this.db.prepare(
      `INSERT INTO layout_positions (dataset_id, x, y, updated_at) SELECT id, ?, ?, ? FROM datasets WHERE id = ?
       ON CONFLICT (dataset_id) DO UPDATE SET x = excluded.x, y = excluded.y, updated_at = excluded.updated_at`,
    );
    const now = this.now();
    return this.db.transaction(() => positions.reduce((saved, [id, x, y]) => saved + upsert.run(x, y, now, id).changes, 0))();
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM layout_positions').get() as { n: number }).n;
  }
}
