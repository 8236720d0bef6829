/** Versioned schema migrations of a project file; `PRAGMA user_version` records the last one applied. */
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'datasets, aliases, domains, documents, edges, evidence, audit log',
    sql: `
      CREATE TABLE datasets (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL,
        kind         TEXT NOT NULL DEFAULT 'dataset' CHECK (kind IN ('dataset', 'benchmark')),
        release_date TEXT,
        license      TEXT,
        size         TEXT,
        summary      TEXT,
        data_type    TEXT CHECK (data_type IN ('synthetic', 'manual')),
        visibility   TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('private', 'public')),
        languages    TEXT NOT NULL DEFAULT '[]',
        creators     TEXT NOT NULL DEFAULT '[]',
        url          TEXT,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      );
      -- One alias key names one dataset: this is what makes many spellings one node.
      CREATE TABLE dataset_aliases (
        alias_key  TEXT PRIMARY KEY,
        alias      TEXT NOT NULL,
        dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE ON UPDATE CASCADE,
        -- A weak alias is the short name of a hub id ("gsm8k" for openai/gsm8k): it resolves bare
        -- names only, and a strong alias (a name someone wrote for this dataset) replaces it.
        weak       INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX dataset_aliases_dataset ON dataset_aliases(dataset_id);
      CREATE TABLE dataset_domains (
        dataset_id TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE ON UPDATE CASCADE,
        domain     TEXT NOT NULL CHECK (length(domain) > 0),
        PRIMARY KEY (dataset_id, domain)
      );
      CREATE INDEX dataset_domains_domain ON dataset_domains(domain);
      CREATE TABLE documents (
        id          INTEGER PRIMARY KEY,
        location    TEXT NOT NULL,
        sha256      TEXT NOT NULL UNIQUE,
        kind        TEXT NOT NULL CHECK (kind IN ('card', 'readme', 'paper', 'blog', 'other')),
        text        TEXT NOT NULL,
        dataset_id  TEXT REFERENCES datasets(id) ON DELETE SET NULL ON UPDATE CASCADE,
        ingested_at TEXT NOT NULL
      );
      CREATE TABLE edges (
        id         INTEGER PRIMARY KEY,
        upstream   TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE ON UPDATE CASCADE,
        downstream TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE ON UPDATE CASCADE,
        relation   TEXT NOT NULL CHECK (relation IN ('Semantic Evolution', 'CoT Distillation', 'Synthetic Generation', 'Structured Fusion', 'Direct Inclusion/Subset')),
        confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
        status     TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'rejected')),
        -- Set once a person chose the relation: later evidence no longer changes it.
        relation_by_human INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (upstream, downstream)
      );
      CREATE INDEX edges_downstream ON edges(downstream);
      CREATE TABLE evidence (
        id          INTEGER PRIMARY KEY,
        edge_id     INTEGER NOT NULL REFERENCES edges(id) ON DELETE CASCADE,
        document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        origin      TEXT,
        quote       TEXT NOT NULL,
        start       INTEGER,
        end         INTEGER,
        agent       TEXT NOT NULL,
        model       TEXT,
        relation    TEXT NOT NULL,
        confidence  REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
        created_at  TEXT NOT NULL
      );
      -- The same finding read twice (re-ingest, re-import) adds nothing.
      CREATE UNIQUE INDEX evidence_once ON evidence(edge_id, ifnull(document_id, -1), ifnull(origin, ''), ifnull(start, -1), quote, agent);
      CREATE TABLE audit_log (
        id     INTEGER PRIMARY KEY,
        at     TEXT NOT NULL,
        actor  TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        before TEXT,
        after  TEXT
      );
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** Applies every migration newer than the file's version, each in its own transaction. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new Error(`the project file has schema version ${current}, newer than this Rootline understands (${latest}); update Rootline`);
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return latest;
}
