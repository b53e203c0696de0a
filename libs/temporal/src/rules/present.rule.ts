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
 * Nouns TimeML marks as vague references: "the past", "the future". The bare adjectives "recent" and
 * "future" are left out: they qualify nouns far more often than they date anything (in TimeBank and AQUAINT
 * about one in five is annotated). "current" is read (see presentRule).
 */
const VAGUE_REFERENCES = lexicon<Direction>([
  ['past', ['the past', 'in recent times', 'the recent past', 'الماضي القريب']],
  ['future', ['the future', 'the near future', 'in the future', 'المستقبل', 'مستقبلا']],
]);
/** "the year", "the full year", "the current fiscal year": the anchor's year in results news. */
const THE_YEAR = anchored('the (?:(?:full|current|present) )?(?:fiscal )?year');
/** "that year", "later that year": a narrative's year; `withNarrativeReference` puts it on the year named last. */
const THAT_YEAR = anchored('(?:(?:later|earlier) )?that year');
const VAGUE = anchored(`(?<word>${alternation(VAGUE_REFERENCES.keys())})`);

/**
 * "now", "currently", "حاليا": the anchor's day, TIMEX3 PRESENT_REF. The adjective "current" ("the current
 * crisis") too, as TimeML marks it, alone: "the current year" is a year. "the year" alone is the anchor's
 * year, as news writes it ("profit for the year"); the tagger leaves it out before "before", "after", "of" ….
 */
export const presentRule: Rule = (text, { anchor }) => {
  if (THE_YEAR.test(text) || THAT_YEAR.test(text)) return yearResolution(fromDayNumber(anchor).year);
  if (PRESENT.test(text) || text === 'current') {
    const day = formatDate(anchor);
    return { start: day, end: day, precision: 'vague', timex: 'PRESENT_REF' };
  }
  const word = matchGroups(VAGUE, text)?.word;
  return word === undefined ? undefined : vagueWindow('month', lookup(VAGUE_REFERENCES, word), anchor);
};
