/**
 * The one place that maps the libraries' stable error codes to HTTP. Exhaustive on purpose: a new code
 * must be given a status here, or it answers 500 and shows up in the logs as a bug.
 */
export function statusForCode(code: string): number | undefined {
  switch (code) {
    case 'DIPLOMATIC_EVENT.INVALID':
    case 'SOURCE.NOT_FOUND':
    case 'EVENT_STORE.INVALID_EVENT':
    case 'TEMPORAL.INVALID_ANCHOR':
      return 400;
    case 'DIPLOMATIC_EVENT.NOT_FOUND':
    case 'PROJECTION.UNKNOWN':
    case 'CREDENTIAL.NOT_FOUND':
      return 404;
    case 'TIMELINE.RETRACTED':
      return 410;
    case 'DIPLOMATIC_EVENT.VERSION_CONFLICT':
    case 'DIPLOMATIC_EVENT.RETRACTED':
    case 'EVENT_STORE.VERSION_CONFLICT':
    case 'EVENT_STORE.IDEMPOTENCY_CONFLICT':
    case 'PROJECTION.REBUILD_RUNNING':
    case 'CREDENTIAL.NAME_TAKEN':
      return 409;
    case 'IDEMPOTENCY.KEY_REUSED':
    case 'TEMPORAL.UNRESOLVABLE':
      return 422;
    case 'READ.POSITION_NOT_REACHED':
      return 503;
    default:
      return undefined;
  }
}
