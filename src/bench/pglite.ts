/**
 * PGlite (PostgreSQL compiled to WebAssembly, with pgvector) served over the PostgreSQL wire protocol on
 * loopback by pglite-socket, so the unchanged `pg` client talks to it as to any server. For tests and
 * `npm run bench` only (dev dependencies); production points DATABASE_URL at a real PostgreSQL.
 * PGlite runs one session: connections are multiplexed query by query.
 */
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface LocalPostgres {
  /** postgresql://… URL on 127.0.0.1 for DATABASE_URL. */
  url: string;
  close(): Promise<void>;
}

export async function startLocalPostgres(opts: { dataDir?: string } = {}): Promise<LocalPostgres> {
  const db = await PGlite.create({ ...(opts.dataDir ? { dataDir: opts.dataDir } : {}), extensions: { vector } });
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 16 });
  await server.start();
  const conn = server.getServerConn();
  const port = Number(/:(\d+)$/.exec(conn)?.[1] ?? NaN);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`pglite-socket listens on an unexpected address: ${conn}`);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
}
