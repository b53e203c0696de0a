import { isoWeekday, parseCalendarDate } from '../calendar';
import { alternation, anchored, lookup, matchGroups } from '../lexicon/lexicon';
import { DAY_OFFSETS } from '../lexicon/relative.lexicon';
import { WEEKDAY, WEEKDAYS } from '../lexicon/weekdays.lexicon';
import { dayResolution } from '../resolution';
import type { Resolution } from '../temporal.types';
import { calendarDateRule } from './calendar-date.rule';
import { hijriRule } from './hijri.rule';
import { numericDateRule } from './numeric-date.rule';
import { ExpressionRejected, type Reading, type ReadingRule, type RuleContext } from './rule';
import { weekdayNear } from './weekday.rule';

const WEEKDAY_DATE = anchored(`(?<wd>${WEEKDAY}) (?:(?:في|الموافق|on|the) )?(?<date>.*\\d.*)`);
const DAY_WORD_WEEKDAY = anchored(`(?<word>${alternation(DAY_OFFSETS.keys())}) (?<wd>${WEEKDAY})`);

/**
 * A weekday written beside a date ("الخميس في 12 أكتوبر", "Thursday, 12 October 2023") or a day word
 * ("اليوم (الخميس)"). When they disagree, the date (or day word) wins and the weekday's own reading is kept
 * as the alternative, so an editor sees the clash instead of losing the expression.
 */
export const weekdayDateRule: ReadingRule = (text, context): Reading | undefined => {
  const dated = matchGroups(WEEKDAY_DATE, text);
  if (dated?.wd && dated.date !== undefined) {
    // The resolver's own reading first: for a yearless date it picks the occurrence whose weekday fits.
    const fitting = fitted(`${dated.wd} ${dated.date}`, context);
    if (fitting) return fitting;
    const date =
      calendarDateRule(dated.date, context) ?? numericDateRule(dated.date, context) ?? hijriRule(dated.date, context);
    return date && date.start === date.end ? checked(date, lookup(WEEKDAYS, dated.wd), context) : undefined;
  }
  const relative = matchGroups(DAY_WORD_WEEKDAY, text);
  if (!relative?.word || !relative.wd) return undefined;
  const day = dayResolution(context.anchor + lookup(DAY_OFFSETS, relative.word));
  return checked(day, lookup(WEEKDAYS, relative.wd), context);
};

function checked(date: Reading, weekday: number, context: RuleContext): Reading {
  const day = parseCalendarDate(date.start) ?? context.anchor;
  if (isoWeekday(day) === weekday) return date;
  const alternative: Resolution = dayResolution(weekdayNear(day, weekday, 'past'));
  const after: Resolution = dayResolution(weekdayNear(day, weekday, 'future'));
  // The nearer occurrence of the named weekday to the written date; ties go before it.
  const nearer =
    Math.abs(Date.parse(after.start) - Date.parse(date.start)) <
    Math.abs(Date.parse(alternative.start) - Date.parse(date.start))
      ? after
      : alternative;
  return { ...date, alternatives: [...(date.alternatives ?? []), nearer] };
}

function fitted(text: string, context: RuleContext): Reading | undefined {
  try {
    return calendarDateRule(text, context);
  } catch (error) {
    if (error instanceof ExpressionRejected) return undefined;
    throw error;
  }
}
