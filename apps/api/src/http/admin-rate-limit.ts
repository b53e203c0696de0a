import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import type { Runtime } from '@libs/platform';
import { bearerTokenOf, tokenDigest, tokenMatches } from './bearer-token';

const ADMIN_PREFIX = '/api/admin';

/**
 * Admin routes are limited before the token check, in two buckets: requests without a valid token, per client
 * address, strictly (AUTH_FAILURE_LIMIT a minute: guessing tokens stays slow); requests with a valid token, per
 * credential, generously (ADMIN_RATE_LIMIT a minute: an editor's bulk import is not throttled). The address is the
 * socket's unless TRUST_PROXY names the proxies in front, so a forged X-Forwarded-For cannot pick a fresh bucket.
 */
export function adminRateLimit(runtime: Runtime): RateLimitPluginOptions {
  const expected = runtime.adminToken ? tokenDigest(runtime.adminToken) : undefined;
  const { adminRateLimitPerMinute, authFailureLimitPerMinute } = runtime.config;
  return {
    timeWindow: 60_000,
    allowList: (request) => !request.url.startsWith(ADMIN_PREFIX),
    keyGenerator: (request) =>
      tokenMatches(bearerTokenOf(request), expected) ? 'credential:admin-token' : `address:${request.ip}`,
    max: (_request, key) => (key.startsWith('address:') ? authFailureLimitPerMinute : adminRateLimitPerMinute),
    errorResponseBuilder: (request, context) => ({
      statusCode: 429,
      error: 'Too Many Requests',
      message: `${tokenMatches(bearerTokenOf(request), expected) ? 'admin requests' : 'admin requests without a valid token'} are limited to ${context.max} a minute; retry in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  };
}
