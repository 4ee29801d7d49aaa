import type { MultipartFile } from '@fastify/multipart';
import { MATERIAL_FILE_TYPES } from '@verbund/shared';
import { fileTypeFromFile } from 'file-type';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, badUserInput } from '../../core/errors/app-error.js';

export interface ReceivedFile {
  path: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
}

const ACCEPTED = new Set<string>(Object.keys(MATERIAL_FILE_TYPES));

/** A file name fit for Content-Disposition and display: no path, no control characters, bounded length. */
export function safeFileName(name: string, mimeType: string): string {
  const base = path
    .basename(name.replace(/\\/g, '/'))
    .replace(/[\p{Cc}"]/gu, '')
    .trim()
    .slice(-150);
  const ext = MATERIAL_FILE_TYPES[mimeType as keyof typeof MATERIAL_FILE_TYPES];
  const stem = base.replace(/\.[^.]*$/, '') || 'material';
  return `${stem}.${ext}`;
}

/**
 * Streams one multipart file to a private temporary file while hashing and counting it, then decides its
 * type from the content. Whatever goes wrong (too large, empty, wrong type, connection lost), the temporary
 * file is removed before the error leaves.
 */
export async function receiveFile(part: MultipartFile, incomingDir: string, limitBytes: number): Promise<ReceivedFile> {
  await fs.promises.mkdir(incomingDir, { recursive: true, mode: 0o700 });
  const target = path.join(incomingDir, randomUUID());
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(part.file, meter, fs.createWriteStream(target, { mode: 0o600 }));
    if (part.file.truncated || size > limitBytes) throw tooLarge(limitBytes);
    if (size === 0) throw badUserInput('Die Datei ist leer.', { field: 'file' });
    const type = await fileTypeFromFile(target);
    if (!type || !ACCEPTED.has(type.mime)) {
      throw new AppError('BAD_USER_INPUT', 'Dieser Dateityp wird nicht angenommen: erlaubt sind PDF, DOCX, XLSX, PPTX, ODT, PNG und JPEG.', {
        field: 'file',
        status: 415,
      });
    }
    return { path: target, fileName: safeFileName(part.filename || 'material', type.mime), mimeType: type.mime, size, sha256: hash.digest('hex') };
  } catch (error) {
    await fs.promises.rm(target, { force: true });
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(limitBytes);
    throw asClientFault(error);
  }
}

/**
 * A broken or aborted multipart body is the client's fault (BAD_USER_INPUT); the server's own failures (a
 * full disk: Node system errors, codes like ENOSPC) stay internal.
 */
export function asClientFault(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return error;
  return badUserInput('Die Datei kam nicht vollständig oder fehlerhaft an. Bitte versuchen Sie es erneut.', { field: 'file' });
}

function tooLarge(limit: number) {
  const mb = Math.round((limit / 1024 / 1024) * 10) / 10;
  return new AppError('BAD_USER_INPUT', `Die Datei ist zu groß: höchstens ${mb} MB.`, { field: 'file', status: 413 });
}
