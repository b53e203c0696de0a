import { type YearMonth, daysInMonth, toDayNumber } from '../calendar';
import { alternation, anchored, lookup, matchGroups } from '../lexicon/lexicon';
import { PERIOD_PARTS, type PeriodPart } from '../lexicon/relative.lexicon';
import { daySpanResolution, monthSpanResolution } from '../resolution';
import type { Resolution } from '../temporal.types';
import { parseMonth } from './month.rule';
import type { Rule } from './rule';
import { parseYear } from './year.rule';

const PART_OF = anchored(`(?<part>${alternation(PERIOD_PARTS.keys())}) (?<rest>.+)`);

// Thirds of a month by day (1–10, 11–20, 21–end) and of a year by month (Jan–Apr, May–Aug, Sep–Dec).
const FIRST_DAY: Readonly<Record<PeriodPart, number>> = { early: 1, mid: 11, late: 21 };
const FIRST_MONTH: Readonly<Record<PeriodPart, number>> = { early: 1, mid: 5, late: 9 };

/**
 * "أواخر يونيو", "منتصف الشهر الماضي", "early June 2023" → days of the month; "مطلع العام الجاري",
 * "late 2023" → months of the year. The noun alone ("نهاية الشهر") means the anchor's own month or year.
 */
export const partOfPeriodRule: Rule = (text, context) => {
  const groups = matchGroups(PART_OF, text);
  if (!groups?.part || groups.rest === undefined) return undefined;
  const part = lookup(PERIOD_PARTS, groups.part);
  const month = parseMonth(groups.rest, context, true);
  if (month !== undefined) return partOfMonth(month, part);
  const year = parseYear(groups.rest, context, true);
  return year === undefined ? undefined : monthSpanResolution(year, FIRST_MONTH[part], FIRST_MONTH[part] + 3);
};

function partOfMonth({ year, month }: YearMonth, part: PeriodPart): Resolution {
  const first = FIRST_DAY[part];
  const last = part === 'late' ? daysInMonth(year, month) : first + 9;
  return daySpanResolution(toDayNumber(year, month, first), toDayNumber(year, month, last));
}
