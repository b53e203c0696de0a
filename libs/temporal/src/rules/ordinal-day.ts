import { anchored, alternation, matchGroups } from '../lexicon/lexicon';
import { ARABIC_TEEN, ORDINALS, ORDINAL_TENS } from '../lexicon/periods.lexicon';

const UNIT = `(?<unit>${alternation([...ORDINALS.keys()].filter((w) => (ORDINALS.get(w) ?? 0) > 0))})`;
const DAY_WORDS = [
  anchored(`(?:the )?(?:(?<tens>twenty|thirty) )?${UNIT}`),
  anchored(`${UNIT}(?: (?<teen>${alternation(ARABIC_TEEN)})| (?<artens>${alternation(ORDINAL_TENS.keys())}))?`),
  anchored(`(?:the )?(?<digits>\\d{1,2})(?:st|nd|rd|th)`),
  anchored(`(?:ال )?(?<digits>\\d{1,2})`),
];

/**
 * A day of the month written as an ordinal: "fifteenth", "the 15th", "twenty-first", "الخامس عشر",
 * "الحادي والعشرين", "غرة" (the first). Undefined when the words are not a day number 1–31.
 */
export function ordinalDay(text: string): number | undefined {
  const groups = matchGroups(DAY_WORDS, text);
  if (!groups) return undefined;
  let day: number;
  if (groups.digits !== undefined) day = Number(groups.digits);
  else {
    const unit = ORDINALS.get(groups.unit ?? '') ?? 0;
    const tens = groups.tens === 'twenty' ? 20 : groups.tens === 'thirty' ? 30 : 0;
    const arabicTens = groups.artens === undefined ? 0 : (ORDINAL_TENS.get(groups.artens) ?? 0);
    // "الحادي" only counts in compounds (الحادي عشر، الحادي والعشرين).
    if (groups.unit === 'الحادي' && groups.teen === undefined && groups.artens === undefined) return undefined;
    day = unit + tens + arabicTens + (groups.teen === undefined ? 0 : 10);
    if (unit >= 10 && (tens > 0 || arabicTens > 0 || groups.teen !== undefined)) return undefined;
  }
  return day >= 1 && day <= 31 ? day : undefined;
}
