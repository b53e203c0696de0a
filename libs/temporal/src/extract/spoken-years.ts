const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const HUNDREDS: Readonly<Record<string, number>> = { eighteen: 1800, nineteen: 1900, twenty: 2000 };

const either = (words: readonly string[]): string => words.join('|');
const CENTURY_FORM = new RegExp(
  `\\b(eighteen|nineteen|twenty) (?:(${either(TENS)})(?: (${either(UNITS)}))?|(${either(TEENS)})|oh (${either(UNITS)}))\\b`,
  'g',
);
const THOUSAND_FORM = new RegExp(`\\btwo thousand(?: and)?(?: (${either([...UNITS, ...TEENS])}))?\\b`, 'g');

/**
 * Years read out in broadcast transcripts ("nineteen ninety-six", "the year two thousand", "two thousand and
 * three") become digits, so every rule that reads a year reads them too ("January nineteen ninety-seven").
 */
export function spokenYearsAsDigits(reading: string): string {
  return reading
    .replace(CENTURY_FORM, (_, century: string, tens?: string, unit?: string, teen?: string, oh?: string) => {
      const rest =
        teen !== undefined
          ? TEENS.indexOf(teen) + 10
          : oh !== undefined
            ? UNITS.indexOf(oh) + 1
            : (TENS.indexOf(tens ?? '') + 2) * 10 + (unit === undefined ? 0 : UNITS.indexOf(unit) + 1);
      return String((HUNDREDS[century] ?? 0) + rest);
    })
    .replace(THOUSAND_FORM, (_, small?: string) =>
      String(2000 + (small === undefined ? 0 : [...UNITS, ...TEENS].indexOf(small) + 1)),
    );
}
