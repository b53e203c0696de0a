import { daysInMonth, toDayNumber } from '../calendar';
import { anchored, matchGroups } from '../lexicon/lexicon';
import { dayResolution } from '../resolution';
import type { Resolution } from '../temporal.types';
import type { Reading, ReadingRule } from './rule';

// Normalisation keeps "/" and "-" between digits and turns dots into spaces: "15.03.2023" reads "15 03 2023".
const DAY_MONTH_YEAR = anchored(`(?<a>\\d{1,2})(?<sep>[/ -])(?<b>\\d{1,2})\\k<sep>(?<year>\\d{4})`);
const YEAR_MONTH_DAY = anchored(`(?<year>\\d{4})(?<sep>[/ ])(?<b>\\d{1,2})\\k<sep>(?<a>\\d{1,2})`);

function dayOf(year: number, month: number, day: number): Resolution | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayResolution(toDayNumber(year, month, day));
}

/**
 * "15/3/2023", "15.03.2023", "2023/03/15". Day first in Arabic and British text, month first in American;
 * when both readings exist and differ ("01/02/2023") the other one is kept as an alternative.
 */
export const numericDateRule: ReadingRule = (text, { dayFirst = false }): Reading | undefined => {
  const ymd = matchGroups(YEAR_MONTH_DAY, text);
  if (ymd?.year) return dayOf(Number(ymd.year), Number(ymd.b), Number(ymd.a));
  const groups = matchGroups(DAY_MONTH_YEAR, text);
  if (!groups?.year) return undefined;
  const [a, b, year] = [Number(groups.a), Number(groups.b), Number(groups.year)];
  const dayMonth = dayOf(year, b, a);
  const monthDay = dayOf(year, a, b);
  const [chosen, other] = dayFirst ? [dayMonth, monthDay] : [monthDay, dayMonth];
  if (!chosen) return other;
  return other && other.start !== chosen.start ? { ...chosen, alternatives: [other] } : chosen;
};
