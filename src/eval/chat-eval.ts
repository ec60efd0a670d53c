import type { EvalItem } from './dataset.js';
export async function runChatEval(_items: EvalItem[], _opts: { verbose: boolean }): Promise<void> {
  throw new Error('chat evaluation needs the HTTP server (src/serve)');
}
