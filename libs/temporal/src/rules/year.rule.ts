import { fromDayNumber } from '../calendar';
import { alternation, anchored, matchGroups } from '../lexicon/lexicon';
import { yearResolution } from '../resolution';
import { relativeYear } from './relative-unit';
import type { Rule, RuleContext } from './rule';

const YEAR_WORD = alternation(['عام', 'العام', 'سنة', 'السنة', 'year', 'the year']);
// "1994م" / "1994 ميلادي": the Gregorian era mark. Hijri years ("1445 هـ") are not recognised.
const ERA = alternation(['م', 'ميلادي', 'ميلادية', 'ad', 'ce']);
const EXPLICIT_YEAR = anchored(`(?:(?:من|of) )?(?:${YEAR_WORD} )?(?<year>[1-9]\\d{3})(?: ${ERA})?`);

/** A year named outright ("عام 1994") or relative to the anchor's year ("العام الماضي", "next year"). */
export function parseYear(text: string, { anchor }: RuleContext, bare = false): number | undefined {
  const explicit = matchGroups(EXPLICIT_YEAR, text)?.year;
  if (explicit !== undefined) return Number(explicit);
  const step = relativeYear(text, bare);
  return step === undefined ? undefined : fromDayNumber(anchor).year + step;
}

export const yearRule: Rule = (text, context) => {
  const year = parseYear(text, context);
  return year === undefined ? undefined : yearResolution(year);
};
