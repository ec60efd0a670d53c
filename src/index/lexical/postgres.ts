/**
 * Lexical ranking by PostgreSQL full-text search over the project's own tokens: each passage's jieba
 * words and bigrams are a tsvector (GIN-indexed), a query is an OR tsquery of its tokens, and BM25F is
 * computed from the tsvector's per-token weights (tf) with idf from ts_stat's document frequencies.
 * PostgreSQL ranks the candidates (double precision); the best few are then re-scored here with the
 * exact integer contributions of the local index, so both backends return the same top k.
 */
import type pg from 'pg';
import { TABLES, lexeme } from '../postgres/db.js';
import { BM25, IMPACT_SCALE, idf, impact } from './bm25f.js';
import type { LexicalHit, LexicalSearchOptions, LexicalSearcher } from './store.js';

export interface PostgresLexicalStats {
  passages: number;
  avgLength: number;
}

/** Candidates PostgreSQL returns beyond the k asked for, absorbing its rounding near ties. */
const MARGIN = (k: number) => 2 * k + 20;

export class PostgresLexicalIndex implements LexicalSearcher {
  readonly kind = 'postgres';

  constructor(
    private readonly db: pg.Pool,
    private readonly stats: PostgresLexicalStats,
    /** Lexical multiplier per document id (documentPrior). */
    private readonly prior: ReadonlyMap<string, number>,
    /** Corpus order of a passage (ties go to the earlier one, as in the local index). */
    private readonly order: (id: string) => number,
  ) {}

  async search(tokens: string[], limit: number, opts: LexicalSearchOptions = {}): Promise<LexicalHit[]> {
    const k = Math.max(1, Math.floor(limit));
    const weight = new Map<string, number>();
    for (const t of tokens) weight.set(t, (weight.get(t) ?? 0) + 1);
    if (weight.size === 0) return [];
    const known = await this.db.query<{ term: string; df: number }>(`SELECT term, df FROM ${TABLES.terms} WHERE term = ANY($1::text[])`, [[...weight.keys()]]);
    if (known.rows.length === 0) return [];
    const terms = known.rows.map((r) => r.term);
    const idfs = known.rows.map((r) => idf(this.stats.passages, Number(r.df)));
    const ws = terms.map((t) => weight.get(t)!);
    const { rows } = await this.db.query<{ id: string; doc_id: string; len2: number; terms: string[]; tf2: number[] }>(
      `WITH q AS (SELECT * FROM unnest($1::text[], $2::float8[], $3::float8[]) AS q(term, w, idf))
       SELECT p.id, p.doc_id, p.len2, array_agg(q.term) AS terms, array_agg(t.tf2) AS tf2
       FROM ${TABLES.passages} p
       CROSS JOIN LATERAL (
         SELECT u.lexeme, (2 * cardinality(array_positions(u.weights, 'A')) + cardinality(array_positions(u.weights, 'B')))::float8 AS tf2
         FROM unnest(p.tokens) u
       ) t
       JOIN q ON q.term = t.lexeme
       JOIN ${TABLES.documents} d ON d.id = p.doc_id
       WHERE p.tokens @@ $4::tsquery AND NOT (p.doc_id = ANY($5::text[])) AND ($8::text IS NULL OR p.doc_id = $8::text)
       GROUP BY p.id, p.doc_id, p.len2, d.prior
       ORDER BY sum(q.w * floor(abs((t.tf2 / 2) * ${BM25.k1 + 1} / (${BM25.k1} * ((1 - ${BM25.b}) + ${BM25.b} * ((p.len2 / 2.0) / $6)) + t.tf2 / 2)) * q.idf * ${IMPACT_SCALE} + 0.5)) * d.prior DESC
       LIMIT $7`,
      [terms, ws, idfs, terms.map(lexeme).join(' | '), [...(opts.excludeDocs ?? [])], this.stats.avgLength, MARGIN(k), opts.onlyDoc ?? null],
    );
    const idfOf = new Map(terms.map((t, i) => [t, idfs[i]!]));
    const scored = rows.map((r) => {
      let raw = 0;
      r.terms.forEach((t, i) => (raw += weight.get(t)! * impact(Number(r.tf2[i]), r.len2, this.stats.avgLength, idfOf.get(t)!)));
      return { id: r.id, score: raw * (this.prior.get(r.doc_id) ?? 1), order: this.order(r.id) };
    });
    scored.sort((a, b) => b.score - a.score || a.order - b.order);
    return scored.slice(0, k).map(({ id, score }) => ({ id, score: score / IMPACT_SCALE }));
  }
}
