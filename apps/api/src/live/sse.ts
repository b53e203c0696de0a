import type { TimelineChange } from '@libs/projections';

/** One Server-Sent Event: the change's position is its `id`, so a reconnecting EventSource resumes after it. */
export function sseEvent(change: TimelineChange): string {
  return `id: ${change.position}\nevent: ${change.type}\ndata: ${JSON.stringify(change)}\n\n`;
}

/** A comment line: keeps proxies and load balancers from closing an idle stream; EventSource ignores it. */
export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;
}

/** How long an EventSource waits before reconnecting after the stream ends. */
export function sseRetry(ms: number): string {
  return `retry: ${ms}\n\n`;
}
