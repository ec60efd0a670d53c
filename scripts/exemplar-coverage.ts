/**
 * `npx tsx scripts/exemplar-coverage.ts SET.jsonl [SET.jsonl…]`: how many single-turn questions of the
 * sets have a labelled exemplar at least EXEMPLAR_SIMILARITY alike, and how many one the service would
 * take for the same question (every guard passing); how many follow-ups it would take for a labelled one. Each set's own exemplars are held out, as
 * `npm run eval` does. For developers judging how far the exemplars reach.
 */
import 'dotenv/config';
import fs from 'node:fs';
import path from 'node:path';
import { exemplarBank, indexOptions } from '../src/compose.js';
import { loadEnv } from '../src/config/env.js';
import { parseQuestionSet } from '../src/contract/question-set.js';
import { loadIndex } from '../src/index/load-index.js';
import { NgramSimilarity } from '../src/retrieve/exemplars/ngram-similarity.js';

const env = loadEnv();
const index = await loadIndex({ ...indexOptions(env), rebuildIfStale: false });
const bank = exemplarBank(env, index);
let questions = 0;
let near = 0;
let matched = 0;
let followUps = 0;
let followUpsMatched = 0;
for (const file of process.argv.slice(2)) {
  const held = bank.without(path.basename(file, '.jsonl'));
  const similarity = new NgramSimilarity(held.singleTurn.map((e) => e.grams));
  for (const item of parseQuestionSet(fs.readFileSync(file, 'utf8'), file).items) {
    const previous = item.history.filter((t) => t.role === 'user').at(-1)?.content;
    if (previous !== undefined) {
      followUps++;
      if (held.matchFollowUp(item.question, previous)) followUpsMatched++;
      continue;
    }
    questions++;
    if (similarity.search(item.question, env.EXEMPLAR_SIMILARITY).length) near++;
    if (held.match(item.question)) matched++;
  }
}
const share = (k: number, n: number) => (n ? (k / n).toFixed(3) : '—');
console.log(`single-turn questions ${questions}; an exemplar ≥ ${env.EXEMPLAR_SIMILARITY} alike: ${near} (${share(near, questions)}); taken for the same question: ${matched} (${share(matched, questions)})`);
console.log(`follow-ups ${followUps}; taken for a labelled follow-up after a like message: ${followUpsMatched} (${share(followUpsMatched, followUps)})`);
await index.close();
