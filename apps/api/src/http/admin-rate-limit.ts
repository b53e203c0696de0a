import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import type { Runtime } from '@libs/platform';
import type { Authenticator } from './authenticator';

const ADMIN_PREFIX = '/api/admin';

/**
 * Authenticated requests are limited before the guard runs, in two buckets: requests without a valid token, per
 * client address, strictly (AUTH_FAILURE_LIMIT a minute: guessing tokens stays slow); requests with a valid token,
 * per credential, generously (ADMIN_RATE_LIMIT a minute: an editor's bulk import is not throttled, and one editor's
 * import does not throttle another). The address is the socket's unless TRUST_PROXY names the proxies in front, so
 * a forged X-Forwarded-For cannot pick a fresh bucket. Public reads without a token are not limited here.
 */
export function adminRateLimit(runtime: Runtime, authenticator: Authenticator): RateLimitPluginOptions {
  const { adminRateLimitPerMinute, authFailureLimitPerMinute } = runtime.config;
  const authenticated = new WeakMap<object, boolean>();
  return {
    timeWindow: 60_000,
    allowList: (request) => !request.url.startsWith(ADMIN_PREFIX) && request.headers.authorization === undefined,
    keyGenerator: async (request) => {
      // Judged once per request: the guard reuses the answer. A failed lookup (database down) is answered 503.
      const result = await authenticator.authenticate(request);
      authenticated.set(request, 'principal' in result);
      return 'principal' in result ? `credential:${result.principal.credentialId}` : `address:${request.ip}`;
    },
    max: (_request, key) => (key.startsWith('address:') ? authFailureLimitPerMinute : adminRateLimitPerMinute),
    errorResponseBuilder: (request, context) => ({
      statusCode: 429,
      error: 'Too Many Requests',
      message: authenticated.get(request)
        ? `admin requests are limited to ${context.max} a minute per credential; retry in ${retry(context.ttl)} s`
        : `admin requests without a valid token are limited to ${context.max} a minute per address; retry in ${retry(context.ttl)} s`,
    }),
  };
}

const retry = (ttlMs: number) => Math.ceil(ttlMs / 1000);
