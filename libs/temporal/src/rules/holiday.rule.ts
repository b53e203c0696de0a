import { type DayNumber, fromDayNumber, isoWeekday, toDayNumber, daysInMonth } from '../calendar';
import { EASTER_HOLIDAYS, FIXED_HOLIDAYS, NTH_WEEKDAY_HOLIDAYS } from '../lexicon/holidays.lexicon';
import { alternation, anchored, matchGroups } from '../lexicon/lexicon';
import { ARABIC_MODIFIERS, ENGLISH_MODIFIERS } from '../lexicon/relative.lexicon';
import { dayResolution } from '../resolution';
import type { Rule } from './rule';

const NAMES = alternation([...FIXED_HOLIDAYS.keys(), ...NTH_WEEKDAY_HOLIDAYS.keys(), ...EASTER_HOLIDAYS.keys()]);
const MODS = alternation([...ENGLISH_MODIFIERS.keys(), ...ARABIC_MODIFIERS.keys()]);
const HOLIDAY = anchored(
  `(?:(?<mod>${MODS}) )?(?<name>${NAMES})(?: (?:(?:of |من )?(?:عام |year )?(?<year>\\d{4})|(?<armod>${MODS})))?`,
);

/** Western Easter Sunday (the anonymous Gregorian algorithm: Meeus, Jones, Butcher). */
function easter(year: number): DayNumber {
  const a = year % 19;
  const [b, c] = [Math.floor(year / 100), year % 100];
  const [d, e] = [Math.floor(b / 4), b % 4];
  const g = Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const l = (32 + 2 * e + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return toDayNumber(year, month, ((h + l - 7 * m + 114) % 31) + 1);
}

function dayIn(name: string, year: number): DayNumber {
  const fixed = FIXED_HOLIDAYS.get(name);
  if (fixed) return toDayNumber(year, fixed[0], fixed[1]);
  const nth = NTH_WEEKDAY_HOLIDAYS.get(name);
  if (nth) {
    const [month, weekday, n] = nth;
    if (n < 0) {
      const last = toDayNumber(year, month, daysInMonth(year, month));
      return last - ((isoWeekday(last) - weekday + 7) % 7);
    }
    const first = toDayNumber(year, month, 1);
    return first + ((weekday - isoWeekday(first) + 7) % 7) + (n - 1) * 7;
  }
  return easter(year) + (EASTER_HOLIDAYS.get(name) ?? 0);
}

/** "Christmas", "Thanksgiving Day", "Easter 2024", "last Christmas", "عيد الميلاد المقبل": Gregorian holidays. */
export const holidayRule: Rule = (text, { anchor, direction }) => {
  const groups = matchGroups(HOLIDAY, text);
  if (!groups?.name) return undefined;
  if (groups.year !== undefined) return dayResolution(dayIn(groups.name, Number(groups.year)));
  const word = groups.mod ?? groups.armod;
  const mode = word === undefined ? direction : (ENGLISH_MODIFIERS.get(word) ?? ARABIC_MODIFIERS.get(word));
  const year = fromDayNumber(anchor).year;
  const days = [year - 1, year, year + 1].map((y) => dayIn(groups.name ?? '', y));
  const pick =
    mode === 'past'
      ? days.filter((d) => d <= anchor).at(-1)
      : mode === 'last'
        ? days.filter((d) => d < anchor).at(-1)
        : mode === 'future'
          ? days.find((d) => d >= anchor)
          : mode === 'next'
            ? days.find((d) => d > anchor)
            : days[1];
  return pick === undefined ? undefined : dayResolution(pick);
};
