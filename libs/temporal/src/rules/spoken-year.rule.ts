import { alternation, anchored, matchGroups } from '../lexicon/lexicon';
import { yearResolution } from '../resolution';
import type { Rule } from './rule';

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const CENTURY = alternation(['eighteen', 'nineteen', 'twenty']);
const TWO_DIGITS = `(?:(?<tens>${alternation(TENS)})(?: (?<unit>${alternation(UNITS)}))?|(?<teen>${alternation(TEENS)})|oh (?<oh>${alternation(UNITS)}))`;
const PATTERNS = [
  anchored(`(?:the year )?(?<century>${CENTURY}) ${TWO_DIGITS}`),
  anchored(`(?:the year )?two thousand(?: and)?(?: (?<small>${alternation([...UNITS, ...TEENS])}))?`),
];

/** Years read out in broadcast transcripts: "nineteen ninety-six", "the year two thousand", "two thousand and three". */
export const spokenYearRule: Rule = (text) => {
  const groups = matchGroups(PATTERNS, text);
  if (!groups) return undefined;
  if (groups.century === undefined) {
    const small = groups.small === undefined ? 0 : [...UNITS, ...TEENS].indexOf(groups.small) + 1;
    return yearResolution(2000 + small);
  }
  const hundreds = { eighteen: 1800, nineteen: 1900, twenty: 2000 }[groups.century] ?? 0;
  const rest =
    groups.teen !== undefined
      ? TEENS.indexOf(groups.teen) + 10
      : groups.oh !== undefined
        ? UNITS.indexOf(groups.oh) + 1
        : (TENS.indexOf(groups.tens ?? '') + 2) * 10 + (groups.unit === undefined ? 0 : UNITS.indexOf(groups.unit) + 1);
  return yearResolution(hundreds + rest);
};
