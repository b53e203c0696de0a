import { isCalendarDate, resolve, TemporalError } from '@libs/temporal';
import type { DateInput, EventDate } from './diplomatic-event.types';
import { checkText, LIMITS } from './validate-facts';

/**
 * Turns a date input into the stored EventDate. Runs once, when the command is handled: the result is a fact
 * of the event, so replaying old events never re-resolves (and never changes) old dates.
 * Returns a field → problem map instead of throwing, so all of a request's problems are reported together.
 */
export function resolveEventDate(input: DateInput, defaultAnchor: string): EventDate | Record<string, string> {
  if ('expression' in input) {
    const anchor = input.anchor ?? defaultAnchor;
    const direction = input.direction ?? 'past';
    const problems = checkText(input.expression, 'date.expression', LIMITS.expression, true);
    if (Object.keys(problems).length > 0) return problems;
    if (!isCalendarDate(anchor))
      return { 'date.anchor': `must be a real calendar date (YYYY-MM-DD, years 1 to 9999), got "${anchor}"` };
    try {
      const resolution = resolve(input.expression, anchor, direction);
      if (!isCalendarDate(resolution.start) || !isCalendarDate(resolution.end)) {
        return { 'date.expression': `resolves to ${resolution.timex}, outside the years 1 to 9999` };
      }
      return { expression: input.expression, anchor, direction, ...resolution };
    } catch (error) {
      if (error instanceof TemporalError) return { 'date.expression': `cannot be resolved: ${error.message}` };
      throw error;
    }
  }
  const end = input.end ?? input.start;
  if (!isCalendarDate(input.start))
    return { 'date.start': `must be a real calendar date (YYYY-MM-DD, years 1 to 9999), got "${input.start}"` };
  if (!isCalendarDate(end))
    return { 'date.end': `must be a real calendar date (YYYY-MM-DD, years 1 to 9999), got "${end}"` };
  if (end < input.start) return { 'date.end': `must not be before date.start (${input.start})` };
  const timex = end === input.start ? input.start : `${input.start}/${end}`;
  return { expression: null, anchor: null, direction: null, start: input.start, end, precision: 'day', timex };
}

export function isEventDate(value: EventDate | Record<string, string>): value is EventDate {
  return typeof (value as EventDate).timex === 'string' && typeof (value as EventDate).start === 'string';
}
