import { describe, it, expect } from '@jest/globals';
import { resolve } from './index';
import { A, type Row, day, days, month, week, year } from './testing/resolution.fixtures';

// The expressions of the article that motivated the library, anchored on its publication date.
const article: Row[] = [
  ['يوم الأربعاء', A, 'past', day('2023-11-01')],
  ['الأسبوع الماضي', A, 'past', week('2023-W43', '2023-10-23', '2023-10-29')],
  ['في يونيو/حزيران', A, 'past', month('2023-06', 30)],
  ['في مايو/أيار الماضي', A, 'past', month('2023-05', 31)],
  ['يومي الخميس والجمعة', A, 'future', days('2023-11-02', '2023-11-03')],
  ['منذ عام 1994', A, 'past', year(1994)],
];

describe('resolve: the article', () => {
  it.each(article)('%s (anchor %s, %s)', (expression, anchor, direction, expected) => {
    expect(resolve(expression, anchor, direction)).toEqual(expected);
  });
});
