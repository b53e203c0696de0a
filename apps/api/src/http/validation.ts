import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { errorBody } from './error-body';

/** Flattens class-validator's tree into "actors.0.country" → "must be an ISO 3166-1 alpha-3 code". */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const messages = Object.entries(error.constraints ?? {}).map(([constraint, message]) =>
      constraint === 'whitelistValidation'
        ? 'is not an accepted field'
        : message.replace(/^\S+ (?=must|should|is|has|give)/, ''),
    );
    if (messages.length > 0) fields[path] = messages.join('; ');
    Object.assign(fields, flattenValidationErrors(error.children ?? [], path));
  }
  return fields;
}

/** Whitelisted DTOs, unknown fields refused, every problem named by its field path. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      const message = Object.entries(fields)
        .map(([field, problem]) => `${field} ${problem}`)
        .join('; ');
      return new BadRequestException(errorBody(400, message || 'invalid request', { fields }));
    },
  });
}
