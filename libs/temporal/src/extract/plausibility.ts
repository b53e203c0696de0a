import { fromDayNumber } from '../calendar';
import { normalize } from '../normalize';
import type { Resolution } from '../temporal.types';
import type { Token } from './tokens';
import { isPartOfName } from './names';
import { isConnector, isKnownWord } from './vocabulary';

/** A bare number is read as a year only within these bounds around the anchor's year. */
const YEARS_BEFORE = 200;
const YEARS_AFTER = 10;

const words = (list: readonly string[]): ReadonlySet<string> => new Set(list.map(normalize));

/** Words that make the number before them a count, not a year ("1500 people", "2000 جندي"). */
const COUNTED = words([
  ...['people', 'persons', 'troops', 'soldiers', 'dollars', 'euros', 'pounds', 'delegates', 'workers', 'members'],
  ...['tons', 'tonnes', 'barrels', 'km', 'miles', 'shares', 'jobs', 'cases', 'deaths', 'votes', 'units'],
  ...['million', 'billion', 'thousand', 'percent', 'شخص', 'شخصا', 'جندي', 'جنديا', 'دولار', 'دولارا', 'يورو'],
  ...[
    'قتيل',
    'قتيلا',
    'مندوب',
    'عامل',
    'طن',
    'كيلومتر',
    'برميل',
    'صوت',
    'حالة',
    'وظيفة',
    'عضو',
    'مليون',
    'مليار',
    'ألف',
  ],
]);

/**
 * Month names that are also common words: "مارس" (he practised), "ماي" (Theresa May), "آب" (folded, it is
 * "أب", a father). Alone they are months only after a preposition, "شهر" or a number ("في مارس", "منذ آب").
 */
const OTHER_SENSES = words(['مارس', 'ماي', 'آب']);
const MONTH_OPENERS = words([
  'في',
  'شهر',
  'منذ',
  'من',
  'حتى',
  'خلال',
  'إلى',
  'بعد',
  'قبل',
  'مطلع',
  'منتصف',
  'أواخر',
  'أوائل',
  'نهاية',
  'بداية',
]);

/** "اليوم الوطني", "اليوم التالي": "the day" of something, not today. */
const DAY_OF = words([
  'الوطني',
  'العالمي',
  'الدولي',
  'التالي',
  'السابق',
  'الأول',
  'الثاني',
  'الأخير',
  'نفسه',
  'ذاته',
  'ذلك',
  'الذي',
  'التي',
]);

/** Seasons that name events: "the Arab Spring", "Prague Spring", "الربيع العربي". */
const SEASON_WORDS = words(['spring', 'summer', 'fall', 'autumn', 'winter', 'الربيع', 'الصيف', 'الخريف', 'الشتاء']);
const NAMED_AFTER = words(['العربي', 'الديمقراطي', 'الساخن']);

/**
 * "current account", "current assets": accounting terms, not the present; "the then current price" is not
 * today's. "current" is a mention alone, without "the".
 */
const CURRENT_TERMS = words(['account', 'accounts', 'assets', 'liabilities', 'prices', 'dollars', 'events', 'affairs']);

/** "today's world", "today's youth": the present age, not the day of writing. */
const ERA_NOUNS = words(['world', 'youth', 'generation', 'generations', 'society', 'children', 'young']);
/** "the past century", "the past decade": a unit after "past" makes it a span, not the vague past. */
const UNIT_NOUNS = words(['century', 'decade', 'millennium']);

/** "the year before", "the year of the dragon": a year of something else, not the anchor's. */
const YEAR_OF = words([
  'before',
  'after',
  'of',
  'in',
  'when',
  'that',
  'which',
  'prior',
  'following',
  'earlier',
  'later',
]);

interface Window {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly anchor: number;
}

/**
 * Whether a resolved window is a date in this text: not part of a name ("March for Life", ABC's "This Week"),
 * not an idiom ("as soon as possible", "Now, he says"), not
 * a word in its other sense ("مارس الضغط", "اليوم الوطني"), and, for a number alone, a plausible year (within
 * 200 years before and 10 after the anchor's, not counting something: "1500 people", "$2000").
 */
export function isPlausible(window: Window, first: number, last: number, reading: Resolution): boolean {
  const { tokens } = window;
  if (isRepeatedCompound(window, first, last) || isPartOfName(window, first, last)) return false;
  if (isStretchOf(window, first, last)) return false;
  const content = tokens.slice(first, last + 1).filter((token) => !isConnector(token.word));
  if (content.length !== 1 || !content[0]) return true;
  const token = content[0];
  if (isIdiom(window, first, last)) return false;
  if (OTHER_SENSES.has(token.word) && first === last && !opensMonth(tokens[first - 1])) return false;
  if (token.word === 'اليوم' && DAY_OF.has(tokens[last + 1]?.word ?? '')) return false;
  if (token.word === 'today' && isEra(window, last)) return false;
  if (token.word === 'past' && UNIT_NOUNS.has(tokens[last + 1]?.word ?? '')) return false;
  if (token.word === 'year' && YEAR_OF.has(tokens[last + 1]?.word ?? '') && followsInClause(window, last)) return false;
  if (
    token.word === 'current' &&
    (first !== last || tokens[first - 1]?.word === 'then' || CURRENT_TERMS.has(tokens[last + 1]?.word ?? ''))
  )
    return false;
  if (SEASON_WORDS.has(token.word) && isNamedSeason(window, first, last)) return false;
  if (!/^\d{4}$/.test(reading.timex) || !/^\d{4}$/.test(token.word)) return true;
  return isYear(window, token, tokens[last + 1]) && !endsName(window, first);
}

