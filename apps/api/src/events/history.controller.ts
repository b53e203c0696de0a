import { Controller, Get, NotFoundException, Param } from '@nestjs/common';
import { PostgresEventStore } from '@libs/event-store';
import { diplomaticEventStream } from '@libs/diplomacy';
import { errorBody } from '../http/error-body';
import { UUID_PARAM } from '../http/uuid.pipe';

@Controller('api/events')
export class HistoryController {
  constructor(private readonly store: PostgresEventStore) {}

  /** Every stored event of one diplomatic event, oldest first: the record, its corrections, its retraction. */
  @Get(':id/history')
  async history(@Param('id', UUID_PARAM) id: string) {
    const events = await this.store.readStream(diplomaticEventStream(id));
    if (events.length === 0) throw new NotFoundException(errorBody(404, `No diplomatic event ${id}`));
    return {
      id,
      events: events.map((e) => ({
        position: e.position,
        version: e.version,
        type: e.type,
        data: e.data,
        recordedAt: e.recordedAt.toISOString(),
      })),
    };
  }
}
