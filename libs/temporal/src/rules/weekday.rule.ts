import { type DayNumber, formatDate, isoWeekday, weekStart } from '../calendar';
import { anchored, lookup, matchGroups } from '../lexicon/lexicon';
import {
  ARABIC_MODIFIER,
  ARABIC_MODIFIERS,
  ENGLISH_MODIFIER,
  ENGLISH_MODIFIERS,
  type Modifier,
} from '../lexicon/relative.lexicon';
import { WEEKDAY, WEEKDAYS, WEEKDAY_NAMES } from '../lexicon/weekdays.lexicon';
import { dayResolution } from '../resolution';
import type { Direction } from '../temporal.types';
import { type Rule, reject } from './rule';

export type WeekdayMode = Direction | Modifier;

const ARABIC_WEEKDAY = anchored(`(?<wd>${WEEKDAY})(?: (?<mod>${ARABIC_MODIFIER}))?`);
const ENGLISH_WEEKDAY = anchored(`(?:(?<mod>${ENGLISH_MODIFIER}) )?(?<wd>${WEEKDAY})`);

/**
 * past/future: the latest on or before / the first on or after the anchor. last/next: strictly before /
 * after it. this: that weekday in the anchor's own ISO week.
 */
export function weekdayNear(anchor: DayNumber, weekday: number, mode: WeekdayMode): DayNumber {
  const back = (isoWeekday(anchor) - weekday + 7) % 7;
  const ahead = (weekday - isoWeekday(anchor) + 7) % 7;
  switch (mode) {
    case 'past':
      return anchor - back;
    case 'future':
      return anchor + ahead;
    case 'last':
      return anchor - (back || 7);
    case 'next':
      return anchor + (ahead || 7);
    case 'this':
      return weekStart(anchor) + weekday - 1;
  }
}

/** A weekday written beside a date or a day word must be that day's weekday. */
export function checkWeekday(day: DayNumber, weekday: number): void {
  if (isoWeekday(day) !== weekday) {
    reject(`${formatDate(day)} is a ${WEEKDAY_NAMES[isoWeekday(day) - 1]}, not a ${WEEKDAY_NAMES[weekday - 1]}`);
  }
}

export function modifierOf(word: string | undefined): Modifier | undefined {
  if (word === undefined) return undefined;
  return ARABIC_MODIFIERS.get(word) ?? ENGLISH_MODIFIERS.get(word);
}

/** "يوم الأربعاء", "الخميس المقبل", "last Friday". */
export const weekdayRule: Rule = (text, { anchor, direction }) => {
  const groups = matchGroups([ARABIC_WEEKDAY, ENGLISH_WEEKDAY], text);
  if (!groups?.wd) return undefined;
  const mode = modifierOf(groups.mod) ?? direction;
  return dayResolution(weekdayNear(anchor, lookup(WEEKDAYS, groups.wd), mode));
};
