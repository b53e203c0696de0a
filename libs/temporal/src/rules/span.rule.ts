import { type DayNumber, addMonths, daysInMonth, fromDayNumber, toDayNumber } from '../calendar';
import { alternation, anchored, lookup, matchGroups } from '../lexicon/lexicon';
import {
  DUAL_UNITS,
  NUMBER,
  NUMBER_WORDS,
  PLURAL_UNITS,
  SINGULAR_UNITS,
  type Unit,
  parseCount,
} from '../lexicon/numbers.lexicon';
import { daySpanResolution } from '../resolution';
import type { Direction, Resolution } from '../temporal.types';
import type { Rule } from './rule';

const EN_SIDE = lexiconSides(['past', 'last', 'previous'], ['next', 'coming', 'following']);
const AR_SIDE = lexiconSides(
  ['الماضيه', 'الماضي', 'الاخيره', 'الماضيين', 'الاخيرين', 'المنصرمه', 'الفائته'],
  ['المقبله', 'المقبل', 'القادمه', 'القادم', 'المقبلين', 'القادمين'],
);
function lexiconSides(past: string[], future: string[]): Map<string, Direction> {
  return new Map([...past.map((w) => [w, 'past'] as const), ...future.map((w) => [w, 'future'] as const)]);
}
const UNITS = alternation([...SINGULAR_UNITS.keys(), ...PLURAL_UNITS.keys()]);
const DEFINITE_PLURAL = alternation(
  [...PLURAL_UNITS.keys()].filter((w) => /^[\u0600-\u06ff]/.test(w)).map((w) => `ال${w}`),
);
const DEFINITE_COUNT = alternation(
  [...NUMBER_WORDS.keys()].filter((w) => /^[\u0600-\u06ff]/.test(w)).map((w) => `ال${w}`),
);
const DEFINITE_DUAL = alternation([...DUAL_UNITS.keys()].map((w) => `ال${w}`));
const EN = [
  anchored(
    `(?:(?:over|in|during|for|within) )?the (?<side>${alternation(EN_SIDE.keys())}) (?:(?<count>${NUMBER}) )?(?<unit>${UNITS})`,
  ),
  anchored(
    `(?:(?:over|in|during|for|within) )?(?<side>${alternation(EN_SIDE.keys())}) (?<count>${NUMBER}) (?<unit>${UNITS})`,
  ),
];
const AR = [
  anchored(`(?<unit>${DEFINITE_PLURAL}) (?<count>${DEFINITE_COUNT}|\\d{1,3}) (?<side>${alternation(AR_SIDE.keys())})`),
  anchored(`ال ?(?<count>\\d{1,3}) (?<unit>${UNITS}) (?<side>${alternation(AR_SIDE.keys())})`),
  anchored(`(?<dual>${DEFINITE_DUAL}) (?<side>${alternation(AR_SIDE.keys())})`),
];

/**
 * "over the past two weeks", "the last 3 days", "next 2 months", "خلال الأسبوعين الماضيين", "الأيام الثلاثة
 * الماضية": N units that end on the anchor (past) or start on it (future), the anchor's day included.
 */
export const spanRule: Rule = (text, { anchor }) => {
  const en = matchGroups(EN, text);
  if (en?.side && en.unit) {
    const unit = SINGULAR_UNITS.get(en.unit) ?? lookup(PLURAL_UNITS, en.unit);
    const plural = PLURAL_UNITS.has(en.unit);
    // "the past week" is the last seven days; "the past weeks" without a count is vague, left to other rules.
    if (plural && en.count === undefined) return undefined;
    // "the last week" stays the previous ISO week; only "the past week" is the last seven days.
    if (en.count === undefined && en.side !== 'past') return undefined;
    return spanOf(anchor, unit, en.count === undefined ? 1 : (parseCount(en.count) ?? 1), lookup(EN_SIDE, en.side));
  }
  const ar = matchGroups(AR, text);
  if (!ar?.side) return undefined;
  const side = lookup(AR_SIDE, ar.side);
  if (ar.dual !== undefined) return spanOf(anchor, lookup(DUAL_UNITS, ar.dual.slice(2)), 2, side);
  const unitWord = ar.unit?.startsWith('ال') && !SINGULAR_UNITS.has(ar.unit) ? ar.unit.slice(2) : (ar.unit ?? '');
  const unit = SINGULAR_UNITS.get(unitWord) ?? PLURAL_UNITS.get(unitWord);
  const count = ar.count === undefined ? undefined : parseCount(ar.count.replace(/^ال/, ''));
  return unit === undefined || count === undefined ? undefined : spanOf(anchor, unit, count, side);
};

function spanOf(anchor: DayNumber, unit: Unit, count: number, side: Direction): Resolution {
  const sign = side === 'past' ? -1 : 1;
  const far = shifted(anchor, unit, sign * count) - sign;
  return side === 'past' ? daySpanResolution(far, anchor) : daySpanResolution(anchor, far);
}

function shifted(day: DayNumber, unit: Unit, steps: number): DayNumber {
  if (unit === 'day') return day + steps;
  if (unit === 'week') return day + 7 * steps;
  const { year, month, day: dom } = fromDayNumber(day);
  const target = addMonths({ year, month }, unit === 'month' ? steps : 12 * steps);
  return toDayNumber(target.year, target.month, Math.min(dom, daysInMonth(target.year, target.month)));
}
