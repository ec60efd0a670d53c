/** Shared domain types: the contract between ingest → index → retrieve → answer → serve. */

export interface DocumentMeta {
  /** Stable document id, derived from the file name without extension. */
  id: string;
  title: string;
  language: string;
  publisher?: string;
  /** ISO date (YYYY-MM-DD) the source says it was last updated. */
  updated?: string;
  source?: string;
}

export interface Passage {
  /** Stable id: same document + same text → same id across runs. */
  id: string;
  docId: string;
  section: string;
  /** Exact cleaned text; `cleanedDocument.slice(start, end) === text`. */
  text: string;
  start: number;
  end: number;
  /** Position of the passage in its document (0-based), for reading order. */
  ordinal: number;
}

export interface RetrievedPassage {
  passage: Passage;
  /** Fused score, higher is better; comparable only within one query. */
  score: number;
  lexicalRank?: number;
  denseRank?: number;
}

export type RetrievalMode = 'lexical' | 'hybrid';
