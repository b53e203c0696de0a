import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PostgresEventStore, type EventMetadata } from '@libs/event-store';
import { diplomaticEventStream } from '@libs/diplomacy';
import { ReadDatabase } from '@libs/projections';
import { errorBody } from '../http/error-body';
import { ReadQueryDto } from '../http/min-position';
import { UUID_PARAM } from '../http/uuid.pipe';
import { ApiUuidParam } from '../openapi/api-params';
import { ApiErrors } from '../openapi/error-body.schema';
import { EventHistorySchema } from '../openapi/history.schema';

@ApiTags('Timeline')
@ApiErrors({ 503: true })
@Controller('api/events')
export class HistoryController {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly reads: ReadDatabase,
  ) {}

  /** Every stored event of one diplomatic event, oldest first: the record, its corrections, its retraction. */
  @Get(':id/history')
  @ApiOperation({ summary: 'Every stored event of one diplomatic event, oldest first (retracted ones too)' })
  @ApiUuidParam('id', 'The diplomatic event id')
  @ApiOkResponse({ type: EventHistorySchema })
  @ApiErrors({ 400: 'id is not a uuid', 404: 'No diplomatic event with this id' })
  async history(@Param('id', UUID_PARAM) id: string, @Query() query: ReadQueryDto) {
    const stream = diplomaticEventStream(id);
    const need = { source: 'log', minPosition: query.minPosition } as const;
    const events = await this.reads.read(need, (db) => this.store.readStream(stream, 1, 10_000, db));
    if (events.length === 0) throw new NotFoundException(errorBody(404, `No diplomatic event ${id}`));
    return {
      id,
      events: events.map((e) => ({
        position: e.position,
        version: e.version,
        type: e.type,
        data: e.data,
        recordedAt: e.recordedAt.toISOString(),
        recordedBy: recordedBy(e.metadata),
      })),
    };
  }
}

/** Who wrote a version: the credential (id and name) or, for events written before credentials, the actor. */
function recordedBy(metadata: EventMetadata): { credentialId?: string; name: string } | null {
  const { credentialId, credentialName, actor } = metadata;
  if (typeof credentialId === 'string' && typeof credentialName === 'string')
    return { credentialId, name: credentialName };
  return typeof actor === 'string' ? { name: actor } : null;
}
