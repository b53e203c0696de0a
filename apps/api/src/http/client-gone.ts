import { HttpException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** nginx's code for a request whose client closed the connection before the answer: nobody reads it. */
export const CLIENT_CLOSED_REQUEST = 499;

/** The client's connection is closed: it timed out, navigated away, or its proxy gave up. */
export function clientGone(request: FastifyRequest): boolean {
  return request.raw.socket?.destroyed === true;
}

export class ClientClosedRequestException extends HttpException {
  constructor() {
    super('the client closed the connection before the answer was ready', CLIENT_CLOSED_REQUEST);
  }
}
