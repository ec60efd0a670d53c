/**
 * What recording an answer costs a request: `npx tsx scripts/bench-records.ts [N]` inserts N answer
 * records (two citations each) into a fresh SQLite file in a temporary folder, as the chat endpoints
 * do, and prints the time per record with the question log off and on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnswerRecords } from '../src/records/answer-records.js';

const n = Number(process.argv[2] ?? 2000);
for (const storeQuestions of [false, true]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factsheet-bench-records-'));
  const records = AnswerRecords.open(dir, { storeQuestions, questionRetentionDays: 30, dataRetentionDays: 365 });
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    records.record({
      id: `a-${i}`,
      at: new Date(),
      endpoint: 'chat',
      language: 'zh-Hant',
      mode: 'extractive',
      outcome: 'answered',
      confidence: 0.5,
      citations: [
        { marker: 1, passageId: 'p-07fab8266a46', section: '創科界持份者' },
        { marker: 2, passageId: 'p-1e6323a7ed0c', section: '智慧城市' },
      ],
      question: '數碼港匯集多少家初創企業和科技公司？我的電話是 9123 4567',
      uncovered: [],
    });
  }
  const ms = (performance.now() - t0) / n;
  records.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`| question log ${storeQuestions ? 'on ' : 'off'} | ${n} records | ${ms.toFixed(3)} ms per record |`);
}
