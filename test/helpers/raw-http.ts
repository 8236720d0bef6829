/** HTTP requests written byte by byte on a socket, so tests can send what fetch and node:http refuse to. */
import { connect } from 'node:net';

export interface RawReply {
  /** null when the server closed or stayed silent without an answer. */
  status: number | null;
  headers: string;
  body: string;
}

/** Sends `request` (request line, headers, body: exactly these bytes) and reads one answer. */
export function sendRaw(port: number, request: Buffer | string, timeoutMs = 10_000): Promise<RawReply> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parseReply(Buffer.concat(chunks)));
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (isComplete(Buffer.concat(chunks))) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.write(request);
  });
}

function isComplete(bytes: Buffer): boolean {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(bytes.subarray(0, end).toString('latin1'));
  return length ? bytes.length >= end + 4 + Number(length[1]) : false;
}

function parseReply(bytes: Buffer): RawReply {
  const text = bytes.toString('utf8');
  const end = text.indexOf('\r\n\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  return { status: status ? Number(status[1]) : null, headers: end < 0 ? text : text.slice(0, end), body: end < 0 ? '' : text.slice(end + 4) };
}

/** A request's bytes from its parts; Content-Length is added for a body unless a header names the framing. */
export function rawRequest(method: string, path: string, headers: Array<[string, string | Buffer]>, body?: Buffer | string): Buffer {
  const bodyBytes = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body);
  const lines: Buffer[] = [Buffer.from(`${method} `, 'latin1'), Buffer.from(path, 'latin1'), Buffer.from(' HTTP/1.1\r\n')];
  for (const [name, value] of headers) lines.push(Buffer.from(`${name}: `, 'latin1'), Buffer.isBuffer(value) ? value : Buffer.from(value, 'latin1'), Buffer.from('\r\n'));
  const framed = headers.some(([name]) => /^(content-length|transfer-encoding)$/i.test(name));
  if (bodyBytes && !framed) lines.push(Buffer.from(`Content-Length: ${bodyBytes.length}\r\n`));
  lines.push(Buffer.from('Connection: close\r\n\r\n'));
  if (bodyBytes) lines.push(bodyBytes);
  return Buffer.concat(lines);
}
