import { parseCalendarDate } from '../calendar';
import { anchored, matchGroups } from '../lexicon/lexicon';
import { weekResolution } from '../resolution';
import { calendarDateRule } from './calendar-date.rule';
import { holidayRule } from './holiday.rule';
import type { Rule } from './rule';

const WEEK_OF = anchored('(?:the )?week of (?<date>.+)');
const HOLIDAY_WEEK = anchored('(?<holiday>.+) week');

/** "the week of March 6", "Easter week": the ISO week holding that day (TIMEX3 `2000-W10`). */
export const weekOfRule: Rule = (text, context) => {
  const date = matchGroups(WEEK_OF, text)?.date;
  const holiday = date === undefined ? matchGroups(HOLIDAY_WEEK, text)?.holiday : undefined;
  const day = date !== undefined ? calendarDateRule(date, context) : holiday && holidayRule(holiday, context);
  if (!day || day.precision !== 'day') return undefined;
  const dayNumber = parseCalendarDate(day.start);
  return dayNumber === undefined ? undefined : weekResolution(dayNumber);
};
