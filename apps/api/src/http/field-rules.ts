import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { ACTOR_ID_PATTERN, LANGUAGE_TAG_PATTERN, LIMITS } from '@libs/diplomacy';
import { NoControlCharacters } from './validators';

const noControlCharacters = NoControlCharacters() as PropertyDecorator;

/*
 * The request DTOs' field rules, composed from the domain's own limits and patterns (libs/diplomacy
 * validate-facts): the DTO answers 400 naming the field before the command runs, and the domain checks the same
 * numbers for every other caller (seed, import). No limit is written as a literal here or in a DTO.
 */

type Limit = keyof typeof LIMITS;
type Docs = Pick<ApiPropertyOptions, 'description' | 'example' | 'nullable' | 'default'>;

interface TextOptions extends Docs {
  /** The field may be left out (or null). */
  optional?: boolean;
  /** When given, it must hold more than white space (the domain's `required` text). */
  nonEmpty?: boolean;
}

/** A string of at most LIMITS[limit] characters, without control characters. */
export function TextField(limit: Limit, { optional = false, nonEmpty = !optional, ...docs }: TextOptions = {}) {
  const max = LIMITS[limit];
  const api = { type: String, maxLength: max, ...(nonEmpty ? { minLength: 1 } : {}), ...docs };
  return applyDecorators(
    optional ? ApiPropertyOptional(api) : ApiProperty(api),
    ...(optional ? [IsOptional()] : []),
    IsString({ message: '$property must be a string' }),
    ...(nonEmpty ? [IsNotEmpty({ message: '$property must not be empty' })] : []),
    MaxLength(max, { message: `$property must be at most ${max} characters` }),
    noControlCharacters,
  );
}

/** A list of 1 to LIMITS.actors items; the caller adds ValidateNested and Type for the item class. */
export function ActorList(docs: Pick<ApiPropertyOptions, 'type' | 'description'>) {
  return applyDecorators(
    ApiProperty({ ...docs, minItems: 1, maxItems: LIMITS.actors } as ApiPropertyOptions),
    IsArray({ message: '$property must be an array' }),
    ArrayMinSize(1, { message: '$property must list at least one actor' }),
    ArrayMaxSize(LIMITS.actors, { message: `$property must list at most ${LIMITS.actors} actors` }),
  );
}

/** An actor id: the domain's slug pattern. */
export function ActorId({ optional = false, message, ...docs }: Docs & { optional?: boolean; message?: string } = {}) {
  const api = { pattern: ACTOR_ID_PATTERN.source, example: 'emmanuel-macron', ...docs };
  return applyDecorators(
    optional ? ApiPropertyOptional(api) : ApiProperty(api),
    ...(optional ? [IsOptional()] : []),
    Matches(ACTOR_ID_PATTERN, { message: message ?? '$property must be a lower-case slug such as "emmanuel-macron"' }),
  );
}

/** A BCP 47 language tag such as "ar" or "en-GB". */
export function LanguageTag(docs: Docs = {}) {
  return applyDecorators(
    ApiProperty({ pattern: LANGUAGE_TAG_PATTERN.source, ...docs }),
    IsString({ message: '$property must be a string' }),
    Matches(LANGUAGE_TAG_PATTERN, { message: '$property must be a BCP 47 language tag such as "ar" or "en"' }),
  );
}
