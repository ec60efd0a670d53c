import type { LoadedIndex } from '../index/load-index.js';
import { type AnalyzedQuery, type Concept, analyzeQuery, tokensForIndex } from '../text/analyze.js';
import { sentenceSpans } from '../text/sentences.js';
import { normalizeForMatch } from '../text/normalize.js';
import type { RetrievalMode } from '../contract/chat.js';
import type { Passage } from '../ingest/types.js';
import { CoverageScorer } from './coverage.js';
import { EditionPolicy } from './editions.js';
import { reciprocalRankFusion } from './fusion.js';
import type { FollowUp } from './follow-up.js';

export interface RetrieveOptions {
  k?: number;
  /** Earlier turn(s) a follow-up depends on: searched too, weighted by the kind of follow-up. */
  followUp?: FollowUp | null;
  /** Restrict to one retriever (evaluation); default uses every retriever the index has. */
  only?: 'lexical' | 'dense';
}

export interface ScoredPassage {
  passage: Passage;
  /** Reranked score, higher is better; comparable only within one query. */
  score: number;
  lexicalRank?: number;
  denseRank?: number;
  /** Share (0..1) of the question's concepts the passage mentions. */
  coverage: number;
}

export interface RetrievalResult {
  query: AnalyzedQuery;
  /** The follow-up's context, analysed, when there was one. */
  context: AnalyzedQuery | null;
  hits: ScoredPassage[];
  /**
   * "Does anything here answer this?" (0..1): the best coverage among the top passages. Compare
   * with the calibrated threshold (`npm run eval` reports the separation).
   */
  confidence: number;
  mode: RetrievalMode;
  /** Years the question used to name an edition (「2022年版」): stated by that edition's date. */
  editionYears?: string[];
}

/**
 * A sentence restated elsewhere: the shorter of the two has this share of its character pairs in the
 * other (one may say more: 「…已於 2022 年啟用，…，科技園公司正就興建第二個…進行技術可行性研究」).
 * Short sentences are not looked for.
 */
const RESTATED_SIMILARITY = 0.8;
const RESTATED_MIN_PAIRS = 12;
const RESTATED_CANDIDATES = 5;

/** Pairs of adjacent characters, in matching form and without spaces. */
function charPairs(text: string): Set<string> {
  const t = normalizeForMatch(text).replace(/\s+/g, '');
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) pairs.add(t.slice(i, i + 2));
  return pairs;
}

/** The share of the smaller set's pairs in the larger (the overlap coefficient). */
function overlap(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return small.size === 0 ? 0 : shared / small.size;
}

/** How many candidates each retriever contributes before fusion. */
const CANDIDATES = 30;
const RERANK_DEPTH = 20;
/** Rerank weights: fused rank, coverage of the question, coverage of a follow-up's context. */
const WEIGHTS = {
  standalone: { rank: 0.7, question: 0.3, context: 0, questionRepeat: 1 },
  ellipsis: { rank: 0.6, question: 0.3, context: 0.1, questionRepeat: 3 },
  reference: { rank: 0.6, question: 0.1, context: 0.3, questionRepeat: 1 },
} as const;

export class Retriever {
  private readonly coverage: CoverageScorer;
  private readonly normalized: { get(id: string): string | undefined };
  private readonly editions: EditionPolicy;

  constructor(
    private readonly index: LoadedIndex,
    /** Weight of the dense ranking in fusion (BM25 has 1); see DENSE_FUSION_WEIGHT. */
    private readonly denseWeight = 1,
  ) {
    // Normalised at ingest, with document frequencies precomputed: nothing here walks every passage.
    this.normalized = index.matchText;
    this.coverage = new CoverageScorer(index.termFrequencies);
    this.editions = new EditionPolicy(index.documents.values());
  }

  /** Coverage (0..1) of `concepts` in arbitrary text, weighted by this corpus's IDF. */
  coverageOf(concepts: Concept[], text: string): number {
    return this.coverage.coverage(concepts, normalizeForMatch(text));
  }

  /** How many passages mention the term (normalised for matching). */
  passagesMentioning(term: string): number {
    return this.coverage.documentFrequency(normalizeForMatch(term));
  }

  /** Whether any passage mentions the term. */
  mentions(term: string): boolean {
    return this.passagesMentioning(term) > 0;
  }

