import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerTokenOf(request: Pick<FastifyRequest, 'headers'>): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

export function tokenDigest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Hashing first makes both sides the same length, so the comparison leaks neither content nor length. */
export function tokenMatches(token: string | undefined, expected: Buffer | undefined): boolean {
  return token !== undefined && expected !== undefined && timingSafeEqual(tokenDigest(token), expected);
}
