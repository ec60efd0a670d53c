import 'dotenv/config';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { scratchDataDir } from './scratch-data.js';
import { percentile } from '../eval/metrics.js';
import { startServer } from '../serve/server.js';

/**
 * `npm run bench:history [-- --requests 150]`: what conversation history costs. The real server on a
 * loopback port answers the same follow-up questions with no history, one earlier turn, and 20 turns
 * of 1,000 characters; sequential requests taking turns between the cases, JSON, p50/p95 per case.
 * Loopback only; bounded in count.
 */
const { values } = parseArgs({ options: { requests: { type: 'string', default: '150' } } });
const n = Number(values.requests);

const QUESTIONS = ['佢幾時成立？', '那數碼港呢？', 'And who runs it?', '資助對象是誰？', '有幾多錢？', '它位於哪裏？'];
const EARLIER = [
  { role: 'user' as const, content: '香港科技園公司成立了哪間附屬公司？' },
  { role: 'assistant' as const, content: '香港科技園公司已成立附屬公司──港深創新及科技園有限公司，負責港深創科園的建設、營運、維修和管理。 [1]' },
];
// 20 turns of 1,000 characters: long earlier questions and answers quoting the fact sheet.
const FILLER = '香港特別行政區政府在 2022 年 12 月公布《香港創新科技發展藍圖》，為未來五至十年的香港創新科技發展制訂清晰的發展路徑。';
const long = (prefix: string) => (prefix + FILLER.repeat(20)).slice(0, 1000);
const TWENTY = Array.from({ length: 20 }, (_, i) => ({
  role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
  content: long(i % 2 === 0 ? '請問' : '根據資料：'),
}));

const server = await startServer({ config: { PORT: 0, HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: 0, DATA_DIR: scratchDataDir() }, logger: pino({ level: 'warn' }) });
const ask = async (message: string, history: unknown[]) => {
  const t = performance.now();
  const r = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message, history }) });
  await r.text();
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return performance.now() - t;
};

const cases: Array<[string, unknown[]]> = [
  ['no history', []],
  ['one earlier turn', EARLIER],
  ['20 turns × 1,000 characters', TWENTY],
];
for (let i = 0; i < 30; i++) await ask(QUESTIONS[i % QUESTIONS.length]!, cases[i % 3]![1]);
// The cases take turns, request by request: a pause of the machine (GC, another process) then falls on
// all three alike instead of on whichever case was running, which made the ratio swing 1.4–2.1×.
const times: number[][] = cases.map(() => []);
for (let i = 0; i < n; i++) {
  for (const [c, [, history]] of cases.entries()) times[c]!.push(await ask(QUESTIONS[i % QUESTIONS.length]!, history));
}
console.log('history                        requests   p50 ms   p95 ms');
const rows: Array<[string, number, number]> = [];
for (const [c, [label]] of cases.entries()) {
  rows.push([label, percentile(times[c]!, 50), percentile(times[c]!, 95)]);
  console.log(`${label.padEnd(30)} ${String(n).padStart(8)} ${percentile(times[c]!, 50).toFixed(1).padStart(8)} ${percentile(times[c]!, 95).toFixed(1).padStart(8)}`);
}
console.log(`p95 with 20 turns ÷ p95 without: ${(rows[2]![2] / rows[0]![2]).toFixed(2)}`);
await server.close();
