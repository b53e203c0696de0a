import { normalize } from '../normalize';
import {
  FIXED_HOLIDAYS,
  EASTER_HOLIDAYS,
  HIJRI_ERA,
  HIJRI_MONTHS,
  ISLAMIC_HOLIDAYS,
} from '../lexicon/holidays.lexicon';
import { NTH_WEEKDAY_HOLIDAYS } from '../lexicon/holidays.lexicon';
import { MONTHS } from '../lexicon/months.lexicon';
import { DUAL_UNITS, NUMBER_WORDS, PLURAL_UNITS, SINGULAR_UNITS } from '../lexicon/numbers.lexicon';
import * as periods from '../lexicon/periods.lexicon';
import * as relative from '../lexicon/relative.lexicon';
import { WEEKDAYS } from '../lexicon/weekdays.lexicon';
import { SYNONYMS } from './synonyms';

/** Words that only join the words of an expression: never enough on their own to start a search. */
const CONNECTORS = [
  'the',
  'a',
  'an',
  'of',
  'in',
  'on',
  'at',
  'and',
  'to',
  'from',
  'between',
  'through',
  'thru',
  'until',
  'till',
  'for',
  'since',
  'during',
  'by',
  'over',
  'within',
  'fiscal',
  'time',
  'من',
  'في',
  'و',
  'الي',
  'حتي',
  'بين',
  'لغايه',
  'خلال',
  'منذ',
  'مع',
  'يوم',
  'يومي',
  'شهر',
  'عام',
  'سنه',
  'ال',
  'الموافق',
  'وقت',
  'غضون',
  'هذا',
  'هذه',
  'ليله',
  'صباح',
  'مساء',
  'ظهر',
  'عصر',
  'فجر',
  'ليل',
  'ظهيره',
  's',
  'one',
  'two',
  'or',
];

/** Further words that rules read ("ago", "قبل", era marks, quarter letters). */
const WORDS = [
  'ago',
  'earlier',
  'later',
  'hence',
  'now',
  'from',
  'before',
  'after',
  'last',
  'next',
  'past',
  'present',
  'future',
  'recent',
  'current',
  'latest',
  'most',
  'year',
  'years',
  'q',
  'h',
  'century',
  'centuries',
  'decade',
  'mid',
  'middle',
  'beginning',
  'start',
  'end',
  'week',
  'weekend',
  'month',
  'day',
  'this',
  'that',
  'same',
  'قبل',
  'بعد',
  'سابق',
  'لاحق',
  'القرن',
  'قرن',
  'عقد',
  'العقد',
  'ميلادي',
  'ميلاديه',
  'م',
  'ad',
  'ce',
  'الان',
  'ساعه',
  'غدا',
  'الاسبوع',
  'الشهر',
  'العام',
  'السنه',
  'ربع',
  'نصف',
  'period',
  'comparable',
  'corresponding',
  'quarters',
  'full',
];

type AnyLexicon = ReadonlyMap<string, unknown>;

function wordsOf(lexicons: readonly AnyLexicon[]): string[] {
  return lexicons.flatMap((entries) => [...entries.keys()].flatMap((key) => key.split(' ')));
}

const lexiconsIn = (module: Record<string, unknown>): AnyLexicon[] =>
  Object.values(module).filter((value): value is AnyLexicon => value instanceof Map);
const periodLexicons = lexiconsIn(periods);
const relativeLexicons = lexiconsIn(relative);

// Dashes and slashes are tokens of their own, kept as '-' by the tokenizer.
const connectors = new Set([...CONNECTORS.map(normalize), '-']);
const vocabulary = new Set<string>([
  ...connectors,
  ...[...WORDS, ...HIJRI_ERA, ...periods.ARABIC_TEEN].map(normalize),
  ...wordsOf([MONTHS, WEEKDAYS, NUMBER_WORDS, SINGULAR_UNITS, DUAL_UNITS, PLURAL_UNITS, HIJRI_MONTHS]),
  ...wordsOf([FIXED_HOLIDAYS, EASTER_HOLIDAYS, ISLAMIC_HOLIDAYS, NTH_WEEKDAY_HOLIDAYS]),
  ...wordsOf([...periodLexicons, ...relativeLexicons]),
  ...[...SYNONYMS.keys()].flatMap((key) => key.split(' ')),
  ...['بضعه', 'بضع', 'عده', 'few', 'several', 'some', 'couple', 'thousand', 'oh', 'hundred'],
  ...['eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'],
  ...['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'],
  ...wordsOf([DUAL_UNITS, NUMBER_WORDS, PLURAL_UNITS])
    .filter((word) => /^[\u0600-\u06ff]/.test(word))
    .map((word) => `ال${word}`),
  ...wordsOf([periods.ARABIC_DECADES]).map((word) => word.replace(/^ال/, '')),
  ...['اثنين', 'ثلاثاء', 'اربعاء', 'خميس', 'جمعه', 'سبت', 'احد', 'اسبوع'],
]);

/** English month and weekday names must be capitalised: "may", "march", "sun" are words too. */
const CAPITALISED = new Set([...MONTHS.keys(), ...WEEKDAYS.keys()].filter((word) => /^[a-z]/.test(word)));

export function isKnownWord(word: string): boolean {
  return vocabulary.has(word);
}

/** Words that open or join an expression but never end one: a window ending on them is not tried. */
const NEVER_LAST = new Set(
  [
    ...['this', 'that', 'most', 'same', 'from', 'before', 'after', 'first', 'second', 'third', 'early', 'late'],
    ...['mid', 'middle', 'beginning', 'start', 'recent', 'latest', 'several', 'some', 'few', 'couple'],
    ...['قبل', 'بعد', 'مطلع', 'منتصف', 'اواخر', 'اوائل', 'نهايه', 'بدايه', 'وقت', 'هذا', 'هذه', 'بضعه', 'عده'],
  ].map(normalize),
);

export function mayEnd(word: string): boolean {
  return !connectors.has(word) && !NEVER_LAST.has(word);
}

export function isConnector(word: string): boolean {
  return connectors.has(word);
}

/** Abbreviated names ("Sun", "Jan", "Wed") are names and words too: they count only before a dot or a number. */
const ABBREVIATIONS = new Set(
  [...CAPITALISED].filter((word) => word.length <= 4 && !['may', 'june', 'july'].includes(word)),
);

/** Whether a token may belong to a date expression, given its spelling in the text and what follows it. */
export function mayBeTemporal(word: string, raw: string, following: string): boolean {
  if (/^\d/.test(word)) return true;
  if (!vocabulary.has(word)) return false;
  if (!CAPITALISED.has(word)) return true;
  if (!/^\p{Lu}/u.test(raw)) return false;
  return !ABBREVIATIONS.has(word) || /^(?:\.|,? ?\d)/.test(following);
}
