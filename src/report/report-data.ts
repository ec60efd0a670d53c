/**
 * What the content owners' report shows, read from the records database (read-only): questions per
 * day by outcome, most-cited passages, the topics the fact sheet did not answer, and feedback.
 * Days are Hong Kong days (UTC+8, no daylight saving).
 */
import type Database from 'better-sqlite3';
import type { Passage } from '../ingest/types.js';
import { type Topic, genericWords, groupTopics } from './topics.js';

const HK_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export interface DayRow {
  day: string;
  answered: number;
  partial: number;
  declined: number;
  up: number;
  down: number;
}

export interface ReportData {
  generatedAt: string;
  from: string;
  to: string;
  days: number;
  /** Whether any question text was available (STORE_QUESTIONS=true at the time). */
  questionsStored: boolean;
  totals: { answers: number; answered: number; partial: number; declined: number; up: number; down: number };
  perDay: DayRow[];
  languages: Array<{ language: string; count: number }>;
  declineReasons: Array<{ reason: string; count: number }>;
  mostCited: Array<{ passageId: string; section: string; count: number; text: string | null }>;
  declinedTopics: Topic[];
  /** Down-voted answers, most recent first: the reason and (when stored) the question. */
  downVoted: Array<{ at: string; outcome: string; reason: string | null; question: string | null; cited: string[] }>;
}

export function hkDay(ms: number): string {
  return new Date(ms + HK_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight (Hong Kong) of the day `ms` falls in, as epoch ms. */
function hkMidnight(ms: number): number {
  return Math.floor((ms + HK_OFFSET_MS) / DAY_MS) * DAY_MS - HK_OFFSET_MS;
}

export interface ReportOptions {
  /** How many days back, today included. */
  days: number;
  now?: Date;
  /** The index's passages: their text for the most-cited list and corpus word frequencies for topics. */
  passages?: readonly Passage[];
  topCited?: number;
}

export function collectReport(db: Database.Database, opts: ReportOptions): ReportData {
  const now = (opts.now ?? new Date()).getTime();
  const start = hkMidnight(now) - (opts.days - 1) * DAY_MS;
  const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];

  const perDay = new Map<string, DayRow>();
  for (let t = start; t <= now; t += DAY_MS) perDay.set(hkDay(t), { day: hkDay(t), answered: 0, partial: 0, declined: 0, up: 0, down: 0 });
  for (const r of all<{ created_at: number; outcome: 'answered' | 'partial' | 'declined' }>('SELECT created_at, outcome FROM answers WHERE created_at >= ?', start)) {
    const row = perDay.get(hkDay(r.created_at));
    if (row) row[r.outcome]++;
  }
  for (const r of all<{ updated_at: number; rating: 'up' | 'down' }>('SELECT updated_at, rating FROM feedback WHERE updated_at >= ?', start)) {
    const row = perDay.get(hkDay(r.updated_at));
    if (row) row[r.rating]++;
  }
  const days = [...perDay.values()];
  const sum = (k: keyof Omit<DayRow, 'day'>) => days.reduce((n, d) => n + d[k], 0);

  const byId = new Map((opts.passages ?? []).map((p) => [p.id, p]));
  const mostCited = all<{ passage_id: string; section: string; n: number }>(
    `SELECT c.passage_id, c.section, count(*) AS n FROM answer_citations c JOIN answers a ON a.id = c.answer_id
     WHERE a.created_at >= ? GROUP BY c.passage_id ORDER BY n DESC, c.passage_id LIMIT ?`,
    start,
    opts.topCited ?? 10,
  ).map((r) => ({ passageId: r.passage_id, section: r.section, count: r.n, text: byId.get(r.passage_id)?.text ?? null }));

  // What the fact sheet did not answer: declined questions (not covered) and the uncovered parts of partial answers.
  const gaps: string[] = [];
  for (const r of all<{ outcome: string; text: string; uncovered: string | null }>(
    `SELECT a.outcome, q.text, q.uncovered FROM questions q JOIN answers a ON a.id = q.answer_id
     WHERE a.created_at >= ? AND (a.decline_reason = 'not_covered' OR a.outcome = 'partial') ORDER BY a.created_at DESC`,
    start,
  )) {
    if (r.outcome === 'partial' && r.uncovered) gaps.push(...(JSON.parse(r.uncovered) as string[]));
    else gaps.push(r.text);
  }
  const generic = genericWords([...byId.values()].map((p) => p.text));
  const questionsStored = (all<{ n: number }>('SELECT count(*) AS n FROM questions q JOIN answers a ON a.id = q.answer_id WHERE a.created_at >= ?', start)[0]?.n ?? 0) > 0;

  const downVoted = all<{ updated_at: number; outcome: string; reason: string | null; text: string | null; cited: string | null }>(
    `SELECT f.updated_at, a.outcome, f.reason, q.text,
            (SELECT group_concat(section, ' | ') FROM (SELECT DISTINCT section FROM answer_citations WHERE answer_id = a.id)) AS cited
     FROM feedback f JOIN answers a ON a.id = f.answer_id LEFT JOIN questions q ON q.answer_id = a.id
     WHERE f.rating = 'down' AND f.updated_at >= ? ORDER BY f.updated_at DESC LIMIT 20`,
    start,
  ).map((r) => ({ at: new Date(r.updated_at).toISOString(), outcome: r.outcome, reason: r.reason, question: r.text, cited: r.cited ? r.cited.split(' | ') : [] }));

  return {
    generatedAt: new Date(now).toISOString(),
    from: hkDay(start),
    to: hkDay(now),
    days: opts.days,
    questionsStored,
    totals: { answers: sum('answered') + sum('partial') + sum('declined'), answered: sum('answered'), partial: sum('partial'), declined: sum('declined'), up: sum('up'), down: sum('down') },
    perDay: days,
    languages: all<{ language: string; n: number }>('SELECT language, count(*) AS n FROM answers WHERE created_at >= ? GROUP BY language ORDER BY n DESC', start).map((r) => ({
      language: r.language,
      count: r.n,
    })),
    declineReasons: all<{ reason: string; n: number }>(
      "SELECT coalesce(decline_reason, 'other') AS reason, count(*) AS n FROM answers WHERE outcome = 'declined' AND created_at >= ? GROUP BY reason ORDER BY n DESC",
      start,
    ).map((r) => ({ reason: r.reason, count: r.n })),
    mostCited,
    declinedTopics: groupTopics(gaps, generic),
    downVoted,
  };
}
