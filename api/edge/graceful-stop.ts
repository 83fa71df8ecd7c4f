// Stopping an HTTP server without dropping work: stop accepting, let requests in
// flight finish, tell keep-alive clients to reconnect elsewhere (every answer from
// now on carries `Connection: close`), close idle connections, and after a bounded
// grace period close whatever is still open so the process can exit.
import type { Server, ServerResponse } from 'node:http';

export const DEFAULT_STOP_GRACE_MS = 10_000;

export interface Drain {
  /** Resolves once every connection is closed; at most `graceMs` after it was first called (plus the sockets' own teardown). */
  stop(graceMs?: number): Promise<void>;
}

export function drainOnStop(server: Server): Drain {
  const open = new Set<ServerResponse>();
  let stopping: Promise<void> | undefined;

  const closeAfter = (res: ServerResponse): void => {
    if (!res.headersSent) res.setHeader('connection', 'close');
    // Headers already out without the close: end the connection once this answer is complete.
    else res.once('finish', () => res.socket?.end());
  };

  // Before the app's own listener, so even an answer written synchronously carries the header.
  server.prependListener('request', (_req, res: ServerResponse) => {
    if (stopping) closeAfter(res);
    open.add(res);
    res.once('close', () => open.delete(res));
  });

  return {
    stop(graceMs = DEFAULT_STOP_GRACE_MS) {
      stopping ??= new Promise<void>((resolve) => {
        const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(deadline);
          resolve();
        });
        for (const res of open) closeAfter(res);
        server.closeIdleConnections();
      });
      return stopping;
    },
  };
}
