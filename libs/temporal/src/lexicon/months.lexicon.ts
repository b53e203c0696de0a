import { alternation, lexicon } from './lexicon';

/** Transliterated (Egypt, Gulf), Levantine/Iraqi (Syriac), Maghrebi (French- and Moroccan-derived) and English. */
export const MONTHS = lexicon<number>([
  [1, ['يناير', 'كانون الثاني', 'كانون ثاني', 'جانفي', 'january', 'jan']],
  [2, ['فبراير', 'شباط', 'فيفري', 'february', 'feb']],
  [3, ['مارس', 'آذار', 'march', 'mar']],
  [4, ['أبريل', 'إبريل', 'نيسان', 'أفريل', 'april', 'apr']],
  [5, ['مايو', 'أيار', 'ماي', 'may']],
  [6, ['يونيو', 'يونيه', 'حزيران', 'جوان', 'june', 'jun']],
  [7, ['يوليو', 'يوليه', 'تموز', 'جويلية', 'يوليوز', 'july', 'jul']],
  [8, ['أغسطس', 'آب', 'أوت', 'غشت', 'august', 'aug']],
  [9, ['سبتمبر', 'أيلول', 'شتنبر', 'september', 'sept', 'sep']],
  [10, ['أكتوبر', 'تشرين الأول', 'تشرين أول', 'october', 'oct']],
  [11, ['نوفمبر', 'تشرين الثاني', 'تشرين ثاني', 'نونبر', 'november', 'nov']],
  [12, ['ديسمبر', 'كانون الأول', 'كانون أول', 'دجنبر', 'december', 'dec']],
]);

const MONTH = alternation(MONTHS.keys());

/**
 * A month name, or the paired form news uses for readers of two systems ("يونيو/حزيران"). A space also
 * pairs, because "يونيو (حزيران)" loses its brackets in normalisation. Captures `m1` and optional `m2`.
 */
export const MONTH_PAIR = `(?<m1>${MONTH})(?:[/ ](?<m2>${MONTH}))?`;
