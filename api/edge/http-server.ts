// The API's HTTP server: Express behind Node's parser, with the parser's refusals as
// problem documents, headers bounded to 16 KiB, and a stop that drains keep-alive
// connections. api/main.ts runs it; tests build the same one.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientError } from './client-errors';
import { drainOnStop, type Drain } from './graceful-stop';

/** Request line plus headers; Node's default, stated here because the 431 answer names it. */
export const MAX_HEADER_BYTES = 16 * 1024;

export interface ApiServer extends Drain {
  server: Server;
  address: AddressInfo;
}

export async function listenApi(app: RequestListener, port: number, host: string): Promise<ApiServer> {
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app);
  server.on('clientError', answerClientError);
  const drain = drainOnStop(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return { server, address: server.address() as AddressInfo, stop: drain.stop };
}
