import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse, ApiSchema } from '@nestjs/swagger';

/** The one error shape the ErrorFilter answers with (see http/error-body.ts). */
@ApiSchema({ name: 'ErrorBody', description: 'Every error answer: statusCode, error and message, always.' })
export class ErrorBodySchema {
  @ApiProperty({ type: 'integer', example: 400 })
  statusCode!: number;

  @ApiProperty({ description: 'The HTTP status phrase', example: 'Bad Request' })
  error!: string;

  @ApiProperty({ description: 'What went wrong, for a person to read', example: 'title must not be empty' })
  message!: string;

  @ApiPropertyOptional({
    description: 'A stable machine-readable code, when the error comes from the domain',
    example: 'DIPLOMATIC_EVENT.VERSION_CONFLICT',
  })
  code?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Field path → what is wrong with it',
    example: { 'actors.0.country': 'must be an ISO 3166-1 alpha-3 country code (e.g. FRA), got "France"' },
  })
  fields?: Record<string, string>;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'On a version conflict: the version the event is at now',
    example: 2,
  })
  currentVersion?: number;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503;

const DEFAULT_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: 'The request is malformed or breaks a rule; `fields` names each bad field',
  401: 'Missing, wrong or revoked bearer token',
  403: "The credential's role is below what this route needs",
  404: 'Not found',
  409: 'Conflict with the current state',
  410: 'Gone',
  413: 'The request body is larger than 1 MiB',
  415: 'The request body must be JSON (Content-Type: application/json)',
  422: 'Well-formed but cannot be processed',
  429: 'Too many requests with this credential, or without a valid token from this address; retry after Retry-After seconds',
  503: 'minPosition was not reached within MIN_POSITION_WAIT_MS on any server (code READ.POSITION_NOT_REACHED); retry',
};

/** Documents error answers with the ErrorBody schema: `true` for the usual wording, a string to be specific. */
export function ApiErrors(errors: Partial<Record<ErrorStatus, string | true>>): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...Object.entries(errors).map(([key, description]) => {
      const status = Number(key) as ErrorStatus;
      return ApiResponse({
        status,
        description: description === true ? DEFAULT_DESCRIPTIONS[status] : description,
        type: ErrorBodySchema,
        ...(status === 429 && {
          headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
        }),
      });
    }),
  );
}
