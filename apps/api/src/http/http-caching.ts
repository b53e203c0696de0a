import { constants } from 'node:zlib';
import type { FastifyCompressOptions } from '@fastify/compress';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * gzip or brotli when the client asks (Accept-Encoding), for API answers and static files above 1 KiB. Brotli at
 * quality 4 and gzip at level 5: a 49 KB timeline page shrinks about as much as at their defaults (brotli's 11
 * costs tens of milliseconds of CPU per page), for a fraction of the CPU.
 */
export const compressOptions: FastifyCompressOptions = {
  global: true,
  threshold: 1024,
  encodings: ['br', 'gzip'],
  brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  zlibOptions: { level: 5 },
};

/**
 * The page's files keep their names (ES modules import each other by name), so they are not fingerprinted: every
 * use revalidates with the ETag and Last-Modified @fastify/static sends, and an unchanged file costs a 304.
 */
export const staticCacheHeaders = {
  cacheControl: false,
  setHeaders: (reply: FastifyReply) => void reply.header('cache-control', 'no-cache'),
};

/**
 * What a route did not say itself: API answers may be stored only to be revalidated (`no-cache`), and nothing an
 * admin route answers is stored at all (`no-store`: tokens, credentials, unpublished state).
 */
export function defaultCacheControl(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (error: null, payload: unknown) => void,
): void {
  if (!reply.hasHeader('cache-control') && request.url.startsWith('/api/')) {
    void reply.header('cache-control', request.url.startsWith('/api/admin/') ? 'no-store' : 'no-cache');
  }
  done(null, payload);
}
