/**
 * In-process baselines measured beside this project's retriever on the same passages and questions:
 * LangChain's stock BM25Retriever over RecursiveCharacterTextSplitter chunks, Orama with its Mandarin
 * tokenizer (Intl.Segmenter), and MiniSearch tokenising with jieba (the project's HK dictionary, no
 * normalisation or synonyms). A hit is a result containing the question's gold text.
 */
import { BM25Retriever } from '@langchain/community/retrievers/bm25';
import { Document } from '@langchain/core/documents';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { create, insertMultiple, search } from '@orama/orama';
import { createTokenizer } from '@orama/tokenizers/mandarin';
import MiniSearch from 'minisearch';
import { type EvalItem, isGoldPassage } from '../eval/dataset.js';
import { percentile } from '../eval/metrics.js';
import type { Passage } from '../ingest/types.js';
import { segment } from '../text/segment.js';

export interface BaselineRow {
  name: string;
  buildMs: number;
  recallAt5: number;
  p50: number;
  p95: number;
}

/** Recall@5 and per-question latency of `top5` over the items. */
export async function measure(name: string, buildMs: number, items: EvalItem[], top5: (q: string) => Promise<string[]> | string[]): Promise<BaselineRow> {
  const times: number[] = [];
  let hits = 0;
  for (const item of items) {
    const t = performance.now();
    const texts = await top5(item.question);
    times.push(performance.now() - t);
    if (texts.slice(0, 5).some((text) => isGoldPassage(item, text))) hits++;
  }
  return { name, buildMs, recallAt5: hits / items.length, p50: percentile(times, 50), p95: percentile(times, 95) };
}

export async function runBaselines(passages: Passage[], documents: Array<{ id: string; text: string }>, items: EvalItem[]): Promise<BaselineRow[]> {
  const rows: BaselineRow[] = [];

  let t = performance.now();
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 240, chunkOverlap: 0 });
  const chunks = (await Promise.all(documents.map((d) => splitter.createDocuments([d.text], [{ id: d.id }])))).flat();
  const bm25 = BM25Retriever.fromDocuments(chunks as Document[], { k: 5 });
  rows.push(await measure('LangChain BM25Retriever (splitter chunks)', performance.now() - t, items, async (q) => (await bm25.invoke(q)).map((d) => d.pageContent)));

  t = performance.now();
  const orama = create({ schema: { text: 'string' } as const, components: { tokenizer: createTokenizer() } });
  await insertMultiple(orama, passages.map((p) => ({ id: p.id, text: p.text })));
  const oramaBuild = performance.now() - t;
  rows.push(
    await measure('Orama (Mandarin tokenizer)', oramaBuild, items, async (q) => {
      const r = await search(orama, { term: q, limit: 5 });
      return r.hits.map((h) => String(h.document.text));
    }),
  );

  t = performance.now();
  const tokenize = (s: string) => segment(s.toLowerCase()).filter((w) => w.trim());
  const mini = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], storeFields: ['text'], tokenize });
  mini.addAll(passages.map((p) => ({ id: p.id, text: p.text })));
  rows.push(await measure('MiniSearch (jieba tokens)', performance.now() - t, items, (q) => mini.search(q).slice(0, 5).map((r) => String(r.text))));
  return rows;
}
