import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { CommandMeta } from '@libs/diplomacy';
import { principalOf } from './authenticator';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** Who/why for stored events' metadata, from the request: the credential the guard admitted, by id and name. */
export function commandMeta(request: FastifyRequest, idempotencyKey?: string): CommandMeta {
  const { credentialId, credentialName } = principalOf(request);
  return {
    actor: credentialName,
    credentialId,
    credentialName,
    correlationId: String(request.id ?? randomUUID()),
    idempotencyKey,
  };
}

export function isValidIdempotencyKey(key: string): boolean {
  return IDEMPOTENCY_KEY.test(key);
}
