import { type DayNumber, fromDayNumber, toDayNumber, daysInMonth } from '../calendar';
import { alternation, anchored, matchGroups } from '../lexicon/lexicon';
import { MONTHS } from '../lexicon/months.lexicon';
import { daySpanResolution } from '../resolution';
import { calendarDateRule } from './calendar-date.rule';
import { ordinalRule } from './ordinal.rule';
import type { Rule, RuleContext } from './rule';

const FROM = alternation(['من', 'from', 'between', 'بين', 'ما بين', 'يومي', 'ايام', 'الفتره من', 'في الفتره من']);
const TO = alternation(['الى', 'حتى', 'لغاية', 'و', 'to', 'through', 'thru', 'until', 'till', 'and']);
const MONTH = alternation(MONTHS.keys());
const ORDINAL_SUFFIX = '(?:st|nd|rd|th)?';
const PATTERNS = [
  anchored(`(?:${FROM} )?(?<first>.+?) (?:${TO} ?|-)(?<second>.+)`),
  anchored(`(?:${FROM} )?(?<first>\\d{1,2})-(?<second>.+)`),
  anchored(`(?<first>${MONTH} \\d{1,2}${ORDINAL_SUFFIX}) (?<second>${MONTH} \\d{1,2}${ORDINAL_SUFFIX}.*)`),
];
const DAY_ONLY = anchored(`(?:the )?(?<day>\\d{1,2})${ORDINAL_SUFFIX}`);

/**
 * Day ranges and paired days: "من 13 إلى 15 تموز", "بين 13 و15 يوليو", "July 13 - July 15", "from 13th to
 * 15th July", "13 through 15 July", "30 June to 2 July". The second end carries the month (and year) the
 * first may leave out; a first end after the second moves to the year before.
 */
export const rangeRule: Rule = (text, context) => {
  const groups = matchGroups(PATTERNS, text);
  if (!groups?.first || !groups.second) return undefined;
  const last = dayOf(groups.second, context);
  if (last === undefined) return undefined;
  const first = firstEnd(groups.first, last, context);
  if (first === undefined || first >= last || last - first > 366) return undefined;
  return daySpanResolution(first, last);
};

function dayOf(text: string, context: RuleContext): DayNumber | undefined {
  // "13 من الشهر المقبل": a day of a relative month is read by the ordinal rule.
  const resolution = calendarDateRule(text, context) ?? ordinalRule(text, context);
  if (!resolution || resolution.precision !== 'day' || resolution.start !== resolution.end) return undefined;
  const [year, month, day] = resolution.start.split('-').map(Number);
  return toDayNumber(year ?? 0, month ?? 0, day ?? 0);
}

function firstEnd(text: string, last: DayNumber, context: RuleContext): DayNumber | undefined {
  const { year, month } = fromDayNumber(last);
  const bare = matchGroups(DAY_ONLY, text)?.day;
  if (bare !== undefined) {
    const day = Number(bare);
    return day >= 1 && day <= daysInMonth(year, month) ? toDayNumber(year, month, day) : undefined;
  }
  const own =
    calendarDateRule(`${text} ${year}`, context) ?? calendarDateRule(text, context) ?? ordinalRule(text, context);
  if (!own || own.start !== own.end) return undefined;
  const [y, m, d] = own.start.split('-').map(Number);
  const day = toDayNumber(y ?? 0, m ?? 0, d ?? 0);
  return day > last && y === year ? toDayNumber(year - 1, m ?? 0, d ?? 0) : day;
}
