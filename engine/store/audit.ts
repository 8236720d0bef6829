/** The append-only log of every human change (SQLite triggers refuse updates and deletes). */
import type Database from 'better-sqlite3';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

export class AuditLog {
  private readonly insert;

  constructor(private readonly db: Database.Database, private readonly now: () => string) {
    this.insert = db.prepare('INSERT INTO audit_log (at, actor, action, target, before, after) VALUES (?, ?, ?, ?, ?, ?)');
  }

  record(entry: { actor: string; action: string; target: string; before?: unknown; after?: unknown }): void {
    this.insert.run(this.now(), entry.actor, entry.action, entry.target, json(entry.before), json(entry.after));
  }

  entries(): AuditEntry[] {
    const rows = this.db
      .prepare<[], { id: number; at: string; actor: string; action: string; target: string; before: string | null; after: string | null }>(
        'SELECT * FROM audit_log ORDER BY id',
      )
      .all();
    return rows.map((row) => ({ ...row, before: parse(row.before), after: parse(row.after) }));
  }
}

function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

function parse(value: string | null): unknown {
  return value === null ? null : JSON.parse(value);
}
