import { describe, it, expect } from '@jest/globals';
import { normalize } from './normalize';

const cases: Array<[string, string]> = [
  ['غداً', 'غدا'],
  ['أمسِ', 'امس'],
  ['الأربعاء', 'الاربعاء'],
  ['إبريل', 'ابريل'],
  ['آذار', 'اذار'],
  ['الجمعة', 'الجمعه'],
  ['فى', 'في'],
  ['يـــونيو', 'يونيو'],
  ['٢٠٢٣', '2023'],
  ['۱۹۹۴', '1994'],
  ['يونيو / حزيران', 'يونيو/حزيران'],
  ['  In   JUNE,  ', 'in june'],
  ['«منذ عام ١٩٩٤»', 'منذ عام 1994'],
  ['mid-June', 'mid june'],
  ['12 – 13 March', '12-13 march'],
  ['1994م', '1994 م'],
  ['و13 مارس', 'و 13 مارس'],
  ['ﻻ', 'لا'],
];

describe('normalize', () => {
  it.each(cases)('%j → %j', (text, expected) => {
    expect(normalize(text)).toBe(expected);
  });
});
