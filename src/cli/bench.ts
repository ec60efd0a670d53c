import 'dotenv/config';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { scratchDataDir } from './scratch-data.js';
import { startServer } from '../serve/server.js';
import { percentile } from '../eval/metrics.js';

/**
 * `npm run bench [-- --duration 10 --connections 4]`: starts the real server on a loopback port
 * and measures (1) single-client latency per question (warm) and (2) throughput under concurrent
 * load with autocannon. Loopback only; bounded in time.
 */
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '4' },
    requests: { type: 'string', default: '300' },
  },
});

const QUESTIONS = [
  '數碼港匯集多少家初創企業和科技公司？',
  '香港有多少个Wi-Fi热点？',
  'How many virtual banking licences has Hong Kong granted?',
  '科技園嘅科技企業投資基金投咗幾多間公司？',
  '轉數快每日平均成交量是多少？',
  '香港明天天氣如何？',
];

const server = await startServer({ config: { PORT: 0, HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: 0, DATA_DIR: scratchDataDir() }, logger: pino({ level: 'warn' }) });
const ready = await (await fetch(`${server.url}/readyz`)).json();
console.log(`server ${server.url}: retrieval ${ready.retrieval}, model ${ready.model ?? 'none'}, answer mode ${ready.answerMode}, ${ready.passages} passages`);

const ask = (message: string, stream = false) =>
  fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message, stream }) }).then((r) => r.text());

for (let i = 0; i < 20; i++) await ask(QUESTIONS[i % QUESTIONS.length]!);
const n = Number(values.requests);
const times: number[] = [];
for (let i = 0; i < n; i++) {
  const t = performance.now();
  await ask(QUESTIONS[i % QUESTIONS.length]!, i % 2 === 1);
  times.push(performance.now() - t);
}
console.log(
  `sequential (1 client, ${n} requests, JSON and SSE alternating): p50 ${percentile(times, 50).toFixed(2)} ms, ` +
    `p95 ${percentile(times, 95).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms`,
);

const result = await autocannon({
  url: `${server.url}/api/chat`,
  connections: Number(values.connections),
  duration: Number(values.duration),
  requests: QUESTIONS.map((message) => ({ method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message }) })),
});
console.log(
  `autocannon (${values.connections} connections, ${values.duration} s): ${result.requests.average.toFixed(0)} req/s, ` +
    `latency p50 ${result.latency.p50} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms; ` +
    `${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
);
console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
await server.close();
