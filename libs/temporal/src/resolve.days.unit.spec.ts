import { describe, it, expect } from '@jest/globals';
import { resolve } from './index';
import { A, type Row, day, days } from './testing/resolution.fixtures';

const relativeDays: Row[] = [
  ['اليوم', A, 'past', day('2023-11-01')],
  ['صباح اليوم', A, 'past', day('2023-11-01')],
  ['أمس', A, 'past', day('2023-10-31')],
  ['الأمس', A, 'future', day('2023-10-31')],
  ['بالأمس', A, 'past', day('2023-10-31')],
  ['يوم أمس', A, 'past', day('2023-10-31')],
  ['مساء أمس الثلاثاء', A, 'past', day('2023-10-31')],
  ['البارحة', A, 'past', day('2023-10-31')],
  ['أول أمس', A, 'past', day('2023-10-30')],
  ['أول من أمس', A, 'past', day('2023-10-30')],
  ['غداً', A, 'future', day('2023-11-02')],
  ['يوم غد', A, 'past', day('2023-11-02')],
  ['بعد غدٍ', A, 'future', day('2023-11-03')],
  ['today', A, 'past', day('2023-11-01')],
  ['Yesterday', A, 'past', day('2023-10-31')],
  ['yesterday morning', A, 'past', day('2023-10-31')],
  ['last night', A, 'past', day('2023-10-31')],
  ['the day before yesterday', A, 'past', day('2023-10-30')],
  ['tomorrow', A, 'past', day('2023-11-02')],
  ['the day after tomorrow', A, 'future', day('2023-11-03')],
];

const monthAndYearEnds: Row[] = [
  ['أمس', '2024-03-01', 'past', day('2024-02-29')],
  ['أمس', '2023-03-01', 'past', day('2023-02-28')],
  ['yesterday', '2000-03-01', 'past', day('2000-02-29')],
  ['yesterday', '1900-03-01', 'past', day('1900-02-28')],
  ['اليوم', '2024-02-29', 'past', day('2024-02-29')],
  ['غدا', '2024-02-29', 'future', day('2024-03-01')],
  ['غدا', '2023-01-31', 'future', day('2023-02-01')],
  ['tomorrow', '2023-12-31', 'future', day('2024-01-01')],
  ['yesterday', '2024-01-01', 'past', day('2023-12-31')],
  ['بعد غد', '2023-04-29', 'future', day('2023-05-01')],
];

// A = Wednesday 2023-11-01.
const weekdays: Row[] = [
  ['الأربعاء', A, 'future', day('2023-11-01')],
  ['الاربعاء الماضي', A, 'past', day('2023-10-25')],
  ['الأربعاء المقبل', A, 'past', day('2023-11-08')],
  ['الخميس', A, 'past', day('2023-10-26')],
  ['يوم الخميس', A, 'future', day('2023-11-02')],
  ['يوم الخميس الماضي', A, 'future', day('2023-10-26')],
  ['الخميس القادم', A, 'past', day('2023-11-02')],
  ['الثلاثاء', A, 'past', day('2023-10-31')],
  ['الثلاثاء', A, 'future', day('2023-11-07')],
  ['الثلثاء', A, 'past', day('2023-10-31')],
  ['الإثنين', A, 'past', day('2023-10-30')],
  ['الاثنين المقبل', A, 'past', day('2023-11-06')],
  ['الأحد', A, 'past', day('2023-10-29')],
  ['الأحد', A, 'future', day('2023-11-05')],
  ['السبت الماضي', A, 'past', day('2023-10-28')],
  ['الجمعة الماضية', A, 'past', day('2023-10-27')],
  ['الجمعة المقبلة', A, 'past', day('2023-11-03')],
  ['يوم الجمعة القادمة', A, 'future', day('2023-11-03')],
  ['في يوم الـجُمُعَة', A, 'past', day('2023-10-27')],
  ['والخميس', A, 'past', day('2023-10-26')],
  ['وفي يوم الأحد', A, 'past', day('2023-10-29')],
  ['صباح الأحد', A, 'past', day('2023-10-29')],
  ['on Wednesday', A, 'past', day('2023-11-01')],
  ['Wednesday', A, 'future', day('2023-11-01')],
  ['last Wednesday', A, 'past', day('2023-10-25')],
  ['next Wednesday', A, 'past', day('2023-11-08')],
  ['on Thursday', A, 'past', day('2023-10-26')],
  ['Thursday', A, 'future', day('2023-11-02')],
  ['last Friday', A, 'future', day('2023-10-27')],
  ['next Monday', A, 'past', day('2023-11-06')],
  ['this Friday', A, 'past', day('2023-11-03')],
  ['this Monday', A, 'future', day('2023-10-30')],
  ['SUNDAY', A, 'past', day('2023-10-29')],
  ['on Sat.', A, 'past', day('2023-10-28')],
  ['on Friday night', A, 'past', day('2023-10-27')],
  ['الأحد', '2024-01-03', 'past', day('2023-12-31')],
  ['next Thursday', '2024-02-26', 'past', day('2024-02-29')],
];

