import { v5 as uuidv5, v4 as uuidv4 } from 'uuid';

/** Fixed namespace so that one name always yields the same uuid, on every machine. */
const ANNALS_NAMESPACE = '6f1c2a9e-3b7d-4c55-9a0e-8d2f4b6e1a30';

/** A uuid that is a pure function of `name` (RFC 9562 v5). */
export function deterministicUuid(name: string): string {
  return uuidv5(name, ANNALS_NAMESPACE);
}

/**
 * With an idempotency key, event ids are derived from it: a retried append carries the same ids, and the
 * unique index on event_id turns the retry into a no-op instead of a second write.
 */
export function eventIdFor(index: number, idempotencyKey: string | undefined): string {
  return idempotencyKey ? deterministicUuid(`event:${idempotencyKey}#${index}`) : uuidv4();
}
