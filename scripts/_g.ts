import { pino } from 'pino';
import { createServices, indexOptions } from '../src/compose.js';
import { loadEnv } from '../src/config/env.js';
import { loadIndex } from '../src/index/load-index.js';
import { GATE_FEATURES } from '../src/answer/answer-gate.js';
const env = loadEnv();
const index = await loadIndex({ ...indexOptions(env), rebuildIfStale: true });
const { answers } = createServices(env, index, null, pino({ level: 'silent' }));
const m = answers.gate!.model.gate;
for (const q of process.argv.slice(2)) {
  const { trace } = await answers.answer(q, []);
  const f = trace.gate!.features;
  const contrib = GATE_FEATURES.map((n, i) => [n, (m.weights[i]! * (f[i]! - m.mean[i]!)) / m.scale[i]!, f[i]] as const).sort((a, b) => a[1] - b[1]);
  console.log(q, 'conf', trace.confidence.toFixed(3), trace.gate!.probability, contrib.slice(0, 6).map(([n, c, v]) => `${n}=${Number(v).toFixed(2)}:${c.toFixed(2)}`).join(' '));
}
await index.close();
