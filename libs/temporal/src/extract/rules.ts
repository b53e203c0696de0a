import { RULES } from '../resolve';
import { decadeRule } from '../rules/decade.rule';
import { hijriRule } from '../rules/hijri.rule';
import { holidayRule } from '../rules/holiday.rule';
import { numericDateRule } from '../rules/numeric-date.rule';
import { ordinalRule } from '../rules/ordinal.rule';
import { partOfWeekRule } from '../rules/part-of-week.rule';
import { presentRule } from '../rules/present.rule';
import { quarterRule } from '../rules/quarter.rule';
import { rangeRule } from '../rules/range.rule';
import { resultsPeriodRule } from '../rules/results-period.rule';
import type { ReadingRule } from '../rules/rule';
import { seasonRule } from '../rules/season.rule';
import { spanRule } from '../rules/span.rule';
import { weekdayDateRule } from '../rules/weekday-date.rule';
import { weekdayWeekRule } from '../rules/weekday-week.rule';
import { weekOfRule } from '../rules/week-of.rule';
import { weekendRule } from '../rules/weekend.rule';

/**
 * The families only the tagger reads, then the resolver's own rules. All match whole readings; the tagger
 * tries the longest window of text first, so a range wins over the date it ends with.
 */
export const EXTRACT_RULES: readonly ReadingRule[] = [
  weekdayDateRule,
  rangeRule,
  ordinalRule,
  weekdayWeekRule,
  resultsPeriodRule,
  quarterRule,
  seasonRule,
  decadeRule,
  hijriRule,
  holidayRule,
  weekOfRule,
  weekendRule,
  partOfWeekRule,
  numericDateRule,
  spanRule,
  presentRule,
  ...RULES,
];
