import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { assertStorageKey, type FileStorage, missingFile } from './file-storage.js';

/** Files under one directory; a put copies to a temporary name and renames, so readers never see half a file. */
export class LocalFileStorage implements FileStorage {
  readonly kind = 'local';

  constructor(private readonly dir: string) {}

  private pathOf(key: string): string {
    assertStorageKey(key);
    return path.join(this.dir, key);
  }

  async put(key: string, sourcePath: string): Promise<void> {
    const target = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const partial = `${target}.${randomUUID()}.partial`;
    try {
      await fs.promises.copyFile(sourcePath, partial);
      await fs.promises.rename(partial, target);
    } catch (error) {
      await fs.promises.rm(partial, { force: true });
      throw error;
    }
  }

  async open(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    await fs.promises.access(file).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? missingFile() : error;
    });
    return fs.createReadStream(file);
  }

  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }
}
