import { alternation, anchored, lookup, matchGroups } from '../lexicon/lexicon';
import { DAY_OFFSETS } from '../lexicon/relative.lexicon';
import { WEEKDAY, WEEKDAYS } from '../lexicon/weekdays.lexicon';
import { dayResolution } from '../resolution';
import type { Rule } from './rule';
import { checkWeekday } from './weekday.rule';

// News often names the weekday after the day word: "أمس الأربعاء", "اليوم الخميس".
const RELATIVE_DAY = anchored(`(?<word>${alternation(DAY_OFFSETS.keys())})(?: (?<wd>${WEEKDAY}))?`);

/** Today, yesterday, the day before yesterday, tomorrow, the day after tomorrow; direction plays no part. */
export const relativeDayRule: Rule = (text, { anchor }) => {
  const groups = matchGroups(RELATIVE_DAY, text);
  if (!groups?.word) return undefined;
  const day = anchor + lookup(DAY_OFFSETS, groups.word);
  if (groups.wd !== undefined) checkWeekday(day, lookup(WEEKDAYS, groups.wd));
  return dayResolution(day);
};
