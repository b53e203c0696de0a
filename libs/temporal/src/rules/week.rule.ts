import { weekResolution } from '../resolution';
import { relativeWeek } from './relative-unit';
import type { Rule } from './rule';

/** "الأسبوع الماضي", "this week": ISO weeks, Monday first, numbered in their ISO week-year. */
export const weekRule: Rule = (text, { anchor }) => {
  const step = relativeWeek(text);
  return step === undefined ? undefined : weekResolution(anchor + 7 * step);
};
