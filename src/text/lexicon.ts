import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config/paths.js';

/**
 * Where the hand-written lexicon (reviewed like code) and the generated caches live, and the one
 * reader for the lexicon's line-based files. The composition root sets the folders from
 * configuration before anything is segmented; jieba loads once per process, so they cannot change later.
 */
const dirs = { lexicon: path.join(PROJECT_ROOT, 'lexicon'), cache: path.join(PROJECT_ROOT, '.cache') };
let frozen = false;

export function configureLexicon(opts: { lexiconDir?: string; cacheDir?: string }): void {
  const next = { lexicon: opts.lexiconDir ?? dirs.lexicon, cache: opts.cacheDir ?? dirs.cache };
  if (frozen && (next.lexicon !== dirs.lexicon || next.cache !== dirs.cache)) {
    throw new Error('The lexicon folders cannot change after the segmenter has loaded');
  }
  Object.assign(dirs, next);
}

/** The configured folders (worker threads configure themselves the same way). */
export function lexiconDirs(): { lexiconDir: string; cacheDir: string } {
  return { lexiconDir: dirs.lexicon, cacheDir: dirs.cache };
}

/** Marks the folders as in use (the segmenter has read them). */
export function freezeLexicon(): void {
  frozen = true;
}

export function lexiconPath(name: string): string {
  return path.join(dirs.lexicon, name);
}

/** Generated files (converted dictionaries, derived resources): never written into lexicon/. */
export function cachePath(...parts: string[]): string {
  return path.join(dirs.cache, ...parts);
}

const lineCache = new Map<string, string[]>();

/** The non-blank, non-comment (#) lines of a lexicon file, trimmed at the end; read once. */
export function lexiconLines(name: string): string[] {
  const file = lexiconPath(name);
  let lines = lineCache.get(file);
  if (!lines) {
    if (!fs.existsSync(file)) throw new Error(`Lexicon file missing: ${file}`);
    lines = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => l.replace(/\s+$/, ''))
      .filter((l) => l.trim() && !l.trimStart().startsWith('#'));
    lineCache.set(file, lines);
  }
  return lines;
}
