/**
 * Days since 1970-01-01 in the proleptic Gregorian calendar. Dates are plain integers so that no Date
 * object, clock or time zone can shift a day.
 */
export type DayNumber = number;

export interface YearMonth {
  readonly year: number;
  readonly month: number;
}

export interface CalendarDate extends YearMonth {
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_PER_ERA = 146097;
const EPOCH_SHIFT = 719468; // days from 0000-03-01 to 1970-01-01
const EPOCH_WEEKDAY_SHIFT = 3; // 1970-01-01 was a Thursday

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// Howard Hinnant's days_from_civil: years start in March so the leap day falls at the end.
export function toDayNumber(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - EPOCH_SHIFT;
}

export function fromDayNumber(dayNumber: DayNumber): CalendarDate {
  const z = dayNumber + EPOCH_SHIFT;
  const era = Math.floor(z / DAYS_PER_ERA);
  const dayOfEra = z - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const marchBased = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * marchBased + 2) / 5) + 1;
  const month = marchBased < 10 ? marchBased + 3 : marchBased - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(dayNumber: DayNumber): number {
  return ((((dayNumber + EPOCH_WEEKDAY_SHIFT) % 7) + 7) % 7) + 1;
}

export function weekStart(dayNumber: DayNumber): DayNumber {
  return dayNumber - isoWeekday(dayNumber) + 1;
}

/** ISO 8601 week: the week belongs to the year that holds its Thursday. */
export function isoWeekOf(dayNumber: DayNumber): { isoYear: number; week: number } {
  const thursday = weekStart(dayNumber) + 3;
  const isoYear = fromDayNumber(thursday).year;
  return { isoYear, week: Math.floor((thursday - toDayNumber(isoYear, 1, 1)) / 7) + 1 };
}

export function addMonths({ year, month }: YearMonth, delta: number): YearMonth {
  const index = year * 12 + month - 1 + delta;
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

export function monthOf(dayNumber: DayNumber): YearMonth {
  const { year, month } = fromDayNumber(dayNumber);
  return { year, month };
}

export function monthStart({ year, month }: YearMonth): DayNumber {
  return toDayNumber(year, month, 1);
}

export function monthEnd({ year, month }: YearMonth): DayNumber {
  return toDayNumber(year, month, daysInMonth(year, month));
}

export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function formatDate(dayNumber: DayNumber): string {
  const { year, month, day } = fromDayNumber(dayNumber);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Strict YYYY-MM-DD that names a day which exists (no rollover of 2023-02-30 into March), in the years 1–9999:
 * there is no year 0 in the calendar, and PostgreSQL refuses one, so a date outside would poison every read model.
 */
export function parseCalendarDate(text: string): DayNumber | undefined {
  const match = typeof text === 'string' ? ISO_DATE.exec(text) : null;
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return toDayNumber(year, month, day);
}

export function isCalendarDate(text: string): boolean {
  return parseCalendarDate(text) !== undefined;
}
