import { randomUUID } from 'node:crypto';
import { ConsoleLogger, Logger, RequestMethod, type LoggerService } from '@nestjs/common';
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

/** The matched route pattern, when the HTTP adapter tagged the raw request with it (apps/api create-app). */
export const ROUTE_OF_REQUEST = Symbol.for('annals:route');

/** What a request line says besides its reqId: method, url (secrets redacted), route, status, duration. */
function requestLine(req: IncomingMessage, res: ServerResponse, ms: number) {
  const route = (req as IncomingMessage & { [ROUTE_OF_REQUEST]?: string })[ROUTE_OF_REQUEST];
  return {
    method: req.method,
    url: redactUrl(req.url ?? ''),
    ...(route ? { route } : {}),
    status: res.statusCode,
    ms,
  };
}

/**
 * Structured JSON logs with request ids; pretty when a person watches a terminal. Each request is one short line
 * (`reqId`, method, url, route, status, ms); headers are not logged at all, so neither are tokens or cookies,
 * and request bodies never are.
 */
export function loggerParams(level: string, stream?: DestinationStream): Params {
  const pretty = !stream && process.stdout.isTTY;
  const options: NonNullable<Extract<Params['pinoHttp'], unknown[]>>[0] = {
    level,
    genReqId: (req, res) => requestIdOf(req, res),
    // Log lines made while handling a request carry its id, not the whole request.
    quietReqLogger: true,
    quietResLogger: true,
    customSuccessObject: (req, res, value: { responseTime: number }) => requestLine(req, res, value.responseTime),
    customErrorObject: (req, res, err, value: { responseTime: number }) => ({
      ...requestLine(req, res, value.responseTime),
      err,
    }),
    customSuccessMessage: (req, res, ms) => `${req.method} ${redactUrl(req.url ?? '')} ${res.statusCode} ${ms}ms`,
    customErrorMessage: (req, res) => `${req.method} ${redactUrl(req.url ?? '')} ${res.statusCode} failed`,
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    transport: pretty
      ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } }
      : undefined,
  };
  // Fastify runs Nest middleware through middie, which matches the legacy '*' route, not Nest 12's default.
  return { pinoHttp: stream ? [options, stream] : options, forRoutes: [{ path: '*', method: RequestMethod.ALL }] };
}

/** Before Nest's own logger is up: JSON lines without ANSI colours unless a person watches a terminal. */
export function plainLogsWhenPiped(): void {
  const terminal = Boolean(process.stdout.isTTY);
  Logger.overrideLogger(new ConsoleLogger({ json: !terminal, colors: terminal }));
}

/** Nest's start-up inventory (every module loaded, every route mapped): debug, not ~40 lines of info. */
const START_UP_CHATTER = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

export function quietStartUp(logger: LoggerService): LoggerService {
  const chatter = (params: unknown[]) => START_UP_CHATTER.has(params[params.length - 1] as string);
  return {
    log: (message: unknown, ...params: unknown[]) =>
      chatter(params) ? logger.debug?.(message, ...params) : logger.log(message, ...params),
    error: (message: unknown, ...params: unknown[]) => logger.error(message, ...params),
    warn: (message: unknown, ...params: unknown[]) => logger.warn(message, ...params),
    debug: (message: unknown, ...params: unknown[]) => logger.debug?.(message, ...params),
    verbose: (message: unknown, ...params: unknown[]) => logger.verbose?.(message, ...params),
    fatal: (message: unknown, ...params: unknown[]) => logger.fatal?.(message, ...params),
  };
}
