import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/index/build-index.js';
import { IndexNotReadyError, type LoadedIndex, loadIndex } from '../../src/index/load-index.js';
import type { IndexManifest } from '../../src/index/manifest.js';
import { Retriever } from '../../src/retrieve/retriever.js';
import { resolveFollowUp } from '../../src/retrieve/follow-up.js';
import { loadEnv } from '../../src/config/env.js';

const DEFAULT_ANSWERABLE_THRESHOLD = loadEnv({}).ANSWERABLE_THRESHOLD;
import { CORPUS_DIR, tempDir } from '../helpers/paths.js';

const indexDir = tempDir('lexical-index');
const modelsDir = tempDir('no-models');
const embedding = { model: 'Xenova/bge-small-zh-v1.5', modelsDir, allowRemote: false, store: 'hnsw' };
const logs: string[] = [];
let manifest: IndexManifest;
let index: LoadedIndex;
let retriever: Retriever;

beforeAll(async () => {
  manifest = await buildIndex({ corpusDir: CORPUS_DIR, indexDir, embedding, log: (l) => logs.push(l) });
  index = await loadIndex({ corpusDir: CORPUS_DIR, indexDir, embedding });
  retriever = new Retriever(index);
});

describe('ingestion without an embedding model', () => {
  it('builds the lexical index alone and says so in one clear line', () => {
    const line = logs.filter((l) => l.includes('not available'));
    expect(line).toHaveLength(1);
    expect(line[0]).toMatch(/embedding model "Xenova\/bge-small-zh-v1.5" not available.*built the lexical index only — retrieval mode: lexical$/);
    expect(manifest.retrievalMode).toBe('lexical');
    expect(manifest.dense).toBeNull();
    expect(retriever.mode).toBe('lexical');
  });

  it('writes a manifest describing the index', () => {
    expect(manifest).toMatchObject({ requestedModel: 'Xenova/bge-small-zh-v1.5', passageCount: index.passages.length });
    expect(manifest.corpusHash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.documents[0]).toMatchObject({ title: '創新及科技', updated: '2023-06-30' });
    expect(manifest.versions['nodejs-jieba']).toMatch(/^\d+\.\d+/);
    expect(manifest.versions['hnswlib-node']).toMatch(/^\d+\.\d+/);
  });
});

