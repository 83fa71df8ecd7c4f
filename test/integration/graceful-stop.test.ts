// Stopping the API under keep-alive load (api/edge/graceful-stop.ts, through the same
// listenApi that api/main.ts calls on SIGTERM): requests in flight finish, every answer
// from then on says `Connection: close` so clients reconnect elsewhere, no new
// connection is accepted, and a request that never finishes cannot hold the exit.
import http from 'node:http';
import net from 'node:net';
import express from 'express';
import { listenApi, type ApiServer } from '../../api/edge/http-server';

interface Answer {
  status: number;
  connection: string | undefined;
}

/** A promise and the function that settles it: the test waits on events, never on the clock. */
function signal(): { fired: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const fired = new Promise<void>((resolve) => (fire = resolve));
  return { fired, fire };
}

let server: ApiServer;
let slowArrived: ReturnType<typeof signal>;
let releaseSlow: ReturnType<typeof signal>;
let hangArrived: ReturnType<typeof signal>;
beforeEach(async () => {
  [slowArrived, releaseSlow, hangArrived] = [signal(), signal(), signal()];
  const app = express()
    .get('/fast', (_req, res) => void res.json({ ok: true }))
    .get('/slow', async (_req, res) => {
      slowArrived.fire();
      await releaseSlow.fired;
      res.json({ done: true });
    })
    .get('/hang', () => hangArrived.fire()); // never answers
  server = await listenApi(app, 0, '127.0.0.1');
});
afterEach(() => server.stop(100));

function get(path: string, agent: http.Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: server.address.port, path, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
    });
    req.on('error', reject);
  });
}

describe('stopping the API', () => {
  it('when stop begins under keep-alive load, then requests in flight finish, later answers say Connection: close, and stop resolves once they are done', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    await Promise.all([1, 2, 3].map(() => get('/fast', agent))); // open, now idle, keep-alive connections
    const slow = get('/slow', agent);
    await slowArrived.fired;
    // A connection mid-request when the stop begins: its request finishes arriving afterwards.
    const late = net.connect(server.address.port, '127.0.0.1');
    await new Promise((resolve) => late.once('connect', resolve));
    late.write('GET /fast HTTP/1.1\r\nHost: localhost\r\n');

    // Keep-alive clients keep sending while the server stops.
    let stopBegan = false;
    const afterStop: (Answer | NodeJS.ErrnoException)[] = [];
    const clients = [1, 2, 3].map(async () => {
      for (let i = 0; i < 200 && !(stopBegan && afterStop.length >= 6); i++) {
        const sentAfterStop = stopBegan;
        const answer = await get('/fast', agent).catch((e: NodeJS.ErrnoException) => e);
        if (sentAfterStop) afterStop.push(answer);
      }
    });
    await get('/fast', agent);

    const started = Date.now();
    const stopped = server.stop(5_000);
    stopBegan = true;
    late.write('\r\n');
    const lateAnswer = await readUntilClosed(late);
    releaseSlow.fire();
    expect(await slow).toEqual({ status: 200, connection: 'close' });
    await stopped;
    await Promise.all(clients);
    expect(Date.now() - started).toBeLessThan(5_000);

    expect(lateAnswer).toMatch(/^HTTP\/1\.1 200 .*\r\nconnection: close\r\n/is);
    // Sent after the stop began: answered with Connection: close, or refused before any answer.
    for (const answer of afterStop) {
      if ('status' in answer) expect(answer).toEqual({ status: 200, connection: 'close' });
      else expect(['ECONNREFUSED', 'ECONNRESET']).toContain(answer.code);
    }
    await expect(get('/fast', new http.Agent())).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    agent.destroy();
  });

  it('when a request never finishes, then stop still resolves within its grace period and that connection is cut', async () => {
    const hung = get('/hang', new http.Agent({ keepAlive: true }));
    await hangArrived.fired;
    const started = Date.now();
    await server.stop(300);
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(3_000);
    await expect(hung).rejects.toMatchObject({ code: 'ECONNRESET' });
  });
});

function readUntilClosed(socket: net.Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
  });
}
