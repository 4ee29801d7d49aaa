import { createHash, randomBytes } from 'node:crypto';

/** 128 bits for session ids, 256 for mailed links; only the SHA-256 is stored. */
export function newToken(bytes: 16 | 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
