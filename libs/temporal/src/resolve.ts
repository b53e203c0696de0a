import { parseCalendarDate } from './calendar';
import { candidates } from './candidates';
import { normalize } from './normalize';
import { calendarDateRule, dayRangeRule } from './rules/calendar-date.rule';
import { earlierLaterRule } from './rules/earlier-later.rule';
import { monthRule } from './rules/month.rule';
import { offsetRule } from './rules/offset.rule';
import { partOfPeriodRule } from './rules/part-of-period.rule';
import { relativeDayRule } from './rules/relative-day.rule';
import { ExpressionRejected, type Rule, type RuleContext } from './rules/rule';
import { vagueRule } from './rules/vague.rule';
import { weekRule } from './rules/week.rule';
import { weekdayPairRule } from './rules/weekday-pair.rule';
import { weekdayRule } from './rules/weekday.rule';
import { yearRule } from './rules/year.rule';
import { InvalidAnchorError, UnresolvableExpressionError } from './temporal.errors';
import type { Direction, Resolution } from './temporal.types';

// Rules match whole readings, so at most one family fits a reading and the order only settles ties.
export const RULES: readonly Rule[] = [
  offsetRule,
  relativeDayRule,
  weekdayRule,
  weekdayPairRule,
  calendarDateRule,
  dayRangeRule,
  weekRule,
  monthRule,
  yearRule,
  partOfPeriodRule,
  earlierLaterRule,
  vagueRule,
];

/**
 * Resolves a relative date expression as news writes it, in Arabic or English, against `anchor`
 * (YYYY-MM-DD, usually the publication date). `direction` settles bare names: "Thursday" in a report of
 * what happened is the last Thursday, in an announcement the next one.
 */
export function resolve(expression: string, anchor: string, direction: Direction = 'past'): Resolution {
  const anchorDay = parseCalendarDate(anchor);
  if (anchorDay === undefined) throw new InvalidAnchorError(anchor);
  const text = normalize(expression);
  if (text === '') throw new UnresolvableExpressionError(expression, 'no date expression');
  try {
    return firstResolution(expression, text, { anchor: anchorDay, direction });
  } catch (error) {
    if (error instanceof ExpressionRejected) throw new UnresolvableExpressionError(expression, error.reason);
    throw error;
  }
}

function firstResolution(expression: string, normalized: string, context: RuleContext): Resolution {
  return firstMatch(normalized, context, RULES) ?? unrecognised(expression);
}

function unrecognised(expression: string): never {
  throw new UnresolvableExpressionError(expression, 'no date expression recognised');
}

/** The first rule's answer on the longest reading of a normalised expression; rules may throw ExpressionRejected. */
export function firstMatch<R extends Resolution>(
  normalized: string,
  context: RuleContext,
  rules: ReadonlyArray<(text: string, context: RuleContext) => R | undefined>,
): R | undefined {
  for (const reading of candidates(normalized)) {
    for (const rule of rules) {
      const resolution = rule(reading, context);
      if (resolution) return resolution;
    }
  }
  return undefined;
}
