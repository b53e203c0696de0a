import { describe, it, expect } from '@jest/globals';
import { resolve } from './index';
import { A, type Row, days, month, months, week, year } from './testing/resolution.fixtures';

// A = 2023-11-01, in ISO week 2023-W44 (2023-10-30 .. 2023-11-05).
const weeks: Row[] = [
  ['الاسبوع الماضي', A, 'future', week('2023-W43', '2023-10-23', '2023-10-29')],
  ['خلال الأسبوع المنصرم', A, 'past', week('2023-W43', '2023-10-23', '2023-10-29')],
  ['هذا الأسبوع', A, 'past', week('2023-W44', '2023-10-30', '2023-11-05')],
  ['الأسبوع الجاري', A, 'past', week('2023-W44', '2023-10-30', '2023-11-05')],
  ['الأسبوع المقبل', A, 'past', week('2023-W45', '2023-11-06', '2023-11-12')],
  ['الأسبوع القادم', A, 'past', week('2023-W45', '2023-11-06', '2023-11-12')],
  ['الأسبوع قبل الماضي', A, 'past', week('2023-W42', '2023-10-16', '2023-10-22')],
  ['last week', A, 'past', week('2023-W43', '2023-10-23', '2023-10-29')],
  ['the previous week', A, 'past', week('2023-W43', '2023-10-23', '2023-10-29')],
  ['this week', A, 'past', week('2023-W44', '2023-10-30', '2023-11-05')],
  ['next week', A, 'past', week('2023-W45', '2023-11-06', '2023-11-12')],
  ['the week before last', A, 'past', week('2023-W42', '2023-10-16', '2023-10-22')],
  ['the week after next', A, 'past', week('2023-W46', '2023-11-13', '2023-11-19')],
];

// The ISO week-year differs from the calendar year in the days around 1 January.
const weekYears: Row[] = [
  ['هذا الأسبوع', '2021-01-01', 'past', week('2020-W53', '2020-12-28', '2021-01-03')],
  ['الأسبوع الماضي', '2021-01-06', 'past', week('2020-W53', '2020-12-28', '2021-01-03')],
  ['الأسبوع المقبل', '2024-12-25', 'past', week('2025-W01', '2024-12-30', '2025-01-05')],
  ['this week', '2024-12-30', 'past', week('2025-W01', '2024-12-30', '2025-01-05')],
  ['last week', '2026-01-05', 'past', week('2026-W01', '2025-12-29', '2026-01-04')],
  ['next week', '2015-12-25', 'past', week('2015-W53', '2015-12-28', '2016-01-03')],
  ['last week', '2010-01-04', 'past', week('2009-W53', '2009-12-28', '2010-01-03')],
  ['this week', '2023-01-01', 'past', week('2022-W52', '2022-12-26', '2023-01-01')],
  ['الأسبوع المقبل', '2023-01-01', 'past', week('2023-W01', '2023-01-02', '2023-01-08')],
];

const namedMonths: Row[] = [
  ['حزيران/يونيو', A, 'past', month('2023-06', 30)],
  ['يونيو / حزيران', A, 'past', month('2023-06', 30)],
  ['يونيو (حزيران)', A, 'past', month('2023-06', 30)],
  ['نوفمبر', A, 'past', month('2023-11', 30)],
  ['تشرين الثاني', A, 'future', month('2023-11', 30)],
  ['نوفمبر الماضي', A, 'past', month('2022-11', 30)],
  ['نوفمبر المقبل', A, 'past', month('2024-11', 30)],
  ['ديسمبر', A, 'past', month('2022-12', 31)],
  ['ديسمبر', A, 'future', month('2023-12', 31)],
  ['أكتوبر', A, 'future', month('2024-10', 31)],
  ['يناير المقبل', A, 'past', month('2024-01', 31)],
  ['يناير القادم', A, 'future', month('2024-01', 31)],
  ['في شهر يونيو', A, 'past', month('2023-06', 30)],
  ['خلال شهر مايو الماضي', A, 'past', month('2023-05', 31)],
  ['تشرين الاول/أكتوبر الماضي', A, 'past', month('2023-10', 31)],
  ['ابريل', A, 'past', month('2023-04', 30)],
  ['إبريل', A, 'past', month('2023-04', 30)],
  ['يونيه', A, 'past', month('2023-06', 30)],
  ['يوليه', A, 'past', month('2023-07', 31)],
  ['اكتوبر', A, 'past', month('2023-10', 31)],
  ['بيونيو', A, 'past', month('2023-06', 30)],
  ['in June', A, 'past', month('2023-06', 30)],
  ['in June', A, 'future', month('2024-06', 30)],
  ['November', A, 'past', month('2023-11', 30)],
  ['last November', A, 'past', month('2022-11', 30)],
  ['next November', A, 'past', month('2024-11', 30)],
  ['last May', A, 'future', month('2023-05', 31)],
  ['next January', A, 'past', month('2024-01', 31)],
  ['this June', A, 'future', month('2023-06', 30)],
  ['in the month of June', A, 'past', month('2023-06', 30)],
  ['Dec', A, 'past', month('2022-12', 31)],
  ['in Sept.', A, 'past', month('2023-09', 30)],
];

