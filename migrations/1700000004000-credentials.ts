import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Named API credentials with a role. Only the SHA-256 of each token's secret is kept: the token itself is shown
 * once, when it is created. A revoked credential stays (its id and name still explain old events' metadata).
 */
export class Credentials1700000004000 implements MigrationInterface {
  name = 'Credentials1700000004000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE credentials (
        id            uuid        PRIMARY KEY,
        name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        role          text        NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
        secret_sha256 bytea       NOT NULL CHECK (length(secret_sha256) = 32),
        created_at    timestamptz NOT NULL DEFAULT now(),
        created_by    text        NOT NULL,
        revoked_at    timestamptz
      )`);
    // Names identify people in the history: two live credentials may not share one.
    await db.query(
      `CREATE UNIQUE INDEX credentials_live_name_idx ON credentials (lower(name)) WHERE revoked_at IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS credentials`);
  }
}
