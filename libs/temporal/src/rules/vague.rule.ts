import { type DayNumber, addMonths, fromDayNumber, monthEnd, monthOf, monthStart, toDayNumber } from '../calendar';
import { alternation, anchored, lookup, matchGroups } from '../lexicon/lexicon';
import type { Unit } from '../lexicon/numbers.lexicon';
import { ARABIC_VAGUE_SIDES, ENGLISH_VAGUE_SIDES, VAGUE_UNITS, VAGUE_WORDS } from '../lexicon/relative.lexicon';
import { vagueResolution } from '../resolution';
import type { Direction, Resolution } from '../temporal.types';
import type { Rule } from './rule';

const UNIT = `(?<unit>${alternation(VAGUE_UNITS.keys())})`;
const ARABIC_SPAN = anchored(`${UNIT} (?<side>${alternation(ARABIC_VAGUE_SIDES.keys())})`);
const ENGLISH_SPAN = anchored(`(?:the )?(?<side>${alternation(ENGLISH_VAGUE_SIDES.keys())}) ${UNIT}`);
const WORD = anchored(`(?:the )?(?<word>${alternation(VAGUE_WORDS.keys())})`);
/** "in a year or two", "a week or two ago": a count left open is a vague reference. */
const ONE_OR_TWO = anchored('(?<in>in )?(?:a|one) (?<unit>day|week|month|year) or two(?<ago> ago)?');

/**
 * The window a vague span is taken to cover, always including the anchor: days ±7 days, weeks ±28 days,
 * months back to the first of the month three months before (or on to the end of the month three months
 * after), years back to 1 January three years before (or on to 31 December three years after).
 */
export function vagueWindow(unit: Unit, side: Direction, anchor: DayNumber): Resolution {
  const sign = side === 'past' ? -1 : 1;
  const { year } = fromDayNumber(anchor);
  const far: Record<Unit, () => DayNumber> = {
    day: () => anchor + sign * 7,
    week: () => anchor + sign * 28,
    month: () => (sign < 0 ? monthStart : monthEnd)(addMonths(monthOf(anchor), sign * 3)),
    year: () => (sign < 0 ? toDayNumber(year - 3, 1, 1) : toDayNumber(year + 3, 12, 31)),
  };
  const edge = far[unit]();
  return side === 'past' ? vagueResolution(edge, anchor, side) : vagueResolution(anchor, edge, side);
}

/**
 * "في السنوات الأخيرة", "in the coming months", "مؤخراً" (= recent months), "soon" (= coming months), "in a
 * year or two" (= coming years).
 */
export const vagueRule: Rule = (text, { anchor }) => {
  const span = matchGroups([ARABIC_SPAN, ENGLISH_SPAN], text);
  if (span?.unit && span.side) {
    const side = ARABIC_VAGUE_SIDES.get(span.side) ?? lookup(ENGLISH_VAGUE_SIDES, span.side);
    return vagueWindow(lookup(VAGUE_UNITS, span.unit), side, anchor);
  }
  const open = matchGroups(ONE_OR_TWO, text);
  if (open?.unit && (open.in === undefined) !== (open.ago === undefined)) {
    return vagueWindow(open.unit as Unit, open.ago ? 'past' : 'future', anchor);
  }
  const word = matchGroups(WORD, text)?.word;
  return word === undefined ? undefined : vagueWindow('month', lookup(VAGUE_WORDS, word), anchor);
};
