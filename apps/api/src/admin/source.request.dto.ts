import { IsIn, IsOptional, IsUrl, MaxLength } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS } from '@libs/diplomacy';
import { LanguageTag, TextField } from '../http/field-rules';
import { IsDateOrDateTime } from '../http/validators';

export class RegisterSourceRequestDto {
  @TextField('title', { example: 'ماكرون يزور كازاخستان' })
  title!: string;

  @ApiPropertyOptional({ format: 'uri', maxLength: LIMITS.url, description: 'An http(s) URL' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) URL' })
  @MaxLength(LIMITS.url, { message: `url must be at most ${LIMITS.url} characters` })
  url?: string;

  @TextField('publisher', { optional: true, example: 'Al Jazeera' })
  publisher?: string;

  @LanguageTag({ description: 'BCP 47 language tag of the text', example: 'ar' })
  language!: string;

  @ApiProperty({
    description: 'ISO 8601 date or date-time; the default anchor of relative dates in events citing this source',
    example: '2023-11-01',
  })
  @IsDateOrDateTime()
  publishedAt!: string;

  @TextField('text', { optional: true, description: 'The full text of the source' })
  text?: string;
}

export const DIRECTIONS = ['past', 'future'] as const;
export const IsDirection = () => IsIn(DIRECTIONS, { message: 'direction must be "past" or "future"' });
