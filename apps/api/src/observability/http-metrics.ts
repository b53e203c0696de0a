import type { FastifyInstance } from 'fastify';
import { METRICS } from './metrics';

/** Times every request by its route pattern (not its URL, which would explode label cardinality). */
export function recordHttpMetrics(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    METRICS.httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
