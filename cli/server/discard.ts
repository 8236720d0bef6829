/** Reading what is left of a request that was answered early, so the answer reaches the client. */
import type { IncomingMessage } from 'node:http';

/** Past this much, a client that keeps sending after its answer is cut off. */
const DISCARD_BYTES = 1024 * 1024 * 1024;

/**
 * Reads and drops the rest of the body. Closing the socket instead would make the client's TCP stack
 * reset the connection, and many clients then lose the answer (a 413 becomes "connection reset").
 */
export function discardRest(request: IncomingMessage): void {
  if (request.complete || request.destroyed) return;
  let seen = 0;
  request.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DISCARD_BYTES) request.destroy();
  });
  request.resume();
}
