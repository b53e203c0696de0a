import { alternation, anchored, lookup, matchGroups } from '../lexicon/lexicon';
import { ARABIC_MODIFIER, ENGLISH_MODIFIER } from '../lexicon/relative.lexicon';
import { WEEKDAY, WEEKDAYS } from '../lexicon/weekdays.lexicon';
import { daySpanResolution } from '../resolution';
import { type Rule, reject } from './rule';
import { modifierOf, weekdayNear } from './weekday.rule';

const DUAL_DAY = alternation(['يومي', 'يوم']);
const ARABIC_PAIR = anchored(
  `(?:${DUAL_DAY} )?(?<wd1>${WEEKDAY}) و ?(?<wd2>${WEEKDAY})(?: (?<mod>${ARABIC_MODIFIER}))?`,
);
const ENGLISH_PAIR = anchored(`(?:(?<mod>${ENGLISH_MODIFIER}) )?(?<wd1>${WEEKDAY}) and (?<wd2>${WEEKDAY})`);

/**
 * "يومي الخميس والجمعة", "Thursday and Friday": the first day resolves like a single weekday, the second
 * is the next occurrence after it. With "last"/"الماضيين" the whole span lies strictly before the anchor.
 */
export const weekdayPairRule: Rule = (text, { anchor, direction }) => {
  const groups = matchGroups([ARABIC_PAIR, ENGLISH_PAIR], text);
  if (!groups?.wd1 || !groups.wd2) return undefined;
  const [first, second] = [lookup(WEEKDAYS, groups.wd1), lookup(WEEKDAYS, groups.wd2)];
  const gap = (second - first + 7) % 7;
  if (gap === 0) reject('the same weekday is named twice');
  const mode = modifierOf(groups.mod) ?? direction;
  if (mode === 'last') {
    const end = weekdayNear(anchor, second, 'last');
    return daySpanResolution(end - gap, end);
  }
  const start = weekdayNear(anchor, first, mode);
  return daySpanResolution(start, start + gap);
};