const weekdayPairs: Row[] = [
  ['يومي الخميس والجمعة', A, 'past', days('2023-10-26', '2023-10-27')],
  ['الخميس و الجمعة', A, 'future', days('2023-11-02', '2023-11-03')],
  ['يومي الثلاثاء والأربعاء', A, 'past', days('2023-10-31', '2023-11-01')],
  ['يومي الجمعة والسبت', A, 'future', days('2023-11-03', '2023-11-04')],
  ['يومي السبت والأحد الماضيين', A, 'future', days('2023-10-28', '2023-10-29')],
  ['يومي الأحد والاثنين المقبلين', A, 'past', days('2023-11-05', '2023-11-06')],
  ['Thursday and Friday', A, 'future', days('2023-11-02', '2023-11-03')],
  ['on Thursday and Friday', A, 'past', days('2023-10-26', '2023-10-27')],
  ['last Saturday and Sunday', A, 'past', days('2023-10-28', '2023-10-29')],
  ['next Saturday and Sunday', A, 'past', days('2023-11-04', '2023-11-05')],
];

const calendarDates: Row[] = [
  ['12 مارس', A, 'past', day('2023-03-12')],
  ['في 12 مارس', A, 'future', day('2024-03-12')],
  ['في ١٢ آذار ٢٠٢٢', A, 'past', day('2022-03-12')],
  ['في 7 أكتوبر الماضي', A, 'past', day('2023-10-07')],
  ['1 نوفمبر', A, 'past', day('2023-11-01')],
  ['1 نوفمبر', A, 'future', day('2023-11-01')],
  ['1 نوفمبر الماضي', A, 'past', day('2022-11-01')],
  ['1 تشرين الثاني المقبل', A, 'past', day('2024-11-01')],
  ['29 فبراير', A, 'past', day('2020-02-29')],
  ['29 فيفري', A, 'future', day('2024-02-29')],
  ['29 شباط 2024', A, 'past', day('2024-02-29')],
  ['29 فبراير الماضي', '2024-02-29', 'past', day('2020-02-29')],
  ['31 ديسمبر', A, 'past', day('2022-12-31')],
  ['30 يونيو/حزيران 2023', A, 'future', day('2023-06-30')],
  ['يوم الأربعاء 1 نوفمبر', A, 'past', day('2023-11-01')],
  ['الأربعاء الموافق 1 تشرين الثاني/نوفمبر 2023', A, 'past', day('2023-11-01')],
  ['on 12 March', A, 'past', day('2023-03-12')],
  ['on 12 March', A, 'future', day('2024-03-12')],
  ['March 12', A, 'past', day('2023-03-12')],
  ['12 March 2022', A, 'future', day('2022-03-12')],
  ['March 12, 2022', A, 'past', day('2022-03-12')],
  ['the 12th of March', A, 'past', day('2023-03-12')],
  ['November 1st', A, 'past', day('2023-11-01')],
  ['Wednesday, November 1, 2023', A, 'past', day('2023-11-01')],
  ['February 29', A, 'future', day('2024-02-29')],
  ['31 Dec', '2023-12-31', 'past', day('2023-12-31')],
  ['2023-06-12', A, 'past', day('2023-06-12')],
  ['12 March last year', A, 'past', day('2022-03-12')],
  // The named weekday overrides a direction that would land on the wrong year.
  ['الخميس 2 نوفمبر', A, 'past', day('2023-11-02')],
  ['Wednesday 2 November', A, 'future', day('2022-11-02')],
];

const dayRanges: Row[] = [
  ['يومي 12 و13 مارس', A, 'past', days('2023-03-12', '2023-03-13')],
  ['30 و31 أكتوبر', A, 'past', days('2023-10-30', '2023-10-31')],
  ['١٢-١٤ حزيران ٢٠٢٢', A, 'past', days('2022-06-12', '2022-06-14')],
  ['March 12-13', A, 'future', days('2024-03-12', '2024-03-13')],
  ['12 and 13 March 2022', A, 'past', days('2022-03-12', '2022-03-13')],
];

describe('resolve: days', () => {
  it.each(relativeDays)('relative day %s (anchor %s, %s)', (expression, anchor, direction, expected) => {
    expect(resolve(expression, anchor, direction)).toEqual(expected);
  });

  it.each(monthAndYearEnds)('across a month or year end: %s (anchor %s)', (expression, anchor, direction, expected) => {
    expect(resolve(expression, anchor, direction)).toEqual(expected);
  });

  it.each(weekdays)('weekday %s (anchor %s, %s)', (expression, anchor, direction, expected) => {
    expect(resolve(expression, anchor, direction)).toEqual(expected);
  });

  it.each(weekdayPairs)('two weekdays %s (anchor %s, %s)', (expression, anchor, direction, expected) => {
    expect(resolve(expression, anchor, direction)).toEqual(expected);
  });

  it.each(calendarDates)('calendar date %s (anchor %s, %s)', (expression, anchor, direction, expected) => {
    expect(resolve(expression, anchor, direction)).toEqual(expected);
  });

  it.each(dayRanges)('days of one month %s (anchor %s, %s)', (expression, anchor, direction, expected) => {
    expect(resolve(expression, anchor, direction)).toEqual(expected);
  });

  it('direction defaults to past', () => {
    expect(resolve('الخميس', A)).toEqual(resolve('الخميس', A, 'past'));
  });
});
