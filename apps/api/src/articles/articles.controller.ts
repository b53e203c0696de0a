import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { deterministicUuid, PostgresEventStore } from '@libs/event-store';
import {
  DecideProposalCommand,
  decisionsOf,
  diplomaticEventStream,
  replay,
  type DiplomaticEventEvent,
  RedactSourceTextCommand,
  InvalidDiplomaticEventError,
  RecordEventCommand,
  RegisterSourceCommand,
  sourceStream,
} from '@libs/diplomacy';
import { AdminGuard } from '../http/admin.guard';
import { commandMeta, isValidIdempotencyKey } from '../http/request-meta';
import { UUID_PARAM } from '../http/uuid.pipe';
import { ApiIdempotencyKey, ApiUuidParam } from '../openapi/api-params';
import { ApiErrors } from '../openapi/error-body.schema';
import {
  AcceptProposalRequestDto,
  AttachSourceRequestDto,
  DismissProposalRequestDto,
  RedactArticleRequestDto,
  SubmitArticleRequestDto,
} from './article.request.dto';
import { saveText, sha256 } from './article-store';
import { likelyDuplicates } from './likely-duplicates';
import { ArticleReader, type Source } from './article-reader';
import { proposalToEvent } from './proposal-to-event';
import { extractorOf, proposalsWithDecisions } from './article-proposals';
import { ArticleRedactedSchema, ArticleSchema, ArticleSubmittedSchema, ProposalDecisionSchema } from './article.schema';

const ApiExtractorQuery = () =>
  ApiQuery({
    name: 'extractor',
    required: false,
    description: 'An extractor version this server runs (default: the current one), e.g. proposals-1',
  });

