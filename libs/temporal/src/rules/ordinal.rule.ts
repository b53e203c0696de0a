import {
  type DayNumber,
  type YearMonth,
  addMonths,
  daysInMonth,
  monthOf,
  isoWeekday,
  monthEnd,
  monthStart,
  toDayNumber,
} from '../calendar';
import { alternation, anchored, lookup, matchGroups } from '../lexicon/lexicon';
import { ORDINALS } from '../lexicon/periods.lexicon';
import { WEEKDAY, WEEKDAYS } from '../lexicon/weekdays.lexicon';
import { dayResolution, weekResolution } from '../resolution';
import { calendarDateRule } from './calendar-date.rule';
import { monthRule, parseMonth } from './month.rule';
import { ordinalDay } from './ordinal-day';
import type { Rule, RuleContext } from './rule';

const ORD = `(?<ord>${alternation(ORDINALS.keys())})`;
// Arabic counts weekdays without the article after an ordinal: "أول خميس".
const BARE_WEEKDAY = new Map([...WEEKDAYS].filter(([w]) => w.startsWith('ال')).map(([w, n]) => [w.slice(2), n]));
const WD = `(?<wd>${WEEKDAY}|${alternation(BARE_WEEKDAY.keys())})`;
const OF = '(?:of|in|من|في)';
const NTH_WEEKDAY = [anchored(`(?:the )?${ORD} ${WD} ${OF} (?<month>.+)`), anchored(`${WD} ${ORD} ${OF} (?<month>.+)`)];
const NTH_WEEK = [
  anchored(`(?:the )?${ORD} week ${OF} (?<month>.+)`),
  anchored(`الاسبوع ${ORD} ${OF} (?<month>.+)`),
  anchored(`${ORD} اسبوع ${OF} (?<month>.+)`),
];
const DAY_OF_MONTH = [
  anchored(`(?<day>.+?) (?:of|من) (?:شهر )?(?<month>.+)`),
  anchored(`(?<month>[a-z]+) (?<day>(?:the )?[a-z]+(?: [a-z]+)?)(?<rest> .+)?`),
];
const ON_THE_DAY = anchored(`on the (?<day>\\d{1,2}(?:st|nd|rd|th)|[a-z]+(?: [a-z]+)?)`);
const MONTH_NUMBER = anchored(`(?:في )?شهر (?<n>\\d{1,2})(?<rest> .+)?`);
const MONTH_WORDS = [
  'يناير',
  'فبراير',
  'مارس',
  'ابريل',
  'مايو',
  'يونيو',
  'يوليو',
  'اغسطس',
  'سبتمبر',
  'اكتوبر',
  'نوفمبر',
  'ديسمبر',
];

function nthInMonth(month: YearMonth, weekday: number, nth: number): DayNumber | undefined {
  if (nth > 0) {
    const first = monthStart(month);
    const day = first + ((weekday - isoWeekday(first) + 7) % 7) + (nth - 1) * 7;
    return day <= monthEnd(month) ? day : undefined;
  }
  const last = monthEnd(month);
  return last - ((isoWeekday(last) - weekday + 7) % 7);
}

/**
 * "the first Monday of March", "أول خميس من الشهر", "the last week of April" (the ISO week whose Thursday is
 * the month's first/last), "الخامس عشر من مايو", "the fifteenth of May", "on the 15th", "شهر 3".
 */
export const ordinalRule: Rule = (text, context) => {
  const nth = matchGroups(NTH_WEEKDAY, text);
  const month = nth?.month === undefined ? undefined : parseMonth(nth.month, context, true);
  if (nth?.wd && nth.ord && month) {
    const weekday = WEEKDAYS.get(nth.wd) ?? BARE_WEEKDAY.get(nth.wd) ?? 0;
    const day = nthInMonth(month, weekday, lookup(ORDINALS, nth.ord));
    return day === undefined ? undefined : dayResolution(day);
  }
  const week = matchGroups(NTH_WEEK, text);
  const weekMonth = week?.month === undefined ? undefined : parseMonth(week.month, context, true);
  if (week?.ord && weekMonth) {
    const thursday = nthInMonth(weekMonth, 4, lookup(ORDINALS, week.ord));
    return thursday === undefined ? undefined : weekResolution(thursday);
  }
  return dayOfMonth(text, context);
};

function dayOfMonth(text: string, context: RuleContext) {
  const numbered = matchGroups(MONTH_NUMBER, text);
  if (numbered?.n !== undefined) {
    const word = MONTH_WORDS[Number(numbered.n) - 1];
    return word === undefined ? undefined : monthRule(`${word}${numbered.rest ?? ''}`, context);
  }
  const groups = matchGroups(DAY_OF_MONTH, text);
  const day = groups?.day === undefined ? undefined : ordinalDay(groups.day);
  if (groups?.month !== undefined && day !== undefined) {
    const named = calendarDateRule(`${day} ${groups.month}${groups.rest ?? ''}`, context);
    if (named) return named;
    const month = parseMonth(groups.month, context, true);
    if (month && day <= daysInMonth(month.year, month.month))
      return dayResolution(toDayNumber(month.year, month.month, day));
  }
  const alone = matchGroups(ON_THE_DAY, text)?.day;
  const dayAlone = alone === undefined ? undefined : ordinalDay(alone);
  return dayAlone === undefined ? undefined : dayInNearestMonth(dayAlone, context);
}

/** "on the 15th": in the anchor's month if that day fits the direction, else the month before or after. */
function dayInNearestMonth(day: number, { anchor, direction }: RuleContext) {
  for (const step of direction === 'past' ? [0, -1] : [0, 1]) {
    const month = addMonths(monthOf(anchor), step);
    if (day > daysInMonth(month.year, month.month)) continue;
    const date = toDayNumber(month.year, month.month, day);
    if (direction === 'past' ? date <= anchor : date >= anchor) return dayResolution(date);
  }
  return undefined;
}
