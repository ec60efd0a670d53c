/**
 * What the corpus folder holds now, cheaply: every document's hash, read from the last manifest when
 * the document's file and metadata file still have the size and modification time recorded there (as
 * git's index does), computed otherwise. Start-up and an unchanged ingest then stat files instead of
 * reading and hashing the whole corpus.
 */
import fs from 'node:fs';
import path from 'node:path';
import { listCorpus, readSource } from '../ingest/corpus.js';
import type { DocumentMeta } from '../ingest/types.js';
import { type DocumentEntry, type FileStat, type IndexManifest, hashDocument, metaOf } from './manifest.js';

export interface DocumentState {
  id: string;
  fileName: string;
  hash: string;
  stat: FileStat;
  meta: DocumentMeta;
}

/** Null when the file cannot be stat'ed (a dangling link): readSource then reports it. */
function statOf(corpusDir: string, fileName: string): FileStat | null {
  try {
    const s = fs.statSync(path.join(corpusDir, fileName));
    const metaFile = path.join(corpusDir, `${path.basename(fileName, path.extname(fileName))}.meta.json`);
    const m = fs.existsSync(metaFile) ? fs.statSync(metaFile) : null;
    return { bytes: s.size, mtimeMs: s.mtimeMs, metaBytes: m?.size ?? null, metaMtimeMs: m?.mtimeMs ?? null };
  } catch {
    return null;
  }
}

const sameStat = (a: FileStat, b: FileStat | undefined) =>
  b !== undefined && a.bytes === b.bytes && a.mtimeMs === b.mtimeMs && a.metaBytes === b.metaBytes && a.metaMtimeMs === b.metaMtimeMs;

/** Files that cannot be used are left out (readSource warns, or throws when the corpus is strict). */
export function corpusState(corpusDir: string, previous: IndexManifest | null, onDocument?: (done: number, total: number) => void): DocumentState[] {
  const known = new Map<string, DocumentEntry>(previous?.documents.map((d) => [d.file, d]));
  const files = listCorpus(corpusDir);
  return files.flatMap((fileName, i) => {
    const stat = statOf(corpusDir, fileName);
    const before = known.get(fileName);
    onDocument?.(i + 1, files.length);
    if (stat && before && sameStat(stat, before.stat)) return [{ id: before.id, fileName, hash: before.hash, stat, meta: metaOf(before) }];
    const source = readSource(corpusDir, fileName);
    return source && stat ? [{ id: source.meta.id, fileName, hash: hashDocument(source), stat, meta: source.meta }] : [];
  });
}
