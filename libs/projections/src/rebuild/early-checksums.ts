import type { ClientConfig } from 'pg';
import { readCheckpoint } from '../checkpoints';
import { liveTables, type Projection, type Tables } from '../projection';
import { asPoolClient, openOwnConnection } from './own-connection';

/** Both checksums of a swap, taken before it, and what must not have moved for them to still hold. */
export interface EarlyChecksums {
  shadow: string;
  live: string;
  /** The live checkpoint in the same snapshot as `live`: the live tables change only with it. */
  liveCheckpoint: string;
}

/*
 * The swap compares the rebuilt tables with the live ones by checksum, inside the transaction that pauses the live
 * projector: on a million timeline rows that was two full reads of both, tens of seconds with live writes held
 * back. Taken here instead, once the load is done, while the deferred indexes build (the GIN builds each use one
 * core; the checksums run as parallel aggregates), on a connection of its own, in one REPEATABLE READ snapshot.
 * The swap keeps them only when nothing could have changed since: it applied no event to either side, the live
 * checkpoint is the one read here, and the projection has no finishRebuild step that rewrites its shadow rows.
 */
export async function takeEarlyChecksums(
  connection: ClientConfig,
  projection: Projection,
  shadow: Tables,
): Promise<EarlyChecksums | null> {
  if (projection.finishRebuild) return null;
  const client = await openOwnConnection(connection, 'annals-rebuild-checksum');
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const db = asPoolClient(client);
    const liveCheckpoint = checkpointKey(await readCheckpoint(db, projection.name));
    const live = await projection.checksum(db, liveTables(projection));
    const shadowChecksum = await projection.checksum(db, shadow);
    await client.query('COMMIT');
    return { shadow: shadowChecksum, live, liveCheckpoint };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function checkpointKey(checkpoint: Awaited<ReturnType<typeof readCheckpoint>>): string {
  return checkpoint
    ? `${checkpoint.position.orderXid}.${checkpoint.position.position}.${checkpoint.codeVersion}`
    : 'none';
}
