import { brotliCompressSync, gzipSync } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ReadDatabase, type ReadPosition } from '@libs/projections';
import { compressOptions } from './http-caching';
import { noneMatch } from './if-none-match';
import { ResponseCache } from './response-cache';

type Encoding = 'br' | 'gzip' | 'identity';
const ENCODINGS = ['br', 'gzip'];
const JSON_TYPE = 'application/json; charset=utf-8';

interface HotEntry {
  source: 'timeline' | 'actors';
  at: ReadPosition;
  etag: string;
  /** The JSON as sent, and each encoding once a client asked for it. */
  bodies: Partial<Record<Encoding, Buffer>>;
  bytes: number;
}

/**
 * The answers to the exact URLs asked most, served before Nest sees the request. A public read is a pure function
 * of the read tables at a checkpoint (position-etag.ts), so an answer PositionCachedReads gave for a URL is still
 * the answer while that server's checkpoint has not moved: this hook checks the position (ReadDatabase's memo, or
 * a checkpoint read of its own), and sends the bytes kept for the URL, already compressed for the encoding the
 * client accepts, or a 304. Anything it cannot vouch for goes the normal way: a URL not seen yet, a position that
 * moved, a minPosition (query or X-Min-Position), a bearer token, an unusual Accept-Encoding.
 *
 * It runs as a preHandler: after routing and every onRequest hook (request id, CORS, helmet, rate limits, the
 * request log), so the answer carries the same headers and is logged like any other.
 */
@Injectable()
export class HotResponses {
  /** 500 URLs or 16 MB of bodies, every encoding counted. */
  private readonly entries = new ResponseCache<HotEntry>(500, 16 * 1024 * 1024, (entry) => entry.bytes);
  private served = 0;

  constructor(private readonly reads: ReadDatabase) {}

  /** Called with each public answer given without a minPosition: the URL's answer at this position. */
  remember(request: FastifyRequest, source: HotEntry['source'], at: ReadPosition, etag: string, json: string): void {
    if (request.method !== 'GET' || !this.eligible(request)) return;
    if (this.entries.get(request.url)?.etag === etag) return;
    const identity = Buffer.from(json);
    this.entries.set(request.url, { source, at, etag, bodies: { identity }, bytes: identity.length });
  }

  /**
   * The preHandler hook: answers from `entries`, or lets the request through untouched. When no server's checkpoint
   * was read in the last 50 ms it reads one here, as the full pipeline would, rather than sending the request down
   * a pipeline that would only find the same answer again: under load, queued requests see every memo stale, and
   * falling through made each of them pay for Nest and compression (brotli answers went from thousands a second to
   * about a hundred).
   */
  readonly serve = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const entry = request.method === 'GET' ? this.entries.get(request.url) : undefined;
    if (!entry || !this.eligible(request)) return;
    const encoding = this.encodingFor(request);
    if (encoding === null) return;
    if (!this.reads.isCurrent(entry.source, entry.at)) {
      const at = await this.reads
        .atCheckpoint({ source: entry.source }, async (position) => position)
        .catch(() => null);
      // Moved on (or no server answered): the full pipeline computes the new answer, or the error.
      if (at !== entry.at) return;
    }
    this.served++;
    void reply.header('etag', entry.etag).header('cache-control', 'no-cache');
    if (noneMatch(request.headers['if-none-match'], entry.etag)) {
      // Returning the reply is what tells Fastify the hook answered (the handler must not run).
      return reply.code(304).send();
    }
    const body = this.body(request.url, entry, encoding);
    void reply.header('content-type', JSON_TYPE).header('vary', withAcceptEncoding(reply.getHeader('vary')));
    if (body.encoding !== 'identity') void reply.header('content-encoding', body.encoding);
    return reply.send(body.bytes);
  };

  /** Metrics and tests: what is kept, and how many answers (200 or 304) came from here. */
  get stats(): { entries: number; bytes: number; served: number } {
    const { entries, chars } = this.entries.stats;
    return { entries, bytes: chars, served: this.served };
  }

  private eligible(request: FastifyRequest): boolean {
    const { headers } = request;
    return (
      headers.authorization === undefined &&
      headers['x-min-position'] === undefined &&
      !request.url.includes('minPosition=')
    );
  }

  /** br or gzip as @fastify/compress would choose; identity when not asked; null (not served here) otherwise. */
  private encodingFor(request: FastifyRequest): Encoding | null {
    const header = request.headers['accept-encoding'];
    if (header === undefined || header === '') return 'identity';
    const chosen = negotiate(header, ENCODINGS);
    return chosen === 'br' || chosen === 'gzip' ? chosen : null;
  }

  private body(url: string, entry: HotEntry, wanted: Encoding): { encoding: Encoding; bytes: Buffer } {
    const identity = entry.bodies.identity!;
    // Below the plugin's threshold an answer goes out as it is, whatever was asked.
    if (wanted === 'identity' || identity.length < compressOptions.threshold!)
      return { encoding: 'identity', bytes: identity };
    let bytes = entry.bodies[wanted];
    if (!bytes) {
      bytes =
        wanted === 'br'
          ? brotliCompressSync(identity, compressOptions.brotliOptions)
          : gzipSync(identity, compressOptions.zlibOptions);
      // A new entry, stored again: the cache measures an entry's size when it is set.
      this.entries.set(url, {
        ...entry,
        bodies: { ...entry.bodies, [wanted]: bytes },
        bytes: entry.bytes + bytes.length,
      });
    }
    return { encoding: wanted, bytes };
  }
}

/** Vary as the onRequest hooks left it (CORS adds Origin), with Accept-Encoding added once. */
function withAcceptEncoding(vary: unknown): string {
  const current = typeof vary === 'string' ? vary : Array.isArray(vary) ? vary.join(', ') : '';
  if (current === '') return 'accept-encoding';
  return /(^|,)\s*accept-encoding\s*(,|$)/i.test(current) ? current : `${current}, accept-encoding`;
}
