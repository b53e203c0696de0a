import { request, type ClientRequest, type IncomingMessage } from 'node:http';

export interface ReceivedEvent {
  id: string | undefined;
  event: string;
  data: Record<string, unknown>;
  /** performance.now() when the event's last line arrived. */
  at: number;
}

/** A minimal EventSource over node:http: records every event, and exposes the raw response for status/headers. */
export class SseClient {
  readonly events: ReceivedEvent[] = [];
  comments = 0;
  private buffer = '';
  private req: ClientRequest | undefined;
  private waiters: (() => void)[] = [];

  private constructor(readonly response: IncomingMessage) {}

  static open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
        const client = new SseClient(response);
        client.req = req;
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => client.receive(chunk));
        response.on('error', () => undefined);
        resolve(client);
      });
      req.on('error', reject);
      req.end();
    });
  }

  /** The body of a non-stream answer (an error). */
  async body(): Promise<Record<string, unknown>> {
    if (!this.response.readableEnded) await new Promise((resolve) => this.response.on('end', resolve));
    return JSON.parse(this.buffer) as Record<string, unknown>;
  }

  close(): void {
    this.req?.destroy();
  }

  /**
   * Resolves once `count` events have arrived, or fails after `timeoutMs` (generous: a long transaction anywhere
   * on a shared server holds back every gap-safe reader of the log, the projector's included).
   */
  async waitFor(count: number, timeoutMs = 15_000): Promise<ReceivedEvent[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.events.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} events within ${timeoutMs} ms, got ${this.events.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.events.slice(0, count);
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    if (!String(this.response.headers['content-type']).startsWith('text/event-stream')) return;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.parse(block);
    }
  }

  private parse(block: string): void {
    const fields: Record<string, string> = {};
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments++;
      const colon = line.indexOf(':');
      if (colon > 0) fields[line.slice(0, colon)] = line.slice(colon + 1).replace(/^ /, '');
    }
    if (fields.data === undefined) return;
    this.events.push({
      id: fields.id,
      event: fields.event ?? 'message',
      data: JSON.parse(fields.data) as Record<string, unknown>,
      at: performance.now(),
    });
    this.waiters.splice(0).forEach((wake) => wake());
  }
}
