/** Opens a `.rootline` project file: WAL, foreign keys, a busy timeout for a second writer, migrations. */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { UserError } from '../../shared/errors.js';
import { migrate } from './migrations.js';
import { BUSY_TIMEOUT_MS } from './busy.js';

export interface OpenOptions {
  /** Refuse to create the file when it does not exist. */
  mustExist?: boolean;
  readonly?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  if ((options.mustExist || options.readonly) && file !== ':memory:' && !existsSync(file)) {
    throw new UserError('no such project file (create it with `rootline ingest` or `rootline import`)', file);
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.mustExist ?? false, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new UserError(`cannot open the project file: ${(error as Error).message}`, file);
  }
  try {
    db.pragma('foreign_keys = ON');
    assertRootlineFile(db);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db);
    }
  } catch (error) {
    db.close();
    if (error instanceof UserError) throw error;
    const message = (error as Error).message;
    throw new UserError(/file is not a database|not a Rootline/.test(message) ? 'not a Rootline project file' : message, file);
  }
  return db;
}

/** 'Root' in ASCII: marks a SQLite file as a Rootline project. */
export const APPLICATION_ID = 0x526f6f74;

/** Refuses another program's SQLite file rather than adding Rootline's tables to it. */
function assertRootlineFile(db: Database.Database): void {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
  if (applicationId === APPLICATION_ID) return;
  if (applicationId !== 0 || version !== 0 || tables > 0) throw new Error('not a Rootline project (another program\'s SQLite file)');
  db.pragma(`application_id = ${APPLICATION_ID}`);
}
