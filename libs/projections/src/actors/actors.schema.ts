import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { ActorSummary } from './actors.query';

@ApiSchema({ name: 'ActorSummary' })
export class ActorSummarySchema implements ActorSummary {
  @ApiProperty({ example: 'emmanuel-macron' })
  id!: string;

  @ApiProperty({ type: [String], description: 'Every name the actor was recorded under' })
  names!: string[];

  @ApiProperty({ description: 'ISO 3166-1 alpha-3', example: 'FRA' })
  country!: string;

  @ApiProperty({ type: [String], description: 'Every country recorded for the actor' })
  countries!: string[];

  @ApiProperty({ type: 'integer', minimum: 0 })
  eventCount!: number;

  @ApiProperty({ format: 'date' })
  firstDate!: string;

  @ApiProperty({ format: 'date' })
  lastDate!: string;
}

@ApiSchema({ name: 'ActorsPage', description: 'Actors, most events first.' })
export class ActorsPageSchema {
  @ApiProperty({ type: () => [ActorSummarySchema] })
  items!: ActorSummarySchema[];
}