// Levantine (Syriac) and Maghrebi names, one per month.
const monthSystems: Row[] = [
  ['كانون الثاني', A, 'past', month('2023-01', 31)],
  ['شباط', A, 'past', month('2023-02', 28)],
  ['آذار', A, 'past', month('2023-03', 31)],
  ['اذار', A, 'past', month('2023-03', 31)],
  ['نيسان الماضي', A, 'past', month('2023-04', 30)],
  ['أيار', A, 'past', month('2023-05', 31)],
  ['ايار', A, 'past', month('2023-05', 31)],
  ['حزيران', A, 'past', month('2023-06', 30)],
  ['تموز', A, 'past', month('2023-07', 31)],
  ['آب', A, 'past', month('2023-08', 31)],
  ['أيلول', A, 'past', month('2023-09', 30)],
  ['ايلول', A, 'past', month('2023-09', 30)],
  ['تشرين الأول', A, 'past', month('2023-10', 31)],
  ['كانون الاول', A, 'past', month('2022-12', 31)],
  ['جانفي', A, 'past', month('2023-01', 31)],
  ['فيفري', A, 'past', month('2023-02', 28)],
  ['مارس', A, 'past', month('2023-03', 31)],
  ['أفريل', A, 'past', month('2023-04', 30)],
  ['افريل', A, 'past', month('2023-04', 30)],
  ['ماي', A, 'past', month('2023-05', 31)],
  ['جوان', A, 'past', month('2023-06', 30)],
  ['جويلية', A, 'past', month('2023-07', 31)],
  ['أوت', A, 'past', month('2023-08', 31)],
  ['اوت', A, 'past', month('2023-08', 31)],
  ['سبتمبر', A, 'past', month('2023-09', 30)],
  ['غشت', A, 'past', month('2023-08', 31)],
  ['دجنبر', A, 'future', month('2023-12', 31)],
];

const monthsWithYears: Row[] = [
  ['يونيو 2023', A, 'past', month('2023-06', 30)],
  ['يونيو ٢٠٢٢', A, 'future', month('2022-06', 30)],
  ['حزيران/يونيو ۲۰۲۱', A, 'past', month('2021-06', 30)],
  ['يونيو من العام الماضي', A, 'past', month('2022-06', 30)],
  ['في شهر فبراير من عام 2024', A, 'past', month('2024-02', 29)],
  ['شباط 2023', A, 'past', month('2023-02', 28)],
  ['June 2023', A, 'past', month('2023-06', 30)],
  ['in Sept 2021', A, 'past', month('2021-09', 30)],
  ['Feb 2000', A, 'past', month('2000-02', 29)],
  ['Feb 1900', A, 'past', month('1900-02', 28)],
  ['June last year', A, 'past', month('2022-06', 30)],
  ['in March of last year', A, 'past', month('2022-03', 31)],
];

const relativeMonths: Row[] = [
  ['الشهر الماضي', A, 'past', month('2023-10', 31)],
  ['الشهر الجاري', A, 'past', month('2023-11', 30)],
  ['هذا الشهر', A, 'past', month('2023-11', 30)],
  ['الشهر المقبل', A, 'past', month('2023-12', 31)],
  ['الشهر الماضي', '2024-01-15', 'past', month('2023-12', 31)],
  ['الشهر المقبل', '2023-12-31', 'past', month('2024-01', 31)],
  ['last month', '2024-03-31', 'past', month('2024-02', 29)],
  ['this month', A, 'past', month('2023-11', 30)],
  ['next month', A, 'past', month('2023-12', 31)],
];

const years: Row[] = [
  ['عام 1994', A, 'past', year(1994)],
  ['في عام ١٩٩٤', A, 'past', year(1994)],
  ['1994', A, 'future', year(1994)],
  ['سنة 2001', A, 'past', year(2001)],
  ['عام 1994م', A, 'past', year(1994)],
  ['العام الماضي', A, 'past', year(2022)],
  ['السنة الماضية', A, 'past', year(2022)],
  ['العام الجاري', A, 'past', year(2023)],
  ['هذا العام', A, 'past', year(2023)],
  ['العام المقبل', A, 'past', year(2024)],
  ['السنة القادمة', A, 'past', year(2024)],
  ['العام قبل الماضي', A, 'past', year(2021)],
  ['in 1994', A, 'past', year(1994)],
  ['since 1994', A, 'past', year(1994)],
  ['in the year 2001', A, 'past', year(2001)],
  ['last year', A, 'past', year(2022)],
  ['this year', A, 'past', year(2023)],
  ['next year', A, 'past', year(2024)],
  ['the year before last', A, 'past', year(2021)],
  ['last year', '2024-01-01', 'past', year(2023)],
];

