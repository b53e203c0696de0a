import { normalize } from '../normalize';
import { spokenYearsAsDigits } from './spoken-years';

/**
 * Spellings rewritten to the one the rules read, on whole words of a normalised reading: colloquial
 * Arabic (بكرة، امبارح), "التالي" for "المقبل", "fortnight", "yr", "year-end" for "the end of the year". Rules stay one per family.
 */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['بكرة', 'غدا'],
  ['بكرا', 'غدا'],
  ['بكره', 'غدا'],
  ['امبارح', 'أمس'],
  ['مبارح', 'أمس'],
  ['إمبارح', 'أمس'],
  ['التالي', 'المقبل'],
  ['التالية', 'المقبلة'],
  ['الآتي', 'المقبل'],
  ['الآتية', 'المقبلة'],
  ['في وقت سابق من اليوم', 'اليوم'],
  ['في وقت سابق اليوم', 'اليوم'],
  ['في وقت لاحق من اليوم', 'اليوم'],
  ['في وقت لاحق اليوم', 'اليوم'],
  ['earlier today', 'today'],
  ['later today', 'today'],
  ['a fortnight', '2 weeks'],
  ['fortnight', '2 weeks'],
  ['fortnights', '2 weeks'],
  ['yr', 'year'],
  ['year-end', 'the end of the year'],
  ["year's end", 'the end of the year'],
  ['yrs', 'years'],
  ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'].map(
    (day): readonly [string, string] => [`past ${day}`, `last ${day}`],
  ),
  ...['week', 'month', 'year', 'quarter'].flatMap((unit): Array<readonly [string, string]> => [
    [`following ${unit}`, `next ${unit}`],
    [`upcoming ${unit}`, `next ${unit}`],
  ]),
];

export const SYNONYMS: ReadonlyMap<string, string> = new Map(
  PAIRS.map(([from, to]) => [normalize(from), normalize(to)]),
);

const PATTERN = new RegExp(
  `(?<=^| )(?:${[...SYNONYMS.keys()].sort((a, b) => b.length - a.length).join('|')})(?= |$)`,
  'g',
);

export function rewriteSynonyms(reading: string): string {
  return spokenYearsAsDigits(reading.replace(PATTERN, (word) => SYNONYMS.get(word) ?? word));
}
