import { isoWeekOf, weekStart } from '../calendar';
import { alternation, anchored, matchGroups } from '../lexicon/lexicon';
import { daySpanResolution } from '../resolution';
import type { Rule } from './rule';

const STEPS = new Map<string, number>([
  ['this', 0],
  ['the', 0],
  ['last', -1],
  ['past', -1],
  ['next', 1],
  ['coming', 1],
  ['الماضيه', -1],
  ['الماضي', -1],
  ['المقبله', 1],
  ['المقبل', 1],
  ['القادمه', 1],
  ['القادم', 1],
  ['الحاليه', 0],
  ['هذه', 0],
]);
const PATTERNS = [
  anchored(`(?<mod>this|the|last|past|next|coming) weekend`),
  anchored(
    `(?:(?<dem>هذه) )?(?:عطله )?نهايه الاسبوع(?: (?<mod>${alternation(['الماضي', 'المقبل', 'القادم', 'الحالي'])}))?`,
  ),
  anchored(
    `(?:(?<dem>هذه) )?العطله الاسبوعيه(?: (?<mod>${alternation(['الماضيه', 'المقبله', 'القادمه', 'الحاليه'])}))?`,
  ),
];

/**
 * "the weekend", "last weekend", "عطلة نهاية الأسبوع الماضي": Saturday and Sunday of an ISO week (TIMEX3
 * 2023-W44-WE). "the/this weekend" is the one of the anchor's week, or the one just gone when the anchor is a
 * Monday or Tuesday in past-tense text.
 */
export const weekendRule: Rule = (text, { anchor, direction }) => {
  const groups = matchGroups(PATTERNS, text);
  if (!groups) return undefined;
  const word = groups.mod === undefined ? undefined : normalizeStep(groups.mod);
  let step = word ?? 0;
  if (word === undefined || groups.mod === 'the') {
    if (direction === 'past' && anchor - weekStart(anchor) < 2) step = -1;
  }
  const saturday = weekStart(anchor + 7 * step) + 5;
  const { isoYear, week } = isoWeekOf(saturday);
  const span = daySpanResolution(saturday, saturday + 1);
  return { ...span, timex: `${isoYear}-W${String(week).padStart(2, '0')}-WE` };
};

function normalizeStep(mod: string): number | undefined {
  return STEPS.get(mod.replace(/ة$/, 'ه'));
}
