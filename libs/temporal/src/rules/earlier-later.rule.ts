import { type DayNumber, formatDate, fromDayNumber, monthOf } from '../calendar';
import { alternation, anchored, matchGroups } from '../lexicon/lexicon';
import { monthResolution, weekResolution, yearResolution } from '../resolution';
import type { Resolution } from '../temporal.types';
import { type RelativeUnitMatcher, relativeMonth, relativeWeek, relativeYear } from './relative-unit';
import type { Rule } from './rule';

const ARABIC = anchored(
  `${alternation(['في وقت', 'وقت'])} (?<side>${alternation(['سابق', 'لاحق'])}) ${alternation(['من'])} (?<unit>.+)`,
);
const ENGLISH = anchored(`(?<side>earlier|later) (?:in )?(?<unit>.+)`);
const EARLIER = new Set(['سابق', 'earlier']);

const UNITS: ReadonlyArray<readonly [RelativeUnitMatcher, (anchor: DayNumber) => Resolution]> = [
  [relativeWeek, weekResolution],
  [relativeMonth, (anchor) => monthResolution(monthOf(anchor))],
  [relativeYear, (anchor) => yearResolution(fromDayNumber(anchor).year)],
];

/**
 * "في وقت سابق من هذا الشهر", "earlier this month", "later this year": the current week, month or year cut
 * at the anchor. Precision and timex stay the unit's; only the current unit is understood.
 */
export const earlierLaterRule: Rule = (text, { anchor }) => {
  const groups = matchGroups([ARABIC, ENGLISH], text);
  if (groups?.side === undefined || groups.unit === undefined) return undefined;
  for (const [matches, resolutionOf] of UNITS) {
    if (matches(groups.unit, true) !== 0) continue;
    const unit = resolutionOf(anchor);
    return EARLIER.has(groups.side) ? { ...unit, end: formatDate(anchor) } : { ...unit, start: formatDate(anchor) };
  }
  return undefined;
};
