/**
 * Advisory lock names. Postgres coordinates the processes (any number of api and worker processes), never memory:
 * - leader: held for the life of a connection by the one process that advances a projection;
 * - batch: taken per transaction by each projector batch, and by a rebuild's swap to pause the projector;
 * - rebuild: one rebuild at a time across all processes.
 */
export const leaderLock = (projection: string) => `annals:projection:${projection}:leader`;
export const batchLock = (projection: string) => `annals:projection:${projection}:batch`;
export const REBUILD_LOCK = 'annals:projection-rebuild';
