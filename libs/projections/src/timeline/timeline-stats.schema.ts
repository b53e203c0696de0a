import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  STATS_GROUPS,
  type FacetCount,
  type StatsBucket,
  type StatsGroup,
  type TimelineStats,
} from './timeline-stats.query';

@ApiSchema({ name: 'StatsBucket' })
export class StatsBucketSchema implements StatsBucket {
  @ApiProperty({ description: '"2023-06" (month), "2023" (year), "KAZ", a CAMEO root such as "04", or an actor id' })
  key!: string;

  @ApiProperty({ type: String, nullable: true, description: 'The CAMEO root label for groupBy=type' })
  label!: string | null;

  @ApiProperty({ type: 'integer' })
  count!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Mean Goldstein score of the CAMEO codes (-10 conflict … +10 cooperation), 2 decimals',
  })
  meanGoldstein!: number | null;
}

@ApiSchema({ name: 'FacetCount' })
export class FacetCountSchema implements FacetCount {
  @ApiProperty()
  value!: string;

  @ApiProperty({ type: 'integer' })
  count!: number;
}

@ApiSchema({ name: 'Facets', description: 'Each facet counts with every filter except its own (top 50 values)' })
export class FacetsSchema {
  @ApiProperty({ type: () => [FacetCountSchema] })
  country!: FacetCount[];

  @ApiProperty({ type: () => [FacetCountSchema], description: 'CAMEO roots' })
  type!: FacetCount[];

  @ApiProperty({ type: () => [FacetCountSchema] })
  status!: FacetCount[];

  @ApiProperty({ type: () => [FacetCountSchema] })
  actor!: FacetCount[];
}

@ApiSchema({ name: 'TimelineStats' })
export class TimelineStatsSchema implements TimelineStats {
  @ApiProperty({ enum: STATS_GROUPS })
  groupBy!: StatsGroup;

  @ApiProperty({ type: 'integer', description: 'Items matching the filters' })
  total!: number;

  @ApiProperty({
    type: () => [StatsBucketSchema],
    description:
      'Time buckets in date order (months without items are absent); others most items first (top 500). An item with two countries or actors counts in both.',
  })
  buckets!: StatsBucket[];

  @ApiProperty({ type: () => FacetsSchema })
  facets!: FacetsSchema;
}
