import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@libs/platform';

/**
 * How many exports one API process builds at once (EXPORTS_MAX), and how many more wait their turn in arrival order
 * (EXPORTS_QUEUE); past that an export is refused (the controller answers 503 with Retry-After).
 *
 * Why: each running export holds a page of items and the garbage of the pages before it, and V8 lets the heap grow
 * with the allocation rate. Measured with `npm run bench:csv` (10,000-item CSV exports, 1M-event database): one
 * export raised the API's peak RSS from 125 to 139 MB, ten at once to 392 MB, fifty to 611 MB with most of them
 * timing out. Exports waiting here hold nothing but their request, and the database pages for a few at a time.
 */
@Injectable()
export class ExportSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(@Inject(APP_CONFIG) private readonly config: Readonly<AppConfig>) {}

  get stats(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /**
   * 'ready' once this export may run; 'full' at once when the queue is full; 'left' when the client went away while
   * waiting (its place is given up). A slot is the response's: it is given back when the response closes (sent,
   * failed, or the client left).
   */
  take(reply: FastifyReply): Promise<'ready' | 'full' | 'left'> {
    // Gone already: its response closed before this, and a slot held now would never be given back.
    if (reply.request.raw.socket?.destroyed !== false) return Promise.resolve('left');
    if (this.running < this.config.exportsMax) {
      this.hold(reply);
      return Promise.resolve('ready');
    }
    if (this.waiting.length >= this.config.exportsQueue) return Promise.resolve('full');
    return new Promise((resolve) => {
      const turn = () => {
        reply.raw.off('close', leave);
        this.hold(reply);
        resolve('ready');
      };
      const leave = () => {
        const at = this.waiting.indexOf(turn);
        if (at >= 0) this.waiting.splice(at, 1);
        resolve('left');
      };
      this.waiting.push(turn);
      reply.raw.once('close', leave);
    });
  }

  private hold(reply: FastifyReply): void {
    this.running++;
    reply.raw.once('close', () => {
      this.running--;
      this.waiting.shift()?.();
    });
  }
}
