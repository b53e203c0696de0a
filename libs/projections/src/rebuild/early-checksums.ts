import type { ClientConfig } from 'pg';
import { readCheckpoint } from '../checkpoints';
import { liveTables, type Projection, type Tables } from '../projection';
import { withOwnConnection } from './own-connection';

/** Both checksums of a swap, taken before it, and what must not have moved for them to still hold. */
export interface EarlyChecksums {
  shadow: string;
  live: string;
  /** The live checkpoint in the same snapshot as `live`: the live tables change only with it. */
  liveCheckpoint: string;
}

export type LiveChecksum = Omit<EarlyChecksums, 'shadow'>;

/*
 * The swap compares the rebuilt tables with the live ones by checksum, inside the transaction that pauses the live
 * projector: on a million timeline rows that was two full reads of both, tens of seconds with live writes held
 * back. Taken here instead, once the load is done, while the rebuild finishes its shadow tables (the checksums run
 * as parallel aggregates), each on a connection of its own: the live tables' in one REPEATABLE READ snapshot with
 * their checkpoint, the shadow tables' once they are complete (they are private: no snapshot can see them change).
 * The swap keeps them only when nothing could have changed since: it applied no event to either side, and the live
 * checkpoint is the one read here.
 */

export function takeLiveChecksum(connection: ClientConfig, projection: Projection): Promise<LiveChecksum> {
  return withOwnConnection(connection, 'annals-rebuild-checksum', async (db) => {
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const liveCheckpoint = checkpointKey(await readCheckpoint(db, projection.name));
    const live = await projection.checksum(db, liveTables(projection));
    await db.query('COMMIT');
    return { live, liveCheckpoint };
  });
}

export function takeShadowChecksum(connection: ClientConfig, projection: Projection, shadow: Tables): Promise<string> {
  return withOwnConnection(connection, 'annals-rebuild-checksum', (db) => projection.checksum(db, shadow));
}

export function checkpointKey(checkpoint: Awaited<ReturnType<typeof readCheckpoint>>): string {
  return checkpoint
    ? `${checkpoint.position.orderXid}.${checkpoint.position.position}.${checkpoint.codeVersion}`
    : 'none';
}
