import { Injectable } from '@nestjs/common';
import { countEventsAfter, PostgresEventStore } from '@libs/event-store';
import { ReadReplicas } from '@libs/platform';

export interface ReplicaStatus {
  name: string;
  status: 'up' | 'down';
  /** Seconds since the last replayed commit while WAL is waiting to be replayed; 0 when caught up. */
  lagSeconds: number | null;
  /** Events in the primary's log that the replica's timeline does not show yet (replication + projection lag). */
  lagEvents: number | null;
  error?: string;
}

// Standard standby lag: 0 when everything received is replayed, else the age of the last replayed commit.
const REPLICA_SQL = `SELECT
  CASE WHEN NOT pg_is_in_recovery() OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
       ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END::float8 AS lag_seconds,
  c.order_xid::text AS order_xid, c.position::text AS position
FROM (SELECT 1) one LEFT JOIN projection_checkpoints c ON c.name = 'timeline'`;

/** Replica lag, for /health and /metrics. */
@Injectable()
export class ReplicaStatusService {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly replicas: ReadReplicas,
  ) {}

  get configured(): boolean {
    return this.replicas.all.length > 0;
  }

  async status(): Promise<ReplicaStatus[]> {
    return Promise.all(
      this.replicas.all.map(async (replica): Promise<ReplicaStatus> => {
        try {
          const { rows } = await replica.pool.query<{
            lag_seconds: number;
            order_xid: string | null;
            position: string;
          }>(REPLICA_SQL);
          const { lag_seconds: lagSeconds, order_xid: orderXid, position } = rows[0];
          const checkpoint = { orderXid: orderXid ?? '0', position: Number(position ?? 0) };
          const lagEvents = await countEventsAfter(this.store.pool, checkpoint);
          return { name: replica.name, status: 'up', lagSeconds: Math.max(0, lagSeconds), lagEvents };
        } catch (error) {
          this.replicas.markDown(replica, error);
          return { name: replica.name, status: 'down', lagSeconds: null, lagEvents: null, error: String(error) };
        }
      }),
    );
  }
}
