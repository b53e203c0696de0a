/** Errors carry a stable `code`; the HTTP layer maps codes to statuses, the store knows nothing of HTTP. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

export class ConcurrencyError extends EventStoreError {
  readonly code = 'EVENT_STORE.VERSION_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number | 'no_stream' | 'any',
    readonly currentVersion: number,
  ) {
    super(`Stream ${streamId} is at version ${currentVersion}, but version ${String(expectedVersion)} was expected`);
    this.name = 'ConcurrencyError';
  }
}

export class IdempotencyConflictError extends EventStoreError {
  readonly code = 'EVENT_STORE.IDEMPOTENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    detail: string,
  ) {
    super(`Some of the events appended to ${streamId} were already stored elsewhere: ${detail}`);
    this.name = 'IdempotencyConflictError';
  }
}

export class InvalidEventError extends EventStoreError {
  readonly code = 'EVENT_STORE.INVALID_EVENT';
  constructor(detail: string) {
    super(detail);
    this.name = 'InvalidEventError';
  }
}

export class ForeignEventLogError extends EventStoreError {
  readonly code = 'EVENT_STORE.FOREIGN_LOG';
  constructor(maxOrderXid: string, nextXid: string) {
    super(
      `The events table holds transaction ids up to ${maxOrderXid}, but this cluster's next transaction id is ` +
        `${nextXid}: the log was restored from another cluster (pg_dump/pg_restore). New appends would sort ` +
        `before its history and readers would hide it. To move the log to another server, use ` +
        `\`npm run log:export -- file.ndjson\` on the old one and \`npm run log:import -- file.ndjson\` into an ` +
        `empty database on the new one; a physical copy (pg_basebackup, a replica) keeps the counter and works as is.`,
    );
    this.name = 'ForeignEventLogError';
  }
}
