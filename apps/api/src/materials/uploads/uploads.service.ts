import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import type { Prisma, Upload, User } from '../../generated/prisma/client.js';
import type { AppConfig } from '../../core/config/config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { PrismaService } from '../../core/database/prisma.service.js';
import { AppError, badUserInput, notFound } from '../../core/errors/app-error.js';
import { FILE_STORAGE, type FileStorage } from '../../core/storage/file-storage.js';
import { JobsService } from '../../core/jobs/jobs.service.js';
import pLimit, { type LimitFunction } from 'p-limit';
import { DEFAULT_EXTRACTION_LIMITS, extractText } from './text-extraction.js';
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
export class UploadsService {
  private readonly logger = new Logger(UploadsService.name);
  private readonly inProgress = new Map<string, number>();
  /** Extractions at once in this process, whoever uploads: each child may take its whole memory limit. */
  private readonly extractions: LimitFunction;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    jobs: JobsService,
  ) {
    this.extractions = pLimit(config.files.extraction.concurrency);
    // Hourly, once for the whole cluster (pg-boss sends one job per cron occurrence).
    jobs.define({ name: 'uploads.sweep', cron: '17 * * * *', handler: () => this.sweep().then(() => undefined) });
  }

  get incomingDir(): string {
    return path.join(this.config.files.dir, '.incoming');
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
    // Refused before reading the body when the staging area is already full.
    await this.assertRoom(this.prisma, user.id, 1);
    const file = await receiveFile(part, this.incomingDir, this.config.files.uploadLimitBytes);
    const storageKey = `files/${path.basename(file.path)}`;
    let stored = false;
    try {
      const limits = { ...DEFAULT_EXTRACTION_LIMITS, addressSpaceMb: this.config.files.extraction.addressSpaceMb };
      const text = await this.extractions(() => extractText(file.path, file.mimeType, limits));
      await this.storage.put(storageKey, file.path, file.mimeType);
      stored = true;
      const row = await this.prisma.$transaction(async (tx) => {
        // One staging writer at a time, so that parallel uploads cannot together pass the quota.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('verbund:upload-staging'))`;
        await this.assertRoom(tx, user.id, file.size);
        return tx.upload.create({
          data: { userId: user.id, storageKey, fileName: file.fileName, mimeType: file.mimeType, size: file.size, sha256: file.sha256, text },
        });
      });
      return { id: row.id, fileName: row.fileName, mimeType: row.mimeType, size: row.size };
    } catch (error) {
      if (stored) await this.storage.remove(storageKey).catch(() => undefined);
      throw error;
    } finally {
      await fs.promises.rm(file.path, { force: true });
    }
  }

  /**
   * Refuses `bytes` more when the person's or everyone's unused uploads would pass their limit, or what the person
   * uploaded in the last 24 hours (staged, and kept as versions, which stay for good).
   */
  private async assertRoom(db: Prisma.TransactionClient, userId: string, bytes: number): Promise<void> {
    const { perPersonBytes, totalBytes } = this.config.files.staging;
    const dayAgo = new Date(Date.now() - UNUSED_AFTER_MS);
    const [mine, all, kept] = await Promise.all([
      db.upload.aggregate({ where: { userId }, _sum: { size: true } }),
      db.upload.aggregate({ _sum: { size: true } }),
      db.materialVersion.aggregate({ where: { createdById: userId, createdAt: { gt: dayAgo }, storageKey: { not: null } }, _sum: { size: true } }),
    ]);
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    const perDay = this.config.files.perPersonDayBytes;
    if ((mine._sum.size ?? 0) + (kept._sum.size ?? 0) + bytes > perDay) {
      throw new AppError(
        'CONFLICT',
        `Sie haben in den letzten 24 Stunden Dateien bis zur Grenze von ${mb(perDay)} MB hochgeladen. Bitte versuchen Sie es später noch einmal.`,
        { field: 'file', quota: 'day', limitBytes: perDay, status: 413 },
      );
    }
    if ((mine._sum.size ?? 0) + bytes > perPersonBytes) {
      throw new AppError(
        'CONFLICT',
        `Ihre hochgeladenen, noch nicht verwendeten Dateien erreichen die Grenze von ${mb(perPersonBytes)} MB. Verwenden Sie sie in einem Material, oder warten Sie: Unbenutzte werden nach 24 Stunden gelöscht.`,
        { field: 'file', quota: 'person', limitBytes: perPersonBytes, status: 413 },
      );
    }
    if ((all._sum.size ?? 0) + bytes > totalBytes) {
      throw new AppError('CONFLICT', 'Der Speicher für neue Uploads ist gerade voll. Bitte versuchen Sie es später noch einmal.', {
        field: 'file',
        quota: 'total',
        limitBytes: totalBytes,
        status: 507,
      });
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
