import 'dotenv/config';
import { ConfigError } from '../config/env.js';
import { startServer } from '../serve/server.js';

/** `npm start`: serve the API; builds the index first when it is missing or stale. */
try {
  const server = await startServer();
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
