/**
 * The content owners' database: one SQLite file (better-sqlite3) under DATA_DIR, brought up to date by
 * numbered migrations recorded in SQLite's user_version. A migration is appended, never edited.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export const DATABASE_FILE = 'factsheet-qa.sqlite';

/** Migration n (1-based) takes user_version n-1 to n. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE answers (
     id TEXT PRIMARY KEY,
     created_at INTEGER NOT NULL,              -- ms since the epoch (UTC)
     endpoint TEXT NOT NULL,                   -- chat | openai
     language TEXT NOT NULL,
     mode TEXT NOT NULL,
     outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'declined', 'partial')),
     decline_reason TEXT,
     fallback_reason TEXT,
     confidence REAL NOT NULL,
     follow_up TEXT
   );
   CREATE INDEX answers_created_at ON answers (created_at);
   CREATE TABLE answer_citations (
     answer_id TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
     marker INTEGER NOT NULL,
     passage_id TEXT NOT NULL,
     section TEXT NOT NULL,
     PRIMARY KEY (answer_id, marker)
   );
   CREATE INDEX answer_citations_passage ON answer_citations (passage_id);
   -- Only with STORE_QUESTIONS=true, personal data redacted before the insert.
   CREATE TABLE questions (
     answer_id TEXT PRIMARY KEY REFERENCES answers (id) ON DELETE CASCADE,
     text TEXT NOT NULL,
     uncovered TEXT,                           -- JSON array: parts of the question the answer did not cover
     redactions INTEGER NOT NULL
   );
   CREATE TABLE feedback (
     answer_id TEXT PRIMARY KEY REFERENCES answers (id) ON DELETE CASCADE,
     rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
     reason TEXT,                              -- redacted; cleared after QUESTION_RETENTION_DAYS
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );`,
];

export class DatabaseVersionError extends Error {
  override name = 'DatabaseVersionError';
}

/** Runs the migrations a database has not had yet, each in its own transaction. Returns the version reached. */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new DatabaseVersionError(
      `the database is at schema version ${current}, newer than this program knows (${MIGRATIONS.length}); use a newer release or another DATA_DIR`,
    );
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return MIGRATIONS.length;
}

/** Opens (creating if needed) the database file in `dataDir`, migrated. */
export function openDatabase(dataDir: string, opts: { readonly?: boolean } = {}): Database.Database {
  const file = path.join(dataDir, DATABASE_FILE);
  if (opts.readonly) {
    if (!fs.existsSync(file)) throw new Error(`No database at ${file} (the service creates it when it answers its first question)`);
    const db = new Database(file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== MIGRATIONS.length) {
      db.close();
      throw new DatabaseVersionError(`the database at ${file} is at schema version ${version}, this program reads version ${MIGRATIONS.length}`);
    }
    return db;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(file);
  try {
    // WAL: the report can read while the service writes; NORMAL sync is durable across process crashes.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
