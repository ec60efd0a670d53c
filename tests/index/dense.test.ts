/**
 * Dense path end to end with real components (transformers.js + onnxruntime-node + hnswlib-node),
 * driven by the generated TEST-ONLY hash-char model: it ranks by shared characters, not meaning.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestModel, TEST_MODEL_COMMENT, TEST_MODEL_ID, type BuiltTestModel } from '../fixtures/test-model.js';
import { HnswStore, hnswBackend } from '../../src/index/dense/hnsw.js';
import { loadEmbedder, modelDefaults, TransformersEmbeddings } from '../../src/index/embeddings.js';
import type { Passage } from '../../src/ingest/types.js';

const CORPUS_DIR = path.resolve('corpus');
const CORPUS_FILE = path.join(CORPUS_DIR, 'innovation-and-technology.zh-Hant.txt');
const DOC_ID = 'innovation-and-technology.zh-Hant';

// One-line bullets from the fact sheet; ids are test-local.
const PASSAGE_TEXTS: Record<string, string> = {
  'science-park': '香港科學園匯集逾 1,000 家科技公司，為它們提供基礎設施和一站式支援服務。',
  cyberport: '數碼港是一個深具創意的數碼社區，匯集超過 1,900 家初創企業和科技公司。',
  academies: '香港科學院及香港青年科學院就科研和科技政策向政府提供意見。',
  mit: '麻省理工學院於 2016 年在香港開設首個海外創新中心。',
  karolinska: '瑞典卡羅琳醫學院於 2016年在香港科學園設立研究中心，加強再生醫學研究。',
  'new-land': '透過馬料水填海計劃及將沙田污水處理廠遷入岩洞，提供主要用作創科發展的新土地。',
  microelectronics: '科技園公司正於元朗創新園發展微電子中心，預計於 2024 年啟用。',
  'data-tech-centre': '位於將軍澳的數據技術中心啟用，提供為數據科技和電訊服務業特別設計的基礎設施。',
  expansion: '由 2025 年起分階段完成科學園和數碼港的擴建工程，提供合共約 100,000 平方米的額外樓面面積。',
  'cavern-data': '探討發展岩洞數據中心，以有效使用土地資源及善用岩洞空間的優勢，支援創科發展。',
};

function corpusPassages(): Passage[] {
  const raw = fs.readFileSync(CORPUS_FILE, 'utf8');
  return Object.entries(PASSAGE_TEXTS).map(([id, text], ordinal) => {
    const start = raw.indexOf(text);
    if (start < 0) throw new Error(`fixture text not found in corpus: ${id}`);
    return { id, docId: DOC_ID, section: '創科界持份者', text, start, end: start + text.length, ordinal };
  });
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((x, i) => {
    const y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  });
  return dot / Math.sqrt(na * nb);
}

const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

let tmp: string;
let model: BuiltTestModel;
let embedder: TransformersEmbeddings;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dense-test-'));
  model = buildTestModel({ corpusDir: CORPUS_DIR, outDir: path.join(tmp, 'models'), dim: 64 });
  const loaded = await loadEmbedder({ modelId: model.modelId, modelsDir: model.modelsDir, pooling: 'mean', allowRemote: false });
  if (!loaded.ok) throw new Error(`test model failed to load: ${loaded.reason}`);
  embedder = loaded;
});

afterAll(async () => {
  await embedder?.dispose();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('generated test-only model', () => {
  it('is labelled as a test fixture and lives under test-only/', () => {
    expect(model.modelId).toBe(TEST_MODEL_ID);
    expect(model.modelDir).toContain(path.join('test-only', 'hash-char-embedder'));
    for (const f of ['config.json', 'tokenizer.json', 'tokenizer_config.json']) {
      const json = JSON.parse(fs.readFileSync(path.join(model.modelDir, f), 'utf8'));
      expect(json._comment).toBe(TEST_MODEL_COMMENT);
    }
  });

  it('is deterministic: same corpus → same bytes', () => {
    const again = buildTestModel({ corpusDir: CORPUS_DIR, outDir: path.join(tmp, 'models-again'), dim: 64 });
    for (const f of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx', 'onnx/model_quantized.onnx']) {
      expect(fs.readFileSync(path.join(again.modelDir, f)).equals(fs.readFileSync(path.join(model.modelDir, f)))).toBe(true);
    }
  });
});

describe('loadEmbedder + TransformersEmbeddings', () => {
  it('reports dimensions and returns unit-normalised vectors', async () => {
    expect(embedder.ok).toBe(true);
    expect(embedder.dimensions).toBe(64);
    const vectors = await embedder.embedDocuments(['香港科學園', '數碼港 Cyberport 2023', '']);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toHaveLength(64);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    expect(norm(await embedder.embedQuery('科技園'))).toBeCloseTo(1, 5);
  });

  it('batches without changing results', async () => {
    const texts = Object.values(PASSAGE_TEXTS);
    const whole = await embedder.embedDocuments(texts);
    const one = await embedder.embedDocuments([texts[3]!]);
    expect(whole).toHaveLength(texts.length);
    // Padding to a longer batch must not change a sentence's mean-pooled vector.
    one[0]!.forEach((x, i) => expect(whole[3]![i]).toBeCloseTo(x, 5));
  });

  it('puts a character-sharing paraphrase closer than an unrelated sentence', async () => {
    const [anchor, paraphrase, unrelated] = await embedder.embedDocuments([
      '香港科學園匯集逾 1,000 家科技公司',
      '科學園內有超過一千家科技公司',
      '瑞典醫學院加強再生醫學研究',
    ]);
    const near = cosine(anchor!, paraphrase!);
    const far = cosine(anchor!, unrelated!);
    expect(near).toBeGreaterThan(far + 0.2);
  });

  it('applies the query instruction to queries only', async () => {
    const withInstruction = await loadEmbedder({
      modelId: model.modelId,
      modelsDir: model.modelsDir,
      pooling: 'mean',
      queryInstruction: '查詢：',
      quantized: false,
    });
    if (!withInstruction.ok) throw new Error(withInstruction.reason);
    try {
      const q = await withInstruction.embedQuery('岩洞數據中心');
      const [prefixed, plain] = await withInstruction.embedDocuments(['查詢：岩洞數據中心', '岩洞數據中心']);
      q.forEach((x, i) => expect(prefixed![i]).toBeCloseTo(x, 6));
      expect(cosine(q, plain!)).toBeLessThan(0.999);
    } finally {
      await withInstruction.dispose();
    }
  });

  it('returns { ok: false } with a clear one-line reason when the model folder is missing', async () => {
    const missingDir = path.join(tmp, 'no-such-models');
    const result = await loadEmbedder({ modelId: 'Xenova/bge-small-zh-v1.5', modelsDir: missingDir, allowRemote: false });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toContain('Xenova/bge-small-zh-v1.5');
    expect(result.reason).toContain('does not exist');
    expect(result.reason).not.toContain('\n');
  });

  it('names the missing file when the folder exists but the onnx weights do not', async () => {
    const partial = path.join(tmp, 'partial-models');
    const dir = path.join(partial, 'test-only', 'hash-char-embedder');
    fs.mkdirSync(dir, { recursive: true });
    for (const f of ['config.json', 'tokenizer.json', 'tokenizer_config.json']) fs.copyFileSync(path.join(model.modelDir, f), path.join(dir, f));
    const result = await loadEmbedder({ modelId: TEST_MODEL_ID, modelsDir: partial });
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('onnx/model_quantized.onnx') });
  });

  it('returns { ok: false } instead of throwing when the onnx file is corrupt', async () => {
    const broken = path.join(tmp, 'broken-models');
    fs.cpSync(model.modelsDir, broken, { recursive: true });
    fs.writeFileSync(path.join(broken, 'test-only', 'hash-char-embedder', 'onnx', 'model_quantized.onnx'), 'not an onnx model');
    const result = await loadEmbedder({ modelId: TEST_MODEL_ID, modelsDir: broken, pooling: 'mean' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).not.toContain('\n');
  });

  it('knows per-model pooling and instruction defaults', () => {
    expect(modelDefaults('Xenova/bge-small-zh-v1.5')).toEqual({ pooling: 'cls', queryInstruction: '为这个句子生成表示以用于检索相关文章：' });
    expect(modelDefaults('Xenova/bge-m3')).toEqual({ pooling: 'cls' });
    expect(modelDefaults('Xenova/multilingual-e5-small')).toMatchObject({ pooling: 'mean', queryInstruction: 'query: ', documentInstruction: 'passage: ' });
    expect(modelDefaults('Xenova/paraphrase-multilingual-MiniLM-L12-v2').pooling).toBe('mean');
    expect(modelDefaults(TEST_MODEL_ID)).toEqual({ pooling: 'mean' });
  });
});

describe('HNSW dense index', () => {
  it('builds, saves, reloads into a fresh store and ranks the expected passage first', async () => {
    const passages = corpusPassages();
    const store = await hnswBackend.build(passages, embedder);
    const dir = path.join(tmp, 'dense-index');
    await store.save(dir);
    expect(fs.readdirSync(dir).sort()).toEqual(['args.json', 'docstore.json', 'hnsw-params.json', 'hnswlib.index']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'hnsw-params.json'), 'utf8'))).toEqual({ m: 16, efConstruction: 100, efSearch: 64 });

    const reloaded = await hnswBackend.load(dir, embedder);
    expect(reloaded).not.toBe(store);

    const cases: Array<[string, string]> = [
      ['麻省理工學院在香港的海外創新中心', 'mit'],
      ['岩洞數據中心善用岩洞空間', 'cavern-data'],
      ['元朗微電子中心何時啟用？', 'microelectronics'],
    ];
    for (const [query, expectedId] of cases) {
      const hits = await reloaded.search(query, 3);
      expect(hits).toHaveLength(3);
      expect(hits[0]!.id, query).toBe(expectedId);
      for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
      for (const h of hits) expect(h.score).toBeLessThanOrEqual(1 + 1e-6);
      // Same results as the in-memory store it was saved from.
      expect(await store.search(query, 3)).toEqual(hits);
    }

    // Metadata carries ids only; k above the index size is clamped, not an error.
    const all = await reloaded.search('科技', 50);
    expect(all.map((h) => h.id).sort()).toEqual(passages.map((p) => p.id).sort());
    expect(reloaded).toBeInstanceOf(HnswStore);
    const [doc] = await (reloaded as HnswStore).lib.similaritySearch('數碼港', 1);
    expect(doc!.metadata).toEqual({ id: 'cyberport', docId: DOC_ID });
  });

  it('scores an exact passage text as similarity ≈ 1', async () => {
    const passages = corpusPassages().slice(0, 4);
    const store = await hnswBackend.build(passages, embedder);
    const [top] = await store.search(passages[2]!.text, 1);
    expect(top!.id).toBe(passages[2]!.id);
    expect(top!.score).toBeCloseTo(1, 4);
  });
});
