import { type YearMonth, addMonths, monthOf } from '../calendar';
import { type Groups, anchored, lookup, matchGroups } from '../lexicon/lexicon';
import { MONTHS, MONTH_PAIR } from '../lexicon/months.lexicon';
import { ARABIC_MODIFIERS, ENGLISH_MODIFIER, ENGLISH_MODIFIERS, type Modifier } from '../lexicon/relative.lexicon';
import { monthResolution } from '../resolution';
import type { Direction } from '../temporal.types';
import { relativeMonth } from './relative-unit';
import { type RuleContext, type Rule, reject } from './rule';
import { parseYear } from './year.rule';

const NAMED_MONTH = anchored(
  `(?:(?<mod>${ENGLISH_MODIFIER}) )?(?:(?:the )?month of |شهر )?${MONTH_PAIR}(?: (?<rest>.+))?`,
);

export function monthFromPair(first: string, second: string | undefined): number {
  const month = lookup(MONTHS, first);
  const other = second === undefined ? month : lookup(MONTHS, second);
  if (other !== month) {
    reject(`paired month names disagree ("${first}" is month ${month}, "${second}" is month ${other})`);
  }
  return month;
}

/**
 * A named month, alone or with a modifier or a year ("في مايو/أيار الماضي", "June 2023", "يونيو من العام
 * الماضي"), or a month relative to the anchor's ("الشهر الماضي"). `bare`: "الشهر" alone is this month.
 */
export function parseMonth(text: string, context: RuleContext, bare = false): YearMonth | undefined {
  const groups = matchGroups(NAMED_MONTH, text);
  if (groups) return namedMonth(groups, context);
  const step = relativeMonth(text, bare);
  return step === undefined ? undefined : addMonths(monthOf(context.anchor), step);
}

function namedMonth(groups: Groups, context: RuleContext): YearMonth | undefined {
  const { mod, rest, m1 = '', m2 } = groups;
  const month = monthFromPair(m1, m2);
  if (mod !== undefined && rest !== undefined) return undefined;
  const modifier =
    mod !== undefined ? lookup(ENGLISH_MODIFIERS, mod) : rest === undefined ? undefined : ARABIC_MODIFIERS.get(rest);
  if (rest !== undefined && modifier === undefined) {
    const year = parseYear(rest, context);
    return year === undefined ? undefined : { year, month };
  }
  return { year: yearOfMonth(month, monthOf(context.anchor), modifier ?? context.direction), month };
}

/**
 * Plain (direction): the latest month that has started / the next that has not ended, the anchor's own month
 * counting. last/next: strictly before/after the anchor's month. this: the anchor's year.
 */
function yearOfMonth(month: number, anchor: YearMonth, mode: Direction | Modifier): number {
  switch (mode) {
    case 'past':
      return month <= anchor.month ? anchor.year : anchor.year - 1;
    case 'future':
      return month >= anchor.month ? anchor.year : anchor.year + 1;
    case 'last':
      return month < anchor.month ? anchor.year : anchor.year - 1;
    case 'next':
      return month > anchor.month ? anchor.year : anchor.year + 1;
    case 'this':
      return anchor.year;
  }
}

export const monthRule: Rule = (text, context) => {
  const month = parseMonth(text, context);
  return month === undefined ? undefined : monthResolution(month);
};
