import bm25 from 'wink-bm25-text-search';
import type { Passage } from '../ingest/types.js';
import { tokensForIndex } from '../text/analyze.js';

/** Tokens travel to wink pre-analysed (jieba + bigrams), joined by a separator it never sees in text. */
const SEP = '\u0001';
const splitTokens = (s: string): string[] => (s ? s.split(SEP) : []);

// BM25F: the section title counts, but less than the passage body.
export const LEXICAL_FIELDS = { body: 1, section: 0.5 };
const CONFIG = { fldWeights: LEXICAL_FIELDS, bm25Params: { k1: 1.2, b: 0.75, k: 1 } };

export interface LexicalHit {
  id: string;
  score: number;
}

export class LexicalIndex {
  private constructor(private readonly engine: ReturnType<typeof bm25>) {}

  static build(passages: Passage[]): LexicalIndex {
    if (passages.length < 3) throw new Error(`The lexical index needs at least 3 passages; the corpus has ${passages.length}`);
    const engine = bm25();
    engine.defineConfig(CONFIG);
    engine.definePrepTasks([splitTokens]);
    for (const p of passages) {
      engine.addDoc({ body: tokensForIndex(p.text).join(SEP), section: tokensForIndex(p.section).join(SEP) }, p.id);
    }
    engine.consolidate();
    return new LexicalIndex(engine);
  }

  static fromJSON(json: string): LexicalIndex {
    const engine = bm25();
    engine.importJSON(json);
    engine.definePrepTasks([splitTokens]);
    return new LexicalIndex(engine);
  }

  toJSON(): string {
    return this.engine.exportJSON();
  }

  /** BM25F over already-analysed query tokens (repeat a token to weight it). */
  search(tokens: string[], limit: number): LexicalHit[] {
    if (tokens.length === 0) return [];
    return this.engine.search(tokens.join(SEP), limit).map(([id, score]) => ({ id, score }));
  }
}
