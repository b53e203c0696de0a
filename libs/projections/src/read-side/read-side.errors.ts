/** A read asked for minPosition, and no server had applied it within the wait: retry shortly. */
export class PositionNotReachedError extends Error {
  readonly code = 'READ.POSITION_NOT_REACHED';
  constructor(
    readonly source: string,
    readonly minPosition: number,
    readonly waitedMs: number,
  ) {
    super(
      `The ${source === 'log' ? 'event log' : `${source} projection`} has not reached position ${minPosition} ` +
        `within ${waitedMs} ms on any server: retry shortly`,
    );
    this.name = 'PositionNotReachedError';
  }
}
