import { isCalendarDate } from '@libs/temporal';
import { InvalidDiplomaticEventError } from '../diplomacy.errors';
import { checkText, LANGUAGE_TAG_PATTERN, LIMITS } from '../diplomatic-event/validate-facts';
import type { RegisterSourceInput } from './register-source.command';
import type { SourceState } from './source';
import type { SourceRegistered } from './source.events';

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A publication date: an ISO 8601 date, or date-time with a zone, on a day that exists. */
export function isDateOrDateTime(value: unknown): value is string {
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  return match !== null && isCalendarDate(match[1]);
}

export function decideRegisterSource(id: string, input: RegisterSourceInput, state: SourceState): [SourceRegistered] {
  if (state.status !== 'none') throw new InvalidDiplomaticEventError({ id: `source ${id} already exists` });
  const problems = {
    ...checkText(input.title, 'title', LIMITS.title, true),
    ...checkText(input.url, 'url', LIMITS.url, false),
    ...checkText(input.publisher, 'publisher', LIMITS.publisher, false),
    ...checkText(input.text, 'text', LIMITS.text, false),
  };
  if (typeof input.language !== 'string' || !LANGUAGE_TAG_PATTERN.test(input.language)) {
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
