import { partResolution } from '../rules/quarter.rule';
import type { Resolution } from '../temporal.types';
import { PERIOD_PARTS, type PeriodPart } from '../lexicon/relative.lexicon';
import type { Mention, TimexMod } from './mention.types';

type MentionResolutionBase = Resolution & { readonly mod?: TimexMod };

const MODS = new Map<PeriodPart, TimexMod>([
  ['early', 'START'],
  ['mid', 'MID'],
  ['late', 'END'],
]);
const PART_WORDS = new Set([...PERIOD_PARTS.keys()].flatMap((key) => key.split(' ')));
const DAY_INTERVAL = /^(\d{4}-\d{2})-\d{2}\/(\d{4}-\d{2})-\d{2}$/;
const MONTH_INTERVAL = /^(\d{4})-\d{2}\/(\d{4})-\d{2}$/;

/**
 * "late November", "early 2017": TIMEX3 gives the month or year as the value and the part as `mod`
 * (1999-11, END); the resolver's ISO interval stays in start/end. Other intervals (day ranges) are kept.
 */
export function withTimexMod(resolution: MentionResolutionBase, words: readonly string[]): MentionResolutionBase {
  if (!words.some((word) => PART_WORDS.has(word))) return resolution;
  const phrase = ` ${words.join(' ')} `;
  const part = [...PERIOD_PARTS].find(([key]) => phrase.includes(` ${key} `))?.[1];
  if (part === undefined) return resolution;
  const days = DAY_INTERVAL.exec(resolution.timex);
  const months = MONTH_INTERVAL.exec(resolution.timex);
  if (!resolution.timex.includes('/')) {
    return resolution.timex.endsWith('-WE') ? resolution : { ...resolution, mod: MODS.get(part) };
  }
  const value = days && days[1] === days[2] ? days[1] : months && months[1] === months[2] ? months[1] : undefined;
  return value === undefined ? resolution : { ...resolution, timex: value, mod: MODS.get(part) };
}

const YEAR_AGO = /\byear[- ](?:ago|earlier)\b/i;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const THE_QUARTER = /^the quarter$/i;

/**
 * Results news compares a quarter with the same quarter a year before: once a quarter has been named,
 * "a year ago", "a year earlier", "the year-ago quarter" mean that quarter of the previous year
 * (1989-Q3 → 1988-Q3), as TimeML annotates them, and "the quarter" is the quarter named last. Without a
 * named quarter they keep their own reading.
 */
export function withQuarterReference(mentions: readonly Mention[]): Mention[] {
  let quarter: { year: number; index: number } | undefined;
  return mentions.map((mention) => {
    const yearAgo = YEAR_AGO.test(mention.text);
    const named = QUARTER.exec(mention.resolution.timex);
    if (quarter && THE_QUARTER.test(mention.text)) {
      return { ...mention, resolution: { ...partResolution(quarter.year, 'Q', quarter.index), direction: 'past' } };
    }
    if (named && !yearAgo) quarter = { year: Number(named[1]), index: Number(named[2]) };
    if (!quarter || !yearAgo) return mention;
    const previous = partResolution(quarter.year - 1, 'Q', quarter.index);
    return { ...mention, resolution: { ...previous, direction: 'past' } };
  });
}
