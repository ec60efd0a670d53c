import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';

/**
 * Listens on a free loopback port and tracks open sockets, so a fake server can be closed at once
 * (keep-alive connections would otherwise hold `close()` open). Returns the port.
 */
export async function listenOnLoopback(server: http.Server, sockets: Set<Socket>): Promise<number> {
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}
