import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  ACTOR_ROLES,
  EVENT_STATUSES,
  type Actor,
  type ActorRole,
  type EventDate,
  type Location,
} from '@libs/diplomacy';
import type { Precision } from '@libs/temporal';
import type { Snippet } from '../search/snippet';
import { EXACT_TOTAL_LIMIT } from './timeline-count.query';
import type { TimelineItem } from './timeline-item';
import { ITEM_FIELD_NAMES, ITEM_FIELDS, type ItemFields } from './timeline-fields';
import type { TimelinePage } from './timeline.query';

export const PRECISIONS: Precision[] = ['day', 'week', 'month', 'year', 'vague'];

@ApiSchema({ name: 'Actor' })
export class ActorSchema implements Actor {
  @ApiProperty({ description: 'A stable slug: the same person across events', example: 'emmanuel-macron' })
  id!: string;

  @ApiProperty({ example: 'Emmanuel Macron' })
  name!: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-3', example: 'FRA' })
  country!: string;

  @ApiProperty({ enum: [...ACTOR_ROLES], enumName: 'ActorRole' })
  role!: ActorRole;
}

@ApiSchema({ name: 'Location' })
export class LocationSchema implements Location {
  @ApiProperty({ example: 'Astana' })
  name!: string;

  @ApiProperty({ required: false, description: 'ISO 3166-1 alpha-3', example: 'KAZ' })
  country?: string;
}

type ItemDate = TimelineItem['date'];

@ApiSchema({ name: 'EventDate', description: 'The date as the source said it, and what it was resolved to.' })
export class EventDateSchema implements ItemDate {
  @ApiProperty({ format: 'date', description: 'First day, inclusive', example: '2023-10-23' })
  start!: string;

  @ApiProperty({ format: 'date', description: 'Last day, inclusive', example: '2023-10-29' })
  end!: string;

  @ApiProperty({ enum: PRECISIONS, enumName: 'Precision' })
  precision!: EventDate['precision'];

  @ApiProperty({ description: 'TIMEX3 value (or an ISO 8601 interval)', example: '2023-W43' })
  timex!: string;

  @ApiProperty({ type: String, nullable: true, description: "The source's own words", example: 'الأسبوع الماضي' })
  expression!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'The day the words were resolved from' })
  anchor!: string | null;

  @ApiProperty({
    type: String,
    enum: ['past', 'future'],
    nullable: true,
    description: 'Which way ambiguous words were read ("on Thursday": the last or the next one); a correction keeps it',
  })
  direction!: EventDate['direction'];
}

type ItemSource = TimelineItem['sources'][number];

@ApiSchema({ name: 'ItemSource' })
export class ItemSourceSchema implements ItemSource {
  @ApiProperty({ format: 'uuid' })
  sourceId!: string;

  @ApiProperty({ type: String, nullable: true })
  title!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'uri' })
  url!: string | null;

  @ApiProperty({ description: 'The words of the source this event rests on' })
  quote!: string;

  @ApiProperty({ type: String, nullable: true, description: 'BCP 47 language tag', example: 'ar' })
  language!: string | null;

  @ApiPropertyOptional({
    description: 'An article attached as another source: {start, end} of the quote in its text',
    type: 'object',
    properties: { start: { type: 'integer' }, end: { type: 'integer' } },
  })
  offsets?: { start: number; end: number };
}

@ApiSchema({ name: 'Snippet' })
export class SnippetSchema implements Snippet {
  @ApiProperty({ enum: ['title', 'summary', 'quote'] })
  field!: Snippet['field'];

  @ApiProperty({ description: 'The matching text, cut to a window (… where cut)' })
  text!: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 },
    description: '[start, end) character offsets of the matched words in `text`',
  })
  marks!: [number, number][];
}

/** The item's identity and CAMEO facts, then its fields from ITEM_FIELDS: the schema's order is the item's. */
class TimelineItemHead {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'CAMEO event code', example: '042' })
  type!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Make a visit' })
  typeLabel!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 4, description: 'CAMEO quad class' })
  quadClass!: number | null;

  @ApiProperty({ type: Number, nullable: true, minimum: -10, maximum: 10, description: 'Goldstein scale' })
  goldstein!: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'PLOVER event type' })
  plover!: string | null;
}

/** Describes each of ITEM_FIELDS on the class, as ITEM_FIELDS says. */
function withItemFields<T>(base: Type<T>): Type<T & ItemFields> {
  for (const name of ITEM_FIELD_NAMES) ApiProperty(ITEM_FIELDS[name].schema)(base.prototype as object, name);
  return base as Type<T & ItemFields>;
}

@ApiSchema({ name: 'TimelineItem', description: 'One diplomatic event as the timeline shows it (its latest version).' })
export class TimelineItemSchema extends withItemFields(TimelineItemHead) implements TimelineItem {
  @ApiProperty({ type: () => [ActorSchema], minItems: 1 })
  actors!: ActorSchema[];

  @ApiProperty({ type: [String], description: 'ISO 3166-1 alpha-3 codes of the actors', example: ['FRA', 'KAZ'] })
  countries!: string[];

  @ApiProperty({ type: () => LocationSchema, nullable: true })
  location!: LocationSchema | null;

  @ApiProperty({ type: () => EventDateSchema })
  date!: EventDateSchema;

  @ApiProperty({ enum: [...EVENT_STATUSES], enumName: 'EventStatus' })
  status!: string;

  @ApiProperty({ type: () => [ItemSourceSchema] })
  sources!: ItemSourceSchema[];

  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  version!: number;

  @ApiProperty({ format: 'date-time', description: 'When the event was first recorded' })
  recordedAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When this version was recorded' })
  updatedAt!: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Only in reads that include retracted items (the calendar export): when it was retracted',
  })
  retractedAt?: string;

  @ApiPropertyOptional({
    type: () => SnippetSchema,
    nullable: true,
    description: 'Only when `q` is given: where the words matched, as written in the source',
  })
  snippet?: SnippetSchema | null;
}

@ApiSchema({ name: 'TimelinePage', description: 'Items in date order; pass nextCursor as `cursor` for the next page.' })
export class TimelinePageSchema implements TimelinePage {
  @ApiProperty({ type: () => [TimelineItemSchema] })
  items!: TimelineItemSchema[];

  @ApiProperty({ type: String, nullable: true, description: 'null on the last page' })
  nextCursor!: string | null;

  @ApiProperty({ type: 'integer', description: 'How many items match the filters (all pages)' })
  total!: number;

  @ApiProperty({
    description: `true: \`total\` is counted exactly; false: more than ${EXACT_TOTAL_LIMIT} match and it is the planner's estimate`,
  })
  totalExact!: boolean;
}