  /**
   * Other passages stating the sentence again (the fact sheet repeats some facts in two sections, in
   * slightly different words): a sentence of theirs shares most of its character pairs. Found through
   * a lexical search of the sentence's own document only (another edition's figures may differ), so the
   * cost does not grow with the corpus.
   */
  async restatements(sentence: Pick<Passage, 'docId'> & { text: string }, except: ReadonlySet<string>): Promise<Passage[]> {
    const own = charPairs(sentence.text);
    if (own.size < RESTATED_MIN_PAIRS) return [];
    const hits = await this.index.lexical.search(tokensForIndex(sentence.text), RESTATED_CANDIDATES, { onlyDoc: sentence.docId });
    return (
      hits
        .filter((h) => !except.has(h.id))
        .flatMap((h) => this.index.byId.get(h.id) ?? [])
        // (The same document restating it: another edition's figures may differ.)
        .filter((p) => p.docId === sentence.docId && sentenceSpans(p.text).some(([s, e]) => overlap(own, charPairs(p.text.slice(s, e))) >= RESTATED_SIMILARITY))
    );
  }

  get mode(): RetrievalMode {
    return this.index.dense ? 'hybrid' : 'lexical';
  }

  async retrieve(question: string, opts: RetrieveOptions = {}): Promise<RetrievalResult> {
    const k = opts.k ?? 5;
    const resources = { english: this.index.english };
    const query = analyzeQuery(question, resources);
    const context = opts.followUp ? analyzeQuery(opts.followUp.context, resources) : null;
    const w = WEIGHTS[opts.followUp?.kind ?? 'standalone'];
    // Repeating the question's tokens weights them in BM25 against the context's.
    const tokens = [...Array.from({ length: w.questionRepeat }, () => query.tokens).flat(), ...(context?.tokens ?? [])];
    // Superseded editions stay out unless the question (or its context) names their year.
    const { exclude: excludeDocs, editionYears } = this.editions.select(opts.followUp ? `${opts.followUp.context}\n${question}` : question);
    const lexical = opts.only === 'dense' ? [] : await this.index.lexical.search(tokens, CANDIDATES, { excludeDocs });
    const rankings: Array<Array<{ id: string }>> = [lexical];
    const denseRank = new Map<string, number>();
    if (this.index.dense && opts.only !== 'lexical') {
      const text = opts.followUp ? `${opts.followUp.context}\n${question}` : question;
      const dense = (await this.index.dense.store.search(text, CANDIDATES)).filter((h) => !excludeDocs.has(this.index.byId.get(h.id)?.docId ?? ''));
      dense.forEach((h, i) => denseRank.set(h.id, i));
      rankings.push(dense);
    }
    const lexicalRank = new Map(lexical.map((h, i) => [h.id, i]));
    const fused = [...reciprocalRankFusion(rankings, 60, [1, this.denseWeight])].sort((a, b) => b[1] - a[1]);

    const concepts = [...query.concepts, ...(context?.concepts ?? [])];
    const top = fused[0]?.[1] ?? 1;
    // Rerank the fused candidates by how much of the question (then of its context) each mentions:
    // rank fusion alone lets a passage that repeats a common word beat one naming the asked-for entity.
    const reranked = fused.slice(0, RERANK_DEPTH).map(([id, score]) => {
      const text = this.normalized.get(id)!;
      const own = this.coverage.coverage(query.concepts, text);
      const ctx = context ? this.coverage.coverage(context.concepts, text) : 0;
      return { id, own, score: w.rank * (score / top) + w.question * own + w.context * ctx };
    });
    reranked.sort((a, b) => b.score - a.score);
    const top3Own = reranked.slice(0, Math.min(k, 3)).map((r) => r.own);
    const hits: ScoredPassage[] = reranked.slice(0, k).map(({ id, score }) => ({
      passage: this.index.byId.get(id)!,
      score,
      lexicalRank: lexicalRank.get(id),
      denseRank: denseRank.get(id),
      coverage: this.coverage.coverage(concepts, this.normalized.get(id)!),
    }));
    // A new subject in an elliptic follow-up (「那數碼港呢？」) must itself be covered, or an unrelated
    // short question after a good one (「今晚食咩好？」) would borrow the earlier turn's confidence.
    // A pronoun follow-up (「它何時啟用？」) is about the earlier subject, so context counts with it.
    const ownOnly = opts.followUp?.kind === 'ellipsis' && query.concepts.length > 0;
    const confidence = Math.max(0, ...(ownOnly ? top3Own : hits.slice(0, 3).map((h) => h.coverage)));
    return { query, context, hits, confidence, mode: this.mode, ...(editionYears.length ? { editionYears } : {}) };
  }
}
