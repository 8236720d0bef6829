/** Versioned schema migrations of a project file; `PRAGMA user_version` records the last one applied. */
import type Database from 'better-sqlite3';
import { writeTransaction } from './busy.js';

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
  {
    version: 2,
    description: 'trace runs: runs, run queue, model calls, run events, document extractions; edge flags and human review marks',
    sql: `
      -- Set once a person accepted or rejected the edge: automatic review never changes it again.
      ALTER TABLE edges ADD COLUMN status_by_human INTEGER NOT NULL DEFAULT 0;
      -- Why an edge needs a person besides its confidence: conflicting relations, time order, a two-node cycle.
      CREATE TABLE edge_flags (
        edge_id    INTEGER NOT NULL REFERENCES edges(id) ON DELETE CASCADE,
        flag       TEXT NOT NULL CHECK (flag IN ('relation-conflict', 'upstream-newer', 'back-edge')),
        detail     TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (edge_id, flag)
      );
      CREATE TABLE runs (
        id             INTEGER PRIMARY KEY,
        seeds          TEXT NOT NULL,
        extractor      TEXT NOT NULL,
        -- The run's options as JSON; never an API key.
        settings       TEXT NOT NULL,
        status         TEXT NOT NULL CHECK (status IN ('running', 'paused', 'finished', 'failed')),
        stop_reason    TEXT,
        pid            INTEGER,
        started_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        finished_at    TEXT,
        active_seconds REAL NOT NULL DEFAULT 0
      );
      -- The breadth-first queue: one row per dataset a run reached, so a killed run resumes where it stopped.
      CREATE TABLE run_queue (
        run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        seq         INTEGER NOT NULL,
        dataset_id  TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE ON UPDATE CASCADE,
        depth       INTEGER NOT NULL CHECK (depth >= 0),
        via         TEXT,
        status      TEXT NOT NULL CHECK (status IN ('pending', 'working', 'done', 'skipped', 'failed')),
        outcome     TEXT,
        documents   INTEGER,
        sources     INTEGER,
        new_edges   INTEGER,
        seconds     REAL,
        error       TEXT,
        enqueued_at TEXT NOT NULL,
        finished_at TEXT,
        PRIMARY KEY (run_id, dataset_id)
      );
      CREATE INDEX run_queue_next ON run_queue(run_id, status, depth, seq);
      CREATE TABLE model_calls (
        id                INTEGER PRIMARY KEY,
        run_id            INTEGER REFERENCES runs(id) ON DELETE CASCADE,
        dataset_id        TEXT,
        document_id       INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        purpose           TEXT NOT NULL,
        provider          TEXT NOT NULL,
        model             TEXT NOT NULL,
        request_key       TEXT NOT NULL,
        status            TEXT NOT NULL CHECK (status IN ('ok', 'invalid-reply', 'failed', 'cancelled')),
        attempts          INTEGER NOT NULL,
        prompt_tokens     INTEGER,
        completion_tokens INTEGER,
        seconds           REAL NOT NULL,
        error             TEXT,
        reply             TEXT,
        started_at        TEXT NOT NULL
      );
      CREATE INDEX model_calls_request ON model_calls(request_key, status);
      CREATE INDEX model_calls_run ON model_calls(run_id);
      CREATE TABLE run_events (
        id         INTEGER PRIMARY KEY,
        run_id     INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        at         TEXT NOT NULL,
        level      TEXT NOT NULL CHECK (level IN ('info', 'warning', 'error')),
        kind       TEXT NOT NULL,
        dataset_id TEXT,
        message    TEXT NOT NULL,
        data       TEXT
      );
      CREATE INDEX run_events_run ON run_events(run_id, id);
      -- A document read by an extractor (agent + model + prompt version): a resumed or repeated run does not read it again.
      CREATE TABLE document_extractions (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        extractor   TEXT NOT NULL,
        run_id      INTEGER REFERENCES runs(id) ON DELETE SET NULL,
        sources     INTEGER NOT NULL,
        complete    INTEGER NOT NULL,
        at          TEXT NOT NULL,
        PRIMARY KEY (document_id, extractor)
      );
    `,
  },
  {
    version: 3,
    description: 'documents found by where they were read (relative links between cards, companions of a README) and by their dataset',
    sql: `CREATE INDEX documents_location ON documents(location);
      CREATE INDEX documents_dataset ON documents(dataset_id);`,
  },
  {
    version: 4,
    description: 'sample sketches per dataset; evidence from the data (kind, figures); the data-contradicts flag',
    sql: `
      -- What Rootline keeps of a dataset's sample files (shared/analyses/overlap/), so each is read once:
      -- rebuilt only when the files' size or modification time (the fingerprint) or the settings change.
      CREATE TABLE sample_sketches (
        dataset_id  TEXT PRIMARY KEY REFERENCES datasets(id) ON DELETE CASCADE ON UPDATE CASCADE,
        files       TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        settings    TEXT NOT NULL,
        meta        TEXT NOT NULL,
        queries     BLOB NOT NULL,
        examples    BLOB NOT NULL,
        prompts     BLOB NOT NULL,
        responses   BLOB NOT NULL,
        pairs       BLOB NOT NULL,
        bands       BLOB NOT NULL,
        seconds     REAL NOT NULL,
        built_at    TEXT NOT NULL
      );
      -- Evidence read in a document is a quote; evidence from the data states figures (in quote) and keeps them in data.
      ALTER TABLE evidence ADD COLUMN kind TEXT NOT NULL DEFAULT 'quote' CHECK (kind IN ('quote', 'data'));
      ALTER TABLE evidence ADD COLUMN data TEXT;
      CREATE TABLE edge_flags_new (
        edge_id    INTEGER NOT NULL REFERENCES edges(id) ON DELETE CASCADE,
        flag       TEXT NOT NULL CHECK (flag IN ('relation-conflict', 'upstream-newer', 'back-edge', 'data-contradicts')),
        detail     TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (edge_id, flag)
      );
      INSERT INTO edge_flags_new SELECT edge_id, flag, detail, created_at FROM edge_flags;
      DROP TABLE edge_flags;
      ALTER TABLE edge_flags_new RENAME TO edge_flags;
    `,
  },
  {
    version: 5,
    description: 'node positions of the app’s overview, kept so every load shows the same map',
    sql: `
      CREATE TABLE layout_positions (
        dataset_id TEXT PRIMARY KEY REFERENCES datasets(id) ON DELETE CASCADE ON UPDATE CASCADE,
        x          REAL NOT NULL,
        y          REAL NOT NULL,
        updated_at TEXT NOT NULL
      );
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
    // Another process opening the same new file may have migrated it meanwhile: look again under the lock.
    writeTransaction(db, () => {
      if ((db.pragma('user_version', { simple: true }) as number) >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    });
  }
  return latest;
}
