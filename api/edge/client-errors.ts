// Requests Node's HTTP parser refuses before Express sees them (a control character
// in a header, headers over the limit, a malformed request line, a request that took
// too long) get an RFC 9457 problem document like every other error, not Node's bare
// status line. There is no request object yet, so the answer is written on the socket.
import type { Duplex } from 'node:stream';

interface ParserError extends Error {
  code?: string;
  rawPacket?: Buffer;
}

const ANSWERS: Record<string, { status: number; title: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, title: 'Request Header Fields Too Large', detail: 'the request line and headers together exceed 16 KiB' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, title: 'Content Too Large', detail: 'the chunk extensions are too large' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, title: 'Request Timeout', detail: 'the request did not arrive in time' },
};
const MALFORMED = { status: 400, title: 'Bad Request', detail: 'the request is not valid HTTP/1.1 (for example a control character in a header)' };

/** The server's `clientError` listener. */
export function answerClientError(err: ParserError, socket: Duplex): void {
  // Only while nothing of a response went out on this socket: otherwise the peer would read garbage.
  const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const answer = ANSWERS[err.code ?? ''] ?? MALFORMED;
  const body = JSON.stringify({ type: 'about:blank', ...answer, instance: requestTarget(err.rawPacket) });
  socket.end(
    `HTTP/1.1 ${answer.status} ${answer.title}\r\n` +
      'Content-Type: application/problem+json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/** The path from the request line, when the bytes start with a sane one; empty otherwise. */
function requestTarget(raw: Buffer | undefined): string {
  const line = /^[A-Z]{3,10} (\/[\x21-\x7e]{0,2000}) HTTP\/1\.[01]\r?\n/.exec(raw?.subarray(0, 2100).toString('latin1') ?? '');
  return line?.[1] ?? '';
}
