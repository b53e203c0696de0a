import { formatDate } from '../calendar';
import { alternation, anchored, lookup, matchGroups } from '../lexicon/lexicon';
import { PRESENT_WORDS } from '../lexicon/periods.lexicon';
import { lexicon } from '../lexicon/lexicon';
import type { Direction } from '../temporal.types';
import type { Rule } from './rule';
import { vagueWindow } from './vague.rule';

const PRESENT = anchored(`(?:the )?${alternation(PRESENT_WORDS.keys())}`);

/** English nouns and adjectives TimeML marks as vague references: "the past", "the future", "recent". */
const VAGUE_REFERENCES = lexicon<Direction>([
  ['past', ['the past', 'recent', 'in recent times', 'the recent past', 'الماضي القريب']],
  ['future', ['the future', 'future', 'the near future', 'in the future', 'المستقبل', 'مستقبلا']],
]);
const VAGUE = anchored(`(?<word>${alternation(VAGUE_REFERENCES.keys())})`);

/** "now", "currently", "حاليا": the anchor's day, TIMEX3 PRESENT_REF. */
export const presentRule: Rule = (text, { anchor }) => {
  if (PRESENT.test(text) || text === 'current') {
    const day = formatDate(anchor);
    return { start: day, end: day, precision: 'vague', timex: 'PRESENT_REF' };
  }
  const word = matchGroups(VAGUE, text)?.word;
  return word === undefined ? undefined : vagueWindow('month', lookup(VAGUE_REFERENCES, word), anchor);
};
