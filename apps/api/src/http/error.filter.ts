import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isConnectionError } from '@libs/event-store';
import { isStatementCancelled } from '@libs/platform';
import { errorBody, type ErrorBody } from './error-body';
import { statusForCode } from './domain-error.status';

interface CodedError extends Error {
  code: string;
  fields?: Record<string, string>;
  currentVersion?: number;
  statusCode?: number;
}

/** While PostgreSQL is unreachable: how long clients should wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

/** Turns every error into the one JSON error shape; never sends a stack trace; logs only what is a bug. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (isConnectionError(exception)) {
      // An outage, not a bug: say so, and when to come back. (Logged once per request at warn, without a stack.)
      this.logger.warn(`database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
      const body = errorBody(503, 'the database is unavailable; retry shortly', { code: 'DATABASE.UNAVAILABLE' });
      void reply
        .status(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .header('content-type', 'application/json; charset=utf-8')
        .send(body);
      return;
    }
    if (isStatementCancelled(exception)) {
      // Asked for more than the server gives one read (READ_STATEMENT_TIMEOUT_MS): neither a bug nor an outage.
      const message = 'the query ran longer than this server allows a read and was stopped; narrow the filters';
      void reply
        .status(503)
        .header('content-type', 'application/json; charset=utf-8')
        .send(errorBody(503, message, { code: 'READ.TIMEOUT' }));
      return;
    }
    const body = this.toBody(exception);
    // A 503 thrown on purpose sheds load (too-busy.ts): the request log line says enough.
    const shedding = exception instanceof HttpException && body.statusCode === 503;
    if (body.statusCode >= 500 && !shedding)
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) return fromHttpException(exception);
    const coded = exception as Partial<CodedError>;
    if (typeof coded?.code === 'string') {
      const status = statusForCode(coded.code);
      if (status) {
        const extra: Partial<ErrorBody> = { code: coded.code };
        if (coded.fields) extra.fields = coded.fields;
        if (typeof coded.currentVersion === 'number') extra.currentVersion = coded.currentVersion;
        return errorBody(status, coded.message ?? coded.code, extra);
      }
    }
    // Fastify's own client errors (malformed JSON, body too large, bad content type) carry a 4xx statusCode.
    if (typeof coded?.statusCode === 'number' && coded.statusCode >= 400 && coded.statusCode < 500) {
      return errorBody(coded.statusCode, clientMessage(coded as CodedError));
    }
    return errorBody(500, 'Internal server error');
  }
}

function fromHttpException(exception: HttpException): ErrorBody {
  const status = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'object' && response !== null && 'details' in response) {
    // A terminus health report: keep its shape (monitors read info/error/details), add status and message.
    return { statusCode: status, message: 'health check failed', ...(response as object) } as ErrorBody;
  }
  if (typeof response === 'object' && response !== null) {
    const r = response as Partial<ErrorBody> & { message?: unknown };
    const message = Array.isArray(r.message) ? r.message.join('; ') : String(r.message ?? exception.message);
    const extra: Partial<ErrorBody> = {};
    if (typeof r.code === 'string') extra.code = r.code;
    if (r.fields) extra.fields = r.fields;
    return errorBody(status, message, extra);
  }
  return errorBody(status, String(response));
}

function clientMessage(error: CodedError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'request body is larger than the 1 MiB limit';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'request body must be JSON (Content-Type: application/json)';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'request body is empty; send a JSON object';
    default:
      return error.statusCode === 400 && error instanceof SyntaxError
        ? `request body is not valid JSON: ${error.message}`
        : error.message;
  }
}
