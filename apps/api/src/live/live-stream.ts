import type { ServerResponse } from 'node:http';
import type { LogPosition } from '@libs/event-store';
import type { ChangesPage } from '@libs/projections';
import { sseComment, sseEvent } from './sse';

/** A client that reads slower than this much backlog is cut off; it resumes with Last-Event-ID. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** Reads the changes (matching the stream's filter) after a position, up to the timeline's checkpoint. */
export type ReadChanges = (after: LogPosition) => Promise<ChangesPage>;

/**
 * One open `GET /api/timeline/events`: a cursor in log order. Woken by CheckpointWatch, it reads the changes after
 * its cursor up to the timeline's checkpoint and writes those that match its filter. One read at a time: a wake
 * during a read makes it go round once more, so no move is missed and no change is written twice.
 */
export class LiveStream {
  private reading = false;
  private again = false;
  private closed = false;

  constructor(
    private readonly response: ServerResponse,
    private readonly read: ReadChanges,
    private cursor: LogPosition,
    private readonly onError: (error: unknown) => void,
  ) {}

  wake(): void {
    if (this.closed) return;
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    void this.drain().finally(() => (this.reading = false));
  }

  heartbeat(): void {
    if (!this.closed) this.response.write(sseComment('heartbeat'));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.response.end();
  }

  private async drain(): Promise<void> {
    try {
      do {
        this.again = false;
        let more = true;
        while (more && !this.closed) {
          const page = await this.read(this.cursor);
          if (this.closed) return;
          for (const change of page.changes) this.response.write(sseEvent(change));
          this.cursor = page.next;
          more = page.more;
          if (this.response.writableLength > MAX_BUFFERED_BYTES) return this.close();
        }
      } while (this.again && !this.closed);
    } catch (error) {
      // The pool is closing or the database went away: end the stream; the client reconnects with Last-Event-ID.
      this.onError(error);
      this.close();
    }
  }
}
