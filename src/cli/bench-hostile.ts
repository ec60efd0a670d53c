import 'dotenv/config';
import { pino } from 'pino';
import { scratchDataDir } from './scratch-data.js';
import { percentile } from '../eval/metrics.js';
import { startServer } from '../serve/server.js';

/**
 * `npm run bench:hostile`: per-request cost of the most expensive requests the API accepts (long
 * histories, messages that NFKC expands), next to an ordinary question, on the real server over
 * loopback. Prints p50 / max latency in ms over a few sequential requests of each kind, and the
 * process CPU time per request (client and server share the process; CPU time is steadier than wall
 * time on a busy machine).
 */
const RUNS = 15;
const server = await startServer({ config: { PORT: 0, HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: 0, DATA_DIR: scratchDataDir() }, logger: pino({ level: 'warn' }) });

// Within the 64 KB body limit: 20 turns of mixed Latin and Han text that all look like context.
const turn = (i: number) => `${'數碼港創新科技 Cyberport innovation technology start-ups '.repeat(60)} ${i}`.slice(0, 2300);
const longHistory = Array.from({ length: 20 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: turn(i) }));

const CASES: Array<[string, object]> = [
  ['ordinary question', { message: '數碼港匯集多少家初創企業和科技公司？' }],
  ['1,000 Han characters', { message: '數碼港科學園創新科技'.repeat(100) }],
  ['1,000 × U+FDFA (NFKC → 18 chars each)', { message: '\uFDFA'.repeat(1000) }],
  ['55 × U+FDFA (NFKC → 990 chars)', { message: '\uFDFA'.repeat(55) }],
  ['1,000 × U+3300-block squares (NFKC → 3-5 chars)', { message: '㌀㌁㌂㌃㌄'.repeat(200) }],
  ['follow-up after 20 long turns', { message: '那它呢？', history: longHistory }],
];

const rows: string[] = [];
for (const [name, body] of CASES) {
  const json = JSON.stringify(body);
  const times: number[] = [];
  let status = 0;
  let cpu = 0;
  for (let i = 0; i < RUNS + 2; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: json });
    status = res.status;
    await res.text();
    if (i >= 2) {
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu += (c.user + c.system) / 1000;
    }
  }
  rows.push(
    `| ${name} | ${(Buffer.byteLength(json) / 1024).toFixed(1)} KB | ${status} | ${percentile(times, 50).toFixed(1)} | ${Math.max(...times).toFixed(1)} | ${(cpu / RUNS).toFixed(1)} |`,
  );
}
console.log('| request | body | status | p50 ms | max ms | CPU ms |\n|---|---|---|---|---|---|');
console.log(rows.join('\n'));
await server.close();
