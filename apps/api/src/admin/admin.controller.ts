import { BadRequestException, Body, Controller, Headers, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { deterministicUuid } from '@libs/event-store';
import {
  CorrectEventCommand,
  RecordEventCommand,
  RegisterSourceCommand,
  RetractEventCommand,
  type DateInput,
} from '@libs/diplomacy';
import { AdminGuard, RequiresRole } from '../http/admin.guard';
import { commandMeta, isValidIdempotencyKey } from '../http/request-meta';
import { errorBody } from '../http/error-body';
import { UUID_PARAM } from '../http/uuid.pipe';
import { RegisterSourceRequestDto } from './source.request.dto';
import { type DateDto, RecordEventRequestDto } from './diplomatic-event.request.dto';
import { CorrectEventRequestDto, RetractEventRequestDto } from './correction.request.dto';
import { ApiIdempotencyKey, ApiUuidParam } from '../openapi/api-params';
import { ApiErrors } from '../openapi/error-body.schema';
import { SourceRegisteredSchema, VersionedResultSchema, WriteResultSchema } from '../openapi/write-result.schema';

@ApiTags('Admin')
@ApiBearerAuth('admin')
@ApiErrors({ 401: true, 403: 'A viewer credential: writes need the editor role', 413: true, 415: true, 429: true })
@Controller('api/admin')
@UseGuards(AdminGuard)
@RequiresRole('editor')
export class AdminController {
  constructor(private readonly commands: CommandBus) {}

  @Post('sources')
  @ApiOperation({ summary: 'Register a source (an article, a statement) that events can cite' })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: SourceRegisteredSchema })
  @ApiErrors({
    400: 'Invalid body or Idempotency-Key; `fields` names each problem',
    409: 'A concurrent request with the same Idempotency-Key (code EVENT_STORE.IDEMPOTENCY_CONFLICT)',
  })
  async registerSource(
    @Body() body: RegisterSourceRequestDto,
    @Req() request: FastifyRequest,
    @Headers('idempotency-key') key?: string,
  ) {
    const idempotencyKey = checkKey(key);
    const id = newId('source', idempotencyKey);
    const { id: sourceId, position } = await this.commands.execute(
      new RegisterSourceCommand(id, body, commandMeta(request, idempotencyKey)),
    );
    return { id: sourceId, position };
  }

  @Post('events')
  @ApiOperation({ summary: 'Record a diplomatic event; a relative date is resolved once, now, and stored' })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: WriteResultSchema })
  @ApiErrors({
    400:
      'Invalid body or Idempotency-Key, an unresolvable date, or an unknown source ' +
      '(codes DIPLOMATIC_EVENT.INVALID, SOURCE.NOT_FOUND)',
    409:
      'A concurrent request with the same Idempotency-Key ' +
      '(codes EVENT_STORE.VERSION_CONFLICT, EVENT_STORE.IDEMPOTENCY_CONFLICT)',
    422: 'The Idempotency-Key was already used with another body (code IDEMPOTENCY.KEY_REUSED)',
  })
  async recordEvent(
    @Body() body: RecordEventRequestDto,
    @Req() request: FastifyRequest,
    @Headers('idempotency-key') key?: string,
  ) {
    const idempotencyKey = checkKey(key);
    const id = newId('diplomatic-event', idempotencyKey);
    const input = { ...body, date: toDateInput(body.date) };
    return this.commands.execute(new RecordEventCommand(id, input, commandMeta(request, idempotencyKey)));
  }

  @Post('events/:id/corrections')
  @HttpCode(200)
  @ApiOperation({ summary: 'Correct a recorded event: a new version; the old one stays in the history' })
  @ApiUuidParam('id', 'The diplomatic event id')
  @ApiOkResponse({ type: VersionedResultSchema })
  @ApiErrors({
    400: 'Invalid id or body, or the corrected event breaks a rule (code DIPLOMATIC_EVENT.INVALID)',
    404: 'No diplomatic event with this id (code DIPLOMATIC_EVENT.NOT_FOUND)',
    409:
      'expectedVersion is not the current version (code DIPLOMATIC_EVENT.VERSION_CONFLICT, with currentVersion), ' +
      'or the event was retracted (DIPLOMATIC_EVENT.RETRACTED)',
  })
  async correctEvent(
    @Param('id', UUID_PARAM) id: string,
    @Body() body: CorrectEventRequestDto,
    @Req() request: FastifyRequest,
  ) {
    const changes = { ...body.changes, date: body.changes.date ? toDateInput(body.changes.date) : undefined };
    if (changes.date === undefined) delete changes.date;
    const result = await this.commands.execute(
      new CorrectEventCommand(id, body.expectedVersion, changes, body.reason, commandMeta(request)),
    );
    return { id: result.id, version: result.version, position: result.position };
  }

  @Post('events/:id/retraction')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retract an event: it leaves the timeline; its history remains' })
  @ApiUuidParam('id', 'The diplomatic event id')
  @ApiOkResponse({ type: VersionedResultSchema })
  @ApiErrors({
    400: true,
    404: 'No diplomatic event with this id (code DIPLOMATIC_EVENT.NOT_FOUND)',
    409:
      'expectedVersion is not the current version (code DIPLOMATIC_EVENT.VERSION_CONFLICT, with currentVersion), ' +
      'or the event is already retracted (DIPLOMATIC_EVENT.RETRACTED)',
  })
  async retractEvent(
    @Param('id', UUID_PARAM) id: string,
    @Body() body: RetractEventRequestDto,
    @Req() request: FastifyRequest,
  ) {
    const result = await this.commands.execute(
      new RetractEventCommand(id, body.expectedVersion, body.reason, commandMeta(request)),
    );
    return { id: result.id, version: result.version, position: result.position };
  }
}

function toDateInput(date: DateDto): DateInput {
  if (date.expression !== undefined)
    return { expression: date.expression, anchor: date.anchor, direction: date.direction };
  return { start: date.start as string, end: date.end };
}

/** A fresh id, or with an Idempotency-Key the same id every time, so a retry lands on the first request's stream. */
function newId(scope: string, idempotencyKey: string | undefined): string {
  return idempotencyKey ? deterministicUuid(`${scope}:${idempotencyKey}`) : randomUUID();
}

function checkKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (!isValidIdempotencyKey(key)) {
    throw new BadRequestException(
      errorBody(400, 'Idempotency-Key header must be 1 to 200 visible ASCII characters', {
        fields: { 'Idempotency-Key': 'must be 1 to 200 visible ASCII characters' },
      }),
    );
  }
  return key;
}
