/**
 * HNSW dense store: LangChain HNSWLib (hnswlib-node, cosine space) over passage embeddings, with the
 * graph parameters set explicitly (LangChain's defaults are fixed) and embedding done in batches.
 * Documents carry only { id, docId } as metadata; the Passage itself stays in the passage store.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import hnswlib from 'hnswlib-node';
import { DEFAULT_HNSW, type DenseBackend, type DenseHit, type DenseStore, type HnswParams, embedInBatches } from './store.js';

interface DenseMetadata {
  id: string;
  docId: string;
}

const PARAMS_FILE = 'hnsw-params.json';

export class HnswStore implements DenseStore {
  readonly kind = 'hnsw';
  constructor(
    readonly lib: HNSWLib,
    readonly params: HnswParams = DEFAULT_HNSW,
  ) {}

  count(): number {
    return this.lib.index.getCurrentCount();
  }

  async search(query: string, k: number): Promise<DenseHit[]> {
    const n = Math.min(Math.floor(k), this.count());
    if (n <= 0) return [];
    const vector = await this.lib.embeddings.embedQuery(query);
    this.lib.index.setEf(Math.max(this.params.efSearch, n));
    const results = await this.lib.similaritySearchVectorWithScore(vector, n);
    // hnswlib's "cosine" space returns distance = 1 − cos(a, b).
    return results
      .map(([doc, distance]) => ({ id: String((doc.metadata as DenseMetadata).id), score: 1 - distance }))
      .sort((a, b) => b.score - a.score);
  }

  /** Writes hnswlib.index, args.json, docstore.json and the parameters into `dir` (created if needed). */
  async save(dir: string): Promise<void> {
    await this.lib.save(dir);
    fs.writeFileSync(path.join(dir, PARAMS_FILE), JSON.stringify(this.params) + '\n');
  }
}

export const hnswBackend: DenseBackend = {
  kind: 'hnsw',
  async build(passages, embedder, ctx = {}) {
    if (passages.length === 0) throw new Error('the dense index needs at least one passage');
    const params = ctx.hnsw ?? DEFAULT_HNSW;
    let lib: HNSWLib | null = null;
    for await (const { batch, vectors } of embedInBatches(passages, embedder, ctx.onProgress)) {
      if (!lib) {
        const index = new hnswlib.HierarchicalNSW('cosine', vectors[0]!.length);
        index.initIndex(passages.length, params.m, params.efConstruction, 100);
        lib = new HNSWLib(embedder, { space: 'cosine', numDimensions: vectors[0]!.length, index });
      }
      await lib.addVectors(vectors, batch.map((p) => new Document<DenseMetadata>({ pageContent: p.text, metadata: { id: p.id, docId: p.docId } })));
    }
    return new HnswStore(lib!, params);
  },
  async load(dir: string, embedder: EmbeddingsInterface, ctx = {}) {
    const file = path.join(dir, PARAMS_FILE);
    const saved = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as HnswParams) : DEFAULT_HNSW;
    return new HnswStore(await HNSWLib.load(dir, embedder), { ...saved, efSearch: ctx.hnsw?.efSearch ?? saved.efSearch });
  },
};
