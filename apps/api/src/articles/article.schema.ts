import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

const OBJECT = { type: 'object', additionalProperties: true } as const;

@ApiSchema({
  name: 'Proposal',
  description:
    'A suggested dated statement: never a fact until an editor accepts it. Offsets are UTF-16 indexes into the text.',
})
export class ProposalSchema {
  @ApiProperty({ description: 'Stable for a text and extractor version', example: 'p220-350' })
  id!: string;

  @ApiProperty({ description: '{text, start, end}: the sentence or clause', ...OBJECT })
  quote!: Record<string, unknown>;

  @ApiProperty({
    description: 'Every date expression of the quote, as POST /api/temporal/extract gives them',
    type: 'array',
    items: OBJECT,
  })
  mentions!: Record<string, unknown>[];

  @ApiProperty({ description: '{expression, start, end, precision, timex, direction, offset, carried}', ...OBJECT })
  date!: Record<string, unknown>;

  @ApiProperty({
    description: '{code, root, name, cue: {text, start, end, entry}}: the CAMEO type and its cue',
    ...OBJECT,
  })
  type!: Record<string, unknown>;

  @ApiProperty({ description: '{id?, name, country, role, kind, matchedText, evidence}', type: 'array', items: OBJECT })
  actors!: Record<string, unknown>[];

  @ApiPropertyOptional({ description: '{name, country, matchedText}', nullable: true, ...OBJECT })
  place!: Record<string, unknown> | null;

  @ApiProperty({ enum: ['scheduled', 'occurred'] })
  status!: string;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.85 })
  confidence!: number;

  @ApiProperty({ type: [String], description: 'What raised or lowered the confidence' })
  reasons!: string[];

  @ApiProperty({
    type: 'array',
    items: OBJECT,
    description:
      'Undecided proposals: live events with the same actors, the same CAMEO root and overlapping dates, ' +
      'each {eventId, title, summary, type, date: {start, end}}',
  })
  likelyDuplicates!: Record<string, unknown>[];
}

@ApiSchema({ name: 'ArticleSubmitted', description: 'The article as a source, and what it proposes.' })
export class ArticleSubmittedSchema {
  @ApiProperty({ format: 'uuid', description: 'Derived from the SHA-256 of the text: the same text, the same id' })
  sourceId!: string;

  @ApiProperty({ example: 'proposals-2' })
  extractorVersion!: string;

  @ApiProperty({ type: () => [ProposalSchema] })
  proposals!: ProposalSchema[];

  @ApiProperty({
    type: 'integer',
    description:
      'The log position of the SourceRegistered event of the source: pass it as minPosition (or X-Min-Position) to read this write',
    example: 42,
  })
  position!: number;
}

@ApiSchema({ name: 'ProposalDecision', description: "An editor's decision, stored as an event of the source." })
export class ProposalDecisionSchema {
  @ApiProperty({ enum: ['accepted', 'dismissed', 'attached'] })
  decision!: string;

  @ApiProperty({ format: 'uuid' })
  sourceId!: string;

  @ApiProperty()
  proposalId!: string;

  @ApiProperty()
  extractorVersion!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Accepted: the event recorded; attached: the event it reports' })
  eventId?: string;

  @ApiPropertyOptional({ description: 'Accepted: whether the editor changed the proposal' })
  edited?: boolean;

  @ApiPropertyOptional({ description: 'Dismissed: why' })
  reason?: string;

  @ApiPropertyOptional({ description: 'Attached: the quote' })
  quote?: string;

  @ApiPropertyOptional({ description: 'Attached: {start, end} of the quote in the article', ...OBJECT })
  offsets?: Record<string, unknown>;

  @ApiProperty({
    type: 'integer',
    description:
      'The log position of the decision event (after the recorded event, when accepted): pass it as minPosition (or X-Min-Position) to read this write',
    example: 42,
  })
  position!: number;
}

@ApiSchema({ name: 'Article', description: 'An article, its proposals (current extractor) and every decision taken.' })
export class ArticleSchema {
  @ApiProperty({ description: 'The source: title, url, publisher, language, publishedAt, textSha256', ...OBJECT })
  source!: Record<string, unknown>;

  @ApiProperty({ type: String, nullable: true, description: 'null once the text was redacted' })
  text!: string | null;

  @ApiProperty({ type: String, nullable: true })
  extractorVersion!: string | null;

  @ApiProperty({ type: 'array', items: OBJECT, description: 'Proposals, each with `decision` (null: undecided)' })
  proposals!: Record<string, unknown>[];

  @ApiProperty({
    type: 'array',
    items: OBJECT,
    description: 'Every decision, including those on proposals of older extractor versions',
  })
  decisions!: Record<string, unknown>[];
}

@ApiSchema({ name: 'ArticleRedacted', description: 'The text is gone; the log keeps its hash.' })
export class ArticleRedactedSchema {
  @ApiProperty({ format: 'uuid' })
  sourceId!: string;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$' })
  textSha256!: string;

  @ApiProperty({ enum: [true] })
  redacted!: boolean;

  @ApiProperty({
    type: 'integer',
    description:
      'The log position of the SourceTextRedacted event: pass it as minPosition (or X-Min-Position) to read this write',
    example: 42,
  })
  position!: number;
}
