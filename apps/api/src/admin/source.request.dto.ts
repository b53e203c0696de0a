import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { IsDateOrDateTime, NoControlCharacters } from '../http/validators';

export class RegisterSourceRequestDto {
  @IsString({ message: 'title must be a string' })
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(500, { message: 'title must be at most 500 characters' })
  @NoControlCharacters()
  title!: string;

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) URL' })
  @MaxLength(2000, { message: 'url must be at most 2000 characters' })
  url?: string;

  @IsOptional()
  @IsString({ message: 'publisher must be a string' })
  @MaxLength(200, { message: 'publisher must be at most 200 characters' })
  @NoControlCharacters()
  publisher?: string;

  @IsString({ message: 'language must be a string' })
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, {
    message: 'language must be a BCP 47 language tag such as "ar" or "en"',
  })
  language!: string;

  @IsDateOrDateTime()
  publishedAt!: string;

  @IsOptional()
  @IsString({ message: 'text must be a string' })
  @MaxLength(200_000, { message: 'text must be at most 200000 characters' })
  @NoControlCharacters()
  text?: string;
}

export const DIRECTIONS = ['past', 'future'] as const;
export const IsDirection = () => IsIn(DIRECTIONS, { message: 'direction must be "past" or "future"' });
