import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * A timeline row is about 2.5 KB, most of it the search vector (kept in the row: STORAGE MAIN). Past the default
 * toast_tuple_target of about 2 KB, PostgreSQL moved the quote, the summary and the actors of nearly every row to
 * the TOAST table (3.35 million values for 1,000,000 rows), each one written and read back through the TOAST
 * index: three extra index lookups for every item a page shows, and for every row a checksum hashes. With the
 * target at its maximum a row stays whole in its heap page unless it is larger than a page: at 1,000,000 events a
 * 50-item page read by the order index took 0.89 ms instead of 1.65 ms (pgbench, one connection; the heap grew from
 * 1.97 GB plus 0.67 GB of TOAST to 2.80 GB).
 * Rows already written move in as they are written again, and all of them at the next rebuild (its shadow tables
 * copy the table's storage parameters).
 */
export class TimelineRowsWhole1700000012700 implements MigrationInterface {
  name = 'TimelineRowsWhole1700000012700';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE timeline_versions SET (toast_tuple_target = 8160)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE timeline_versions RESET (toast_tuple_target)`);
  }
}
