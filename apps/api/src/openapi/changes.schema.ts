import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { TimelineItemSchema, type ChangeType, type TimelineChange } from '@libs/projections';

const CHANGE_TYPES: ChangeType[] = ['recorded', 'corrected', 'retracted', 'attached'];

@ApiSchema({
  name: 'TimelineChange',
  description:
    'A stored event that recorded, corrected or retracted a timeline item, or attached an article to it as another ' +
    'source (`attached`), with the item as the timeline shows it.',
})
export class TimelineChangeSchema implements TimelineChange {
  @ApiProperty({
    format: 'uuid',
    description: 'The stored event id: stable for ever (also across log:export/log:import, which renumber positions)',
  })
  changeId!: string;

  @ApiProperty({ type: 'integer', description: 'Its log position: pass it as `after` (or Last-Event-ID)', example: 42 })
  position!: number;

  @ApiProperty({ enum: CHANGE_TYPES })
  type!: ChangeType;

  @ApiProperty({ format: 'uuid', description: 'The diplomatic event' })
  id!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: "The event stream's version after this change" })
  version!: number;

  @ApiProperty({ format: 'date-time', description: 'When the change was recorded' })
  changedAt!: string;

  @ApiProperty({
    type: TimelineItemSchema,
    nullable: true,
    description:
      'The item as this change left it (for a retraction, its last version with `retractedAt`); null if the ' +
      'timeline could not apply the event (a parked event, see docs/operations.md)',
  })
  item!: TimelineItemSchema | null;

  @ApiProperty({
    description:
      'On a filtered live stream: false when a correction took the item out of the filter (drop it); ' +
      'always true on /api/changes',
  })
  matchesFilter!: boolean;
}

@ApiSchema({
  name: 'ChangesPage',
  description: 'Changes in log order; pass nextAfter as `after` for the next page (it never goes back).',
})
export class ChangesPageSchema {
  @ApiProperty({ type: [TimelineChangeSchema] })
  changes!: TimelineChangeSchema[];

  @ApiProperty({
    type: 'integer',
    description: 'The position to pass as `after` next: the last change here, or `after` itself when there was none',
    example: 42,
  })
  nextAfter!: number;

  @ApiProperty({ description: 'True when more changes are already visible: ask again at once' })
  hasMore!: boolean;
}
