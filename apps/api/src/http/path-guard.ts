import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './error-body';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * No route has a path with control characters in it (NUL cannot even be stored): refuse them, decoded or not,
 * before any parameter reaches a query. A path that does not decode (a stray "%") is refused the same way.
 */
export function refuseControlCharactersInPath(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const path = request.url.split('?', 1)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = '\u0000';
  }
  if (!CONTROL.test(decoded)) return done();
  const message = 'the path must not contain control characters or malformed percent-escapes';
  void reply.status(400).send(errorBody(400, message, { fields: { path: 'contains control characters' } }));
}
