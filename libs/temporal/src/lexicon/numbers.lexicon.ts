import { alternation, lexicon } from './lexicon';

export type Unit = 'day' | 'week' | 'month' | 'year';

/** Arabic counts take either gender ("ثلاثة أيام", "ثلاث سنوات"); English "a"/"an" count one. */
export const NUMBER_WORDS = lexicon<number>([
  [1, ['واحد', 'واحدة', 'one', 'a', 'an', 'a single']],
  [2, ['اثنين', 'اثنان', 'اثنتين', 'اثنتان', 'two', 'a couple of', 'couple of']],
  [3, ['ثلاثة', 'ثلاث', 'three']],
  [4, ['أربعة', 'أربع', 'four']],
  [5, ['خمسة', 'خمس', 'five']],
  [6, ['ستة', 'ست', 'six']],
  [7, ['سبعة', 'سبع', 'seven']],
  [8, ['ثمانية', 'ثماني', 'ثمان', 'eight']],
  [9, ['تسعة', 'تسع', 'nine']],
  [10, ['عشرة', 'عشر', 'ten']],
  [11, ['eleven']],
  [12, ['twelve']],
]);

/** Singular, including the accusative Arabic uses after 11+ ("15 يوما"). */
export const SINGULAR_UNITS = lexicon<Unit>([
  ['day', ['يوم', 'يوما', 'day']],
  ['week', ['أسبوع', 'أسبوعا', 'week']],
  ['month', ['شهر', 'شهرا', 'month']],
  ['year', ['عام', 'عاما', 'سنة', 'year']],
]);

/** Arabic dual: the count is in the word ("قبل يومين" = two days ago). */
export const DUAL_UNITS = lexicon<Unit>([
  ['day', ['يومين', 'يومان']],
  ['week', ['أسبوعين', 'أسبوعان']],
  ['month', ['شهرين', 'شهران']],
  ['year', ['عامين', 'عامان', 'سنتين', 'سنتان']],
]);

export const PLURAL_UNITS = lexicon<Unit>([
  ['day', ['أيام', 'days']],
  ['week', ['أسابيع', 'weeks']],
  ['month', ['أشهر', 'شهور', 'months']],
  ['year', ['أعوام', 'سنوات', 'سنين', 'years']],
]);

/** "A few": the count is left open, so the result is vague. */
export const FEW = alternation(['بضعة', 'بضع', 'عدة', 'few', 'a few', 'several', 'some']);

export const NUMBER = `(?:\\d{1,3}|${alternation(NUMBER_WORDS.keys())})`;

export function parseCount(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : NUMBER_WORDS.get(text);
}
