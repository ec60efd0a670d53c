/**
 * LangChain `Embeddings` over @xenova/transformers feature-extraction (onnxruntime-node).
 * We deliberately do not use LangChain's HuggingFaceTransformersEmbeddings: it pulls in
 * @huggingface/transformers, i.e. a second onnxruntime in the same process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Embeddings } from '@langchain/core/embeddings';
import { env, pipeline, type FeatureExtractionPipeline } from '@xenova/transformers';

export type Pooling = 'cls' | 'mean';

export interface ModelDefaults {
  pooling: Pooling;
  /** Prepended to queries only. */
  queryInstruction?: string;
  /** Prepended to documents only (e5-style "passage: "). */
  documentInstruction?: string;
}


const BGE_ZH_QUERY_INSTRUCTION = '为这个句子生成表示以用于检索相关文章：';

/** Known per-model conventions, keyed by the model name without its org prefix (lower-case). */
export const MODEL_DEFAULTS: Readonly<Record<string, ModelDefaults>> = {
  'bge-small-zh-v1.5': { pooling: 'cls', queryInstruction: BGE_ZH_QUERY_INSTRUCTION },
  'bge-base-zh-v1.5': { pooling: 'cls', queryInstruction: BGE_ZH_QUERY_INSTRUCTION },
  'bge-m3': { pooling: 'cls' },
  'multilingual-e5-small': { pooling: 'mean', queryInstruction: 'query: ', documentInstruction: 'passage: ' },
  'paraphrase-multilingual-minilm-l12-v2': { pooling: 'mean' },
};

/** Unknown models get mean pooling and no instruction: the safest generic choice for sentence encoders. */
export function modelDefaults(modelId: string): ModelDefaults {
  const name = modelId.split('/').pop()!.toLowerCase();
  return MODEL_DEFAULTS[name] ?? { pooling: 'mean' };
}

export interface EmbedderOptions {
  /** Hub-style id, also the sub-path under `modelsDir` (the default is EMBEDDING_MODEL's, in the config schema). */
  modelId: string;
  /** Local models root: files are read from `<modelsDir>/<modelId>/…`. */
  modelsDir: string;
  /** Allow downloading from the Hugging Face hub into `modelsDir` (default false: never touch the network). */
  allowRemote?: boolean;
  pooling?: Pooling;
  normalize?: boolean;
  queryInstruction?: string;
  documentInstruction?: string;
  batchSize?: number;
  /** true → onnx/model_quantized.onnx, false → onnx/model.onnx (default true). */
  quantized?: boolean;
}

export interface EmbedderSettings {
  modelId: string;
  modelsDir: string;
  pooling: Pooling;
  normalize: boolean;
  queryInstruction: string;
  documentInstruction: string;
  batchSize: number;
  quantized: boolean;
}

export interface EmbedderLoadFailure {
  ok: false;
  /** One line, suitable for logs / health output. */
  reason: string;
}

export class TransformersEmbeddings extends Embeddings {
  /** Discriminant against EmbedderLoadFailure. */
  readonly ok = true as const;
  /** Vector length, measured with a probe embedding at load time. */
  dimensions = 0;

  constructor(
    private readonly extractor: FeatureExtractionPipeline,
    readonly settings: Readonly<EmbedderSettings>,
  ) {
    // Local inference: retrying a failed forward pass would only fail again.
    super({ maxRetries: 0 });
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return this.embed(documents.map((d) => this.settings.documentInstruction + d));
  }

  async embedQuery(query: string): Promise<number[]> {
    const [vector] = await this.embed([this.settings.queryInstruction + query]);
    return vector!;
  }

  /** Releases the onnxruntime session. */
  async dispose(): Promise<void> {
    await this.extractor.dispose();
  }

  private async embed(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    const { batchSize, pooling, normalize } = this.settings;
    for (let i = 0; i < texts.length; i += batchSize) {
      const tensor = await this.extractor(texts.slice(i, i + batchSize), { pooling, normalize });
      out.push(...(tensor.tolist() as number[][]));
    }
    return out;
  }
}

const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

function firstLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n')[0]!.trim();
}

// transformers.js reads its configuration from a process-wide `env`: serialise loads so concurrent
// loadEmbedder calls with different options cannot interleave their settings.
let loadQueue: Promise<unknown> = Promise.resolve();

export function loadEmbedder(options: EmbedderOptions): Promise<TransformersEmbeddings | EmbedderLoadFailure> {
  const run = loadQueue.then(() => loadEmbedderNow(options));
  loadQueue = run.catch(() => undefined);
  return run;
}

async function loadEmbedderNow(options: EmbedderOptions): Promise<TransformersEmbeddings | EmbedderLoadFailure> {
  const modelId = options.modelId;
  const defaults = modelDefaults(modelId);
  const settings: EmbedderSettings = {
    modelId,
    modelsDir: path.resolve(options.modelsDir),
    pooling: options.pooling ?? defaults.pooling,
    normalize: options.normalize ?? true,
    queryInstruction: options.queryInstruction ?? defaults.queryInstruction ?? '',
    documentInstruction: options.documentInstruction ?? defaults.documentInstruction ?? '',
    batchSize: options.batchSize ?? 16,
    quantized: options.quantized ?? true,
  };
  const allowRemote = options.allowRemote ?? false;
  if (!Number.isInteger(settings.batchSize) || settings.batchSize < 1) {
    return { ok: false, reason: `batchSize must be a positive integer, got ${settings.batchSize}` };
  }

  const modelDir = path.join(settings.modelsDir, ...modelId.split('/'));
  const onnxFile = `onnx/model${settings.quantized ? '_quantized' : ''}.onnx`;
  if (!allowRemote) {
    const missing = [...REQUIRED_FILES, onnxFile].filter((f) => !fs.existsSync(path.join(modelDir, f)));
    if (missing.length > 0) {
      const what = fs.existsSync(modelDir) ? `missing ${missing.join(', ')} in ${modelDir}` : `folder ${modelDir} does not exist`;
      return { ok: false, reason: `embedding model "${modelId}" not available: ${what} (remote download disabled)` };
    }
  }

  env.localModelPath = settings.modelsDir;
  env.allowLocalModels = true;
  env.allowRemoteModels = allowRemote;
  // The FS cache layout (<cacheDir>/<modelId>/<file>) equals the local layout, so downloads land in
  // modelsDir and later offline loads find them; offline, no cache is consulted at all.
  env.useFSCache = allowRemote;
  env.cacheDir = settings.modelsDir;

  let extractor: FeatureExtractionPipeline;
  try {
    extractor = await pipeline('feature-extraction', modelId, { quantized: settings.quantized, local_files_only: !allowRemote });
  } catch (err) {
    return { ok: false, reason: `failed to load embedding model "${modelId}": ${firstLine(err)}` };
  }

  const embedder = new TransformersEmbeddings(extractor, settings);
  try {
    const [probe] = await embedder.embedDocuments(['dimension probe 維度探測']);
    if (!probe || probe.length === 0 || !probe.every(Number.isFinite)) {
      await embedder.dispose();
      return { ok: false, reason: `embedding model "${modelId}" produced an empty or non-finite probe vector` };
    }
    embedder.dimensions = probe.length;
  } catch (err) {
    await embedder.dispose().catch(() => undefined);
    return { ok: false, reason: `embedding model "${modelId}" failed its probe embedding: ${firstLine(err)}` };
  }
  return embedder;
}
