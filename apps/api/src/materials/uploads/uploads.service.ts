import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import type { Prisma, Upload, User } from '../../generated/prisma/client.js';
import type { AppConfig } from '../../core/config/config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { AppError, badUserInput, notFound } from '../../core/errors/app-error.js';
import { FILE_STORAGE, type FileStorage } from '../../core/storage/file-storage.js';
import { extractText } from './text-extraction.js';
import { receiveFile } from './upload-receiver.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNUSED_AFTER_MS = 24 * 3_600_000;

export interface UploadSummary {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
}

/**
 * Files arrive here first (POST /uploads) and become a material or a version by their id. Either the file is
 * stored and its row written, or neither: a failure at any step removes what the earlier steps made.
 */
@Injectable()
export class UploadsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(UploadsService.name);
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get incomingDir(): string {
    return path.join(this.config.files.dir, '.incoming');
  }

  onModuleInit(): void {
    this.sweeper = setInterval(() => void this.sweep().catch((e: unknown) => this.logger.warn(`upload sweep failed: ${String(e)}`)), 3_600_000);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  async receive(user: User, request: FastifyRequest): Promise<UploadSummary> {
    if (!request.isMultipart()) throw new AppError('BAD_USER_INPUT', 'Bitte senden Sie die Datei als multipart/form-data.', { status: 415 });
    const part = await request.file({ limits: { fileSize: this.config.files.uploadLimitBytes, files: 1, fields: 0 } });
    if (!part) throw badUserInput('Es kam keine Datei an.', { field: 'file' });
    const file = await receiveFile(part, this.incomingDir, this.config.files.uploadLimitBytes);
    const storageKey = `files/${path.basename(file.path)}`;
    let stored = false;
    try {
      const text = await extractText(await fs.promises.readFile(file.path), file.mimeType);
      await this.storage.put(storageKey, file.path, file.mimeType);
      stored = true;
      const row = await this.prisma.upload.create({
        data: { userId: user.id, storageKey, fileName: file.fileName, mimeType: file.mimeType, size: file.size, sha256: file.sha256, text },
      });
      return { id: row.id, fileName: row.fileName, mimeType: row.mimeType, size: row.size };
    } catch (error) {
      if (stored) await this.storage.remove(storageKey).catch(() => undefined);
      throw error;
    } finally {
      await fs.promises.rm(file.path, { force: true });
    }
  }

  /** Takes the person's upload out of the staging table inside the caller's transaction. */
  async consume(tx: Prisma.TransactionClient, user: User, uploadId: string): Promise<Upload> {
    const upload = UUID.test(uploadId) ? await tx.upload.findFirst({ where: { id: uploadId, userId: user.id } }) : null;
    if (!upload) throw notFound('Diese hochgeladene Datei gibt es nicht (mehr): Bitte laden Sie sie erneut hoch.');
    await tx.upload.delete({ where: { id: upload.id } });
    return upload;
  }

  /** Uploads never used for a material, and their files. */
  async sweep(now = Date.now()): Promise<number> {
    const stale = await this.prisma.upload.findMany({ where: { createdAt: { lt: new Date(now - UNUSED_AFTER_MS) } } });
    for (const upload of stale) {
      await this.prisma.upload.delete({ where: { id: upload.id } });
      await this.storage.remove(upload.storageKey);
    }
    return stale.length;
  }

  async removeFile(storageKey: string): Promise<void> {
    await this.storage.remove(storageKey).catch((e: unknown) => this.logger.warn(`could not remove ${storageKey}: ${String(e)}`));
  }
}
