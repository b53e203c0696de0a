import { describe, expect, it } from '@jest/globals';
import { extract } from './extract';
import { A } from '../testing/resolution.fixtures';
import { type FamilyRow, mentionIn } from '../testing/extract.fixtures';

// Anchor A = 2023-11-01: the last quarter that has ended is 2023-Q3. Business news writes these in English.
const families: Record<string, FamilyRow[]> = {
  'periods compared with the quarter reported': [
    [
      'Earnings rose in the third quarter. In the year-ago period the firm lost money.',
      'the year-ago period',
      '2022-Q3',
    ],
    [
      'Sales fell in the second quarter, while in the comparable year-earlier quarter they had risen.',
      'the comparable year-earlier quarter',
      '2022-Q2',
    ],
    ['Revenue grew in the third quarter, and in the 2022 period it had shrunk.', 'the 2022 period', '2022-Q3'],
    ['Output rose in the third quarter. The latest period included a one-time gain.', 'The latest period', '2023-Q3'],
    ["Margins widened in the third quarter, against last year's quarter.", "last year's quarter", '2022-Q3'],
    [
      'Costs rose in the second quarter, as in the corresponding period last year.',
      'the corresponding period last year',
      '2022-Q2',
    ],
    [
      'The bank gained in the third quarter; for the quarter a year ago it reported a loss.',
      'the quarter a year ago',
      '2022-Q3',
    ],
    ['In the year-earlier third quarter the insurer earned less.', 'the year-earlier third quarter', '2022-Q3'],
    ['Without a quarter named, the year-ago period was weak.', 'the year-ago period', '2022-Q3'],
  ],
  'a quarter in an outlook is not the one reported': [
    [
      'Profit rose in the second quarter; analysts expect the fourth quarter to be weaker than a year ago.',
      'a year ago',
      '2022-Q2',
    ],
  ],
  'a year ago in a sentence about a longer stretch': [
    [
      'Profit rose in the third quarter. For the nine months, sales were flat against a year earlier.',
      'a year earlier',
      '2022',
    ],
    ['Profit rose in the third quarter. Sales were flat against a year earlier.', 'a year earlier', '2022-Q3'],
    [
      'Profit rose in the third quarter. For the nine months, net fell from the 2022 period.',
      'the 2022 period',
      '2022',
    ],
  ],
  'halves and pairs of quarters': [
    ['Earnings will weaken in the last half of 2024.', 'the last half of 2024', '2024-H2'],
    ['Demand should hold through the first two quarters of 2024.', 'the first two quarters of 2024', '2024-H1'],
  ],
  'the reporting year': [
    ['Sales for the full year are forecast to rise.', 'the full year', '2023'],
    ['It expects a profit in the current fiscal year.', 'the current fiscal year', '2023'],
    ['Earnings will be lower for the fiscal year. In fiscal 2022 they rose.', 'the fiscal year', '2023'],
  ],
  "business news's vague future": [
    ['Prices may stay weak in the near term.', 'the near term', 'FUTURE_REF'],
    ['Gains are likely in the short term.', 'the short term', 'FUTURE_REF'],
    ['The terms will be set at a later date.', 'a later date', 'FUTURE_REF'],
    ['The charge will weigh on coming quarters.', 'coming quarters', 'FUTURE_REF'],
    ['Losses in future quarters are possible.', 'future quarters', 'FUTURE_REF'],
  ],
};

describe('extract: results news', () => {
  for (const [family, rows] of Object.entries(families)) {
    it.each(rows)(`${family}: %s → "%s" = %s`, (text, words, timex, anchor = A) => {
      expect(mentionIn(text, words, anchor, 'en').resolution.timex).toBe(timex);
    });
  }

  it.each([
    ['The merger should close by year-end.', 'year-end'],
    ['Rules take effect before year end.', 'year end'],
    ["The plant reopens by year's end.", "year's end"],
  ])('%s: "%s" is the end of the year (TIMEX3 2023, mod END)', (text, words) => {
    expect(mentionIn(text, words, A, 'en').resolution).toMatchObject({ timex: '2023', mod: 'END' });
  });

  it.each([
    'The quarter-to-quarter comparison was flat.',
    'It will repay short-term debt.',
    'near-term earnings trouble',
  ])('%s has no date', (text) => {
    expect(extract(text, A, 'en').mentions).toEqual([]);
  });
});
