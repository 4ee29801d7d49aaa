import { Busboy, type BusboyFileStream } from '@fastify/busboy';
import type { FastifyRequest } from 'fastify';
import { AppError, badUserInput } from '../../core/errors/app-error.js';

export interface MultipartFile {
  filename: string;
  /** Ends early with `truncated` set when the file is over the limit; fails when the body breaks off. */
  file: BusboyFileStream;
}

const MULTIPART = /^multipart\/form-data\s*(;|$)/i;

/**
 * The first file of a multipart/form-data body, read with busboy straight from the request. Only POST /uploads
 * reads multipart, so there is no plugin with hooks on every request (bench/README.md). Further files and fields
 * are read past and dropped. Resolves with no file when the body holds none; a malformed or cut-off body fails
 * the promise or, once the file has started, the file stream.
 */
export function readFirstFile(request: FastifyRequest, limitBytes: number): Promise<MultipartFile | undefined> {
  const contentType = request.headers['content-type'] ?? '';
  if (!MULTIPART.test(contentType)) {
    return Promise.reject(new AppError('BAD_USER_INPUT', 'Bitte senden Sie die Datei als multipart/form-data.', { status: 415 }));
  }
  const raw = request.raw;
  let parser: InstanceType<typeof Busboy>;
  try {
    parser = new Busboy({ headers: { ...raw.headers, 'content-type': contentType }, limits: { fileSize: limitBytes, files: 1, fields: 0, parts: 2 } });
  } catch {
    return Promise.reject(badUserInput('Die Anfrage ist kein lesbares multipart/form-data.', { field: 'file' }));
  }

  return new Promise((resolve, reject) => {
    let current: BusboyFileStream | undefined;
    const fail = (error: Error) => {
      raw.unpipe(parser);
      if (current) current.destroy(error);
      else reject(error);
    };
    parser.on('file', (_field, file, filename) => {
      if (current) {
        file.resume();
        return;
      }
      current = file;
      resolve({ filename, file });
    });
    parser.on('error', (error: Error) => fail(badUserInput(`Die Datei kam fehlerhaft an: ${error.message}`, { field: 'file' })));
    parser.on('finish', () => {
      if (!current) resolve(undefined);
    });
    raw.on('close', () => {
      if (!raw.readableEnded) fail(badUserInput('Die Verbindung brach während des Uploads ab.', { field: 'file' }));
    });
    raw.pipe(parser);
  });
}
