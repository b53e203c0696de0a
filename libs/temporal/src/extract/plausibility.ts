import { normalize } from '../normalize';
import { fromDayNumber } from '../calendar';
import type { Resolution } from '../temporal.types';
import type { Token } from './tokens';
import { isConnector } from './vocabulary';

/** A bare number is read as a year only within these bounds around the anchor's year. */
const YEARS_BEFORE = 200;
const YEARS_AFTER = 10;
/** Words that make the number before them a count, not a year ("1500 people", "2000 جندي"). */
const COUNTED = new Set(
  [
    'people',
    'persons',
    'troops',
    'soldiers',
    'dollars',
    'euros',
    'pounds',
    'delegates',
    'workers',
    'members',
    'tons',
    'tonnes',
    'barrels',
    'km',
    'miles',
    'shares',
    'jobs',
    'cases',
    'deaths',
    'votes',
    'units',
    'شخص',
    'شخصا',
    'جندي',
    'جنديا',
    'دولار',
    'دولارا',
    'يورو',
    'قتيل',
    'قتيلا',
    'مندوب',
    'عامل',
    'طن',
    'كيلومتر',
    'برميل',
    'صوت',
    'حاله',
    'وظيفه',
    'عضو',
    'مليون',
    'مليار',
    'الف',
    'million',
    'billion',
    'thousand',
    'percent',
  ].map(normalize),
);

interface Window {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly anchor: number;
}

/**
 * Numbers become years only when they look like one: a year alone must lie within 200 years before and 10
 * after the anchor's year, and not count something ("the 500 delegates", "1500 people", "$2000", "2882015").
 */
/**
 * "as soon as possible", "soon after": "soon" joins a clause there and dates nothing; "Now, he says …" opens
 * a sentence as a discourse marker.
 */
function isIdiom(text: string, tokens: readonly Token[], first: number, last: number): boolean {
  const token = tokens[first];
  if (first !== last || !token) return false;
  if (token.word === 'now') return token.raw === 'Now' && text[token.end] === ',';
  if (token.word !== 'soon') return false;
  return tokens[first - 1]?.word === 'as' || ['as', 'after'].includes(tokens[last + 1]?.word ?? '');
}

export function isPlausible(
  { text, tokens, anchor }: Window,
  first: number,
  last: number,
  reading: Resolution,
): boolean {
  if (isIdiom(text, tokens, first, last)) return false;
  if (!/^\d{4}$/.test(reading.timex)) return true;
  const words = tokens.slice(first, last + 1).filter((token) => !isConnector(token.word));
  const token = words[0];
  if (words.length !== 1 || !token || !/^\d{4}$/.test(token.word)) return true;
  const year = Number(token.word);
  const anchorYear = fromDayNumber(anchor).year;
  if (year < anchorYear - YEARS_BEFORE || year > anchorYear + YEARS_AFTER) return false;
  if (/[$€£]\s*$/.test(text.slice(Math.max(0, token.start - 2), token.start))) return false;
  return !COUNTED.has(tokens[last + 1]?.word ?? '');
}
