/** `tsx src/bench/pglite-server.ts`: PGlite with pgvector on a loopback port; prints its URL; stops on SIGTERM. */
import { startLocalPostgres } from './pglite.js';

const db = await startLocalPostgres();
console.log(db.url);
const stop = () => void db.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
