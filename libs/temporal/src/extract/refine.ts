import { partResolution } from '../rules/quarter.rule';
import { yearResolution } from '../resolution';
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

/** A period a year before the one results news is about: "a year ago", "the year-earlier period", "last year's quarter". */
const YEAR_AGO =
  /\byear[- ](?:ago|earlier)\b|\b(?:quarter|period) (?:a year ago|a year earlier|last year)$|\blast year's (?:quarter|period)\b/i;
const QUARTER = /^(\d{4})-Q([1-4])$/;
/** The quarter named last: "the quarter", "the latest period". */
const THE_QUARTER = /^the (?:quarter|(?:latest|most recent) period)$/i;
/** That year's part of the quarter named last: "the 1988 period". */
const YEAR_PERIOD = /^the (\d{4}) (?:fiscal )?(?:quarter|period)$/i;
const ORDINAL_WORD = /\b(?:first|second|third|fourth)\b/i;
/** A sentence about a longer stretch than a quarter: its "a year earlier" is the year before. */
const LONGER_THAN_QUARTER =
  /\b(?:nine|six) months\b|\bfirst half\b|\bfor the (?:full |fiscal )?year\b|\byear to date\b/i;
const SENTENCE_START = /[.!?]\s+(?=[A-Z"'`])(?![\s\S]*[.!?]\s+[A-Z"'`])/;

/**
 * Results news compares a quarter with the same quarter a year before: once a quarter has been named,
 * "a year ago", "a year earlier", "the year-ago period", "last year's quarter" mean that quarter of the
 * previous year (1989-Q3 → 1988-Q3), as TimeML annotates them; "the quarter" and "the latest period" are
 * the quarter named last and "the 1988 period" that quarter of 1988. Without a named quarter they keep
 * their own reading, and one that names its quarter ("the year-ago third quarter") keeps its index. Only a
 * quarter that has begun by the anchor and is read in the past becomes the reference: results are reported
 * for those, while "will continue into the fourth quarter" or "the third quarter of 1990" are outlooks. In
 * a sentence about nine months or a year ("compared with 40% a year earlier"), a year ago stays a year and
 * "the 1988 period" is 1988.
 */
export function withQuarterReference(mentions: readonly Mention[], anchor: string, text: string): Mention[] {
  let quarter: { year: number; index: number } | undefined;
  return mentions.map((mention) => {
    const yearAgo = YEAR_AGO.test(mention.text);
    const named = QUARTER.exec(mention.resolution.timex);
    const yearPeriod = YEAR_PERIOD.exec(mention.text);
    const reported = mention.resolution.start <= anchor && mention.resolution.direction === 'past';
    if (named && reported && !yearAgo && !yearPeriod && !THE_QUARTER.test(mention.text))
      quarter = { year: Number(named[1]), index: Number(named[2]) };
    if (!quarter) return mention;
    const onQuarter = (year: number, index: number): Mention => ({
      ...mention,
      resolution: { ...partResolution(year, 'Q', index), direction: 'past' },
    });
    if (THE_QUARTER.test(mention.text)) return onQuarter(quarter.year, quarter.index);
    const longer = LONGER_THAN_QUARTER.test(sentenceBefore(text, mention.start));
    if (yearPeriod && longer)
      return { ...mention, resolution: { ...yearResolution(Number(yearPeriod[1])), direction: 'past' } };
    if (yearPeriod) return onQuarter(Number(yearPeriod[1]), quarter.index);
    if (!yearAgo || longer) return mention;
    const ownIndex = ORDINAL_WORD.test(mention.text) && named ? Number(named[2]) : quarter.index;
    return onQuarter(quarter.year - 1, ownIndex);
  });
}

/** The sentence a mention sits in, up to the mention. */
function sentenceBefore(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - 300), start);
  const found = SENTENCE_START.exec(before);
  return found ? before.slice(found.index + 1) : before;
}
