import { ApiHeader, ApiParam } from '@nestjs/swagger';

/** The optional Idempotency-Key request header of the admin writes that create something. */
export const ApiIdempotencyKey = () =>
  ApiHeader({
    // Lower case, as @Headers('idempotency-key') reads it: the explorer then merges the two into one parameter.
    name: 'idempotency-key',
    required: false,
    description:
      'Makes a retry safe: the same key and body answer as the first time did; ' +
      'the same key with another body is refused. 1 to 200 visible ASCII characters.',
    schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$', example: 'import-2023-11-01-0001' },
  });

/** A `:name` path parameter that must be a uuid (UUID_PARAM answers 400 otherwise). */
export const ApiUuidParam = (name: string, description: string) => ApiParam({ name, format: 'uuid', description });