describe('lexical retrieval', () => {
  // A few questions per section, in the four ways readers ask.
  const cases: Array<[string, string]> = [
    ['香港要發展成為甚麼中心？', '國際創新科技（創科）中心'],
    ['《香港創新科技發展藍圖》何時公布？', '2022 年 12 月公布'],
    ['香港科學園有多少家科技公司？', '逾 1,000 家科技公司'],
    ['麻省理工學院何時在香港開設創新中心？', '麻省理工學院於 2016 年'],
    ['政府會就建立甚麼中心進行可行性研究？', '人工智能超算中心'],
    ['「資助易」網上平台是誰推出的？', '資助易'],
    ['香港有多少個海底電纜系統？', '12 個'],
    ['微電子中心預計何時啟用？', '元朗創新園發展微電子中心'],
    ['InnoHK研發實驗室有多少間已投入運作？', '28 間'],
    ['城市創科大挑戰收到多少參賽方案？', '逾 740 項參賽方案'],
    ['研究人才庫最多可聘用多少名研究人才？', '最多四名研究人才'],
    ['再工業化及科技培訓計劃的資助比例是多少？', '2（政府）：1（企業）'],
    ['香港有多少間初創企業？', '3,985 間初創企業'],
    ['創新斗室提供多少個住宿單位？', '約 500 個'],
    ['智慧城市藍圖2.0提出了多少項措施？', '超過 130 項措施'],
    ['全港有多少個Wi-Fi.HK熱點？', '47,000'],
    ['轉數快有多少個帳戶登記？', '1,193 萬'],
    ['商業數據通促成了多少宗貸款批核？', '2,300 宗貸款'],
    // Simplified, Cantonese, English
    ['数码港汇聚了多少家初创企业？', '1,900 家初創企業'],
    ['轉數快每日平均成交量係幾多？', '118 萬宗交易'],
    ['科技券批出咗幾多宗申請？', '2 萬１千宗申請'],
    ['How many virtual banking licences has Hong Kong granted?', '八個虛擬銀行牌照'],
    ['How many submarine cable systems does Hong Kong have?', '海底電纜系統'],
    ['How much is the Strategic Tech Fund?', '50 億元'],
    ['When will the first buildings in the Lok Ma Chau Loop be completed?', '首三座樓宇'],
  ];
  it.each(cases)('%s → a top-3 passage contains %s', async (question, expected) => {
    const r = await retriever.retrieve(question, { k: 5 });
    expect(r.hits.slice(0, 3).map((h) => h.passage.text).join('\n')).toContain(expected);
    expect(r.confidence).toBeGreaterThanOrEqual(DEFAULT_ANSWERABLE_THRESHOLD);
  });

  it.each(['今晚食咩好？', '香港明天天氣如何？', 'What is the minimum wage in Hong Kong?', '如何申請特區護照？', '香港的樓價在2023年升了多少？'])(
    'signals that nothing answers %s',
    async (question) => {
      const r = await retriever.retrieve(question, { k: 5 });
      expect(r.confidence).toBeLessThan(DEFAULT_ANSWERABLE_THRESHOLD);
    },
  );

  it('finds the other passage restating a sentence (the sheet states the second manufacturing centre twice), and none for a sentence said once', async () => {
    const quoted = index.passages.find((p) => p.text.includes('建第二個先進製造業中心進行可行性研究'))!;
    const restated = await retriever.restatements({ text: '科技園公司正就興建第二個先進製造業中心進行可行性研究。', docId: quoted.docId }, new Set([quoted.id]));
    expect(await retriever.restatements({ text: '科技園公司正就興建第二個先進製造業中心進行可行性研究。', docId: 'another-document' }, new Set([quoted.id]))).toEqual([]);
    expect(restated.map((p) => p.text.replace(/\s+/g, '')).join('\n')).toContain('興建第二個先進製造業中心進行技術可行性研究');
    const once = index.passages.find((p) => p.text.includes('麻省理工學院於 2016 年'))!;
    expect(await retriever.restatements({ text: '麻省理工學院於 2016 年在香港開設首個海外創新中心。', docId: once.docId }, new Set([once.id]))).toEqual([]);
  });

  it('resolves a follow-up against the conversation', async () => {
    const history = [
      { role: 'user' as const, content: '香港科學園匯集了多少家科技公司？' },
      { role: 'assistant' as const, content: '香港科學園匯集逾 1,000 家科技公司。[1]' },
    ];
    const r = await retriever.retrieve('那數碼港呢？', { k: 5, followUp: resolveFollowUp('那數碼港呢？', history) });
    expect(r.hits[0]!.passage.text).toContain('1,900 家初創企業');
  });
});

describe('manifest checks', () => {
  it('refuses an index built for another embedding model, naming npm run ingest', async () => {
    await expect(loadIndex({ corpusDir: CORPUS_DIR, indexDir, embedding: { ...embedding, model: 'Xenova/bge-m3' } })).rejects.toThrow(
      /built for embedding model "Xenova\/bge-small-zh-v1.5" but EMBEDDING_MODEL is "Xenova\/bge-m3".*npm run ingest/,
    );
  });

  it('refuses an index whose corpus changed, and rebuilds when asked', async () => {
    const corpus = tempDir('corpus');
    for (const f of fs.readdirSync(CORPUS_DIR)) fs.copyFileSync(path.join(CORPUS_DIR, f), path.join(corpus, f));
    const dir = tempDir('stale-index');
    await buildIndex({ corpusDir: corpus, indexDir: dir, embedding });
    fs.writeFileSync(path.join(corpus, 'extra.md'), '# 補充\n\n- 這是一份新加入的文件，提到量子電腦測試平台。\n');
    const err = await loadIndex({ corpusDir: corpus, indexDir: dir, embedding }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IndexNotReadyError);
    expect((err as Error).message).toMatch(/corpus folder changed.*npm run ingest/);
    const rebuilt = await loadIndex({ corpusDir: corpus, indexDir: dir, embedding, rebuildIfStale: true });
    expect(rebuilt.manifest.documents.map((d) => d.id)).toContain('extra');
    // A document dropped into corpus/ is searchable with no code change.
    const r = await new Retriever(rebuilt).retrieve('量子電腦測試平台', { k: 3 });
    expect(r.hits[0]!.passage.docId).toBe('extra');
  });

  it('reports a missing index clearly', async () => {
    await expect(loadIndex({ corpusDir: CORPUS_DIR, indexDir: tempDir('empty'), embedding })).rejects.toThrow(/no index found.*npm run ingest/);
  });
});
