import fs from 'node:fs';
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
});

/** Reads every supported document in `dir`, sorted by file name for a deterministic corpus hash. */
export function readCorpus(dir: string): SourceDocument[] {
  if (!fs.existsSync(dir)) throw new Error(`Corpus folder not found: ${dir}`);
  const files = fs
    .readdirSync(dir)
    .filter((f) => formatFor(f) && !f.startsWith('.'))
    .sort();
  return files.map((f) => {
    const file = path.join(dir, f);
    const id = path.basename(f, path.extname(f));
    const metaFile = path.join(dir, `${id}.meta.json`);
    let meta: z.infer<typeof metaSchema> = {};
    if (fs.existsSync(metaFile)) {
      const parsed = metaSchema.safeParse(JSON.parse(fs.readFileSync(metaFile, 'utf8')));
      if (!parsed.success) throw new Error(`Invalid metadata in ${metaFile}: ${parsed.error.issues[0]?.message}`);
      meta = parsed.data;
    }
    const raw = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    return {
      file,
      format: formatFor(f)!,
      raw,
      meta: {
        id,
        title: meta.title ?? id,
        language: meta.language ?? guessLanguage(raw),
        publisher: meta.publisher,
        updated: meta.updated,
        source: meta.source,
      },
    };
  });
}

function guessLanguage(text: string): string {
  const cjk = (text.match(/[\u4e00-\u9fff]/g) ?? []).length;
  return cjk > text.length * 0.2 ? 'zh-Hant' : 'en';
}