/** "quarter-to-quarter", "day-to-day", "year-over-year": a comparison, not a date. */
function isRepeatedCompound({ text, tokens }: Window, first: number, last: number): boolean {
  const [head, tail] = [tokens[first], tokens[last]];
  if (!head || !tail) return false;
  // Most windows touch no hyphen: look no further (this runs for every window that reads).
  const after = text[tail.end] === '-' && /^-(?:to|over|on)-([A-Za-z]+)/.exec(text.slice(tail.end, tail.end + 20))?.[1];
  const before =
    text[head.start - 1] === '-' &&
    /([A-Za-z]+)-(?:to|over|on)-$/.exec(text.slice(Math.max(0, head.start - 20), head.start))?.[1];
  return (after && after.toLowerCase() === tail.word) || (before && before.toLowerCase() === head.word) || false;
}

/** Whether the next word follows in the same clause: "the year. In 1988 …" is not "the year in". */
function followsInClause({ text, tokens }: Window, last: number): boolean {
  const [token, next] = [tokens[last], tokens[last + 1]];
  return token !== undefined && next !== undefined && /^\s*$/.test(text.slice(token.end, next.start));
}

/** "today's world": the possessive "today's" (tokens "today", "s") before a noun of the age. */
function isEra({ text, tokens }: Window, last: number): boolean {
  const [token, s, noun] = [tokens[last], tokens[last + 1], tokens[last + 2]];
  if (!token || !s || !noun || s.word !== 's') return false;
  return /^['’]$/.test(text.slice(token.end, s.start)) && ERA_NOUNS.has(noun.word);
}

/**
 * "a venture called Orion 1980", "Windows 95": a number right after a capitalised name inside a sentence is
 * part of the name. Temporal words ("March 1980", "Easter 2024") and sentence openers ("In 1980") are not names.
 */
function endsName({ text, tokens }: Window, first: number): boolean {
  const [name, year] = [tokens[first - 1], tokens[first]];
  if (!name || !year || text.slice(name.end, year.start) !== ' ') return false;
  if (!/^\p{Lu}\p{Ll}+$/u.test(name.raw) || isKnownWord(name.word)) return false;
  return !/(?:^|[.!?:\n]|--)\s*["“'`(]*\s*$/.test(text.slice(Math.max(0, name.start - 4), name.start));
}

/** "after weeks of sparring": a stretch of time, not a date (nor "after weeks" ahead of the writer). */
function isStretchOf({ tokens }: Window, first: number, last: number): boolean {
  const words = tokens.slice(first, last + 1).map((token) => token.word);
  return (
    words.length === 2 &&
    words[0] === 'after' &&
    ['days', 'weeks', 'months', 'years'].includes(words[1] ?? '') &&
    tokens[last + 1]?.word === 'of'
  );
}

function opensMonth(previous: Token | undefined): boolean {
  return previous !== undefined && (MONTH_OPENERS.has(previous.word) || /^\d/.test(previous.word));
}

function isNamedSeason({ text, tokens }: Window, first: number, last: number): boolean {
  const previous = tokens[first - 1];
  const capitalisedBefore =
    previous !== undefined &&
    /^\p{Lu}/u.test(previous.raw) &&
    /^\s+$/.test(text.slice(previous.end, tokens[first]?.start));
  return capitalisedBefore || NAMED_AFTER.has(tokens[last + 1]?.word ?? '');
}

/** Irregular past forms that follow "soon" in narrative ("soon became", "soon left"). */
const IRREGULAR_PAST = words(['became', 'began', 'went', 'left', 'came', 'fell', 'rose', 'took', 'found', 'made']);

/**
 * "as soon as possible", "soon after": "soon" joins a clause; in past narrative ("was soon released", "soon
 * became") it means shortly after, not the future. "Now, he says …", "Currently, …" are discourse markers,
 * and "most recently" leans on the date that follows it.
 */
function isIdiom({ text, tokens }: Window, first: number, last: number): boolean {
  const token = tokens[first];
  if (first !== last || !token) return false;
  const before = tokens[first - 1]?.word ?? '';
  if (token.word === 'recently' && before === 'most') return true;
  if (token.word === 'now' || token.word === 'currently') return /^\p{Lu}/u.test(token.raw) && text[token.end] === ',';
  if (token.word !== 'soon') return false;
  const after = tokens[last + 1]?.word ?? '';
  if (before === 'as' || after === 'as' || after === 'after') return true;
  return ['was', 'were', 'had'].includes(before) || IRREGULAR_PAST.has(after) || /^[a-z]{3,}ed$/.test(after);
}

function isYear({ text, anchor }: Window, token: Token, next: Token | undefined): boolean {
  const year = Number(token.word);
  const anchorYear = fromDayNumber(anchor).year;
  if (year < anchorYear - YEARS_BEFORE || year > anchorYear + YEARS_AFTER) return false;
  if (/[$€£]\s*$/.test(text.slice(Math.max(0, token.start - 2), token.start))) return false;
  return !COUNTED.has(next?.word ?? '');
}
