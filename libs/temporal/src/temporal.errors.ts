/** Errors carry a stable `code`; the HTTP layer maps codes to statuses, this library knows nothing of HTTP. */
export abstract class TemporalError extends Error {
  abstract readonly code: string;
}

export class UnresolvableExpressionError extends TemporalError {
  readonly code = 'TEMPORAL.UNRESOLVABLE';
  constructor(
    readonly expression: string,
    readonly reason: string,
  ) {
    super(`${reason} in "${expression}"`);
    this.name = 'UnresolvableExpressionError';
  }
}

export class InvalidAnchorError extends TemporalError {
  readonly code = 'TEMPORAL.INVALID_ANCHOR';
  constructor(readonly anchor: string) {
    super(`anchor "${anchor}" is not a calendar date in the form YYYY-MM-DD`);
    this.name = 'InvalidAnchorError';
  }
}
