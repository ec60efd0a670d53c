import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AnswerRecords, type AnswerRecord } from '../../src/records/answer-records.js';
import { DATABASE_FILE, DatabaseVersionError, MIGRATIONS, openDatabase } from '../../src/records/database.js';
import { tempDir } from '../helpers/paths.js';

const DAY = 86_400_000;
const options = { storeQuestions: true, questionRetentionDays: 30, dataRetentionDays: 365 };

function record(id: string, at: Date, over: Partial<AnswerRecord> = {}): AnswerRecord {
  return {
    id,
    at,
    endpoint: 'chat',
    language: 'zh-Hant',
    mode: 'extractive',
    outcome: 'answered',
    confidence: 0.8,
    citations: [
      { marker: 1, passageId: 'p-aaa', section: '創科界持份者' },
      { marker: 2, passageId: 'p-bbb', section: '創科基建' },
    ],
    question: '數碼港有多少家公司？我的電話是 9123 4567',
    uncovered: [],
    ...over,
  };
}

describe('the records database (SQLite file)', () => {
  it('creates the file, migrates it to the latest version, and reopens without migrating again', () => {
    const dir = tempDir('db');
    const db = openDatabase(path.join(dir, 'nested'));
    expect(fs.existsSync(path.join(dir, 'nested', DATABASE_FILE))).toBe(true);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => (r as { name: string }).name);
    expect(tables).toEqual(['answer_citations', 'answers', 'feedback', 'questions']);
    db.prepare("INSERT INTO answers (id, created_at, endpoint, language, mode, outcome, confidence) VALUES ('a', 1, 'chat', 'en', 'extractive', 'answered', 1)").run();
    db.close();
    const again = openDatabase(path.join(dir, 'nested'));
    expect(again.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 1 });
    again.close();
  });

  it('refuses a database from a newer release, saying so', () => {
    const dir = tempDir('db-newer');
    const raw = new Database(path.join(dir, DATABASE_FILE));
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openDatabase(dir)).toThrow(DatabaseVersionError);
    expect(() => openDatabase(dir)).toThrow(/newer than this program knows/);
  });

  it('enforces outcomes and ratings in the schema', () => {
    const db = openDatabase(tempDir('db-check'));
    expect(() =>
      db.prepare("INSERT INTO answers (id, created_at, endpoint, language, mode, outcome, confidence) VALUES ('a', 1, 'chat', 'en', 'x', 'maybe', 1)").run(),
    ).toThrow(/CHECK constraint/);
    expect(() => db.prepare("INSERT INTO feedback (answer_id, rating, created_at, updated_at) VALUES ('nope', 'up', 1, 1)").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('AnswerRecords', () => {
  it('stores an answer with its citations, and the question redacted when the log is on', () => {
    const records = AnswerRecords.open(tempDir('rec'), options);
    records.record(record('a1', new Date(), { outcome: 'partial', uncovered: ['聯絡 chan@example.hk'] }));
    expect(records.db.prepare('SELECT outcome, confidence FROM answers').all()).toEqual([{ outcome: 'partial', confidence: 0.8 }]);
    expect(records.db.prepare('SELECT marker, passage_id AS p FROM answer_citations ORDER BY marker').all()).toEqual([
      { marker: 1, p: 'p-aaa' },
      { marker: 2, p: 'p-bbb' },
    ]);
    expect(records.db.prepare('SELECT text, uncovered, redactions FROM questions').get()).toEqual({
      text: '數碼港有多少家公司？我的電話是 [PHONE]',
      uncovered: JSON.stringify(['聯絡 [EMAIL]']),
      redactions: 1,
    });
    records.close();
  });

  it('keeps no question text when the log is off (the default)', () => {
    const dir = tempDir('rec-off');
    const records = AnswerRecords.open(dir, { ...options, storeQuestions: false });
    records.record(record('a1', new Date()));
    records.close();
    const raw = fs.readFileSync(path.join(dir, DATABASE_FILE));
    const wal = fs.existsSync(path.join(dir, `${DATABASE_FILE}-wal`)) ? fs.readFileSync(path.join(dir, `${DATABASE_FILE}-wal`)) : Buffer.alloc(0);
    expect(Buffer.concat([raw, wal]).includes(Buffer.from('數碼港有多少家公司'))).toBe(false);
    const db = openDatabase(dir);
    expect(db.prepare('SELECT count(*) AS n FROM questions').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 1 });
    db.close();
  });

  it('stores feedback on a known answer, replaces it on a second vote, and redacts the reason', () => {
    const records = AnswerRecords.open(tempDir('fb'), options);
    records.record(record('a1', new Date()));
    expect(records.feedback({ answerId: 'missing', rating: 'up' })).toBeNull();
    expect(records.feedback({ answerId: 'a1', rating: 'up' })).toEqual({ replaced: false });
    expect(records.feedback({ answerId: 'a1', rating: 'down', reason: '數字過時，請聯絡我 A123456(7)' })).toEqual({ replaced: true });
    expect(records.db.prepare('SELECT rating, reason FROM feedback').all()).toEqual([{ rating: 'down', reason: '數字過時，請聯絡我 [HKID]' }]);
    records.close();
  });

  it('deletes question text and feedback reasons after QUESTION_RETENTION_DAYS, and rows after DATA_RETENTION_DAYS', () => {
    const records = AnswerRecords.open(tempDir('purge'), options);
    const now = new Date('2025-06-01T00:00:00Z');
    const at = (days: number) => new Date(now.getTime() - days * DAY);
    records.record(record('fresh', at(1)));
    records.record(record('month-old', at(31)));
    records.record(record('year-old', at(366)));
    records.feedback({ answerId: 'fresh', rating: 'down', reason: 'fresh reason' }, at(1));
    records.feedback({ answerId: 'month-old', rating: 'down', reason: 'old reason' }, at(31));
    records.feedback({ answerId: 'year-old', rating: 'up' }, at(366));

    expect(records.purge(now)).toEqual({ questions: 2, reasons: 1, answers: 1 });
    const q = records.db;
    expect(q.prepare('SELECT id FROM answers ORDER BY id').all()).toEqual([{ id: 'fresh' }, { id: 'month-old' }]);
    expect(q.prepare('SELECT answer_id AS id FROM questions').all()).toEqual([{ id: 'fresh' }]);
    expect(q.prepare('SELECT answer_id AS id, rating, reason FROM feedback ORDER BY answer_id').all()).toEqual([
      { id: 'fresh', rating: 'down', reason: 'fresh reason' },
      { id: 'month-old', rating: 'down', reason: null },
    ]);
    expect(q.prepare("SELECT count(*) AS n FROM answer_citations WHERE answer_id = 'year-old'").get()).toEqual({ n: 0 });
    expect(records.purge(now)).toEqual({ questions: 0, reasons: 0, answers: 0 });
    records.close();
  });
});
