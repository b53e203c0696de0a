import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Article text lives outside the log (DESIGN.md decision 10): copyrighted, and it may name private people, so it
 * must be deletable while the log is not. Content-addressed by SHA-256: the source event carries the hash, and
 * the same text submitted twice is one row.
 */
export class SourceTexts1700000005000 implements MigrationInterface {
  name = 'SourceTexts1700000005000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE source_texts (
        sha256    text        PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        text      text        NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE source_texts');
  }
}
