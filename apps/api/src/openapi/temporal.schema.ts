import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { Direction, Precision, Resolution } from '@libs/temporal';
import { PRECISIONS } from './timeline.schema';

@ApiSchema({ name: 'TemporalResolution', description: 'The expression, what it was resolved against, and the span.' })
export class TemporalResolutionSchema implements Resolution {
  @ApiProperty({ example: 'الأسبوع الماضي' })
  expression!: string;

  @ApiProperty({ format: 'date', example: '2023-11-01' })
  anchor!: string;

  @ApiProperty({ enum: ['past', 'future'], enumName: 'Direction' })
  direction!: Direction;

  @ApiProperty({ format: 'date', description: 'First day, inclusive', example: '2023-10-23' })
  start!: string;

  @ApiProperty({ format: 'date', description: 'Last day, inclusive', example: '2023-10-29' })
  end!: string;

  @ApiProperty({ enum: PRECISIONS, enumName: 'Precision' })
  precision!: Precision;

  @ApiProperty({ description: 'TIMEX3 value (or an ISO 8601 interval)', example: '2023-W43' })
  timex!: string;
}
