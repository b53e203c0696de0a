import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { Direction, Language, Precision, Resolution } from '@libs/temporal';
import { PRECISIONS } from '@libs/projections';

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

@ApiSchema({ name: 'TemporalReading', description: 'Days, precision and TIMEX3 value of one reading.' })
class TemporalReadingSchema {
  @ApiProperty({ format: 'date', example: '2023-10-23' })
  start!: string;

  @ApiProperty({ format: 'date', example: '2023-10-29' })
  end!: string;

  @ApiProperty({ enum: PRECISIONS, enumName: 'Precision' })
  precision!: Precision;

  @ApiProperty({ description: 'TIMEX3 value (or an ISO 8601 interval for day ranges and spans)', example: '2023-W43' })
  timex!: string;
}

@ApiSchema({
  name: 'MentionResolution',
  description: 'The resolution, the direction it was read in, and a TIMEX3 mod.',
})
class MentionResolutionSchema extends TemporalReadingSchema {
  @ApiProperty({ enum: ['past', 'future'], enumName: 'Direction' })
  direction!: Direction;

  @ApiPropertyOptional({ enum: ['START', 'MID', 'END'], description: 'For "early/mid/late …"' })
  mod?: 'START' | 'MID' | 'END';
}

@ApiSchema({ name: 'TemporalMention', description: 'One calendar expression found in the text.' })
class TemporalMentionSchema {
  @ApiProperty({ example: 'الأسبوع الماضي' })
  text!: string;

  @ApiProperty({ description: 'UTF-16 index of the first character', example: 41 })
  start!: number;

  @ApiProperty({ description: 'UTF-16 index after the last character', example: 55 })
  end!: number;

  @ApiProperty({ type: MentionResolutionSchema })
  resolution!: MentionResolutionSchema;

  @ApiProperty({ type: String, nullable: true, description: 'The word that set the direction; null: the past default' })
  cue!: string | null;

  @ApiPropertyOptional({ enum: [true] })
  ambiguous?: true;

  @ApiPropertyOptional({ type: [TemporalReadingSchema], description: 'The readings not chosen' })
  alternatives?: TemporalReadingSchema[];
}

@ApiSchema({ name: 'TemporalExtraction', description: 'The language read and every mention, in text order.' })
export class TemporalExtractionSchema {
  @ApiProperty({ enum: ['ar', 'en'], enumName: 'Language' })
  language!: Language;

  @ApiProperty({ type: [TemporalMentionSchema] })
  mentions!: TemporalMentionSchema[];
}
