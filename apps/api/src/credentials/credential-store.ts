import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { newCredentialToken, parseCredentialToken, secretMatches } from './credential-token';
import type { Principal, Role } from './roles';

export interface CredentialView {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
}

interface CredentialRow {
  id: string;
  name: string;
  role: Role;
  created_at: Date;
  created_by: string;
  revoked_at: Date | null;
}

const COLUMNS = 'id, name, role, created_at, created_by, revoked_at';

const view = (row: CredentialRow): CredentialView => ({
  id: row.id,
  name: row.name,
  role: row.role,
  createdAt: row.created_at.toISOString(),
  createdBy: row.created_by,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

export class CredentialNameTakenError extends Error {
  readonly code = 'CREDENTIAL.NAME_TAKEN';
  readonly fields: Record<string, string>;
  constructor(name: string) {
    super(`a live credential is already named "${name}"`);
    this.fields = { name: 'is already the name of a live credential' };
  }
}

export class CredentialNotFoundError extends Error {
  readonly code = 'CREDENTIAL.NOT_FOUND';
  constructor(id: string) {
    super(`No credential ${id}`);
  }
}

/**
 * The credentials table. Nothing is cached: every authentication reads the row, so a revocation written by any
 * process is refused by every process from its next request on.
 */
export class CredentialStore {
  constructor(private readonly pool: Pool) {}

  /** A new credential and its token; the token is not kept anywhere and cannot be shown again. */
  async create(name: string, role: Role, createdBy: string): Promise<CredentialView & { token: string }> {
    const id = randomUUID();
    const { token, secretSha256 } = newCredentialToken(id);
    try {
      const { rows } = await this.pool.query<CredentialRow>(
        `INSERT INTO credentials (id, name, role, secret_sha256, created_by) VALUES ($1, $2, $3, $4, $5)
         RETURNING ${COLUMNS}`,
        [id, name, role, secretSha256, createdBy],
      );
      return { ...view(rows[0]), token };
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new CredentialNameTakenError(name);
      throw error;
    }
  }

  async list(): Promise<CredentialView[]> {
    const { rows } = await this.pool.query<CredentialRow>(`SELECT ${COLUMNS} FROM credentials ORDER BY created_at, id`);
    return rows.map(view);
  }

  /** Revoking twice keeps the first revocation's time. */
  async revoke(id: string): Promise<CredentialView> {
    const { rows } = await this.pool.query<CredentialRow>(
      `UPDATE credentials SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING ${COLUMNS}`,
      [id],
    );
    if (rows.length === 0) throw new CredentialNotFoundError(id);
    return view(rows[0]);
  }

  /** The live credential a token belongs to, or undefined (malformed, unknown, wrong secret or revoked). */
  async authenticate(token: string): Promise<Principal | undefined> {
    const parsed = parseCredentialToken(token);
    if (!parsed) return undefined;
    const { rows } = await this.pool.query<{ name: string; role: Role; secret_sha256: Buffer }>(
      `SELECT name, role, secret_sha256 FROM credentials WHERE id = $1 AND revoked_at IS NULL`,
      [parsed.credentialId],
    );
    const row = rows[0];
    if (!row || !secretMatches(parsed.secret, row.secret_sha256)) return undefined;
    return { credentialId: parsed.credentialId, credentialName: row.name, role: row.role };
  }
}
