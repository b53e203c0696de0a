import { createRequire } from 'node:module';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { PoolClient, Submittable } from 'pg';

/** The part of pg-copy-streams the bench uses. */
export interface CopyStreams {
  from(sql: string): Writable & Submittable;
}

export type CopyAvailability = { available: true; copyStreams: CopyStreams } | { available: false; reason: string };

/**
 * pg-copy-streams is not a dependency of the project and node-postgres has no COPY of its own. It is loaded
 * at run time so the bench measures COPY as soon as the package is installed, and says why it skipped it until then.
 */
export function loadCopyStreams(): CopyAvailability {
  try {
    return { available: true, copyStreams: createRequire(__filename)('pg-copy-streams') as CopyStreams };
  } catch (error) {
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    return { available: false, reason: 'pg-copy-streams is not installed (npm i -D pg-copy-streams enables COPY)' };
  }
}

/** One COPY statement fed the chunks in turn; resolves once the server has committed it. */
export async function copyChunks(
  client: PoolClient,
  copyStreams: CopyStreams,
  sql: string,
  chunks: Iterable<string>,
): Promise<void> {
  const stream = client.query(copyStreams.from(sql));
  for (const chunk of chunks) {
    // Respect backpressure: a long COPY must not buffer the whole run in memory.
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
  stream.end();
  await finished(stream);
}
