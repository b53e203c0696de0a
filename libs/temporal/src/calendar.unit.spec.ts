import { describe, it, expect } from '@jest/globals';
import {
  addMonths,
  daysInMonth,
  formatDate,
  fromDayNumber,
  isoWeekOf,
  isoWeekday,
  parseCalendarDate,
  toDayNumber,
} from './calendar';
import { isCalendarDate } from './index';

const MS_PER_DAY = 86_400_000;

const calendarDates: Array<[string, boolean]> = [
  ['2023-11-01', true],
  ['2023-12-31', true],
  ['2024-02-29', true],
  ['2000-02-29', true],
  ['1900-02-29', false],
  ['2023-02-29', false],
  ['2023-02-30', false],
  ['2023-04-31', false],
  ['2023-13-01', false],
  ['2023-00-10', false],
  ['2023-01-00', false],
  ['2023-1-01', false],
  ['20231101', false],
  [' 2023-11-01', false],
  ['2023-11-01T00:00:00Z', false],
  ['', false],
];

// date, ISO week-year, week number
const isoWeeks: Array<[string, number, number]> = [
  ['2023-11-01', 2023, 44],
  ['2021-01-01', 2020, 53],
  ['2020-12-31', 2020, 53],
  ['2024-12-30', 2025, 1],
  ['2023-01-01', 2022, 52],
  ['2023-01-02', 2023, 1],
  ['2026-01-01', 2026, 1],
  ['2027-01-03', 2026, 53],
  ['2008-12-29', 2009, 1],
  ['2010-01-03', 2009, 53],
];

const weekdays: Array<[string, number]> = [
  ['1970-01-01', 4],
  ['1969-12-28', 7],
  ['2000-01-01', 6],
  ['2023-11-01', 3],
  ['2024-02-29', 4],
];

const monthLengths: Array<[number, number, number]> = [
  [2024, 2, 29],
  [2023, 2, 28],
  [2000, 2, 29],
  [1900, 2, 28],
  [2023, 4, 30],
  [2023, 12, 31],
];

const monthShifts: Array<[number, number, number, number, number]> = [
  [2023, 11, -1, 2023, 10],
  [2024, 1, -1, 2023, 12],
  [2023, 12, 1, 2024, 1],
  [2023, 11, -23, 2021, 12],
  [2023, 5, 12, 2024, 5],
];

function dayNumberOf(iso: string): number {
  const day = parseCalendarDate(iso);
  if (day === undefined) throw new Error(`bad fixture ${iso}`);
  return day;
}

describe('calendar', () => {
  it.each(calendarDates)('isCalendarDate(%j) is %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });

  it.each(isoWeeks)('%s lies in ISO week %i-W%i', (iso, isoYear, week) => {
    expect(isoWeekOf(dayNumberOf(iso))).toEqual({ isoYear, week });
  });

  it.each(weekdays)('%s is ISO weekday %i', (iso, weekday) => {
    expect(isoWeekday(dayNumberOf(iso))).toBe(weekday);
  });

  it.each(monthLengths)('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it.each(monthShifts)('%i-%i shifted by %i months is %i-%i', (year, month, delta, toYear, toMonth) => {
    expect(addMonths({ year, month }, delta)).toEqual({ year: toYear, month: toMonth });
  });

  it('agrees with Date.UTC on every day from 1899 to 2101 and round-trips', () => {
    for (let day = toDayNumber(1899, 1, 1); day <= toDayNumber(2101, 12, 31); day++) {
      const { year, month, day: dayOfMonth } = fromDayNumber(day);
      expect(Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY).toBe(day);
      expect(toDayNumber(year, month, dayOfMonth)).toBe(day);
      expect(new Date(day * MS_PER_DAY).toISOString().slice(0, 10)).toBe(formatDate(day));
    }
  });
});
