/** Domain errors carry a stable `code`; apps/api maps codes to HTTP statuses in one place. */
export abstract class DiplomacyError extends Error {
  abstract readonly code: string;
}

/** The request is well-formed but breaks a rule of the domain; `fields` maps each field path to what is wrong. */
export class InvalidDiplomaticEventError extends DiplomacyError {
  readonly code = 'DIPLOMATIC_EVENT.INVALID';
  constructor(readonly fields: Record<string, string>) {
    super(
      Object.entries(fields)
        .map(([field, problem]) => `${field} ${problem}`)
        .join('; '),
    );
    this.name = 'InvalidDiplomaticEventError';
  }
}

export class DiplomaticEventNotFoundError extends DiplomacyError {
  readonly code = 'DIPLOMATIC_EVENT.NOT_FOUND';
  constructor(readonly id: string) {
    super(`No diplomatic event ${id}`);
    this.name = 'DiplomaticEventNotFoundError';
  }
}

export class DiplomaticEventRetractedError extends DiplomacyError {
  readonly code = 'DIPLOMATIC_EVENT.RETRACTED';
  constructor(readonly id: string) {
    super(`Diplomatic event ${id} was retracted; it can no longer be changed`);
    this.name = 'DiplomaticEventRetractedError';
  }
}

export class DiplomaticEventVersionConflictError extends DiplomacyError {
  readonly code = 'DIPLOMATIC_EVENT.VERSION_CONFLICT';
  constructor(
    readonly id: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `Diplomatic event ${id} is at version ${currentVersion}, not ${expectedVersion}: ` +
        `reload it and apply your change to version ${currentVersion}`,
    );
    this.name = 'DiplomaticEventVersionConflictError';
  }
}

export class SourceNotFoundError extends DiplomacyError {
  readonly code = 'SOURCE.NOT_FOUND';
  readonly fields: Record<string, string>;
  constructor(readonly sourceId: string) {
    super(`source.sourceId: no source ${sourceId} is registered`);
    this.fields = { 'source.sourceId': `no source ${sourceId} is registered` };
    this.name = 'SourceNotFoundError';
  }
}

export class IdempotencyKeyReusedError extends DiplomacyError {
  readonly code = 'IDEMPOTENCY.KEY_REUSED';
  constructor(key: string) {
    super(`Idempotency-Key ${key} was already used for a different request body`);
    this.name = 'IdempotencyKeyReusedError';
  }
}
