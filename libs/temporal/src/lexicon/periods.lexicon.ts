import { lexicon } from './lexicon';

/** Ordinal words, both genders in Arabic; "last"/"الأخير" is -1. */
export const ORDINALS = lexicon<number>([
  [1, ['first', '1st', 'الأول', 'الاول', 'الأولى', 'أول', 'اول', 'الحادي', 'غرة']],
  [2, ['second', '2nd', 'الثاني', 'الثانية', 'ثاني']],
  [3, ['third', '3rd', 'الثالث', 'الثالثة', 'ثالث']],
  [4, ['fourth', '4th', 'الرابع', 'الرابعة', 'رابع']],
  [5, ['fifth', '5th', 'الخامس', 'الخامسة']],
  [6, ['sixth', 'السادس', 'السادسة']],
  [7, ['seventh', 'السابع', 'السابعة']],
  [8, ['eighth', 'الثامن', 'الثامنة']],
  [9, ['ninth', 'التاسع', 'التاسعة']],
  [10, ['tenth', 'العاشر', 'العاشرة']],
  [11, ['eleventh']],
  [12, ['twelfth']],
  [13, ['thirteenth']],
  [14, ['fourteenth']],
  [15, ['fifteenth']],
  [16, ['sixteenth']],
  [17, ['seventeenth']],
  [18, ['eighteenth']],
  [19, ['nineteenth']],
  [20, ['twentieth', 'العشرون', 'العشرين']],
  [30, ['thirtieth', 'الثلاثون', 'الثلاثين']],
  [-1, ['last', 'final', 'الأخير', 'الأخيرة', 'آخر']],
]);

/** "twenty-first" / "الحادي والعشرون": the tens of a compound ordinal day. */
export const ORDINAL_TENS = lexicon<number>([
  [20, ['twenty', 'والعشرين', 'والعشرون']],
  [30, ['thirty', 'والثلاثين', 'والثلاثون']],
]);

/** "الخامس عشر": Arabic teens are the unit ordinal followed by عشر/عشرة. */
export const ARABIC_TEEN = ['عشر', 'عشرة'];

/** Quarters, halves, seasons: their TIMEX3 tokens (TimeML: Q1–Q4, H1–H2, SP/SU/FA/WI). */
export const PART_UNITS = lexicon<'Q' | 'H'>([
  ['Q', ['quarter', 'الربع']],
  ['H', ['half', 'النصف']],
]);

/** Seasons by their first month in the northern hemisphere; winter belongs to the year it starts in. */
export const SEASONS = lexicon<'SP' | 'SU' | 'FA' | 'WI'>([
  ['SP', ['spring', 'الربيع']],
  ['SU', ['summer', 'الصيف']],
  ['FA', ['fall', 'autumn', 'الخريف']],
  ['WI', ['winter', 'الشتاء']],
]);

export const SEASON_MONTHS: Readonly<Record<'SP' | 'SU' | 'FA' | 'WI', readonly [number, number]>> = {
  SP: [3, 5],
  SU: [6, 8],
  FA: [9, 11],
  WI: [12, 14],
};

/** Arabic decade words: "التسعينيات" (of the 20th century unless a century follows). */
export const ARABIC_DECADES = lexicon<number>([
  [2, ['العشرينيات', 'العشرينات']],
  [3, ['الثلاثينيات', 'الثلاثينات']],
  [4, ['الأربعينيات', 'الأربعينات']],
  [5, ['الخمسينيات', 'الخمسينات']],
  [6, ['الستينيات', 'الستينات']],
  [7, ['السبعينيات', 'السبعينات']],
  [8, ['الثمانينيات', 'الثمانينات']],
  [9, ['التسعينيات', 'التسعينات']],
]);

export const ENGLISH_DECADES = lexicon<number>([
  [2, ['twenties']],
  [3, ['thirties']],
  [4, ['forties']],
  [5, ['fifties']],
  [6, ['sixties']],
  [7, ['seventies']],
  [8, ['eighties']],
  [9, ['nineties']],
]);

/** Arabic century ordinals ("القرن العشرين" = the 20th century). */
export const ARABIC_CENTURIES = lexicon<number>([
  [19, ['التاسع عشر']],
  [20, ['العشرين', 'العشرون']],
  [21, ['الحادي والعشرين', 'الحادي والعشرون', 'الواحد والعشرين', 'الواحد والعشرون']],
]);

/** The present, stated: TIMEX3 PRESENT_REF. */
export const PRESENT_WORDS = lexicon<true>([
  [
    true,
    [
      'now',
      'right now',
      'currently',
      'at present',
      'presently',
      'nowadays',
      'these days',
      'at the moment',
      'حاليا',
      'الآن',
      'الان',
      'حالياً',
      'في الوقت الحالي',
      'في الوقت الراهن',
      'الوقت الراهن',
      'الوقت الحالي',
      'هذه الأيام',
      'في هذه الأثناء',
    ],
  ],
]);
