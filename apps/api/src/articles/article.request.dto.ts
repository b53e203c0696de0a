import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType, PickType } from '@nestjs/swagger';
import { RegisterSourceRequestDto } from '../admin/source.request.dto';
import { RecordEventRequestDto } from '../admin/diplomatic-event.request.dto';
import { NoControlCharacters } from '../http/validators';

/** The request body limit (1 MiB) bounds the text; its characters are bounded here for the message. */
export const ARTICLE_TEXT_MAX = 1_000_000;
export const ARTICLE_LANGUAGES = ['ar', 'en'] as const;

export class SubmitArticleRequestDto extends PickType(RegisterSourceRequestDto, [
  'title',
  'url',
  'publisher',
  'publishedAt',
]) {
  @ApiPropertyOptional({ enum: [...ARTICLE_LANGUAGES], description: 'Default: detected from the text' })
  @IsOptional()
  @IsIn(ARTICLE_LANGUAGES, { message: 'language must be "ar" or "en"' })
  language?: 'ar' | 'en';

  @ApiProperty({ minLength: 1, maxLength: ARTICLE_TEXT_MAX, description: 'The full text of the article' })
  @IsString({ message: 'text must be a string' })
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(ARTICLE_TEXT_MAX, { message: `text must be at most ${ARTICLE_TEXT_MAX} characters` })
  @NoControlCharacters()
  text!: string;
}

/** What an editor may change before accepting: any field of an event but its source (the proposal's quote). */
export class ProposalEditsDto extends PartialType(OmitType(RecordEventRequestDto, ['source'])) {}

export class AcceptProposalRequestDto {
  @ApiPropertyOptional({ type: () => ProposalEditsDto, description: 'Omit to accept the proposal as it is' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProposalEditsDto)
  edits?: ProposalEditsDto;
}

export class DismissProposalRequestDto {
  @ApiProperty({ minLength: 1, maxLength: 1000, example: 'Background, not a diplomatic act' })
  @IsString({ message: 'reason must be a string' })
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(1000, { message: 'reason must be at most 1000 characters' })
  @NoControlCharacters()
  reason!: string;
}

export class RedactArticleRequestDto extends DismissProposalRequestDto {}

export class AttachSourceRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The event on the timeline this article reports again' })
  @IsUUID('all', { message: 'eventId must be a uuid' })
  eventId!: string;
}
