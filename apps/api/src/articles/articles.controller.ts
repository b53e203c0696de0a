import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  UseGuards,
} from '@nestjs/common';
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
  RedactSourceTextCommand,
  InvalidDiplomaticEventError,
  RecordEventCommand,
  RegisterSourceCommand,
  sourceStream,
  type SourceRegistered,
} from '@libs/diplomacy';
import type { Proposal, ProposeInput } from '@libs/proposals';
import { AdminGuard } from '../http/admin.guard';
import { commandMeta, isValidIdempotencyKey } from '../http/request-meta';
import { errorBody } from '../http/error-body';
import { UUID_PARAM } from '../http/uuid.pipe';
import { ApiIdempotencyKey, ApiUuidParam } from '../openapi/api-params';
import { ApiErrors } from '../openapi/error-body.schema';
import {
  AcceptProposalRequestDto,
  DismissProposalRequestDto,
  RedactArticleRequestDto,
  SubmitArticleRequestDto,
} from './article.request.dto';
import { loadRegistry, loadText, saveText, sha256 } from './article-store';
import { proposalToEvent } from './proposal-to-event';
import { extractorOf, proposalsWithDecisions } from './article-proposals';
import { ArticleRedactedSchema, ArticleSchema, ArticleSubmittedSchema, ProposalDecisionSchema } from './article.schema';

type Source = SourceRegistered['data'];

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
  ) {}

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
    let source = await this.source(sourceId);
    if (!source) {
      const { text, language, ...facts } = body;
      await saveText(this.store.pool, hash, text);
      const input = { ...facts, language: language ?? detectLanguage(text), textSha256: hash };
      await this.commands
        .execute(new RegisterSourceCommand(sourceId, input, commandMeta(request, key)))
        .catch(async (error: unknown) => {
          // A concurrent submission of the same text registered it first: that is the same source.
          if (!(error instanceof InvalidDiplomaticEventError) || !(await this.source(sourceId))) throw error;
        });
      source = (await this.source(sourceId)) as Source;
    }
    const { version, extractor } = extractorOf(undefined);
    const { proposals } = extractor(await this.input(source, body.text));
    return { sourceId, extractorVersion: version, proposals };
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
    const { source, text } = await this.article(sourceId);
    const decisions = decisionsOf(await this.store.readStream(sourceStream(sourceId)));
    const proposals = text === null ? [] : proposalsWithDecisions(await this.input(source, text), version, decisions);
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
    const { source, proposal, extractorVersion } = await this.proposal(sourceId, proposalId, extractor);
    const eventId = deterministicUuid(`article-proposal:${sourceId}:${proposalId}`);
    const input = proposalToEvent(sourceId, source.publishedAt.slice(0, 10), proposal, body.edits);
    const meta = commandMeta(request, `article-proposal:${sourceId}:${proposalId}`);
    const decision = {
      type: 'ProposalAccepted' as const,
      data: { sourceId, proposalId, extractorVersion, eventId, edited: body.edits !== undefined },
    };
    await this.refuseIfDecidedOtherwise(sourceId, decision);
    await this.commands.execute(new RecordEventCommand(eventId, input, meta));
    await this.commands.execute(new DecideProposalCommand(decision, commandMeta(request)));
    return { ...decision.data, decision: 'accepted' };
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
    const { extractorVersion } = await this.proposal(sourceId, proposalId, extractor);
    const decision = {
      type: 'ProposalDismissed' as const,
      data: { sourceId, proposalId, extractorVersion, reason: body.reason },
    };
    await this.commands.execute(new DecideProposalCommand(decision, commandMeta(request)));
    return { ...decision.data, decision: 'dismissed' };
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
    await this.article(sourceId);
    const result = await this.commands.execute(
      new RedactSourceTextCommand(sourceId, body.reason, commandMeta(request)),
    );
    return { sourceId, textSha256: result.textSha256, redacted: true };
  }

  private async source(sourceId: string): Promise<Source | undefined> {
    const [registered] = await this.store.readStream(sourceStream(sourceId), 1, 1);
    const data = registered?.type === 'SourceRegistered' ? (registered.data as Source) : undefined;
    return data?.textSha256 ? data : undefined;
  }

  private async article(sourceId: string): Promise<{ source: Source; text: string | null }> {
    const source = await this.source(sourceId);
    if (!source) throw notFound(`No article ${sourceId}`, { sourceId: 'no article has this id' });
    return { source, text: await loadText(this.store.pool, source.textSha256 as string) };
  }

  private async input(source: Source, text: string): Promise<ProposeInput> {
    const registry = await loadRegistry(this.store.pool);
    const language = source.language === 'ar' || source.language === 'en' ? source.language : undefined;
    return { text, publishedAt: source.publishedAt.slice(0, 10), language, registry };
  }

  /**
   * The proposal as the version asked for proposes it; once decided, as the version of its decision did, so a
   * retry of the same decision repeats it exactly whatever the current version.
   */
  private async proposal(sourceId: string, proposalId: string, extractor: string | undefined) {
    const asked = extractorOf(extractor);
    const { source, text } = await this.article(sourceId);
    if (text === null) throw notFound(`The text of article ${sourceId} was redacted`, { sourceId: 'text redacted' });
    const decided = decisionsOf(await this.store.readStream(sourceStream(sourceId))).get(proposalId);
    const { version, extractor: run } = decided ? extractorOf(decided.data.extractorVersion) : asked;
    const proposal: Proposal | undefined = run(await this.input(source, text)).proposals.find(
      (p) => p.id === proposalId,
    );
    if (!proposal)
      throw notFound(`No proposal ${proposalId} in article ${sourceId} (${version})`, {
        proposalId: 'no such proposal',
      });
    return { source, proposal, extractorVersion: version };
  }

  /** Checked before the event is recorded, so a dismissed proposal never reaches the timeline. */
  private async refuseIfDecidedOtherwise(sourceId: string, decision: { type: string; data: { proposalId: string } }) {
    const earlier = decisionsOf(await this.store.readStream(sourceStream(sourceId))).get(decision.data.proposalId);
    if (earlier && earlier.type !== decision.type) {
      throw new InvalidDiplomaticEventError({ proposalId: `${decision.data.proposalId} was already dismissed` });
    }
  }
}

function detectLanguage(text: string): 'ar' | 'en' {
  const arabic = (text.match(/[\u0600-\u06FF]/g) ?? []).length;
  return arabic * 2 > (text.match(/\p{L}/gu) ?? []).length ? 'ar' : 'en';
}

function notFound(message: string, fields: Record<string, string>): NotFoundException {
  return new NotFoundException(errorBody(404, message, { fields }));
}

function checkKey(key: string | undefined): void {
  if (key !== undefined && !isValidIdempotencyKey(key)) {
    throw new InvalidDiplomaticEventError({ 'Idempotency-Key': 'must be 1 to 200 visible ASCII characters' });
  }
}