// Early/mid/late: days 1–10, 11–20, 21–end of a month; January–April, May–August, September–December of a year.
const partsOfPeriods: Row[] = [
  ['أوائل يونيو', A, 'past', days('2023-06-01', '2023-06-10')],
  ['مطلع الشهر الجاري', A, 'past', days('2023-11-01', '2023-11-10')],
  ['منتصف يونيو/حزيران', A, 'past', days('2023-06-11', '2023-06-20')],
  ['في أواخر يونيو', A, 'past', days('2023-06-21', '2023-06-30')],
  ['نهاية الشهر الماضي', A, 'past', days('2023-10-21', '2023-10-31')],
  ['نهاية الشهر', A, 'past', days('2023-11-21', '2023-11-30')],
  ['أواخر فبراير 2024', A, 'past', days('2024-02-21', '2024-02-29')],
  ['أواخر شباط 2023', A, 'past', days('2023-02-21', '2023-02-28')],
  ['بداية ديسمبر المقبل', A, 'past', days('2023-12-01', '2023-12-10')],
  ['منتصف شهر مارس الماضي', A, 'past', days('2023-03-11', '2023-03-20')],
  ['مطلع العام الجاري', A, 'past', months('2023-01', '2023-04', 30)],
  ['أوائل 2023', A, 'past', months('2023-01', '2023-04', 30)],
  ['منتصف العام الماضي', A, 'past', months('2022-05', '2022-08', 31)],
  ['أواخر 2022', A, 'past', months('2022-09', '2022-12', 31)],
  ['early June', A, 'past', days('2023-06-01', '2023-06-10')],
  ['mid-June', A, 'past', days('2023-06-11', '2023-06-20')],
  ['late June', A, 'future', days('2024-06-21', '2024-06-30')],
  ['mid-June 2023', A, 'future', days('2023-06-11', '2023-06-20')],
  ['at the end of last month', A, 'past', days('2023-10-21', '2023-10-31')],
  ['at the beginning of next month', A, 'past', days('2023-12-01', '2023-12-10')],
  ['the middle of the month', A, 'past', days('2023-11-11', '2023-11-20')],
  ['late February 2024', A, 'past', days('2024-02-21', '2024-02-29')],
  ['in early 2023', A, 'past', months('2023-01', '2023-04', 30)],
  ['late last year', A, 'past', months('2022-09', '2022-12', 31)],
  ['mid-2024', A, 'past', months('2024-05', '2024-08', 31)],
  ['منذ مطلع العام', A, 'past', months('2023-01', '2023-04', 30)],
  ['the end of the year', A, 'past', months('2023-09', '2023-12', 31)],
];

// The current unit cut at the anchor; precision and timex stay the unit's.
const earlierLater: Row[] = [
  [
    'earlier this month',
    '2023-11-15',
    'past',
    { start: '2023-11-01', end: '2023-11-15', precision: 'month', timex: '2023-11' },
  ],
  [
    'في وقت سابق من هذا الشهر',
    '2023-11-15',
    'past',
    { start: '2023-11-01', end: '2023-11-15', precision: 'month', timex: '2023-11' },
  ],
  ['later this year', A, 'past', { start: '2023-11-01', end: '2023-12-31', precision: 'year', timex: '2023' }],
  [
    'في وقت لاحق من العام الجاري',
    A,
    'past',
    { start: '2023-11-01', end: '2023-12-31', precision: 'year', timex: '2023' },
  ],
  ['earlier this week', A, 'past', { start: '2023-10-30', end: '2023-11-01', precision: 'week', timex: '2023-W44' }],
  [
    'earlier in the year',
    '2024-02-29',
    'past',
    { start: '2024-01-01', end: '2024-02-29', precision: 'year', timex: '2024' },
  ],
];

describe('resolve: periods', () => {
  it.each(weeks)('week %s (anchor %s, %s)', (expression, anchor, direction, expected) => {
    expect(resolve(expression, anchor, direction)).toEqual(expected);
  });

  it.each(weekYears)('ISO week-year: %s (anchor %s)', (expression, anchor, direction, expected) => {
    expect(resolve(expression, anchor, direction)).toEqual(expected);
  });

  it.each(namedMonths)('month %s (anchor %s, %s)', (expression, anchor, direction, expected) => {
    expect(resolve(expression, anchor, direction)).toEqual(expected);
  });

  it.each(monthSystems)('month name %s (anchor %s, %s)', (expression, anchor, direction, expected) => {
    expect(resolve(expression, anchor, direction)).toEqual(expected);
  });

  it.each(monthsWithYears)('month and year %s (anchor %s, %s)', (expression, anchor, direction, expected) => {
    expect(resolve(expression, anchor, direction)).toEqual(expected);
  });

  it.each(relativeMonths)('relative month %s (anchor %s, %s)', (expression, anchor, direction, expected) => {
    expect(resolve(expression, anchor, direction)).toEqual(expected);
  });

  it.each(years)('year %s (anchor %s, %s)', (expression, anchor, direction, expected) => {
    expect(resolve(expression, anchor, direction)).toEqual(expected);
  });

  it.each(earlierLater)('earlier/later %s (anchor %s, %s)', (expression, anchor, direction, expected) => {
    expect(resolve(expression, anchor, direction)).toEqual(expected);
  });

  it.each(partsOfPeriods)('part of a period %s (anchor %s, %s)', (expression, anchor, direction, expected) => {
    expect(resolve(expression, anchor, direction)).toEqual(expected);
  });
});
