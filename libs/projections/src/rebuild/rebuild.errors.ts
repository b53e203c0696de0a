export abstract class ProjectionError extends Error {
  abstract readonly code: string;
}

export class UnknownProjectionError extends ProjectionError {
  readonly code = 'PROJECTION.UNKNOWN';
  constructor(name: string, known: string[]) {
    super(`No projection named "${name}"; known: ${known.join(', ')}`);
    this.name = 'UnknownProjectionError';
  }
}

export class RebuildAlreadyRunningError extends ProjectionError {
  readonly code = 'PROJECTION.REBUILD_RUNNING';
  constructor() {
    super('A projection rebuild is already running; one runs at a time across all processes');
    this.name = 'RebuildAlreadyRunningError';
  }
}
