import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NotificationKind } from '../generated/prisma/client.js';

/**
 * Unsubscribe links work without signing in: `<person>.<kind>.<signature>`, signed with the person's own mail
 * key (HMAC-SHA-256). Nothing else is needed to check one, and a new key voids every link sent before.
 */
export const newMailKey = () => randomBytes(32).toString('hex');

const sign = (key: string, userId: string, kind: NotificationKind) => createHmac('sha256', key).update(`${userId}.${kind}`).digest('base64url');

export function unsubscribeToken(key: string, userId: string, kind: NotificationKind): string {
  return `${userId}.${kind}.${sign(key, userId, kind)}`;
}

export function readUnsubscribeToken(token: string): { userId: string; kind: string; signature: string } | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !p)) return null;
  const [userId, kind, signature] = parts as [string, string, string];
  return { userId, kind, signature };
}

export function validSignature(key: string, userId: string, kind: NotificationKind, signature: string): boolean {
  const expected = Buffer.from(sign(key, userId, kind));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
