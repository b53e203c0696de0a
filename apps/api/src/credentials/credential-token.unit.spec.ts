import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { newCredentialToken, parseCredentialToken, secretDigest, secretMatches } from './credential-token';
import { roleAllows, ROLES, type Role } from './roles';

describe('credential tokens', () => {
  it('carry the credential id and a 256-bit secret, of which only the SHA-256 is returned for storage', () => {
    const id = randomUUID();
    const { token, secretSha256 } = newCredentialToken(id);
    const parsed = parseCredentialToken(token);
    expect(parsed?.credentialId).toBe(id);
    expect(Buffer.from(parsed?.secret ?? '', 'base64url')).toHaveLength(32);
    expect(secretSha256.equals(secretDigest(parsed?.secret ?? ''))).toBe(true);
    expect(secretSha256.toString('hex')).not.toContain(Buffer.from(parsed?.secret ?? '').toString('hex'));
  });

  it('are different every time, even for the same id', () => {
    const id = randomUUID();
    expect(newCredentialToken(id).token).not.toBe(newCredentialToken(id).token);
  });

  it.each([
    ['empty', ''],
    ['no prefix', `${'a'.repeat(32)}_${'b'.repeat(43)}`],
    ['short id', `ann_${'a'.repeat(31)}_${'b'.repeat(43)}`],
    ['upper-case id', `ann_${'A'.repeat(32)}_${'b'.repeat(43)}`],
    ['short secret', `ann_${'a'.repeat(32)}_${'b'.repeat(42)}`],
    ['long secret', `ann_${'a'.repeat(32)}_${'b'.repeat(44)}`],
    ['secret outside base64url', `ann_${'a'.repeat(32)}_${'b'.repeat(42)}+`],
    ['trailing text', `ann_${'a'.repeat(32)}_${'b'.repeat(43)} x`],
  ])('parse to nothing when malformed (%s)', (_, token) => {
    expect(parseCredentialToken(token)).toBeUndefined();
  });

  it('match only their own secret', () => {
    const { token, secretSha256 } = newCredentialToken(randomUUID());
    const secret = parseCredentialToken(token)?.secret ?? '';
    expect(secretMatches(secret, secretSha256)).toBe(true);
    expect(secretMatches(`${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`, secretSha256)).toBe(false);
    expect(secretMatches(secret, Buffer.alloc(31))).toBe(false);
  });
});

describe('roles', () => {
  const table: [Role, Role, boolean][] = [
    ['viewer', 'viewer', true],
    ['viewer', 'editor', false],
    ['viewer', 'admin', false],
    ['editor', 'viewer', true],
    ['editor', 'editor', true],
    ['editor', 'admin', false],
    ['admin', 'viewer', true],
    ['admin', 'editor', true],
    ['admin', 'admin', true],
  ];
  it.each(table)('%s may do what needs %s: %s', (held, needed, allowed) => {
    expect(roleAllows(held, needed)).toBe(allowed);
  });

  it('are ordered from least to most', () => {
    expect(ROLES).toEqual(['viewer', 'editor', 'admin']);
  });
});
