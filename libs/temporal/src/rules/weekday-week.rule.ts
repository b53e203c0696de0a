import { weekStart } from '../calendar';
import { anchored, lookup, matchGroups } from '../lexicon/lexicon';
import { WEEKDAY, WEEKDAYS } from '../lexicon/weekdays.lexicon';
import { dayResolution } from '../resolution';
import { relativeWeek } from './relative-unit';
import type { Rule } from './rule';

const PATTERNS = [
  anchored(`(?<wd>${WEEKDAY}) (?:(?:من|في|of) )?(?<week>.+)`),
  anchored(`(?<week>.+ week) (?:on )?(?<wd>${WEEKDAY})`),
];

/** "الأحد من الأسبوع الماضي", "Tuesday of last week", "Wednesday next week": that day of that ISO week. */
export const weekdayWeekRule: Rule = (text, { anchor }) => {
  const groups = matchGroups(PATTERNS, text);
  if (!groups?.wd || groups.week === undefined) return undefined;
  const step = relativeWeek(groups.week);
  if (step === undefined) return undefined;
  return dayResolution(weekStart(anchor + 7 * step) + lookup(WEEKDAYS, groups.wd) - 1);
};
