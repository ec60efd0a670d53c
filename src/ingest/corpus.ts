import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { z } from 'zod/v4';
import { type DocumentFormat, formatFor } from './formats/index.js';
import type { DocumentMeta } from './types.js';

/** One file = one document. Metadata lives beside it as `<name>.meta.json` (optional). */
export interface SourceDocument {
  meta: DocumentMeta;
  format: DocumentFormat;
  raw: string;
  file: string;
}

const metaSchema = z.object({
  title: z.string().min(1).optional(),
  language: z.string().min(2).optional(),
  publisher: z.string().optional(),
  updated: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'updated must be YYYY-MM-DD')
    .optional(),
  source: z.string().optional(),
  url: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//i.test(u), 'url must be http(s)')
    .optional(),
  series: z.string().min(1).optional(),
  edition: z.string().min(1).optional(),
});

/** A corpus file that cannot be used, with where and why (file, and line when there is one). */
export class CorpusFileError extends Error {
  override name = 'CorpusFileError';
}

export interface CorpusOptions {
  /** STRICT_CORPUS: a bad file stops ingestion instead of being skipped with a warning. */
  strict: boolean;
  /** Where skipped-file warnings go. */
  warn: (line: string) => void;
}

const options: CorpusOptions = { strict: false, warn: (line) => process.stderr.write(`${line}\n`) };
/** The same corpus is read several times per start (staleness check, build, load): warn once. */
const warned = new Set<string>();

/** Set by the composition root from configuration. */
export function configureCorpus(opts: Partial<CorpusOptions>): void {
  Object.assign(options, opts);
}

/**
 * Reads every supported document in `dir`, sorted by file name for a deterministic corpus hash.
 * A file that cannot be used (unreadable, not UTF-8, NUL bytes, bad metadata, no title) is skipped
 * with a warning naming it, or stops the read when the corpus is strict.
 */
export function readCorpus(dir: string, opts: CorpusOptions = options): SourceDocument[] {
  return listCorpus(dir).flatMap((f) => readSource(dir, f, opts) ?? []);
}

/** File names of the supported documents in `dir`, sorted (ingest reads them one at a time). */
export function listCorpus(dir: string): string[] {
  if (!fs.existsSync(dir)) throw new Error(`Corpus folder not found: ${dir}`);
  return fs
    .readdirSync(dir)
    .filter((f) => formatFor(f) && !f.startsWith('.'))
    .sort();
}

/** One document of the corpus folder, or null when it cannot be used (skipped with a warning; strict: thrown). */
export function readSource(dir: string, f: string, opts: CorpusOptions = options): SourceDocument | null {
  try {
    return readDocument(dir, f);
  } catch (err) {
    if (!(err instanceof CorpusFileError)) throw err;
    if (opts.strict) throw new CorpusFileError(`${err.message} (STRICT_CORPUS=true: fix or remove the file)`);
    const line = `skipped corpus file ${err.message}`;
    if (!warned.has(line)) opts.warn(line);
    warned.add(line);
    return null;
  }
}

function readDocument(dir: string, f: string): SourceDocument {
  const file = path.join(dir, f);
  const id = path.basename(f, path.extname(f));
  const format = formatFor(f)!;
  const raw = decodeText(readBytes(file, f), f);
  const meta = readMeta(dir, id);
  const title = meta.title ?? firstHeading(format, raw);
  if (!title) {
    throw new CorpusFileError(`${f}: no title — add "title" to ${id}.meta.json or start the document with a heading`);
  }
  return {
    file,
    format,
    raw,
    meta: {
      id,
      title,
      language: meta.language ?? guessLanguage(raw),
      publisher: meta.publisher,
      updated: meta.updated,
      source: meta.source,
      url: meta.url,
      ...(meta.series ? { series: meta.series } : {}),
      ...(meta.edition ? { edition: meta.edition } : {}),
    },
  };
}

function readBytes(file: string, name: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new CorpusFileError(`${name}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

/** 1-based line of a byte offset. */
function lineOf(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** Strict UTF-8 (never a silent U+FFFD) without NUL bytes; errors name the first bad line. */
function decodeText(bytes: Buffer, name: string): string {
  if (!isUtf8(bytes)) {
    // A newline byte never occurs inside a multi-byte sequence, so lines can be checked one by one.
    let start = 0;
    let line = 1;
    for (;;) {
      const end = bytes.indexOf(0x0a, start);
      if (!isUtf8(bytes.subarray(start, end < 0 ? bytes.length : end))) break;
      if (end < 0) break;
      start = end + 1;
      line++;
    }
    throw new CorpusFileError(`${name} line ${line}: not valid UTF-8 (save the file as UTF-8)`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new CorpusFileError(`${name} line ${lineOf(bytes, nul)}: contains a NUL byte (a binary or UTF-16 file?)`);
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

function readMeta(dir: string, id: string): z.infer<typeof metaSchema> {
  const name = `${id}.meta.json`;
  const metaFile = path.join(dir, name);
  if (!fs.existsSync(metaFile)) return {};
  let json: unknown;
  try {
    json = JSON.parse(decodeText(readBytes(metaFile, name), name));
  } catch (err) {
    if (err instanceof CorpusFileError) throw err;
    throw new CorpusFileError(`${name}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = metaSchema.safeParse(json);
  if (!parsed.success) throw new CorpusFileError(`${name}: invalid metadata: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** The text of the document's first heading (what a file without metadata is called). */
function firstHeading(format: DocumentFormat, raw: string): string | undefined {
  return format.parse(raw).find((b) => b.kind === 'heading')?.text.trim() || undefined;
}

function guessLanguage(text: string): string {
  const cjk = (text.match(/[\u4e00-\u9fff]/g) ?? []).length;
  return cjk > text.length * 0.2 ? 'zh-Hant' : 'en';
}
