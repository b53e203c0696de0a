import { describe, it, expect } from '@jest/globals';
import { resolve } from './index';
import { A, type Row, day, futureRef, month, pastRef, week, year } from './testing/resolution.fixtures';

// Counted offsets keep the unit's precision: the day, the ISO week, the month or the year N units away.
const offsets: Row[] = [
  ['قبل ثلاثة أيام', A, 'past', day('2023-10-29')],
  ['قبل 3 أيام', A, 'future', day('2023-10-29')],
  ['قبل ٣ أيام', A, 'past', day('2023-10-29')],
  ['قبل يومين', A, 'past', day('2023-10-30')],
  ['منذ يومين', A, 'past', day('2023-10-30')],
  ['قبل يوم', A, 'past', day('2023-10-31')],
  ['قبل عشرة أيام', A, 'past', day('2023-10-22')],
  ['قبل 15 يوماً', A, 'past', day('2023-10-17')],
  ['قبل أسبوع', A, 'past', week('2023-W43', '2023-10-23', '2023-10-29')],
  ['قبل أسبوع واحد', A, 'past', week('2023-W43', '2023-10-23', '2023-10-29')],
  ['قبل أسبوعين', A, 'past', week('2023-W42', '2023-10-16', '2023-10-22')],
  ['قبل شهر', A, 'past', month('2023-10', 31)],
  ['قبل شهرين', A, 'past', month('2023-09', 30)],
  ['قبل خمسة أشهر', A, 'past', month('2023-06', 30)],
  ['قبل عام', A, 'past', year(2022)],
  ['قبل عامين', A, 'past', year(2021)],
  ['قبل سنة', A, 'past', year(2022)],
  ['قبل سنتين', A, 'past', year(2021)],
  ['منذ أربع سنوات', A, 'past', year(2019)],
  ['قبل ثماني سنوات', A, 'past', year(2015)],
  ['بعد ثلاثة أيام', A, 'future', day('2023-11-04')],
  ['بعد يومين', A, 'past', day('2023-11-03')],
  ['بعد أسبوع', A, 'future', week('2023-W45', '2023-11-06', '2023-11-12')],
  ['بعد شهرين', A, 'future', month('2024-01', 31)],
  ['بعد عام', A, 'future', year(2024)],
  ['قبل 100 يوم', A, 'past', day('2023-07-24')],
  ['في غضون أسبوعين', A, 'future', week('2023-W46', '2023-11-13', '2023-11-19')],
  ['3 days ago', A, 'past', day('2023-10-29')],
  ['three days ago', A, 'past', day('2023-10-29')],
  ['a couple of days ago', A, 'past', day('2023-10-30')],
  ['a week ago', A, 'past', week('2023-W43', '2023-10-23', '2023-10-29')],
  ['two weeks ago', A, 'past', week('2023-W42', '2023-10-16', '2023-10-22')],
  ['a month ago', A, 'past', month('2023-10', 31)],
  ['6 months ago', A, 'past', month('2023-05', 31)],
  ['a year ago', A, 'past', year(2022)],
  ['two years ago', A, 'past', year(2021)],
  ['in 3 days', A, 'future', day('2023-11-04')],
  ["in three days' time", A, 'future', day('2023-11-04')],
  ['5 days from now', A, 'future', day('2023-11-06')],
  ['in two weeks', A, 'future', week('2023-W46', '2023-11-13', '2023-11-19')],
  ['in a month', A, 'future', month('2023-12', 31)],
  ['قبل شهر', '2023-03-31', 'past', month('2023-02', 28)],
  ['قبل يوم', '2024-03-01', 'past', day('2024-02-29')],
  ['in 2 weeks', '2024-12-20', 'future', week('2025-W01', '2024-12-30', '2025-01-05')],
];

// Vague windows include the anchor: days ±7 days, weeks ±28 days, months to the month three away,
// years to the year three away.
const vague: Row[] = [
  ['في السنوات الأخيرة', A, 'past', pastRef('2020-01-01', '2023-11-01')],
  ['مؤخرا', A, 'past', pastRef('2023-08-01', '2023-11-01')],
  ['مؤخراً', A, 'future', pastRef('2023-08-01', '2023-11-01')],
  ['في الآونة الأخيرة', A, 'past', pastRef('2023-08-01', '2023-11-01')],
  ['في الأشهر الأخيرة', A, 'past', pastRef('2023-08-01', '2023-11-01')],
  ['في الأشهر المقبلة', A, 'past', futureRef('2023-11-01', '2024-02-29')],
  ['خلال الأيام المقبلة', A, 'past', futureRef('2023-11-01', '2023-11-08')],
  ['خلال الأسابيع القليلة الماضية', A, 'past', pastRef('2023-10-04', '2023-11-01')],
  ['في السنوات المقبلة', A, 'past', futureRef('2023-11-01', '2026-12-31')],
  ['قريباً', A, 'past', futureRef('2023-11-01', '2024-02-29')],
  ['قبل أيام', A, 'past', pastRef('2023-10-25', '2023-11-01')],
  ['بعد أيام', A, 'past', futureRef('2023-11-01', '2023-11-08')],
  ['قبل بضعة أسابيع', A, 'past', pastRef('2023-10-04', '2023-11-01')],
  ['in recent years', A, 'past', pastRef('2020-01-01', '2023-11-01')],
  ['recently', A, 'past', pastRef('2023-08-01', '2023-11-01')],
  ['lately', A, 'future', pastRef('2023-08-01', '2023-11-01')],
  ['in recent months', A, 'past', pastRef('2023-08-01', '2023-11-01')],
  ['in the coming months', A, 'past', futureRef('2023-11-01', '2024-02-29')],
  ['in the coming days', A, 'past', futureRef('2023-11-01', '2023-11-08')],
  ['in recent weeks', A, 'past', pastRef('2023-10-04', '2023-11-01')],
  ['in the past few days', A, 'past', pastRef('2023-10-25', '2023-11-01')],
  ['in the coming years', A, 'past', futureRef('2023-11-01', '2026-12-31')],
  ['in the near future', A, 'past', futureRef('2023-11-01', '2024-02-29')],
  ['a few days ago', A, 'past', pastRef('2023-10-25', '2023-11-01')],
  ['recently', '2024-01-15', 'past', pastRef('2023-10-01', '2024-01-15')],
];

describe('resolve: offsets and vague spans', () => {
  it.each(offsets)('offset %s (anchor %s, %s)', (expression, anchor, direction, expected) => {
    expect(resolve(expression, anchor, direction)).toEqual(expected);
  });

  it.each(vague)('vague %s (anchor %s, %s)', (expression, anchor, direction, expected) => {
    expect(resolve(expression, anchor, direction)).toEqual(expected);
  });
});
