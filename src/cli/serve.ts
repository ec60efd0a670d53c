import 'dotenv/config';
import { parseArgs } from 'node:util';
import { ConfigError } from '../config/env.js';
import { startServer } from '../serve/server.js';

/**
 * `npm start`: serve the API; builds the index first when it is missing, stale or damaged.
 * `npm run serve` (`--no-rebuild`): serve only an intact, current index; otherwise refuse, naming the
 * file at fault and `npm run ingest` (for deployments that build the index in a separate step).
 */
const { values } = parseArgs({ options: { 'no-rebuild': { type: 'boolean', default: false } } });
try {
  const server = await startServer({ rebuild: !values['no-rebuild'] });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[serve] ${signal}: draining ${server.inFlight()} in-flight request(s)`);
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `[serve] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
