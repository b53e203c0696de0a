import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API token is `ann_<credential id, 32 hex digits>_<secret, 43 base64url characters>`. The id makes the lookup
 * one primary-key read; the secret (256 random bits) is kept only as its SHA-256, which is enough for a
 * high-entropy secret (a slow hash guards guessable passwords, not random keys), and compared in constant time.
 */
const TOKEN = /^ann_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export interface ParsedToken {
  credentialId: string;
  secret: string;
}

export function newCredentialToken(credentialId: string): { token: string; secretSha256: Buffer } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `ann_${credentialId.replace(/-/g, '')}_${secret}`, secretSha256: secretDigest(secret) };
}

/** The credential id (as a uuid) and the secret of a well-formed token; undefined for anything else. */
export function parseCredentialToken(token: string): ParsedToken | undefined {
  const match = TOKEN.exec(token);
  if (!match) return undefined;
  const hex = match[1];
  const credentialId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { credentialId, secret: match[2] };
}

export function secretDigest(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function secretMatches(secret: string, stored: Buffer): boolean {
  const given = secretDigest(secret);
  return stored.length === given.length && timingSafeEqual(given, stored);
}
