/**
 * An upload over HTTP: one multipart/form-data request (see UPLOAD_METHODS in shared/api/contract.ts),
 * streamed part by part into an UploadFolder, so memory stays bounded whatever its size. Too much is
 * refused (413) before it is read when Content-Length says so, else as soon as it is seen; the rest of a
 * refused request is read and dropped, so the client gets the answer rather than a reset connection.
 */
import type { IncomingMessage } from 'node:http';
import { Transform, type Readable } from 'node:stream';
import busboy from 'busboy';
import { UploadFolder, UploadRefused, type UploadLimits } from '../../engine/api/uploads.js';
import { discardRest } from './discard.js';

export interface ReceivedUpload {
  /** The `request` field: the rest of the request, parsed from JSON (checked by the handler). */
  request: unknown;
  files: UploadFolder;
}

/** How long a `request` field may be: it holds options, not files. */
const REQUEST_FIELD_BYTES = 64 * 1024;

export async function receiveUpload(request: IncomingMessage, limits: UploadLimits): Promise<ReceivedUpload> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (declared > limits.requestBytes) throw tooLarge(limits);
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: request.headers,
      preservePath: true,
      defParamCharset: 'utf8',
      limits: { files: limits.files, fields: 8, fieldSize: REQUEST_FIELD_BYTES, parts: limits.files + 8 },
    });
  } catch {
    throw new UploadRefused('send the files as multipart/form-data with a boundary', 400);
  }
  const files = UploadFolder.create(limits);
  try {
    const fields = await stream(request, parser, files, limits);
    return { request: fields, files };
  } catch (error) {
    files.dispose();
    throw error;
  }
}

function stream(request: IncomingMessage, parser: busboy.Busboy, files: UploadFolder, limits: UploadLimits): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let fields: unknown = {};
    let failed = false;
    const writing = new Set<Promise<void>>();
    const open = new Set<Readable>();
    let received = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        if (received > limits.requestBytes) return fail(tooLarge(limits)), done();
        done(null, chunk);
      },
    });
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      request.unpipe(counter);
      counter.unpipe(parser);
      // With an error: a stream destroyed plainly after its last byte counts as finished, and its pipeline would wait on.
      for (const file of open) file.destroy(new Error('upload refused'));
      discardRest(request);
      // The folder is removed by the caller once the writes in flight have stopped.
      void Promise.allSettled([...writing]).then(() => reject(error));
    };
    parser.on('field', (name, value, info) => {
      if (name !== 'request') return;
      if (info.valueTruncated) return fail(new UploadRefused(`the request field is longer than ${REQUEST_FIELD_BYTES} bytes`, 413));
      try {
        fields = JSON.parse(value);
      } catch {
        fail(new UploadRefused('the request field is not valid JSON', 400));
      }
    });
    parser.on('file', (_field, content, info) => {
      if (failed) return void content.resume();
      let name: string;
      try {
        name = decodeURIComponent(info.filename ?? '');
      } catch {
        return fail(new UploadRefused('a file name is not URI-encoded (encodeURIComponent)', 400));
      }
      // Its errors reach the write below; one refused before writing started must not go unheard.
      content.on('error', () => undefined);
      open.add(content);
      const write = files.write(name, content).catch(fail).finally(() => {
        open.delete(content);
        writing.delete(write);
      });
      writing.add(write);
    });
    parser.on('filesLimit', () => fail(new UploadRefused(`the upload holds more than ${limits.files} files; drop fewer at a time`, 413)));
    parser.on('partsLimit', () => fail(new UploadRefused('the upload holds too many parts', 413)));
    parser.on('fieldsLimit', () => fail(new UploadRefused('the upload holds too many fields', 413)));
    parser.on('error', () => fail(new UploadRefused('the multipart body is malformed', 400)));
    parser.on('close', () => {
      if (failed) return;
      void Promise.all([...writing]).then(() => {
        if (!failed) resolve(fields);
      });
    });
    request.on('aborted', () => fail(new UploadRefused('the upload was cut off', 400)));
    request.on('error', () => fail(new UploadRefused('the upload was cut off', 400)));
    request.pipe(counter).pipe(parser);
  });
}

function tooLarge(limits: UploadLimits): UploadRefused {
  return new UploadRefused(`the upload is larger than ${limits.requestBytes / 1024 / 1024} MB; drop fewer files at a time`, 413);
}
