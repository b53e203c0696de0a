import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import type { LogPosition } from '@libs/event-store';
import { APP_CONFIG, type AppConfig } from '@libs/platform';
import { CheckpointWatch, readTimelineChanges, type TimelineFilter } from '@libs/projections';
import { LiveStream } from './live-stream';

/** Proxies commonly cut a connection idle for 60 s; a comment every 15 s keeps it open. */
export const HEARTBEAT_MS = 15_000;
/** Changes read per query while a stream catches up; one far behind reads page after page. */
const PAGE = 200;
/** Stream reads run this many at a time, so that a burst of wake-ups cannot take the whole pool from requests. */
const CONCURRENT_READS = 4;

/**
 * The open live streams of this process: the bound on them (LIVE_STREAMS_MAX), their heartbeat, their wake-ups
 * from CheckpointWatch, and their end at shutdown (an open stream would otherwise hold the server's close).
 */
@Injectable()
export class LiveStreams implements OnModuleDestroy {
  private readonly logger = new Logger('LiveStreams');
  private readonly streams = new Set<LiveStream>();
  private readonly waiting: (() => void)[] = [];
  private reads = 0;

  constructor(
    private readonly watch: CheckpointWatch,
    @Inject(APP_CONFIG) private readonly config: Readonly<AppConfig>,
  ) {}

  get count(): number {
    return this.streams.size;
  }

  get full(): boolean {
    return this.streams.size >= this.config.liveStreamsMax;
  }

  /** Streams the changes after `from` that match `filter` to `response`, until the client goes or we stop. */
  start(response: ServerResponse, pool: Pool, filter: TimelineFilter, from: LogPosition): void {
    const read = (after: LogPosition) => this.slot(() => readTimelineChanges(pool, after, PAGE, filter));
    const stream = new LiveStream(response, read, from, (error) =>
      this.logger.warn(`live stream ended: ${String(error)}`),
    );
    this.streams.add(stream);
    const heartbeat = setInterval(() => stream.heartbeat(), HEARTBEAT_MS);
    const unsubscribe = this.watch.subscribe(() => stream.wake());
    response.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      this.streams.delete(stream);
      stream.close();
    });
    stream.wake();
  }

  onModuleDestroy(): void {
    for (const stream of this.streams) stream.close();
  }

  private async slot<T>(run: () => Promise<T>): Promise<T> {
    // A finished read hands its slot straight to the next in line, so the count never exceeds the bound.
    if (this.reads >= CONCURRENT_READS) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.reads++;
    try {
      return await run();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.reads--;
    }
  }
}
