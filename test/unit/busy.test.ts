/** Write transactions under a second writer: BEGIN IMMEDIATE, retried while busy up to a bound, `work` run once. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBusy, writeTransaction } from '../../engine/store/busy.js';
import { tempDir } from '../helpers/temp.js';

describe('writeTransaction', () => {
  const file = join(tempDir('rootline-busy-'), 'busy.db');
  const open = () => {
    const db = new Database(file, { timeout: 20 });
    db.pragma('journal_mode = WAL');
    return db;
  };
  const setup = open();
  setup.exec('CREATE TABLE IF NOT EXISTS t (v INTEGER)');

  it('takes the write lock before running: while another connection writes, it waits and gives up at its bound without running', () => {
    const other = open();
    const mine = open();
    other.exec('BEGIN IMMEDIATE');
    let runs = 0;
    const started = Date.now();
    let error: unknown;
    try {
      writeTransaction(mine, () => runs++, { totalMs: 300, firstDelayMs: 10, maxDelayMs: 50 });
    } catch (e) {
      error = e;
    }
    expect(isBusy(error)).toBe(true);
    expect(runs).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    other.exec('ROLLBACK');
    expect(writeTransaction(mine, () => (mine.prepare('INSERT INTO t VALUES (1)').run(), ++runs))).toBe(1);
    expect(setup.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
  });

  it('rolls everything back when work throws, and nests as a savepoint', () => {
    const db = open();
    expect(() =>
      writeTransaction(db, () => {
        db.prepare('INSERT INTO t VALUES (2)').run();
        writeTransaction(db, () => db.prepare('INSERT INTO t VALUES (3)').run());
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(db.inTransaction).toBe(false);
    expect(db.prepare('SELECT count(*) AS n FROM t WHERE v IN (2, 3)').get()).toEqual({ n: 0 });
  });
});
