import { formatDate, fromDayNumber, toDayNumber } from '../calendar';
import { alternation, anchored, lookup, matchGroups } from '../lexicon/lexicon';
import { ARABIC_CENTURIES, ARABIC_DECADES, ENGLISH_DECADES } from '../lexicon/periods.lexicon';
import type { Resolution } from '../temporal.types';
import type { Rule } from './rule';

const DECADE_DIGITS = anchored(`(?:the )?(?<decade>1[0-9]{2}0|20[0-9]0)s`);
// "ستينيات القرن الماضي": without the article when a century follows.
const ARABIC_DECADE = `(?:ال)?(?<ar>${alternation([...ARABIC_DECADES.keys()].map((word) => word.replace(/^ال/, '')))})`;
const DECADE_WORD = anchored(
  `(?:(?:the )?(?<en>${alternation(ENGLISH_DECADES.keys())})|${ARABIC_DECADE}` +
    `(?: (?:من )?(?<arCentury>القرن (?:الماضي|العشرين|20|ال 20)))?)`,
);
const CENTURY = anchored(
  `(?:(?:the )?(?<n>1[0-9]|2[0-2])(?:st|nd|rd|th) century|(?:the )?(?<en>twentieth|twenty first|nineteenth) century` +
    `|القرن (?:(?:ال )?(?<arN>1[0-9]|2[0-2])|(?<ar>${alternation(ARABIC_CENTURIES.keys())})|(?<rel>الماضي|الحالي|الجاري)))`,
);
const ENGLISH_CENTURIES: Readonly<Record<string, number>> = { nineteenth: 19, twentieth: 20, 'twenty first': 21 };

/** "the 1990s", "التسعينيات", "the nineties" → TIMEX3 199; "the 20th century", "القرن العشرين" → 19. */
export const decadeRule: Rule = (text, { anchor }) => {
  const digits = matchGroups(DECADE_DIGITS, text)?.decade;
  if (digits !== undefined) return span(Number(digits), 10, digits.slice(0, 3));
  const word = matchGroups([DECADE_WORD], text);
  if (word?.en !== undefined || word?.ar !== undefined) {
    const tens = word.en !== undefined ? lookup(ENGLISH_DECADES, word.en) : lookup(ARABIC_DECADES, `ال${word.ar ?? ''}`);
    return span(1900 + tens * 10, 10, `19${tens}`);
  }
  const century = matchGroups(CENTURY, text);
  if (!century) return undefined;
  const current = Math.floor((fromDayNumber(anchor).year - 1) / 100) + 1;
  const ordinal =
    century.n !== undefined || century.arN !== undefined
      ? Number(century.n ?? century.arN)
      : century.en !== undefined
        ? ENGLISH_CENTURIES[century.en]
        : century.ar !== undefined
          ? lookup(ARABIC_CENTURIES, century.ar)
          : current + (century.rel === 'الماضي' ? -1 : 0);
  if (ordinal === undefined) return undefined;
  // TimeML names a century by its first two digits: the 20th century (1901–2000 strictly) is "19", 1900–1999.
  return span((ordinal - 1) * 100, 100, String(ordinal - 1).padStart(2, '0'));
};

function span(firstYear: number, years: number, timex: string): Resolution {
  return {
    start: formatDate(toDayNumber(firstYear, 1, 1)),
    end: formatDate(toDayNumber(firstYear + years - 1, 12, 31)),
    precision: 'year',
    timex,
  };
}
