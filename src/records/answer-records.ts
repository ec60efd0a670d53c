/**
 * What the service keeps for the content owners: one row per answer (outcome, language, cited
 * passages — never the question unless STORE_QUESTIONS is on, and then redacted), feedback on answers,
 * and the retention that deletes old rows.
 */
import type Database from 'better-sqlite3';
import type { Rating } from '../contract/feedback.js';
import { openDatabase } from './database.js';
import type { Outcome } from './outcome.js';
import { redactPersonalData } from './redact.js';

export interface AnswerRecord {
  id: string;
  at: Date;
  endpoint: 'chat' | 'openai';
  language: string;
  mode: string;
  outcome: Outcome;
  declineReason?: string;
  fallbackReason?: string;
  confidence: number;
  followUp?: string;
  citations: Array<{ marker: number; passageId: string; section: string }>;
  /** The user's question: stored (redacted) only when question storage is on. */
  question: string;
  /** Parts of the question the answer did not cover (stored with the question). */
  uncovered: string[];
}

export interface RecordsOptions {
  storeQuestions: boolean;
  /** Days free text (questions, feedback reasons) is kept. */
  questionRetentionDays: number;
  /** Days answer rows and feedback are kept. */
  dataRetentionDays: number;
}

const DAY_MS = 86_400_000;

export class AnswerRecords {
  private readonly insertAnswer: Database.Statement;
  private readonly insertCitation: Database.Statement;
  private readonly insertQuestion: Database.Statement;
  private readonly upsertFeedback: Database.Statement;
  private readonly findAnswer: Database.Statement;
  private readonly findFeedback: Database.Statement;

  constructor(
    readonly db: Database.Database,
    readonly options: RecordsOptions,
  ) {
    this.insertAnswer = db.prepare(
      `INSERT INTO answers (id, created_at, endpoint, language, mode, outcome, decline_reason, fallback_reason, confidence, follow_up)
       VALUES (@id, @createdAt, @endpoint, @language, @mode, @outcome, @declineReason, @fallbackReason, @confidence, @followUp)`,
    );
    this.insertCitation = db.prepare('INSERT INTO answer_citations (answer_id, marker, passage_id, section) VALUES (?, ?, ?, ?)');
    this.insertQuestion = db.prepare('INSERT INTO questions (answer_id, text, uncovered, redactions) VALUES (?, ?, ?, ?)');
    this.upsertFeedback = db.prepare(
      `INSERT INTO feedback (answer_id, rating, reason, created_at, updated_at) VALUES (@answerId, @rating, @reason, @now, @now)
       ON CONFLICT (answer_id) DO UPDATE SET rating = excluded.rating, reason = excluded.reason, updated_at = excluded.updated_at`,
    );
    this.findAnswer = db.prepare('SELECT 1 FROM answers WHERE id = ?');
    this.findFeedback = db.prepare('SELECT 1 FROM feedback WHERE answer_id = ?');
  }

  static open(dataDir: string, options: RecordsOptions): AnswerRecords {
    return new AnswerRecords(openDatabase(dataDir), options);
  }

  /** Stores one answer (and its question, redacted, when question storage is on) in one transaction. */
  record(r: AnswerRecord): void {
    this.db.transaction(() => {
      this.insertAnswer.run({
        id: r.id,
        createdAt: r.at.getTime(),
        endpoint: r.endpoint,
        language: r.language,
        mode: r.mode,
        outcome: r.outcome,
        declineReason: r.declineReason ?? null,
        fallbackReason: r.fallbackReason ?? null,
        confidence: r.confidence,
        followUp: r.followUp ?? null,
      });
      for (const c of r.citations) this.insertCitation.run(r.id, c.marker, c.passageId, c.section);
      if (this.options.storeQuestions) {
        const q = redactPersonalData(r.question);
        const uncovered = r.uncovered.map((u) => redactPersonalData(u).text);
        const removed = q.counts.email + q.counts.hkid + q.counts.phone;
        this.insertQuestion.run(r.id, q.text, uncovered.length ? JSON.stringify(uncovered) : null, removed);
      }
    })();
  }

  /** Stores (or replaces) feedback on an answer; null when no such answer is kept. */
  feedback(f: { answerId: string; rating: Rating; reason?: string }, now = new Date()): { replaced: boolean } | null {
    return this.db.transaction(() => {
      if (!this.findAnswer.get(f.answerId)) return null;
      const replaced = Boolean(this.findFeedback.get(f.answerId));
      const reason = f.reason ? redactPersonalData(f.reason).text : null;
      this.upsertFeedback.run({ answerId: f.answerId, rating: f.rating, reason, now: now.getTime() });
      return { replaced };
    })();
  }

  /** Deletes what is past its retention: free text first, then whole rows (cascading to citations and feedback). */
  purge(now = new Date()): { questions: number; reasons: number; answers: number } {
    const textCutoff = now.getTime() - this.options.questionRetentionDays * DAY_MS;
    const rowCutoff = now.getTime() - this.options.dataRetentionDays * DAY_MS;
    return this.db.transaction(() => ({
      questions: this.db.prepare('DELETE FROM questions WHERE answer_id IN (SELECT id FROM answers WHERE created_at < ?)').run(textCutoff).changes,
      reasons: this.db.prepare('UPDATE feedback SET reason = NULL WHERE reason IS NOT NULL AND updated_at < ?').run(textCutoff).changes,
      answers: this.db.prepare('DELETE FROM answers WHERE created_at < ?').run(rowCutoff).changes,
    }))();
  }

  close(): void {
    this.db.close();
  }
}
