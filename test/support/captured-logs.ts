import { Writable } from 'node:stream';
import type { DestinationStream } from 'pino';

/** A log stream for startTestApi's `logStream` that keeps what the app wrote: all of it, or as JSON lines. */
export function captureLogs(): {
  stream: DestinationStream;
  lines: () => Record<string, unknown>[];
  text: () => string;
} {
  const chunks: string[] = [];
  const stream = new Writable({
    write: (chunk, _encoding, done) => {
      chunks.push(String(chunk));
      done();
    },
  }) as unknown as DestinationStream;
  const text = () => chunks.join('');
  const lines = () =>
    text()
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { stream, lines, text };
}
