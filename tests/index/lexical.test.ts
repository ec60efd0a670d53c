/**
 * The lexical index on its own: same BM25F ranking as the library it replaced (wink-bm25-text-search,
 * the reference implementation of the formula), exact MaxScore top k, per-document filters, document
 * frequencies for coverage equal to a scan, and normalised text equal to normalising at query time.
 */
import path from 'node:path';
import bm25 from 'wink-bm25-text-search';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDecoys } from '../../src/bench/decoys.js';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import { readDataset } from '../../src/eval/dataset.js';
import { buildIndex } from '../../src/index/build-index.js';
import { LEXICAL_FIELDS } from '../../src/index/lexical/bm25f.js';
import type { LocalLexicalIndex } from '../../src/index/lexical/local.js';
import { type LoadedIndex, loadIndex } from '../../src/index/load-index.js';
import { Retriever } from '../../src/retrieve/retriever.js';
import { analyzeQuery, tokensForIndex } from '../../src/text/analyze.js';
import { normalizeForMatch } from '../../src/text/normalize.js';
import { CORPUS_DIR, tempDir } from '../helpers/paths.js';

const embedding = { model: 'none', modelsDir: tempDir('no-models'), allowRemote: false, store: 'hnsw' };
const SEP = '\u0001';
let index: LoadedIndex;
let wink: ReturnType<typeof bm25>;

const questions = ['../shared/eval/dev.jsonl', 'tests/eval/own.jsonl', 'tests/eval/holdout.jsonl'].flatMap((f) => readDataset(path.resolve(PROJECT_ROOT, f)));

beforeAll(async () => {
  const indexDir = tempDir('lexical');
  await buildIndex({ corpusDir: CORPUS_DIR, indexDir, embedding });
  index = await loadIndex({ corpusDir: CORPUS_DIR, indexDir, embedding });
  wink = bm25();
  wink.defineConfig({ fldWeights: LEXICAL_FIELDS, bm25Params: { k1: 1.2, b: 0.75, k: 1 } });
  wink.definePrepTasks([(s: string) => (s ? s.split(SEP) : [])]);
  for (const p of index.passages) wink.addDoc({ body: tokensForIndex(p.text).join(SEP), section: tokensForIndex(p.section).join(SEP) }, p.id);
  wink.consolidate();
});

/** Results grouped by equal score (ties may be ordered differently); the last group may be cut. */
function groups(hits: Array<{ id: string; score: number }>): Array<{ score: number; ids: string[] }> {
  const out: Array<{ score: number; ids: string[] }> = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.score - h.score) < 1e-6) last.ids.push(h.id);
    else out.push({ score: h.score, ids: [h.id] });
  }
  return out.map((g) => ({ score: Math.round(g.score * 1e4) / 1e4, ids: g.ids.sort() }));
}

describe('BM25F ranking', () => {
  it(`matches the reference implementation on all ${questions.length} evaluation questions, standalone and repeated as follow-ups do`, () => {
    let compared = 0;
    for (const q of questions) {
      const tokens = analyzeQuery(q.question).tokens;
      for (const query of [tokens, [...tokens, ...tokens, ...tokens, 'extra', '香港']]) {
        const ref = wink.search(query.join(SEP), 30).map(([id, score]) => ({ id, score }));
        const local = index.lexical as LocalLexicalIndex;
        // Both strategies (search picks one by the query's size) give the reference ranking.
        for (const ours of [local.searchExhaustive(query, 30), local.searchMaxScore(query, 30)]) {
          expect(ours.map((h) => h.score)).toEqual(ref.map((h) => expect.closeTo(h.score, 6)));
          expect(groups(ours).slice(0, -1)).toEqual(groups(ref).slice(0, -1));
        }
        compared++;
      }
    }
    expect(compared).toBe(questions.length * 2);
  });

  it('returns nothing for tokens the corpus does not hold, and clamps the limit', () => {
    expect(index.lexical.search(['不存在的詞語xyz'], 10)).toEqual([]);
    expect(index.lexical.search([], 10)).toEqual([]);
    const all = index.lexical.search(['~香港', '香港'], 1e9) as unknown[];
    expect(all.length).toBeGreaterThan(10);
    expect(all.length).toBeLessThanOrEqual(index.byId.size);
  });
});

