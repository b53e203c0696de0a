import { addMonths, fromDayNumber, monthOf } from '../calendar';
import { alternation, anchored, lookup, matchGroups } from '../lexicon/lexicon';
import {
  DUAL_UNITS,
  FEW,
  NUMBER,
  PLURAL_UNITS,
  SINGULAR_UNITS,
  type Unit,
  parseCount,
} from '../lexicon/numbers.lexicon';
import { dayResolution, monthResolution, weekResolution, yearResolution } from '../resolution';
import type { Direction, Resolution } from '../temporal.types';
import type { Rule, RuleContext } from './rule';
import { vagueWindow } from './vague.rule';

/** A count of `undefined` is "a few": the result becomes vague. */
interface Duration {
  readonly unit: Unit;
  readonly count: number | undefined;
}

const SINGULAR = alternation(SINGULAR_UNITS.keys());
const PLURAL = alternation(PLURAL_UNITS.keys());
const COUNTED = anchored(`(?<count>${NUMBER}) (?<unit>${SINGULAR}|${PLURAL})`);
const DUAL = anchored(`(?<unit>${alternation(DUAL_UNITS.keys())})`);
// "قبل يوم", "قبل أسبوع واحد": the singular alone counts one.
const SINGLE = anchored(`(?<unit>${SINGULAR})(?: ${alternation(['واحد', 'واحدة'])})?`);
const SOME = anchored(`(?:${FEW} )?(?<unit>${PLURAL})`);

const SHAPES: ReadonlyArray<readonly [RegExp, Direction]> = [
  [anchored(`${alternation(['قبل', 'منذ'])} (?<duration>.+)`), 'past'],
  [anchored(`(?<duration>.+) (?:ago|earlier)`), 'past'],
  [anchored(`${alternation(['بعد', 'في غضون'])} (?<duration>.+)`), 'future'],
  [anchored(`(?:in|after) (?<duration>.+?)(?: time)?`), 'future'],
  [anchored(`(?<duration>.+) (?:from now|later|hence)`), 'future'],
];

/**
 * "قبل ثلاثة أيام", "two weeks ago", "بعد شهرين", "in 3 days". The result has the unit's precision: the day,
 * the ISO week, the month or the year that lies N units away. "قبل أيام" (days ago) is vague.
 */
export const offsetRule: Rule = (text, context) => {
  for (const [pattern, side] of SHAPES) {
    const phrase = matchGroups(pattern, text)?.duration;
    const duration = phrase === undefined ? undefined : parseDuration(phrase);
    if (duration) return shift(duration, side, context);
  }
  return undefined;
};

function parseDuration(text: string): Duration | undefined {
  const counted = matchGroups(COUNTED, text);
  if (counted?.count && counted.unit) {
    const unit = SINGULAR_UNITS.get(counted.unit) ?? lookup(PLURAL_UNITS, counted.unit);
    return { unit, count: parseCount(counted.count) };
  }
  const dual = matchGroups(DUAL, text)?.unit;
  if (dual !== undefined) return { unit: lookup(DUAL_UNITS, dual), count: 2 };
  const single = matchGroups(SINGLE, text)?.unit;
  if (single !== undefined) return { unit: lookup(SINGULAR_UNITS, single), count: 1 };
  const some = matchGroups(SOME, text)?.unit;
  return some === undefined ? undefined : { unit: lookup(PLURAL_UNITS, some), count: undefined };
}

function shift({ unit, count }: Duration, side: Direction, { anchor }: RuleContext): Resolution {
  if (count === undefined) return vagueWindow(unit, side, anchor);
  const steps = side === 'past' ? -count : count;
  switch (unit) {
    case 'day':
      return dayResolution(anchor + steps);
    case 'week':
      return weekResolution(anchor + 7 * steps);
    case 'month':
      return monthResolution(addMonths(monthOf(anchor), steps));
    case 'year':
      return yearResolution(fromDayNumber(anchor).year + steps);
  }
}
