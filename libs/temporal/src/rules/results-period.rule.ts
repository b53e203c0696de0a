import { fromDayNumber } from '../calendar';
import { alternation, anchored, lookup, matchGroups } from '../lexicon/lexicon';
import { ORDINALS } from '../lexicon/periods.lexicon';
import type { Rule } from './rule';
import { partResolution } from './quarter.rule';

const ORDINAL = `(?<ord>${alternation(['first', 'second', 'third', 'fourth'])})`;
const UNIT = '(?:fiscal )?(?:quarter|period)';
const SAME = '(?:the )?(?:same |comparable |corresponding )?';
const A_YEAR_BEFORE = '(?:a year ago|a year earlier|last year|the year before)';

/** "the year-ago period", "the comparable year-earlier third quarter", "last year's quarter", "the quarter a year ago". */
const PREVIOUS_YEAR = [
  anchored(`${SAME}year (?:ago|earlier) (?:${ORDINAL} )?${UNIT}`),
  anchored(`${SAME}(?:${ORDINAL} )?${UNIT} ${A_YEAR_BEFORE}`),
  anchored(`last year s (?:${ORDINAL} )?${UNIT}`),
];
/** "the 1988 period", "the 1989 quarter": that year's part of the quarter results news is about. */
const YEAR_PERIOD = anchored(`(?:the )?(?<year>\\d{4}) ${UNIT}`);
/** "the latest period": the quarter just reported. Bare "the period" names too many other things. */
const LATEST_PERIOD = anchored('the (?:latest|most recent) period');

/**
 * The periods results news compares (TimeML annotates them as quarters). Alone, each is read against the
 * last quarter that has ended before the anchor; `withQuarterReference` moves it onto the quarter the text
 * has named, so "the year-ago period" after "the third quarter" is 1988-Q3.
 */
export const resultsPeriodRule: Rule = (text, { anchor }) => {
  const { year, month } = fromDayNumber(anchor);
  const lastEnded = Math.ceil(month / 3) - 1;
  const [endedYear, endedIndex] = lastEnded === 0 ? [year - 1, 4] : [year, lastEnded];
  const previous = matchGroups(PREVIOUS_YEAR, text);
  if (previous) {
    const ordinal = previous.ord === undefined ? undefined : lookup(ORDINALS, previous.ord);
    return partResolution(ordinal === undefined ? endedYear - 1 : year - 1, 'Q', ordinal ?? endedIndex);
  }
  const named = matchGroups(YEAR_PERIOD, text)?.year;
  if (named !== undefined) return partResolution(Number(named), 'Q', endedIndex);
  return LATEST_PERIOD.test(text) ? partResolution(endedYear, 'Q', endedIndex) : undefined;
};
