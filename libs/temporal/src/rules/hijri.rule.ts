import { type DayNumber, fromDayNumber, toDayNumber } from '../calendar';
import { fromHijri, hijriMonthLength, toHijri } from '../hijri';
import { HIJRI_ERA, HIJRI_MONTHS, ISLAMIC_HOLIDAYS } from '../lexicon/holidays.lexicon';
import { alternation, anchored, lookup, matchGroups } from '../lexicon/lexicon';
import { ARABIC_MODIFIERS, ENGLISH_MODIFIERS } from '../lexicon/relative.lexicon';
import { daySpanResolution } from '../resolution';
import type { Direction, Resolution } from '../temporal.types';
import type { Rule } from './rule';
import { ordinalDay } from './ordinal-day';

const ERA = `(?: ?${alternation(HIJRI_ERA)})`;
const YEAR = `(?<year>1[3-5]\\d{2})`;
const MONTH = `(?<month>${alternation(HIJRI_MONTHS.keys())})`;
const DAY = `(?<day>\\d{1,2}|.+?)`;
const MOD = `(?<mod>${alternation([...ARABIC_MODIFIERS.keys(), ...ENGLISH_MODIFIERS.keys()])})`;
const HIJRI_DATE = anchored(`${DAY} (?:من )?(?:شهر )?${MONTH}(?: ${YEAR}${ERA}?)?(?: ${MOD})?`);
const HIJRI_MONTH = anchored(`(?:شهر )?${MONTH} ${YEAR}${ERA}?`);
const HIJRI_YEAR = anchored(`(?:(?:عام|العام|سنه|سنة) )?${YEAR}${ERA}`);
const HOLIDAY = anchored(
  `(?:(?<enMod>last|this|next) )?(?<name>${alternation(ISLAMIC_HOLIDAYS.keys())})(?: (?:${YEAR}${ERA}|(?<gyear>\\d{4})|${MOD}))?`,
);

/**
 * Hijri dates on the Umm al-Qura calendar: "15 رمضان 1444", "غرة شوال", "1445هـ", and the Islamic holidays
 * (Eid al-Fitr, Eid al-Adha, Ramadan, Islamic New Year, Mawlid). Without a year: the latest occurrence that
 * has begun (past) or the first that has not ended (future); a Gregorian year picks the one beginning in it.
 */
export const hijriRule: Rule = (text, context) => {
  const holiday = matchGroups(HOLIDAY, text);
  if (holiday?.name) {
    const [month, first, last] = lookup(ISLAMIC_HOLIDAYS, holiday.name);
    return hijriSpan(month, first, last, holiday, context.anchor, context.direction);
  }
  const date = matchGroups(HIJRI_DATE, text);
  const day = date?.day === undefined ? undefined : /^\d+$/.test(date.day) ? Number(date.day) : ordinalDay(date.day);
  if (date?.month && day !== undefined) {
    return hijriSpan(lookup(HIJRI_MONTHS, date.month), day, day, date, context.anchor, context.direction);
  }
  const month = matchGroups(HIJRI_MONTH, text);
  if (month?.month && month.year) {
    const [year, m] = [Number(month.year), lookup(HIJRI_MONTHS, month.month)];
    return spanOf(year, m, 1, hijriMonthLength(year, m));
  }
  const year = matchGroups(HIJRI_YEAR, text)?.year;
  if (year === undefined) return undefined;
  const first = fromHijri({ year: Number(year), month: 1, day: 1 });
  const next = fromHijri({ year: Number(year) + 1, month: 1, day: 1 });
  return first === undefined || next === undefined ? undefined : daySpanResolution(first, next - 1);
};

type Groups = Readonly<Record<string, string | undefined>>;

function hijriSpan(
  month: number,
  first: number,
  last: number,
  groups: Groups,
  anchor: DayNumber,
  direction: Direction,
): Resolution | undefined {
  if (groups.year !== undefined) return spanOf(Number(groups.year), month, first, last);
  const here = toHijri(anchor).year;
  const years = [here - 1, here, here + 1];
  if (groups.gyear !== undefined) {
    const gregorian = Number(groups.gyear);
    const around = toHijri(toDayNumber(gregorian, 1, 1)).year;
    const year = [around, around + 1].find((y) => {
      const start = fromHijri({ year: y, month, day: first });
      return start !== undefined && fromDayNumber(start).year === gregorian;
    });
    return year === undefined ? undefined : spanOf(year, month, first, last);
  }
  const mode = modeOf(groups.mod ?? groups.enMod) ?? direction;
  const starts = years.map((y) => [y, fromHijri({ year: y, month, day: first }) ?? NaN] as const);
  const ends = years.map((y) => fromHijri({ year: y, month, day: Math.min(last, hijriMonthLength(y, month)) }) ?? NaN);
  const pick =
    mode === 'past' || mode === 'last'
      ? starts.filter(([, s], i) => (mode === 'last' ? (ends[i] ?? NaN) < anchor : s <= anchor)).at(-1)
      : starts.find(([, s], i) => (mode === 'next' ? s > anchor : (ends[i] ?? NaN) >= anchor));
  return pick === undefined ? undefined : spanOf(pick[0], month, first, last);
}

function modeOf(word: string | undefined): Direction | 'last' | 'next' | undefined {
  const modifier = word === undefined ? undefined : (ARABIC_MODIFIERS.get(word) ?? ENGLISH_MODIFIERS.get(word));
  return modifier === 'this' ? undefined : modifier;
}

function spanOf(year: number, month: number, first: number, last: number): Resolution | undefined {
  const start = fromHijri({ year, month, day: first });
  const end = fromHijri({ year, month, day: Math.min(last, hijriMonthLength(year, month)) });
  return start === undefined || end === undefined ? undefined : daySpanResolution(start, end);
}
