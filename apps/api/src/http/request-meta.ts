import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { CommandMeta } from '@libs/diplomacy';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** Who/why for stored events' metadata, from the request. */
export function commandMeta(request: FastifyRequest, idempotencyKey?: string): CommandMeta {
  return { actor: 'admin', correlationId: String(request.id ?? randomUUID()), idempotencyKey };
}

export function isValidIdempotencyKey(key: string): boolean {
  return IDEMPOTENCY_KEY.test(key);
}
