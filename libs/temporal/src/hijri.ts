import { type DayNumber, toDayNumber } from './calendar';

export interface HijriDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

// Node's ICU implements the Umm al-Qura calendar (Saudi Arabia's official one), in use for Islamic holidays.
const FORMAT = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});
const MS_PER_DAY = 86_400_000;
const MEAN_YEAR = 354.367;
const MEAN_MONTH = 29.5306;
const HIJRI_EPOCH = toDayNumber(622, 7, 19); // 1 Muharram 1 AH (civil)

export function toHijri(day: DayNumber): HijriDate {
  const parts = FORMAT.formatToParts(new Date(day * MS_PER_DAY));
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

function compare(a: HijriDate, b: HijriDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * The Gregorian day of a Hijri date: a mean-length estimate, corrected by asking ICU. Undefined when the
 * date does not exist (the 30th of a 29-day month) or lies outside the range Umm al-Qura tables cover well.
 */
export function fromHijri(date: HijriDate): DayNumber | undefined {
  if (date.year < 1300 || date.year > 1600 || date.day < 1 || date.day > 30) return undefined;
  let day = Math.round(HIJRI_EPOCH + (date.year - 1) * MEAN_YEAR + (date.month - 1) * MEAN_MONTH + date.day - 1);
  for (let step = 0; step < 6; step++) {
    const found = toHijri(day);
    if (compare(date, found) === 0) return day;
    const delta = (date.year - found.year) * MEAN_YEAR + (date.month - found.month) * MEAN_MONTH + date.day - found.day;
    day += Math.round(delta) || Math.sign(delta);
  }
  return undefined;
}

/** Days in a Hijri month (29 or 30). */
export function hijriMonthLength(year: number, month: number): number {
  return fromHijri({ year, month, day: 30 }) === undefined ? 29 : 30;
}
