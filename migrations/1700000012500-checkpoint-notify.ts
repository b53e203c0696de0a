import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live watchers (the timeline's Server-Sent Events) learn that a projection has moved from the database, not from
 * the process that moved it: the API serving a stream may not lead the projection. A checkpoint moves once per
 * batch (not per event), inside the batch's transaction, so the notification arrives at its commit, when the rows
 * it announces are visible. Watchers also poll: a lost notification costs latency, never a change.
 */
export class CheckpointNotify1700000012500 implements MigrationInterface {
  name = 'CheckpointNotify1700000012500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION projection_checkpoint_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('annals_checkpoints', NEW.name);
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER projection_checkpoint_notify AFTER INSERT OR UPDATE OF order_xid, position
      ON projection_checkpoints FOR EACH ROW EXECUTE FUNCTION projection_checkpoint_notify()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER IF EXISTS projection_checkpoint_notify ON projection_checkpoints`);
    await db.query(`DROP FUNCTION IF EXISTS projection_checkpoint_notify()`);
  }
}
