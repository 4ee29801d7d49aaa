import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { S3Config } from '../config/config.js';
import { assertStorageKey, type FileStorage, missingFile } from './file-storage.js';

/** S3 or a compatible store (MinIO, Ceph, the object storage of a municipal data centre). */
export class S3FileStorage implements FileStorage {
  readonly kind = 's3';
  private readonly client: S3Client;

  constructor(private readonly config: S3Config) {
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      credentials: config.credentials,
      // The SDK's default CRC32 trailers (aws-chunked uploads) are not understood by every S3-compatible store
      // (older MinIO, Ceph, s3rver): checksums only where the operation requires them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, sourcePath: string, contentType: string): Promise<void> {
    assertStorageKey(key);
    const { size } = await fs.promises.stat(sourcePath);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: key,
        Body: fs.createReadStream(sourcePath),
        ContentLength: size,
        ContentType: contentType,
      }),
    );
  }

  async open(key: string): Promise<Readable> {
    assertStorageKey(key);
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key })).catch((error: unknown) => {
      throw error instanceof NoSuchKey ? missingFile() : error;
    });
    if (!(object.Body instanceof Readable)) throw new Error('S3 returned no readable body');
    return object.Body;
  }

  async remove(key: string): Promise<void> {
    assertStorageKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }));
  }

  close(): void {
    this.client.destroy();
  }
}
