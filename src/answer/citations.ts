import type { Citation } from '../contract/chat.js';
import type { Passage } from '../ingest/types.js';
import type { RetrievalResult } from '../retrieve/retriever.js';

/** Citations for the cited passages, numbered 1..n in the order given, with their retrieval scores. */
export function toCitations(cited: Passage[], retrieval: RetrievalResult): Citation[] {
  return cited.map((p, i) => ({
    marker: i + 1,
    id: p.id,
    document: p.docId,
    section: p.section,
    text: p.text,
    start: p.start,
    end: p.end,
    score: Number((retrieval.hits.find((h) => h.passage.id === p.id)?.score ?? 0).toFixed(4)),
  }));
}
