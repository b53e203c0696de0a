import type { Direction } from '../temporal.types';
import { alternation, lexicon } from './lexicon';
import type { Unit } from './numbers.lexicon';

export type Modifier = 'last' | 'this' | 'next';

/** Arabic modifiers follow the noun and agree with it; the duals serve "يومي الخميس والجمعة الماضيين". */
export const ARABIC_MODIFIERS = lexicon<Modifier>([
  [
    'last',
    ['الماضي', 'الماضية', 'المنصرم', 'المنصرمة', 'الفائت', 'الفائتة', 'السابق', 'السابقة', 'الماضيين', 'الفائتين'],
  ],
  ['this', ['الجاري', 'الجارية', 'الحالي', 'الحالية']],
  ['next', ['المقبل', 'المقبلة', 'القادم', 'القادمة', 'المقبلين', 'القادمين']],
]);

/** English modifiers precede the noun. "past" is left out: "the past week" means the last seven days. */
export const ENGLISH_MODIFIERS = lexicon<Modifier>([
  ['last', ['last', 'previous']],
  ['this', ['this', 'current']],
  ['next', ['next', 'coming', 'this coming']],
]);

export const ARABIC_MODIFIER = alternation(ARABIC_MODIFIERS.keys());
export const ENGLISH_MODIFIER = alternation(ENGLISH_MODIFIERS.keys());
export const DEMONSTRATIVE = alternation(['هذا', 'هذه']);

/** Two steps away: "العام قبل الماضي" (the year before last), "الأسبوع بعد المقبل". */
export const ARABIC_FAR_MODIFIERS = lexicon<number>([
  [-2, ['قبل الماضي', 'قبل الماضية']],
  [2, ['بعد المقبل', 'بعد المقبلة', 'بعد القادم', 'بعد القادمة']],
]);

export const ENGLISH_FAR_MODIFIERS = lexicon<number>([
  [-2, ['before last']],
  [2, ['after next']],
]);

/** Offsets in days from the anchor. */
export const DAY_OFFSETS = lexicon<number>([
  [
    0,
    [
      'اليوم',
      'هذا اليوم',
      'الليلة',
      'هذه الليلة',
      'today',
      'tonight',
      'this morning',
      'this afternoon',
      'this evening',
    ],
  ],
  [-1, ['أمس', 'الأمس', 'البارحة', 'yesterday', 'last night']],
  [-2, ['أول أمس', 'أول من أمس', 'أمس الأول', 'the day before yesterday', 'day before yesterday']],
  [1, ['غدا', 'غد', 'الغد', 'tomorrow']],
  [2, ['بعد غد', 'بعد الغد', 'the day after tomorrow', 'day after tomorrow']],
]);

export type PeriodPart = 'early' | 'mid' | 'late';

export const PERIOD_PARTS = lexicon<PeriodPart>([
  ['early', ['أوائل', 'مطلع', 'بداية', 'بدايات', 'مستهل', 'early', 'early in', 'beginning of', 'start of']],
  ['mid', ['منتصف', 'أواسط', 'mid', 'middle of']],
  ['late', ['أواخر', 'نهاية', 'آخر', 'late', 'late in', 'end of']],
]);

/** Plural nouns of vague spans: "في السنوات الأخيرة", "in recent years". */
export const VAGUE_UNITS = lexicon<Unit>([
  ['day', ['الأيام', 'days']],
  ['week', ['الأسابيع', 'weeks']],
  ['month', ['الأشهر', 'الشهور', 'months', 'quarters']],
  ['year', ['السنوات', 'الأعوام', 'السنين', 'years']],
]);

export const ARABIC_VAGUE_SIDES = lexicon<Direction>([
  ['past', ['الأخيرة', 'الماضية', 'المنصرمة', 'الفائتة', 'القليلة الماضية', 'القليلة الأخيرة', 'القليلة الفائتة']],
  ['future', ['المقبلة', 'القادمة', 'القليلة المقبلة', 'القليلة القادمة']],
]);

export const ENGLISH_VAGUE_SIDES = lexicon<Direction>([
  ['past', ['recent', 'past', 'last', 'past few', 'last few', 'past several', 'last several', 'previous']],
  ['future', ['coming', 'upcoming', 'next few', 'next several', 'coming few', 'future']],
]);

/**
 * Words that stand for a vague span on their own; they resolve like "recent/coming months". "the near term",
 * "a later date": business news's future ("near-term", "short-term" without "the" are adjectives).
 */
export const VAGUE_WORDS = lexicon<Direction>([
  ['past', ['مؤخرا', 'الآونة الأخيرة', 'الفترة الأخيرة', 'الفترة الماضية', 'recently', 'lately', 'of late']],
  [
    'future',
    [
      ...['قريبا', 'القريب العاجل', 'المستقبل القريب', 'الفترة المقبلة', 'الفترة القادمة', 'soon', 'near future'],
      ...['the near term', 'the short term', 'a later date'],
    ],
  ],
]);

/**
 * Words that introduce an expression without changing it: prepositions, particles, "يوم" before a weekday
 * or date, times of day ("صباح أمس" is still yesterday).
 */
export const LEADING_FILLERS = lexicon<true>([
  [true, ['في', 'منذ', 'خلال', 'مع', 'و', 'يوم', 'صباح', 'مساء', 'ظهر', 'عصر', 'فجر', 'ليلة', 'ليل', 'ظهيرة']],
  [true, ['on', 'in', 'at', 'since', 'during', 'and', 'the']],
]);

export const TRAILING_FILLERS = lexicon<true>([[true, ['morning', 'afternoon', 'evening', 'night']]]);

/** Arabic conjunction and preposition written joined to the next word: "بالأمس", "والخميس". */
export const CLITICS = ['و', 'ب'];
