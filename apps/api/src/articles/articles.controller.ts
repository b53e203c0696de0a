import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Req,
  UseGuards,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
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
import { propose, type Proposal } from '@libs/proposals';
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
import { ArticleRedactedSchema, ArticleSchema, ArticleSubmittedSchema, ProposalDecisionSchema } from './article.schema';

type Source = SourceRegistered['data'];

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
    const { extractorVersion, proposals } = await this.propose(source, body.text);
    const [registered] = await this.store.readStream(sourceStream(sourceId), 1, 1);
    return { sourceId, extractorVersion, proposals, position: registered.position };
  }

  @Get(':sourceId')
  @ApiOperation({ summary: 'An article: its source, text, current proposals and the decision taken on each' })
  @ApiUuidParam('sourceId', 'The source id answered by POST /api/admin/articles')
  @ApiOkResponse({ type: ArticleSchema })
  @ApiErrors({ 400: true, 404: 'No article with this id' })
  async show(@Param('sourceId', UUID_PARAM) sourceId: string) {
    const { source, text } = await this.article(sourceId);
    const decisions = decisionsOf(await this.store.readStream(sourceStream(sourceId)));
    const current = text === null ? null : await this.propose(source, text);
    const proposals = (current?.proposals ?? []).map((p) => ({ ...p, decision: decisions.get(p.id)?.data ?? null }));
    const { text: _inline, ...metadata } = source;
    return {
      source: metadata,
      text,
      extractorVersion: current?.extractorVersion ?? null,
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
  @ApiParam({ name: 'proposalId', description: 'A proposal id of the current extractor version' })
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
  ) {
    const { source, proposal, extractorVersion } = await this.proposal(sourceId, proposalId);
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
  @ApiParam({ name: 'proposalId', description: 'A proposal id of the current extractor version' })
  @ApiOkResponse({ type: ProposalDecisionSchema })
  @ApiErrors({ 400: 'Invalid body, or the proposal was already accepted', 404: 'No article, or no such proposal' })
  async dismiss(
    @Param('sourceId', UUID_PARAM) sourceId: string,
    @Param('proposalId') proposalId: string,
    @Body() body: DismissProposalRequestDto,
    @Req() request: FastifyRequest,
  ) {
    const { extractorVersion } = await this.proposal(sourceId, proposalId);
    const decision = {
      type: 'ProposalDismissed' as const,
      data: { sourceId, proposalId, extractorVersion, reason: body.reason },
    };
    const { position } = await this.commands.execute(new DecideProposalCommand(decision, commandMeta(request)));
    return { ...decision.data, decision: 'dismissed', position };
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
    return { sourceId, textSha256: result.textSha256, redacted: true, position: result.position };
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

  private async propose(source: Source, text: string) {
    const registry = await loadRegistry(this.store.pool);
    const language = source.language === 'ar' || source.language === 'en' ? source.language : undefined;
    return propose({ text, publishedAt: source.publishedAt.slice(0, 10), language, registry });
  }

  private async proposal(sourceId: string, proposalId: string) {
    const { source, text } = await this.article(sourceId);
    if (text === null) throw notFound(`The text of article ${sourceId} was redacted`, { sourceId: 'text redacted' });
    const { proposals, extractorVersion } = await this.propose(source, text);
    const proposal: Proposal | undefined = proposals.find((p) => p.id === proposalId);
    if (!proposal)
      throw notFound(`No proposal ${proposalId} in article ${sourceId}`, { proposalId: 'no such proposal' });
    return { source, proposal, extractorVersion };
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
