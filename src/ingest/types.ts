/** What ingestion produces and every later stage reads: documents' metadata and citable passages. */

export interface DocumentMeta {
  /** Stable document id, derived from the file name without extension. */
  id: string;
  title: string;
  language: string;
  publisher?: string;
  /** ISO date (YYYY-MM-DD) the source says it was last updated. */
  updated?: string;
  source?: string;
  /** Where the source can be read (http or https), linked from the passage pages. */
  url?: string;
  /** Documents that are editions of one publication share a series (e.g. a yearly fact sheet). */
  series?: string;
  /** This edition's label (e.g. "2023"); editions are ordered by `updated`, then by label. */
  edition?: string;
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
