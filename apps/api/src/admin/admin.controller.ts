import { BadRequestException, Body, Controller, Headers, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
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
import { AdminGuard } from '../http/admin.guard';
import { commandMeta, isValidIdempotencyKey } from '../http/request-meta';
import { errorBody } from '../http/error-body';
import { UUID_PARAM } from '../http/uuid.pipe';
import { RegisterSourceRequestDto } from './source.request.dto';
import { type DateDto, RecordEventRequestDto } from './diplomatic-event.request.dto';
import { CorrectEventRequestDto, RetractEventRequestDto } from './correction.request.dto';

@Controller('api/admin')
@UseGuards(AdminGuard)
export class AdminController {
  constructor(private readonly commands: CommandBus) {}

  @Post('sources')
  async registerSource(
    @Body() body: RegisterSourceRequestDto,
    @Req() request: FastifyRequest,
    @Headers('idempotency-key') key?: string,
  ) {
    const idempotencyKey = checkKey(key);
    const id = idempotencyKey ? deterministicUuid(`source:${idempotencyKey}`) : randomUUID();
    const { id: sourceId } = await this.commands.execute(
      new RegisterSourceCommand(id, body, commandMeta(request, idempotencyKey)),
    );
    return { id: sourceId };
  }

  @Post('events')
  async recordEvent(
    @Body() body: RecordEventRequestDto,
    @Req() request: FastifyRequest,
    @Headers('idempotency-key') key?: string,
  ) {
    const idempotencyKey = checkKey(key);
    const id = idempotencyKey ? deterministicUuid(`diplomatic-event:${idempotencyKey}`) : randomUUID();
    const input = { ...body, date: toDateInput(body.date) };
    return this.commands.execute(new RecordEventCommand(id, input, commandMeta(request, idempotencyKey)));
  }

  @Post('events/:id/corrections')
  @HttpCode(200)
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
    return { id: result.id, version: result.version };
  }

  @Post('events/:id/retraction')
  @HttpCode(200)
  async retractEvent(
    @Param('id', UUID_PARAM) id: string,
    @Body() body: RetractEventRequestDto,
    @Req() request: FastifyRequest,
  ) {
    const result = await this.commands.execute(
      new RetractEventCommand(id, body.expectedVersion, body.reason, commandMeta(request)),
    );
    return { id: result.id, version: result.version };
  }
}

function toDateInput(date: DateDto): DateInput {
  if (date.expression !== undefined)
    return { expression: date.expression, anchor: date.anchor, direction: date.direction };
  return { start: date.start as string, end: date.end };
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
