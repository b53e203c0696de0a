"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CreateEventLog1700000000000 = void 0;
class CreateEventLog1700000000000 {
    constructor() {
        this.name = 'CreateEventLog1700000000000';
    }
    async up(db) {
        await db.query(`
      CREATE TABLE events (
        position       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        order_xid      xid8        NOT NULL DEFAULT pg_current_xact_id(),
        stream_id      text        NOT NULL CHECK (length(stream_id) BETWEEN 1 AND 200),
        version        integer     NOT NULL CHECK (version > 0),
        event_id       uuid        NOT NULL,
        type           text        NOT NULL CHECK (length(type) BETWEEN 1 AND 200),
        schema_version integer     NOT NULL DEFAULT 1 CHECK (schema_version > 0),
        data           jsonb       NOT NULL,
        metadata       jsonb       NOT NULL DEFAULT '{}',
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_version_key UNIQUE (stream_id, version),
        CONSTRAINT events_event_id_key UNIQUE (event_id)
      )`);
        await db.query(`CREATE INDEX events_log_order_idx ON events (order_xid, position)`);
        await db.query(`CREATE INDEX events_type_idx ON events (type)`);
        await db.query(`
      CREATE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are immutable: % on events is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege', HINT = 'append a correcting event instead';
      END $$`);
        await db.query(`CREATE TRIGGER events_no_update_delete BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION events_refuse_change()`);
        await db.query(`CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
      FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change()`);
        await db.query(`ALTER TABLE events ENABLE ALWAYS TRIGGER events_no_update_delete`);
        await db.query(`ALTER TABLE events ENABLE ALWAYS TRIGGER events_no_truncate`);
        await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON events FROM PUBLIC`);
        await db.query(`
      CREATE FUNCTION events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('annals_events', '');
        RETURN NULL;
      END $$`);
        await db.query(`CREATE TRIGGER events_notify AFTER INSERT ON events
      FOR EACH STATEMENT EXECUTE FUNCTION events_notify()`);
    }
    async down() {
        throw new Error('The event log is never dropped by a migration.');
    }
}
exports.CreateEventLog1700000000000 = CreateEventLog1700000000000;
