import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
/** Query parameters whose values are never written to a log (a token pasted into a URL, a signed link's key). */
const SECRET_PARAMETER = /token|key|secret|password|passwd|auth|signature|session|code/i;

/** The URL as logged: the values of secret-looking query parameters replaced by [redacted]. */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const params = url
    .slice(query + 1)
    .split('&')
    .map((pair) => {
      const [name] = pair.split('=', 1);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // an undecodable name is judged as written
      }
      return SECRET_PARAMETER.test(decoded) && pair.includes('=') ? `${name}=[redacted]` : pair;
    });
  return `${url.slice(0, query)}?${params.join('&')}`;
}

/** A client's X-Request-Id when it is sane, else a fresh uuid; echoed back on the response. */
export function requestIdOf(req: IncomingMessage, res?: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  req.headers['x-request-id'] = id;
  res?.setHeader('x-request-id', id);
  return id;
}

/**
 * Structured JSON logs with request ids; pretty when a person watches a terminal. Secrets never reach the log:
 * the Authorization header is redacted and request bodies are not logged at all.
 */
export function loggerParams(level: string, stream?: DestinationStream): Params {
  const pretty = !stream && process.stdout.isTTY;
  const options: NonNullable<Extract<Params['pinoHttp'], unknown[]>>[0] = {
    level,
    genReqId: (req, res) => requestIdOf(req, res),
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { id: string; method: string; url: string; headers: Record<string, unknown> }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url),
        headers: { 'user-agent': req.headers['user-agent'], authorization: req.headers.authorization },
      }),
    },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    transport: pretty
      ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } }
      : undefined,
  };
  // Fastify runs Nest middleware through middie, which matches the legacy '*' route, not Nest 12's default.
  return { pinoHttp: stream ? [options, stream] : options, forRoutes: [{ path: '*', method: RequestMethod.ALL }] };
}