describe('precomputed text statistics', () => {
  it('stores each passage normalised exactly as normalising section and text at query time would', () => {
    for (let i = 0; i < index.store.count; i++) {
      const p = index.store.passage(i);
      expect(index.store.match(i)).toBe(normalizeForMatch(`${p.section} ${p.text}`));
    }
  });

  it('counts the document frequency of every question concept exactly as scanning the passages does', () => {
    const texts = index.passages.map((p) => normalizeForMatch(`${p.section} ${p.text}`));
    const terms = new Set(questions.flatMap((q) => analyzeQuery(q.question).concepts.flatMap((c) => c.alternatives)));
    terms.add('').add('5').add('ab').add('香港特區政府').add('並不存在的詞');
    expect(terms.size).toBeGreaterThan(300);
    for (const t of terms) expect([t, index.termFrequencies.df(t)]).toEqual([t, texts.filter((x) => x.includes(t)).length]);
  });
});

describe('near-copies of the corpus (decoys)', () => {
  let decoyIndex: LoadedIndex;
  beforeAll(async () => {
    const corpusDir = tempDir('decoy-corpus');
    generateDecoys({ corpusDir: CORPUS_DIR, outDir: corpusDir, copies: 12, seed: 7 });
    const indexDir = tempDir('decoy-index');
    await buildIndex({ corpusDir, indexDir, embedding });
    decoyIndex = await loadIndex({ corpusDir, indexDir, embedding });
  });

  it('rates the garbled copies as poorer text than the fact sheet', () => {
    const q = new Map(decoyIndex.manifest.documents.map((d) => [d.id, d.quality]));
    expect(q.get('innovation-and-technology.zh-Hant')).toBeGreaterThan(0.75);
    const decoys = [...q].filter(([id]) => id.startsWith('decoy-'));
    expect(decoys).toHaveLength(12);
    for (const [, v] of decoys) expect(v).toBeLessThan(0.6);
  });

  it('ranks the original passage first although copies match the same words in fewer tokens', async () => {
    const r = new Retriever(decoyIndex);
    for (const question of ['「工業專員」的職責是甚麼？', '數碼港匯集多少家初創企業和科技公司？', '轉數快有多少個帳戶登記？']) {
      const hits = (await r.retrieve(question, { k: 5 })).hits;
      expect(hits[0]!.passage.docId).toBe('innovation-and-technology.zh-Hant');
    }
  });

  it('gives the same top 30 with either strategy, and leaves out the passages of excluded documents', () => {
    const local = decoyIndex.lexical as LocalLexicalIndex;
    for (const q of questions) {
      const tokens = analyzeQuery(q.question).tokens;
      expect(local.searchMaxScore(tokens, 30)).toEqual(local.searchExhaustive(tokens, 30));
    }
    const tokens = analyzeQuery('數碼港匯集多少家初創企業？').tokens;
    const excluded = new Set(decoyIndex.manifest.documents.map((d) => d.id).filter((id) => id !== 'decoy-000003-innovation-and-technology.zh-Hant'));
    for (const hits of [local.searchMaxScore(tokens, 30, { excludeDocs: excluded }), local.searchExhaustive(tokens, 30, { excludeDocs: excluded })]) {
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) expect(decoyIndex.byId.get(h.id)!.docId).toBe('decoy-000003-innovation-and-technology.zh-Hant');
    }
  });

  it('searches one document alone with the same scores and order as leaving every other document out', async () => {
    const local = decoyIndex.lexical as LocalLexicalIndex;
    const ids = decoyIndex.manifest.documents.map((d) => d.id);
    for (const doc of [ids[0]!, ids[5]!, 'innovation-and-technology.zh-Hant']) {
      const others = new Set(ids.filter((id) => id !== doc));
      for (const q of questions.slice(0, 40)) {
        const tokens = analyzeQuery(q.question).tokens;
        expect(local.search(tokens, 5, { onlyDoc: doc })).toEqual(local.searchExhaustive(tokens, 5, { excludeDocs: others }));
      }
      // A whole sentence's terms, as restatements are looked for.
      const sentence = tokensForIndex('科技園公司正就興建第二個先進製造業中心進行可行性研究。');
      const hits = local.search(sentence, 5, { onlyDoc: doc });
      expect(hits).toEqual(local.searchExhaustive(sentence, 5, { excludeDocs: others }));
      for (const h of hits) expect(decoyIndex.byId.get(h.id)!.docId).toBe(doc);
    }
    expect(local.search(analyzeQuery('數碼港').tokens, 5, { onlyDoc: 'no-such-document' })).toEqual([]);
  });
});
