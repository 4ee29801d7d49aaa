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
import { asClientFault, receiveFile } from './upload-receiver.js';
import { isUuid } from '../../core/validation/ids.js';

const UNUSED_AFTER_MS = 24 * 3_600_000;
const MAX_PARALLEL = 2;
/** Longer than any upload takes. */
const INCOMING_AFTER_MS = 3_600_000;

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
  private readonly inProgress = new Map<string, number>();

  constructor(
    private readonly prisma: PrismaService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get incomingDir(): string {
    return path.join(this.config.files.dir, '.incoming');
  }

  onModuleInit(): void {
    void this.sweep().catch((e: unknown) => this.logger.warn(`upload sweep failed: ${String(e)}`));
    this.sweeper = setInterval(() => void this.sweep().catch((e: unknown) => this.logger.warn(`upload sweep failed: ${String(e)}`)), 3_600_000);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /** At most MAX_PARALLEL uploads per person at a time (per process): each one parses a file. */
  async receive(user: User, request: FastifyRequest): Promise<UploadSummary> {
    const running = this.inProgress.get(user.id) ?? 0;
    if (running >= MAX_PARALLEL) throw new AppError('TOO_MANY_REQUESTS', 'Bitte warten Sie, bis Ihre anderen Uploads fertig sind.');
    this.inProgress.set(user.id, running + 1);
    try {
      return await this.receiveOne(user, request);
    } finally {
      const left = (this.inProgress.get(user.id) ?? 1) - 1;
      if (left > 0) this.inProgress.set(user.id, left);
      else this.inProgress.delete(user.id);
    }
  }

  private async receiveOne(user: User, request: FastifyRequest): Promise<UploadSummary> {
    if (!request.isMultipart()) throw new AppError('BAD_USER_INPUT', 'Bitte senden Sie die Datei als multipart/form-data.', { status: 415 });
    const part = await request.file({ limits: { fileSize: this.config.files.uploadLimitBytes, files: 1, fields: 0 } }).catch((error: unknown) => {
      // The plugin's own limit errors carry an HTTP status; anything else here is an unreadable body.
      if (typeof (error as { statusCode?: unknown }).statusCode === 'number') throw error;
      throw asClientFault(error);
    });
    if (!part) throw badUserInput('Es kam keine Datei an.', { field: 'file' });
    const file = await receiveFile(part, this.incomingDir, this.config.files.uploadLimitBytes);
    const storageKey = `files/${path.basename(file.path)}`;
    let stored = false;
    try {
      const text = await extractText(file.path, file.mimeType);
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
    const upload = isUuid(uploadId) ? await tx.upload.findFirst({ where: { id: uploadId, userId: user.id } }) : null;
    // deleteMany: a concurrent use of the same upload must end in NOT_FOUND here, not in an error.
    const taken = upload ? await tx.upload.deleteMany({ where: { id: upload.id } }) : { count: 0 };
    if (!upload || taken.count === 0) throw notFound('Diese hochgeladene Datei gibt es nicht (mehr): Bitte laden Sie sie erneut hoch.');
    return upload;
  }

  /** Uploads never used for a material, and their files; and partial files a crash left in the incoming folder. */
  async sweep(now = Date.now()): Promise<number> {
    const stale = await this.prisma.upload.findMany({ where: { createdAt: { lt: new Date(now - UNUSED_AFTER_MS) } } });
    let removed = 0;
    for (const upload of stale) {
      // Only if still unused: a material may have taken it a moment ago.
      if ((await this.prisma.upload.deleteMany({ where: { id: upload.id } })).count === 0) continue;
      await this.storage.remove(upload.storageKey);
      removed++;
    }
    const incoming = await fs.promises.readdir(this.incomingDir).catch(() => [] as string[]);
    for (const name of incoming) {
      const file = path.join(this.incomingDir, name);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (stat && now - stat.mtimeMs > INCOMING_AFTER_MS) await fs.promises.rm(file, { force: true });
    }
    return removed;
  }

  async removeFile(storageKey: string): Promise<void> {
    await this.storage.remove(storageKey).catch((e: unknown) => this.logger.warn(`could not remove ${storageKey}: ${String(e)}`));
  }
}
