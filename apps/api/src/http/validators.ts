import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { isCameoCode, isCountryCode, isDateOrDateTime } from '@libs/diplomacy';
import { isCalendarDate } from '@libs/temporal';

/** `message` may say $property and $got (the value as JSON, or "nothing" when missing). */
function rule(name: string, test: (value: unknown) => boolean, message: string, options?: ValidationOptions) {
  const describe = (args: ValidationArguments) =>
    message
      .replace('$property', args.property)
      .replace('$got', args.value === undefined ? 'nothing' : JSON.stringify(args.value).slice(0, 80));
  return (object: object, propertyName: string) =>
    registerDecorator({
      name,
      target: object.constructor,
      propertyName,
      options: { message: describe, ...options },
      validator: { validate: test },
    });
}

export const IsCameoCode = (o?: ValidationOptions) =>
  rule(
    'isCameoCode',
    (v) => typeof v === 'string' && isCameoCode(v),
    '$property must be a known CAMEO event code (e.g. "042"), got $got',
    o,
  );

export const IsCountryCode = (o?: ValidationOptions) =>
  rule(
    'isCountryCode',
    (v) => typeof v === 'string' && isCountryCode(v),
    '$property must be an ISO 3166-1 alpha-3 country code (e.g. FRA), got $got',
    o,
  );

export const IsCalendarDate = (o?: ValidationOptions) =>
  rule(
    'isCalendarDate',
    (v) => typeof v === 'string' && isCalendarDate(v),
    '$property must be a real calendar date YYYY-MM-DD, got $got',
    o,
  );

export const IsDateOrDateTime = (o?: ValidationOptions) =>
  rule(
    'isDateOrDateTime',
    isDateOrDateTime,
    '$property must be an ISO 8601 date or date-time that exists (e.g. 2023-11-01), got $got',
    o,
  );

// NUL cannot be stored by Postgres; other C0 controls (but tab, newline, carriage return) are never text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
export const NoControlCharacters = (o?: ValidationOptions) =>
  rule(
    'noControlCharacters',
    (v) => v === undefined || v === null || (typeof v === 'string' && !CONTROL.test(v)),
    '$property must not contain control characters (other than tab and line breaks)',
    o,
  );

/** The property and `other` must not both be given (e.g. a date's expression and its explicit start). */
export const NotTogetherWith = (other: string, o?: ValidationOptions) => (object: object, propertyName: string) =>
  registerDecorator({
    name: 'notTogetherWith',
    target: object.constructor,
    propertyName,
    constraints: [other],
    options: { message: `give either $property or ${other}, not both`, ...o },
    validator: {
      validate: (value: unknown, args) =>
        value === undefined || (args?.object as Record<string, unknown>)[other] === undefined,
    },
  });

/** One rule, so `limit=abc` answers one message, not one per failed check. */
export const IsIntInRange = (min: number, max: number, o?: ValidationOptions) =>
  rule(
    'isIntInRange',
    (v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max,
    `$property must be a whole number from ${min} to ${max}`,
    o,
  );
