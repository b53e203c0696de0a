import { type DayNumber, formatDate, fromDayNumber, monthEnd, monthStart } from '../calendar';
import { type Groups, alternation, anchored, lookup, matchGroups } from '../lexicon/lexicon';
import { ORDINALS, PART_UNITS } from '../lexicon/periods.lexicon';
import type { Direction, Resolution } from '../temporal.types';
import type { Rule, RuleContext } from './rule';
import { parseYear } from './year.rule';

type PartUnit = 'Q' | 'H';
const MONTHS_PER: Readonly<Record<PartUnit, number>> = { Q: 3, H: 6 };

const ORDINAL = `(?<ord>${alternation([...ORDINALS.keys()])})`;
const UNIT = `(?<unit>${alternation(PART_UNITS.keys())})`;
const YEAR_TAIL = '(?: (?<rest>.+))?';
const PATTERNS = [
  anchored(`(?:the )?(?:fiscal )?${ORDINAL} (?:fiscal )?${UNIT}(?: of| in)?${YEAR_TAIL}`),
  anchored(`${UNIT} ${ORDINAL}(?: من| في)?${YEAR_TAIL}`),
  anchored(`(?<q>q[1-4]|[1-4]q|h[12])${YEAR_TAIL}`),
  anchored(`(?<year>\\d{4}) (?<q>q[1-4]|h[12])`),
  // "the 1988 second quarter", "this year's third quarter"
  anchored(`(?:the )?(?<year>\\d{4}) (?:fiscal )?${ORDINAL} (?:fiscal )?${UNIT}`),
  anchored(`(?<lead>.+?) s (?:fiscal )?${ORDINAL} (?:fiscal )?${UNIT}`),
  // "the first two quarters of 1990": a half
  anchored(`(?:the )?(?<pair>first|last) two (?:fiscal )?quarters(?: of| in)?${YEAR_TAIL}`),
];
// "the quarter", "the latest quarter", "الربع الماضي": relative to the anchor's own quarter.
const RELATIVE = anchored(
  `(?:(?:the (?:(?<mod>this|current|last|latest|previous|past|next|most recent|year earlier|year ago) )?|(?<bareMod>this|last|next) )(?<unit>quarter|half)` +
    `|(?<arUnit>الربع|النصف) (?<arMod>الحالي|الجاري|الماضي|السابق|الاخير|المقبل|القادم))`,
);
const STEPS: Readonly<Record<string, number>> = {
  this: 0,
  current: 0,
  الحالي: 0,
  الجاري: 0,
  next: 1,
  المقبل: 1,
  القادم: 1,
  last: -1,
  previous: -1,
  past: -1,
  الماضي: -1,
  السابق: -1,
  الاخير: -1,
  latest: -1,
  'most recent': -1,
  'year earlier': -4,
  'year ago': -4,
};

/** "the third quarter", "Q3 2023", "الربع الثالث من العام الجاري", "the first half of 2024": TIMEX3 2023-Q3, 2024-H1. */
export const quarterRule: Rule = (text, context) => {
  const relative = matchGroups(RELATIVE, text);
  if (relative) {
    const mod = relative.mod ?? relative.bareMod ?? relative.arMod;
    return relativePart(relative.unit ?? relative.arUnit ?? '', mod, context);
  }
  const groups = matchGroups(PATTERNS, text);
  if (!groups) return undefined;
  const [unit, index] = partOf(groups);
  if (index < 1 || index > 12 / MONTHS_PER[unit]) return undefined;
  if (groups.year !== undefined) return partResolution(Number(groups.year), unit, index);
  if (groups.rest !== undefined || groups.lead !== undefined) {
    const year = parseYear(groups.rest ?? groups.lead ?? '', context, false);
    return year === undefined ? undefined : partResolution(year, unit, index);
  }
  return partResolution(nearestYear(unit, index, context.anchor, context.direction), unit, index);
};

/** "the last half of 1989" is its second half; "the last two quarters" too. */
function partOf({ unit, ord, q, pair }: Groups): [PartUnit, number] {
  if (pair !== undefined) return ['H', pair === 'first' ? 1 : 2];
  if (q !== undefined) return [q.includes('h') ? 'H' : 'Q', Number(q.replace(/[qh]/, ''))];
  const part = lookup(PART_UNITS, unit ?? '');
  const index = lookup(ORDINALS, ord ?? '');
  return [part, index === -1 ? 12 / MONTHS_PER[part] : index];
}

/** Without a year: the latest such part that has begun (past) or the first that has not ended (future). */
function nearestYear(unit: PartUnit, index: number, anchor: DayNumber, direction: Direction): number {
  const { year, month } = fromDayNumber(anchor);
  const current = Math.ceil(month / MONTHS_PER[unit]);
  if (direction === 'past') return index <= current ? year : year - 1;
  return index >= current ? year : year + 1;
}

/** "the quarter" alone, in news of results, is the last one that has ended; "this quarter" the current. */
function relativePart(unitWord: string, mod: string | undefined, { anchor }: RuleContext): Resolution | undefined {
  const unit: PartUnit = unitWord === 'half' || unitWord === 'النصف' ? 'H' : 'Q';
  const { year, month } = fromDayNumber(anchor);
  const parts = 12 / MONTHS_PER[unit];
  const step = mod === undefined ? -1 : STEPS[mod];
  if (step === undefined) return undefined;
  const index = year * parts + Math.ceil(month / MONTHS_PER[unit]) - 1 + step;
  return partResolution(Math.floor(index / parts), unit, (index % parts) + 1);
}

export function partResolution(year: number, unit: PartUnit, index: number): Resolution {
  const firstMonth = (index - 1) * MONTHS_PER[unit] + 1;
  return {
    start: formatDate(monthStart({ year, month: firstMonth })),
    end: formatDate(monthEnd({ year, month: firstMonth + MONTHS_PER[unit] - 1 })),
    precision: 'month',
    timex: `${String(year).padStart(4, '0')}-${unit}${index}`,
  };
}
