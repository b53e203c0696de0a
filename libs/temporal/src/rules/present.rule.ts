import { formatDate, fromDayNumber } from '../calendar';
import { yearResolution } from '../resolution';
import { alternation, anchored, lookup, matchGroups } from '../lexicon/lexicon';
import { PRESENT_WORDS } from '../lexicon/periods.lexicon';
import { lexicon } from '../lexicon/lexicon';
import type { Direction } from '../temporal.types';
import type { Rule } from './rule';
import { vagueWindow } from './vague.rule';

const PRESENT = anchored(`(?:the )?${alternation(PRESENT_WORDS.keys())}`);

/**
 * Nouns TimeML marks as vague references: "the past", "the future". The bare adjectives ("recent",
 * "current", "future") are left out: they qualify nouns far more often than they date anything.
 */
const VAGUE_REFERENCES = lexicon<Direction>([
  ['past', ['the past', 'in recent times', 'the recent past', 'الماضي القريب']],
  ['future', ['the future', 'the near future', 'in the future', 'المستقبل', 'مستقبلا']],
]);
const VAGUE = anchored(`(?<word>${alternation(VAGUE_REFERENCES.keys())})`);

/**
 * "now", "currently", "حاليا": the anchor's day, TIMEX3 PRESENT_REF. "the year" alone is the anchor's year, as
 * news writes it ("profit for the year"); the tagger leaves it out before "before", "after", "of" ….
 */
export const presentRule: Rule = (text, { anchor }) => {
  if (text === 'the year') return yearResolution(fromDayNumber(anchor).year);
  if (PRESENT.test(text)) {
    const day = formatDate(anchor);
    return { start: day, end: day, precision: 'vague', timex: 'PRESENT_REF' };
  }
  const word = matchGroups(VAGUE, text)?.word;
  return word === undefined ? undefined : vagueWindow('month', lookup(VAGUE_REFERENCES, word), anchor);
};
