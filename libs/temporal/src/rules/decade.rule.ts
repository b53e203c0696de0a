import { formatDate, fromDayNumber, toDayNumber } from '../calendar';
import { alternation, anchored, lookup, matchGroups } from '../lexicon/lexicon';
import { ARABIC_CENTURIES, ARABIC_DECADES, ENGLISH_DECADES } from '../lexicon/periods.lexicon';
import type { Resolution } from '../temporal.types';
import type { Rule } from './rule';
import { PERIOD_PARTS, type PeriodPart } from '../lexicon/relative.lexicon';

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
const RELATIVE_DECADE = anchored(
  `(?:(?:the )?(?<mod>last|past|previous|this|current|next|coming) decade|(?:ال)?عقد (?<armod>${alternation(['الماضي', 'الحالي', 'الجاري', 'المقبل', 'القادم'])}))`,
);
const DECADE_STEPS = new Map<string, number>([
  ['last', -1],
  ['past', -1],
  ['previous', -1],
  ['this', 0],
  ['current', 0],
  ['next', 1],
  ['coming', 1],
  ['الماضي', -1],
  ['الحالي', 0],
  ['الجاري', 0],
  ['المقبل', 1],
  ['القادم', 1],
]);
const PART_OF = anchored(`(?<part>${alternation(PERIOD_PARTS.keys())}) (?<rest>.+)`);
/** Years of a decade (or tens of years of a century) in each part: early 0–3, mid 4–6, late 7–9. */
const PART_YEARS: Readonly<Record<PeriodPart, readonly [number, number]>> = {
  early: [0, 3],
  mid: [4, 6],
  late: [7, 9],
};
const ENGLISH_CENTURIES: Readonly<Record<string, number>> = { nineteenth: 19, twentieth: 20, 'twenty first': 21 };

/** "the 1990s", "التسعينيات", "the nineties" → TIMEX3 199; "the 20th century", "القرن العشرين" → 19. */
export const decadeRule: Rule = (text, context) => {
  const relative = matchGroups(RELATIVE_DECADE, text);
  const step = DECADE_STEPS.get(relative?.mod ?? relative?.armod ?? '');
  if (step !== undefined) {
    const first = Math.floor(fromDayNumber(context.anchor).year / 10) * 10 + 10 * step;
    return span(first, 10, String(first).slice(0, 3));
  }
  const part = matchGroups(PART_OF, text);
  if (part?.part && part.rest !== undefined)
    return partOf(lookup(PERIOD_PARTS, part.part), decadeRule(part.rest, context));
  return namedDecade(text, context.anchor);
};

/** "أوائل التسعينيات", "the late 20th century": the timex stays the decade or century (the tagger adds `mod`). */
function partOf(part: PeriodPart, whole: Resolution | undefined): Resolution | undefined {
  if (!whole) return undefined;
  const first = Number(whole.start.slice(0, 4));
  const scale = whole.timex.length === 2 ? 10 : 1;
  const [from, to] = PART_YEARS[part];
  return { ...span(first + from * scale, (to - from + 1) * scale, whole.timex) };
}

function namedDecade(text: string, anchor: number): Resolution | undefined {
  const digits = matchGroups(DECADE_DIGITS, text)?.decade;
  if (digits !== undefined) return span(Number(digits), 10, digits.slice(0, 3));
  const word = matchGroups([DECADE_WORD], text);
  if (word?.en !== undefined || word?.ar !== undefined) {
    const tens =
      word.en !== undefined ? lookup(ENGLISH_DECADES, word.en) : lookup(ARABIC_DECADES, `ال${word.ar ?? ''}`);
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
}

function span(firstYear: number, years: number, timex: string): Resolution {
  return {
    start: formatDate(toDayNumber(firstYear, 1, 1)),
    end: formatDate(toDayNumber(firstYear + years - 1, 12, 31)),
    precision: 'year',
    timex,
  };
}