@ApiTags('Articles')
@ApiBearerAuth('admin')
@ApiErrors({ 401: true, 413: true, 415: true, 429: true })
@Controller('api/admin/articles')
@UseGuards(AdminGuard)
export class ArticlesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly store: PostgresEventStore,
  ) {
    this.reader = new ArticleReader(store);
  }

  private readonly reader: ArticleReader;

  @Post()
  @ApiOperation({
    summary: 'Submit an article: its text is kept (by SHA-256), and the dated statements it makes are proposed',
    description:
      'The same text is the same source: the source id is derived from the SHA-256 of the text, so a resubmission ' +
      '(with or without Idempotency-Key) answers the first sourceId and writes nothing.',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: ArticleSubmittedSchema })
  @ApiErrors({ 400: 'Invalid body or Idempotency-Key; `fields` names each problem' })
  async submit(
    @Body() body: SubmitArticleRequestDto,
    @Req() request: FastifyRequest,
    @Headers('idempotency-key') key?: string,
  ) {
    checkKey(key);
    const hash = sha256(body.text);
    const sourceId = deterministicUuid(`article-text:${hash}`);
    let source = await this.reader.source(sourceId);
    if (!source) {
      const { text, language, ...facts } = body;
      await saveText(this.store.pool, hash, text);
      const input = { ...facts, language: language ?? detectLanguage(text), textSha256: hash };
      await this.commands
        .execute(new RegisterSourceCommand(sourceId, input, commandMeta(request, key)))
        .catch(async (error: unknown) => {
          // A concurrent submission of the same text registered it first: that is the same source.
          if (!(error instanceof InvalidDiplomaticEventError) || !(await this.reader.source(sourceId))) throw error;
        });
      source = (await this.reader.source(sourceId)) as Source;
    }
    const { version, extractor } = extractorOf(undefined);
    const { proposals } = extractor(await this.reader.input(source, body.text));
    const duplicates = await likelyDuplicates(this.store.pool, proposals);
    const shown = proposals.map((p) => ({ ...p, likelyDuplicates: duplicates.get(p.id) ?? [] }));
    const [registered] = await this.store.readStream(sourceStream(sourceId), 1, 1);
    return { sourceId, extractorVersion: version, proposals: shown, position: registered.position };
  }

  @Get(':sourceId')
  @ApiOperation({
    summary: 'An article: its source, text, current proposals and the decision taken on each',
    description:
      'With a newer extractor, undecided statements are proposed afresh while each decided proposal is shown as ' +
      'the version that was decided saw it (its `extractorVersion`).',
  })
  @ApiUuidParam('sourceId', 'The source id answered by POST /api/admin/articles')
  @ApiExtractorQuery()
  @ApiOkResponse({ type: ArticleSchema })
  @ApiErrors({ 400: 'Bad id, or an unknown extractor version', 404: 'No article with this id' })
  async show(@Param('sourceId', UUID_PARAM) sourceId: string, @Query('extractor') extractor?: string) {
    const { version } = extractorOf(extractor);
    const { source, text } = await this.reader.article(sourceId);
    const decisions = decisionsOf(await this.store.readStream(sourceStream(sourceId)));
    const shown =
      text === null ? [] : proposalsWithDecisions(await this.reader.input(source, text), version, decisions);
    const duplicates = await likelyDuplicates(
      this.store.pool,
      shown.filter((p) => p.decision === null),
    );
    const proposals = shown.map((p) => ({ ...p, likelyDuplicates: duplicates.get(p.id) ?? [] }));
    const { text: _inline, ...metadata } = source;
    return {
      source: metadata,
      text,
      extractorVersion: text === null ? null : version,
      proposals,
      decisions: [...decisions.values()].map((d) => ({ type: d.type, ...d.data })),
    };
  }

  @Post(':sourceId/proposals/:proposalId/accept')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept a proposal (as proposed, or with edits): records a diplomatic event citing the quote',
  })
  @ApiUuidParam('sourceId', 'The article')
  @ApiParam({ name: 'proposalId', description: 'A proposal id of the extractor version asked for' })
  @ApiExtractorQuery()
  @ApiOkResponse({ type: ProposalDecisionSchema })
  @ApiErrors({
    400: 'Invalid body, or the edited event breaks a rule (code DIPLOMATIC_EVENT.INVALID), or already dismissed',
    404: 'No article, or no such proposal',
    422: 'The edited date cannot be resolved (code TEMPORAL.UNRESOLVABLE)',
  })
  async accept(
    @Param('sourceId', UUID_PARAM) sourceId: string,
    @Param('proposalId') proposalId: string,
    @Body() body: AcceptProposalRequestDto,
    @Req() request: FastifyRequest,
    @Query('extractor') extractor?: string,
  ) {
    const { source, proposal, extractorVersion } = await this.reader.proposal(sourceId, proposalId, extractor);
    const eventId = deterministicUuid(`article-proposal:${sourceId}:${proposalId}`);
    const input = proposalToEvent(sourceId, source.publishedAt.slice(0, 10), proposal, body.edits);
    const meta = commandMeta(request, `article-proposal:${sourceId}:${proposalId}`);
    const decision = {
      type: 'ProposalAccepted' as const,
      data: { sourceId, proposalId, extractorVersion, eventId, edited: body.edits !== undefined },
    };
    await this.refuseIfDecidedOtherwise(sourceId, decision);
    await this.commands.execute(new RecordEventCommand(eventId, input, meta));
    // The decision comes after the recorded event in the log: reading at its position sees both.
    const { position } = await this.commands.execute(new DecideProposalCommand(decision, commandMeta(request)));
    return { ...decision.data, decision: 'accepted', position };
  }

  @Post(':sourceId/proposals/:proposalId/dismiss')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dismiss a proposal, saying why; nothing reaches the timeline' })
  @ApiUuidParam('sourceId', 'The article')
  @ApiParam({ name: 'proposalId', description: 'A proposal id of the extractor version asked for' })
  @ApiExtractorQuery()
  @ApiOkResponse({ type: ProposalDecisionSchema })
  @ApiErrors({ 400: 'Invalid body, or the proposal was already accepted', 404: 'No article, or no such proposal' })
  async dismiss(
    @Param('sourceId', UUID_PARAM) sourceId: string,
    @Param('proposalId') proposalId: string,
    @Body() body: DismissProposalRequestDto,
    @Req() request: FastifyRequest,
    @Query('extractor') extractor?: string,
  ) {
    const { extractorVersion } = await this.reader.proposal(sourceId, proposalId, extractor);
    const decision = {
      type: 'ProposalDismissed' as const,
      data: { sourceId, proposalId, extractorVersion, reason: body.reason },
    };
    const { position } = await this.commands.execute(new DecideProposalCommand(decision, commandMeta(request)));
    return { ...decision.data, decision: 'dismissed', position };
  }

  @Post(':sourceId/proposals/:proposalId/attach')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Attach the article as another source of an event already on the timeline (a likely duplicate)',
    description:
      "Records EventSourceAttached in the article's stream, with the quote and its offsets: no second event. " +
      'The timeline item then lists every source.',
  })
  @ApiUuidParam('sourceId', 'The article')
  @ApiParam({ name: 'proposalId', description: 'A proposal id of the extractor version asked for' })
  @ApiExtractorQuery()
  @ApiOkResponse({ type: ProposalDecisionSchema })
  @ApiErrors({
    400: 'Invalid body, no live event with this eventId, or the proposal was already decided otherwise',
    404: 'No article, or no such proposal',
  })
  async attach(
    @Param('sourceId', UUID_PARAM) sourceId: string,
    @Param('proposalId') proposalId: string,
    @Body() body: AttachSourceRequestDto,
    @Req() request: FastifyRequest,
    @Query('extractor') extractor?: string,
  ) {
    const { proposal, extractorVersion } = await this.reader.proposal(sourceId, proposalId, extractor);
    const history = await this.store.readStream(diplomaticEventStream(body.eventId));
    if (replay(history as unknown as DiplomaticEventEvent[]).status !== 'live') {
      throw new InvalidDiplomaticEventError({ eventId: 'no live diplomatic event has this id' });
    }
    const { text: quote, start, end } = proposal.quote;
    const decision = {
      type: 'EventSourceAttached' as const,
      data: { sourceId, proposalId, extractorVersion, eventId: body.eventId, quote, offsets: { start, end } },
    };
    const { position } = await this.commands.execute(new DecideProposalCommand(decision, commandMeta(request)));
    return { ...decision.data, decision: 'attached', position };
  }

  @Post(':sourceId/redaction')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take the article text down: a SourceTextRedacted event, and the text deleted from the side table',
    description: 'The recorded events stay, with their quotes and offsets; the article shows no text and no proposals.',
  })
  @ApiUuidParam('sourceId', 'The article')
  @ApiOkResponse({ type: ArticleRedactedSchema })
  @ApiErrors({ 400: 'Invalid body (a reason is required)', 404: 'No article with this id' })
  async redact(
    @Param('sourceId', UUID_PARAM) sourceId: string,
    @Body() body: RedactArticleRequestDto,
    @Req() request: FastifyRequest,
  ) {
    await this.reader.article(sourceId);
    const result = await this.commands.execute(
      new RedactSourceTextCommand(sourceId, body.reason, commandMeta(request)),
    );
    return { sourceId, textSha256: result.textSha256, redacted: true, position: result.position };
  }

  /** Checked before the event is recorded, so a dismissed proposal never reaches the timeline. */
  private async refuseIfDecidedOtherwise(sourceId: string, decision: { type: string; data: { proposalId: string } }) {
    const earlier = (await this.reader.decisions(sourceId)).get(decision.data.proposalId);
    if (earlier && earlier.type !== decision.type) {
      throw new InvalidDiplomaticEventError({
        proposalId: `${decision.data.proposalId} was already decided (${earlier.type})`,
      });
    }
  }
}

function detectLanguage(text: string): 'ar' | 'en' {
  const arabic = (text.match(/[\u0600-\u06FF]/g) ?? []).length;
  return arabic * 2 > (text.match(/\p{L}/gu) ?? []).length ? 'ar' : 'en';
}

function checkKey(key: string | undefined): void {
  if (key !== undefined && !isValidIdempotencyKey(key)) {
    throw new InvalidDiplomaticEventError({ 'Idempotency-Key': 'must be 1 to 200 visible ASCII characters' });
  }
}
