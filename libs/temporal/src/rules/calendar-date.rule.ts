import {
  type DayNumber,
  daysInMonth,
  fromDayNumber,
  isoWeekday,
  parseCalendarDate,
  pad,
  toDayNumber,
} from '../calendar';
import { type Groups, alternation, anchored, lookup, matchGroups } from '../lexicon/lexicon';
import { MONTH_PAIR } from '../lexicon/months.lexicon';
import { WEEKDAY, WEEKDAYS } from '../lexicon/weekdays.lexicon';
import { dayResolution, daySpanResolution } from '../resolution';
import { monthFromPair } from './month.rule';
import { type Rule, type RuleContext, reject } from './rule';
import { checkWeekday, modifierOf } from './weekday.rule';
import { parseYear } from './year.rule';

const ISO_DATE = anchored('\\d{4}-\\d{2}-\\d{2}');
const DAY = '(?<day>\\d{1,2})(?:st|nd|rd|th)?';
const LAST_DAY = '(?<lastDay>\\d{1,2})(?:st|nd|rd|th)?';
const OF = `(?:(?:of|من) )?(?:${alternation(['شهر'])} )?`;
// "الأربعاء الموافق 1 نوفمبر": the weekday, then "corresponding to" the date.
const WEEKDAY_PREFIX = `(?:(?<wd>${WEEKDAY}) )?(?:${alternation(['الموافق'])} )?`;
const REST = '(?: (?<rest>.+))?';
const TO = `(?:-| و ?| and | to )`;
const DUAL_DAY = `(?:${alternation(['يومي'])} )?`;

const DATE_PATTERNS = [
  anchored(`${WEEKDAY_PREFIX}${DAY} ${OF}${MONTH_PAIR}${REST}`),
  // "last Oct. 23", "next March 5": English puts the modifier first.
  anchored(`(?:(?<lead>last|next) )?${WEEKDAY_PREFIX}${MONTH_PAIR} ${DAY}${REST}`),
];
const RANGE_PATTERNS = [
  anchored(`${DUAL_DAY}${DAY}${TO}${LAST_DAY} ${OF}${MONTH_PAIR}${REST}`),
  anchored(`${MONTH_PAIR} ${DAY}${TO}${LAST_DAY}${REST}`),
];

type Relation = 'onOrBefore' | 'before' | 'onOrAfter' | 'after';
const RELATIONS: Readonly<Record<'past' | 'future' | 'last' | 'next', Relation>> = {
  past: 'onOrBefore',
  last: 'before',
  future: 'onOrAfter',
  next: 'after',
};

/** "12 مارس", "March 12", "12 March 2022", "7 أكتوبر الماضي", ISO "2023-06-12". */
export const calendarDateRule: Rule = (text, context) => {
  if (ISO_DATE.test(text)) return dayResolution(parseCalendarDate(text) ?? reject('no such calendar date'));
  const groups = matchGroups(DATE_PATTERNS, text);
  if (!groups) return undefined;
  const date = dateOf(groups, context);
  if (date === undefined) return undefined;
  return dayResolution(
    groups.wd === undefined ? date : withWeekday(date, lookup(WEEKDAYS, groups.wd), groups, context),
  );
};

/** "يومي 12 و13 مارس", "12-13 March 2022", "March 12 to 14": days of one month. */
export const dayRangeRule: Rule = (text, context) => {
  const groups = matchGroups(RANGE_PATTERNS, text);
  if (!groups) return undefined;
  const start = dateOf(groups, context);
  if (start === undefined) return undefined;
  const { year, month, day } = fromDayNumber(start);
  const lastDay = Number(groups.lastDay);
  if (lastDay <= day || lastDay > daysInMonth(year, month)) reject(`day ${lastDay} cannot end a span from day ${day}`);
  return daySpanResolution(start, start + lastDay - day);
};

/**
 * A named weekday must fit the date. For a yearless date it may instead pick the occurrence on the other side
 * of the anchor: "الخميس 2 نوفمبر" written on 1 November is the next day even when the direction is past.
 */
function withWeekday(date: DayNumber, weekday: number, groups: Groups, context: RuleContext): DayNumber {
  if (isoWeekday(date) !== weekday && groups.rest === undefined) {
    const other = dateOf(groups, { ...context, direction: context.direction === 'past' ? 'future' : 'past' });
    if (other !== undefined && isoWeekday(other) === weekday) return other;
  }
  checkWeekday(date, weekday);
  return date;
}

/**
 * Without a year the date is the latest on or before the anchor (past) or the first on or after it (future);
 * "الماضي"/"المقبل", "last"/"next" make that strict; "الجاري" takes the anchor's year.
 */
function dateOf({ day, m1 = '', m2, rest, lead }: Groups, context: RuleContext): DayNumber | undefined {
  const month = monthFromPair(m1, m2);
  const dayOfMonth = Number(day);
  if (dayOfMonth < 1 || dayOfMonth > daysInMonth(2000, month)) reject(`month ${month} has no day ${dayOfMonth}`);
  if (lead !== undefined && rest !== undefined) return undefined;
  const said = rest ?? lead;
  const modifier = modifierOf(said);
  const mode =
    said === undefined ? context.direction : modifier === 'last' || modifier === 'next' ? modifier : undefined;
  if (mode !== undefined) return nearestDate(month, dayOfMonth, context.anchor, RELATIONS[mode]);
  const year = modifier === 'this' ? fromDayNumber(context.anchor).year : parseYear(rest ?? '', context);
  if (year === undefined) return undefined;
  if (dayOfMonth > daysInMonth(year, month)) {
    reject(`${pad(year, 4)}-${pad(month, 2)}-${pad(dayOfMonth, 2)} does not exist`);
  }
  return toDayNumber(year, month, dayOfMonth);
}

// A leap day recurs at most eight years apart (e.g. 1896 → 1904).
const MAX_YEARS_BETWEEN_OCCURRENCES = 8;

function nearestDate(month: number, day: number, anchor: DayNumber, relation: Relation): DayNumber {
  const backwards = relation === 'onOrBefore' || relation === 'before';
  const anchorYear = fromDayNumber(anchor).year;
  for (let offset = 0; offset <= MAX_YEARS_BETWEEN_OCCURRENCES; offset++) {
    const year = backwards ? anchorYear - offset : anchorYear + offset;
    if (day > daysInMonth(year, month)) continue;
    const date = toDayNumber(year, month, day);
    if (satisfies(date, anchor, relation)) return date;
  }
  return reject(`no ${pad(month, 2)}-${pad(day, 2)} near the anchor`);
}

function satisfies(date: DayNumber, anchor: DayNumber, relation: Relation): boolean {
  switch (relation) {
    case 'onOrBefore':
      return date <= anchor;
    case 'before':
      return date < anchor;
    case 'onOrAfter':
      return date >= anchor;
    case 'after':
      return date > anchor;
  }
}
