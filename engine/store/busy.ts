/**
 * Two processes writing one project (two ingests, an import beside the app): SQLite allows one writer at
 * a time. Every write transaction starts with BEGIN IMMEDIATE, so it takes the write lock before it reads
 * and a reader cannot turn into a writer on a stale snapshot (SQLITE_BUSY_SNAPSHOT, which no busy
 * timeout helps); while another process holds the lock, SQLite's busy timeout waits, and past it the
 * BEGIN (or a COMMIT, which then stays open) is retried with backoff up to a generous bound.
 */
import type Database from 'better-sqlite3';

/** How long SQLite itself waits for a lock on each statement (better-sqlite3's `timeout`). */
export const BUSY_TIMEOUT_MS = 30_000;

export interface RetryPolicy {
  /** Give up after this long in all (the other writer is stuck or holds the lock for far too long). */
  totalMs: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

export const WRITE_RETRY: RetryPolicy = { totalMs: 10 * 60_000, firstDelayMs: 25, maxDelayMs: 1_000 };

/** SQLITE_BUSY and its extended codes (…_SNAPSHOT, …_RECOVERY, …_TIMEOUT), and SQLITE_LOCKED. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/**
 * Runs `work` in one write transaction: all of it lands, or none of it. Nested in another transaction
 * it is a savepoint of that one. `work` runs once: only the BEGIN and the COMMIT are retried.
 */
export function writeTransaction<T>(db: Database.Database, work: () => T, policy: RetryPolicy = WRITE_RETRY): T {
  if (db.inTransaction) return db.transaction(work)();
  const { begin, commit, rollback } = statements(db);
  retryWhileBusy(() => begin.run(), policy);
  try {
    const result = work();
    if (result && typeof (result as { then?: unknown }).then === 'function') throw new TypeError('a write transaction cannot wait for a promise');
    // A COMMIT that finds the database busy leaves the transaction open, so it can be tried again.
    retryWhileBusy(() => commit.run(), policy);
    return result;
  } catch (error) {
    if (db.inTransaction) rollback.run();
    throw error;
  }
}

/** Runs `step` until it does not fail with SQLITE_BUSY, sleeping with exponential backoff in between. */
export function retryWhileBusy<T>(step: () => T, policy: RetryPolicy = WRITE_RETRY): T {
  const start = Date.now();
  let delay = policy.firstDelayMs;
  for (;;) {
    try {
      return step();
    } catch (error) {
      if (!isBusy(error) || Date.now() - start + delay > policy.totalMs) throw error;
      sleep(delay + Math.random() * delay);
      delay = Math.min(delay * 2, policy.maxDelayMs);
    }
  }
}

const cached = new WeakMap<Database.Database, Record<'begin' | 'commit' | 'rollback', Database.Statement>>();

function statements(db: Database.Database) {
  let found = cached.get(db);
  if (!found) {
    found = { begin: db.prepare('BEGIN IMMEDIATE'), commit: db.prepare('COMMIT'), rollback: db.prepare('ROLLBACK') };
    cached.set(db, found);
  }
  return found;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** better-sqlite3 is synchronous, and so is the wait between attempts. */
function sleep(ms: number): void {
  Atomics.wait(pause, 0, 0, ms);
}
