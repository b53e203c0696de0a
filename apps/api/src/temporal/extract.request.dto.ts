import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Language } from '@libs/temporal';
import { IsCalendarDate, NoControlCharacters } from '../http/validators';

export const LANGUAGES: readonly Language[] = ['ar', 'en'];
/** A long article is 20,000 characters; five times that still answers in well under a second. */
export const MAX_EXTRACT_TEXT = 100_000;

export class ExtractRequestDto {
  @ApiProperty({
    minLength: 1,
    maxLength: MAX_EXTRACT_TEXT,
    description: 'An article, Arabic or English',
    example: 'وقال وزير الخارجية الروسي سيرغي لافروف الأسبوع الماضي إن الغرب يحاول إبعاد جيران روسيا عنها.',
  })
  @IsString({ message: 'text must be a string' })
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(MAX_EXTRACT_TEXT, { message: `text must be at most ${MAX_EXTRACT_TEXT} characters` })
  @NoControlCharacters()
  text!: string;

  @ApiProperty({ format: 'date', description: 'The day the text is relative to (publication)', example: '2023-11-01' })
  @IsCalendarDate()
  anchor!: string;

  @ApiPropertyOptional({ enum: LANGUAGES, enumName: 'Language', description: 'Detected from the script when absent' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: 'language must be "ar" or "en"' })
  language?: Language;
}
