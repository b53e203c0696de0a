/** Every writer opens a new stream every 10 events, the same layout for raw rows and store appends. */
export const EVENTS_PER_STREAM = 10;

/** Unique per process: the store's `events` rows can never be deleted, so stream ids must never repeat. */
export const RUN_TAG = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Where a writer's `n`-th event goes: its stream and that stream's version before the write. */
export function slot(prefix: string, n: number): { streamId: string; version: number } {
  return { streamId: `${prefix}-${Math.floor(n / EVENTS_PER_STREAM)}`, version: n % EVENTS_PER_STREAM };
}

export function streamPrefix(workload: string, round: string, writer: number): string {
  return `bench-${RUN_TAG}-${workload}-${round}-w${writer}`;
}
