import { ServiceUnavailableException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { errorBody } from './error-body';

/** Seconds a request refused for load is told to wait before asking again. */
const TOO_BUSY_RETRY_AFTER_SECONDS = 5;

/**
 * The 503 of a server shedding load on purpose (too many live streams, too many exports): Retry-After, and a code
 * saying which limit. The error filter answers it without logging it as a bug.
 */
export function tooBusy(reply: FastifyReply, message: string, code: string): ServiceUnavailableException {
  void reply.header('retry-after', String(TOO_BUSY_RETRY_AFTER_SECONDS));
  return new ServiceUnavailableException(errorBody(503, message, { code }));
}
