/**
 * Near-topic synthetic documents for scale tests (never written into corpus/): each decoy is a
 * corpus document with its bullets shuffled within their section, a third of its letters replaced
 * (Han characters by other characters of the same document, Latin letters by letters) and every digit
 * randomised. They share the fact sheet's vocabulary, so thousands of passages compete for every
 * question's words, while the true facts (digits) appear only in the original.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Block } from '../ingest/blocks.js';
import { cleanDocument } from '../ingest/clean-document.js';
import { readCorpus } from '../ingest/corpus.js';
import { seededRandom } from '../util/random.js';

/** Deterministic PRNG: the same seed gives the same decoys on every machine. */
export const rng = seededRandom;

const HAN = /\p{Script=Han}/u;
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';

export interface DecoyOptions {
  /** Folder holding the real documents (copied into outDir unchanged). */
  corpusDir: string;
  outDir: string;
  /** Decoys per real document. */
  copies: number;
  seed?: number;
  /** Share of letters replaced (default 1/3). */
  noise?: number;
  log?: (line: string) => void;
}

function randomise(text: string, alphabet: string[], rand: () => number, noise: number): string {
  let out = '';
  for (const ch of text) {
    if (ch >= '0' && ch <= '9') out += String(Math.floor(rand() * 10));
    else if (HAN.test(ch)) out += rand() < noise ? alphabet[Math.floor(rand() * alphabet.length)]! : ch;
    else if (/[A-Za-z]/.test(ch) && rand() < noise) {
      const set = ch === ch.toUpperCase() ? UPPER : LOWER;
      out += set[Math.floor(rand() * 26)]!;
    } else out += ch;
  }
  return out;
}

/** Bullets shuffled within each run of consecutive bullets (a section's list), headings in place. */
function shuffleBullets(blocks: Block[], rand: () => number): Block[] {
  const out = [...blocks];
  let i = 0;
  while (i < out.length) {
    if (out[i]!.kind !== 'bullet') {
      i++;
      continue;
    }
    let j = i;
    while (j < out.length && out[j]!.kind === 'bullet') j++;
    for (let k = j - 1; k > i; k--) {
      const r = i + Math.floor(rand() * (k - i + 1));
      [out[k], out[r]] = [out[r]!, out[k]!];
    }
    i = j;
  }
  return out;
}

function toMarkdown(title: string, blocks: Block[]): string {
  const lines = [`# ${title}`, ''];
  for (const b of blocks) {
    if (b.kind === 'heading') lines.push(`## ${b.text}`, '');
    else if (b.kind === 'bullet') lines.push(`- ${b.text}`);
    else lines.push('', b.text, '');
  }
  return lines.join('\n') + '\n';
}

/**
 * Writes the real documents plus `copies` decoys of each into `outDir` (emptied first). Decoys are
 * named `decoy-NNNNNN-<id>.md`, which sorts before most real documents, so ties in ranking are not
 * broken in the originals' favour. Returns the number of files written.
 */
export function generateDecoys(opts: DecoyOptions): number {
  const noise = opts.noise ?? 1 / 3;
  const seed = opts.seed ?? 1;
  fs.rmSync(opts.outDir, { recursive: true, force: true });
  fs.mkdirSync(opts.outDir, { recursive: true });
  for (const f of fs.readdirSync(opts.corpusDir)) {
    if (fs.statSync(path.join(opts.corpusDir, f)).isFile()) fs.copyFileSync(path.join(opts.corpusDir, f), path.join(opts.outDir, f));
  }
  let written = 0;
  for (const source of readCorpus(opts.corpusDir)) {
    const clean = cleanDocument(source);
    const alphabet = [...new Set(clean.text.match(/\p{Script=Han}/gu) ?? [])];
    const blocks = clean.blocks.map(({ kind, text }) => ({ kind, text }));
    // Drop the title heading: the decoy gets its own (randomised) title.
    const titleIdx = blocks.findIndex((b) => b.kind === 'heading' && b.text === source.meta.title);
    if (titleIdx >= 0) blocks.splice(titleIdx, 1);
    for (let c = 1; c <= opts.copies; c++) {
      const rand = rng(seed * 1_000_003 + c);
      const headings = new Map<string, string>();
      const decoy = shuffleBullets(blocks, rand).map((b) => {
        if (b.kind !== 'heading') return { ...b, text: randomise(b.text, alphabet, rand, noise) };
        if (!headings.has(b.text)) headings.set(b.text, randomise(b.text, alphabet, rand, noise));
        return { ...b, text: headings.get(b.text)! };
      });
      const id = `decoy-${String(c).padStart(6, '0')}-${source.meta.id}`;
      const title = randomise(source.meta.title, alphabet, rand, noise);
      fs.writeFileSync(path.join(opts.outDir, `${id}.md`), toMarkdown(title, decoy));
      fs.writeFileSync(path.join(opts.outDir, `${id}.meta.json`), JSON.stringify({ title, language: source.meta.language }) + '\n');
      written++;
      if (opts.log && c % 500 === 0) opts.log(`decoys: ${c}/${opts.copies} of ${source.meta.id}`);
    }
  }
  return written;
}
