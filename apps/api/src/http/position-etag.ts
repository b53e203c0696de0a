import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ReadDatabase, type ReadNeed } from '@libs/projections';
import { METRICS } from '../observability/metrics';
import { ClientClosedRequestException, clientGone } from './client-gone';
import { HotResponses } from './hot-responses';
import { noneMatch } from './if-none-match';
import { ResponseCache } from './response-cache';

export { noneMatch };

/**
 * Raised whenever a public read's JSON changes shape for the same read tables (a field added, renamed): an ETag
 * handed out by an older build then no longer matches.
 */
const RESPONSE_FORMAT = 1;

/**
 * A public read is a pure function of the read tables at a checkpoint, so its ETag is the position of the server
 * that answered plus the normalised query. Weak: compressed and identity bodies are the same representation.
 */
export function positionEtag(at: string, key: string): string {
  const digest = createHash('sha256').update(`${RESPONSE_FORMAT}|${at}|${key}`).digest('base64url').slice(0, 27);
  return `W/"${digest}"`;
}

/** JSON with object keys and string lists sorted: equal for two queries that must answer the same. */
export function normalisedKey(route: string, query: unknown): string {
  const normalise = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const items = value.map(normalise);
      return items.every((i) => typeof i === 'string') ? [...(items as string[])].sort() : items;
    }
    if (value instanceof Date) return value.toISOString();
    if (value && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
      return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, normalise(v)]));
    }
    return value;
  };
  return `${route} ${JSON.stringify(normalise(query))}`;
}

/**
 * ETags, 304s and a small in-process cache for the public reads. The position comes from the same server that
 * runs the queries (ReadDatabase.atCheckpoint), so a replica behind the primary gets its own ETag, never the
 * primary's. `Cache-Control: no-cache`: caches may keep the answer but must ask again, cheaply, with the ETag.
 */
@Injectable()
export class PositionCachedReads {
  readonly cache = new ResponseCache();

  constructor(
    private readonly reads: ReadDatabase,
    private readonly hot: HotResponses,
  ) {}

  async respond(
    request: FastifyRequest,
    reply: FastifyReply,
    need: ReadNeed & { source: 'timeline' | 'actors' },
    key: string,
    compute: () => Promise<unknown>,
  ): Promise<string> {
    return this.reads.atCheckpoint(need, async (at) => {
      // Under load a request can wait in the pool's queue for longer than its client does. Measured with the read
      // bench: when clients gave up, the API went on computing their answers for seconds, and the next clients
      // waited behind that work for nobody. An answer nobody will read is not computed.
      if (clientGone(request)) {
        METRICS.abandonedReads.inc();
        throw new ClientClosedRequestException();
      }
      const etag = positionEtag(at, key);
      if (noneMatch(request.headers['if-none-match'], etag)) {
        void reply.code(304).header('etag', etag).header('cache-control', 'no-cache');
        return '';
      }
      let body = this.cache.get(etag);
      if (body === undefined) {
        // An error (404, 410, 400) is thrown from here and answered without an ETag, and never cached.
        body = JSON.stringify(await compute());
        this.cache.set(etag, body);
      }
      if (need.minPosition === undefined) this.hot.remember(request, need.source, at, etag, body);
      void reply.header('etag', etag).header('cache-control', 'no-cache').type('application/json; charset=utf-8');
      return body;
    });
  }
}
