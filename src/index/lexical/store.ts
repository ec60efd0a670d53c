/**
 * The lexical ranking's seam (like dense/store.ts for vectors): BM25F over the project's own tokens,
 * answered by the local index files (local.ts) or by PostgreSQL full-text search (postgres.ts).
 */

export interface LexicalHit {
  /** Passage id. */
  id: string;
  /** BM25F score; comparable only within one query. */
  score: number;
}

export interface LexicalSearchOptions {
  /** Documents whose passages are left out (superseded editions). */
  excludeDocs?: ReadonlySet<string>;
  /** Only this document's passages (restatements of a sentence are looked for in its own document). */
  onlyDoc?: string;
}

export interface LexicalSearcher {
  /** Which backend answers ("local", "postgres"). */
  readonly kind: string;
  /**
   * Top `limit` passages for already-analysed query tokens, best first; a token repeated n times
   * weighs n times (follow-ups weight the question against its context this way).
   */
  search(tokens: string[], limit: number, opts?: LexicalSearchOptions): LexicalHit[] | Promise<LexicalHit[]>;
}
