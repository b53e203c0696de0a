import { isoWeekOf, weekStart } from '../calendar';
import { alternation, anchored, lookup, matchGroups } from '../lexicon/lexicon';
import { PERIOD_PARTS, type PeriodPart } from '../lexicon/relative.lexicon';
import { daySpanResolution } from '../resolution';
import { relativeWeek } from './relative-unit';
import type { Rule } from './rule';

const PART_OF = anchored(`(?<part>${alternation(PERIOD_PARTS.keys())}) (?<rest>.+)`);
/** Days of the ISO week (Monday = 0): early Monday–Tuesday, mid Wednesday–Thursday, late Friday–Sunday. */
const DAYS: Readonly<Record<PeriodPart, readonly [number, number]>> = { early: [0, 1], mid: [2, 3], late: [4, 6] };

/**
 * "مطلع الأسبوع المقبل", "early next week", "late this week": part of an ISO week. The timex is the week
 * (TIMEX3 puts the part in `mod`); "نهاية الأسبوع" alone is the weekend, read by its own rule first.
 */
export const partOfWeekRule: Rule = (text, { anchor }) => {
  const groups = matchGroups(PART_OF, text);
  if (!groups?.part || groups.rest === undefined) return undefined;
  const step = relativeWeek(groups.rest, true);
  if (step === undefined) return undefined;
  const monday = weekStart(anchor + 7 * step);
  const [first, last] = DAYS[lookup(PERIOD_PARTS, groups.part)];
  const { isoYear, week } = isoWeekOf(monday);
  const span = daySpanResolution(monday + first, monday + last);
  return { ...span, timex: `${isoYear}-W${String(week).padStart(2, '0')}` };
};
