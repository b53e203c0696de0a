import { isCalendarDate } from '@libs/temporal';
import { InvalidDiplomaticEventError } from '../diplomacy.errors';
import { checkText } from '../diplomatic-event/validate-facts';
import type { RegisterSourceInput } from './register-source.command';
import type { SourceRegistered } from './source.events';

const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A publication date: an ISO 8601 date, or date-time with a zone, on a day that exists. */
export function isDateOrDateTime(value: unknown): value is string {
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  return match !== null && isCalendarDate(match[1]);
}

export function decideRegisterSource(id: string, input: RegisterSourceInput): [SourceRegistered] {
  const problems = {
    ...checkText(input.title, 'title', 500, true),
    ...checkText(input.url, 'url', 2000, false),
    ...checkText(input.publisher, 'publisher', 200, false),
    ...checkText(input.text, 'text', 200_000, false),
  };
  if (typeof input.language !== 'string' || !LANGUAGE_TAG.test(input.language)) {
    problems.language = 'must be a BCP 47 language tag such as "ar" or "en"';
  }
  if (input.textSha256 !== undefined && !/^[0-9a-f]{64}$/.test(input.textSha256)) {
    problems.textSha256 = 'must be a SHA-256 in lower-case hex';
  }
  if (!isDateOrDateTime(input.publishedAt)) {
    problems.publishedAt = 'must be an ISO 8601 date or date-time that exists (e.g. 2023-11-01)';
  }
  if (Object.keys(problems).length > 0) throw new InvalidDiplomaticEventError(problems);
  return [
    {
      type: 'SourceRegistered',
      data: {
        id,
        title: input.title,
        url: input.url ?? null,
        publisher: input.publisher ?? null,
        language: input.language,
        publishedAt: input.publishedAt,
        text: input.text ?? null,
        ...(input.textSha256 ? { textSha256: input.textSha256 } : {}),
      },
    },
  ];
}
