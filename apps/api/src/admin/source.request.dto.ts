import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateOrDateTime, NoControlCharacters } from '../http/validators';

export class RegisterSourceRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 500, example: 'ماكرون يزور كازاخستان' })
  @IsString({ message: 'title must be a string' })
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(500, { message: 'title must be at most 500 characters' })
  @NoControlCharacters()
  title!: string;

  @ApiPropertyOptional({ format: 'uri', maxLength: 2000, description: 'An http(s) URL' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) URL' })
  @MaxLength(2000, { message: 'url must be at most 2000 characters' })
  url?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Al Jazeera' })
  @IsOptional()
  @IsString({ message: 'publisher must be a string' })
  @MaxLength(200, { message: 'publisher must be at most 200 characters' })
  @NoControlCharacters()
  publisher?: string;

  @ApiProperty({
    description: 'BCP 47 language tag of the text',
    pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$',
    example: 'ar',
  })
  @IsString({ message: 'language must be a string' })
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
    message: 'language must be a BCP 47 language tag such as "ar" or "en"',
  })
  language!: string;

  @ApiProperty({
    description: 'ISO 8601 date or date-time; the default anchor of relative dates in events citing this source',
    example: '2023-11-01',
  })
  @IsDateOrDateTime()
  publishedAt!: string;

  @ApiPropertyOptional({ maxLength: 200_000, description: 'The full text of the source' })
  @IsOptional()
  @IsString({ message: 'text must be a string' })
  @MaxLength(200_000, { message: 'text must be at most 200000 characters' })
  @NoControlCharacters()
  text?: string;
}

export const DIRECTIONS = ['past', 'future'] as const;
export const IsDirection = () => IsIn(DIRECTIONS, { message: 'direction must be "past" or "future"' });
