import { type DayNumber, formatDate, fromDayNumber, monthEnd, monthStart, addMonths } from '../calendar';
import { alternation, anchored, lookup, matchGroups } from '../lexicon/lexicon';
import { ARABIC_MODIFIERS, ENGLISH_MODIFIERS, type Modifier } from '../lexicon/relative.lexicon';
import { SEASONS, SEASON_MONTHS } from '../lexicon/periods.lexicon';
import type { Direction, Resolution } from '../temporal.types';
import type { Rule } from './rule';
import { parseYear } from './year.rule';

type Season = 'SP' | 'SU' | 'FA' | 'WI';
const SEASON = `(?<season>${alternation(SEASONS.keys())})`;
const ENGLISH_MOD = `(?:(?<mod>${alternation([...ENGLISH_MODIFIERS.keys(), 'past'])}) )?`;
const PATTERNS = [
  anchored(`(?:فصل )?${SEASON}(?: (?<armod>${alternation(ARABIC_MODIFIERS.keys())}))?(?: (?:من )?(?<rest>.+))?`),
  anchored(`(?:the )?${ENGLISH_MOD}${SEASON}(?: (?:of )?(?<rest>.+))?`),
];

/** "last fall", "summer 2012", "الصيف الماضي", "شتاء 2023": TIMEX3 2012-SU; winter is the one starting in December. */
export const seasonRule: Rule = (text, context) => {
  const groups = matchGroups(PATTERNS, text);
  if (!groups?.season) return undefined;
  const season = lookup(SEASONS, groups.season);
  // "fall" alone is far more often the verb or the noun than the season.
  if (text === 'fall') return undefined;
  const modWord = groups.mod ?? groups.armod;
  const modifier: Modifier | undefined =
    modWord === 'past'
      ? 'last'
      : modWord === undefined
        ? undefined
        : (ENGLISH_MODIFIERS.get(modWord) ?? ARABIC_MODIFIERS.get(modWord));
  if (groups.rest !== undefined) {
    if (modifier !== undefined) return undefined;
    const year = parseYear(groups.rest, context, false);
    return year === undefined ? undefined : seasonResolution(year, season);
  }
  return seasonResolution(seasonYear(season, context.anchor, modifier ?? context.direction), season);
};

function seasonYear(season: Season, anchor: DayNumber, mode: Direction | Modifier): number {
  const { year } = fromDayNumber(anchor);
  const startOf = (y: number): DayNumber => monthStart({ year: y, month: SEASON_MONTHS[season][0] });
  const endOf = (y: number): DayNumber => monthEnd(addMonths({ year: y, month: SEASON_MONTHS[season][1] }, 0));
  // The season holding the anchor is "this"; "last" is the one before it, "next" the one after.
  const holding = [year - 1, year].find((y) => startOf(y) <= anchor && anchor <= endOf(y));
  switch (mode) {
    case 'this':
      return holding ?? year;
    case 'last':
      return [year, year - 1, year - 2].find((y) => endOf(y) < anchor) ?? year - 1;
    case 'next':
      return [year - 1, year, year + 1].find((y) => startOf(y) > anchor) ?? year + 1;
    case 'past':
      return holding ?? [year, year - 1].find((y) => startOf(y) <= anchor) ?? year - 1;
    case 'future':
      return holding ?? [year - 1, year, year + 1].find((y) => startOf(y) > anchor) ?? year + 1;
  }
}

function seasonResolution(year: number, season: Season): Resolution {
  const [first, last] = SEASON_MONTHS[season];
  return {
    start: formatDate(monthStart({ year, month: first })),
    end: formatDate(monthEnd(addMonths({ year, month: 1 }, last - 1))),
    precision: 'month',
    timex: `${String(year).padStart(4, '0')}-${season}`,
  };
}
