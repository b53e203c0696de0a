import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract, resolve } from '../index';
import { A } from '../testing/resolution.fixtures';
import { mentionIn } from '../testing/extract.fixtures';

describe('extract: direction from context', () => {
  it.each([
    ['سيزور الرئيس أستانا يوم الخميس', 'يوم الخميس', '2023-11-02', 'future', 'سيزور'],
    [
      'ومن المقرر أن يزور أستانا يومي الخميس والجمعة',
      'يومي الخميس والجمعة',
      '2023-11-02/2023-11-03',
      'future',
      'من المقرر',
    ],
    ['سوف يلتقي الوزيران الأحد', 'الأحد', '2023-11-05', 'future', 'سوف'],
    ['He will visit Astana on Friday.', 'Friday', '2023-11-03', 'future', 'will'],
    ['The minister is due to arrive on Monday.', 'Monday', '2023-11-06', 'future', 'due to'],
    ['التقى الوزيران يوم الأحد', 'يوم الأحد', '2023-10-29', 'past', 'التقى'],
    ['The ministers met on Sunday.', 'Sunday', '2023-10-29', 'past', 'met'],
    ['قال في مؤتمر عقده الأحد إن الرئيس سيتوجه إلى باريس', 'الأحد', '2023-10-29', 'past', 'عقده'],
    ['The minister said Sunday that he will travel.', 'Sunday', '2023-10-29', 'past', 'said'],
  ])('%s → %s = %s (%s, cue %s)', (text, words, timex, direction, cue) => {
    const mention = mentionIn(text, words, A);
    expect(mention.resolution).toMatchObject({ timex, direction });
    expect(mention.cue).toBe(cue);
    expect(mention.ambiguous).toBeUndefined();
  });

  it('reads a yearless date on the nearer side when it is much nearer ahead ("Nov. 6" on 2 November)', () => {
    const mention = mentionIn('Payment is made Nov. 6.', 'Nov. 6', '2023-11-02');
    expect(mention.resolution).toMatchObject({ timex: '2023-11-06', direction: 'future' });
    expect(mention).toMatchObject({
      ambiguous: true,
      alternatives: [expect.objectContaining({ timex: '2022-11-06' })],
    });
  });
});

describe('extract: ambiguity', () => {
  it.each([
    ['صدر القرار في 01/02/2023', '01/02/2023', 'ar', '2023-02-01', '2023-01-02'],
    ['The order dated 01/02/2023 stands.', '01/02/2023', 'en', '2023-01-02', '2023-02-01'],
    ['The organisation at the centre dated it 01/02/2023.', '01/02/2023', 'en', '2023-02-01', '2023-01-02'],
    ['وصل الأربعاء 2 نوفمبر 2023', 'الأربعاء 2 نوفمبر 2023', 'ar', '2023-11-02', '2023-11-01'],
    ['أعلن اليوم (الخميس) أن', 'اليوم (الخميس)', 'ar', '2023-11-01', '2023-11-02'],
    ['Talks resume on Thursday.', 'Thursday', 'en', '2023-10-26', '2023-11-02'],
  ] as const)('%s: chooses %s over %s', (text, words, language, chosen, alternative) => {
    const mention = extract(text, A, language).mentions.find((m) => m.text === words);
    expect(mention?.resolution.timex).toBe(chosen);
    expect(mention?.ambiguous).toBe(true);
    expect(mention?.alternatives?.map((a) => a.timex)).toEqual([alternative]);
  });
});

describe('extract: plausibility of numbers', () => {
  it.each([
    'رقم القيد 2882015 في السجل',
    'the 500 delegates voted',
    'killed 1500 people in the region',
    'raised $2000 for the fund',
    'تبرع بمبلغ 2000 دولار',
    'a record of 3050 was set',
    'They will leave as soon as possible.',
    'Now, he says, the plan has failed.',
    'مارس الرئيس ضغوطا كبيرة على الحكومة',
    'التقت تيريزا ماي رئيس الوزراء',
    'وهو أب لثلاثة أطفال',
    'يحتفل البلد باليوم الوطني',
    'وفي اليوم التالي غادر الوفد',
    'قال أحد المسؤولين إن الأمين العام والرأي العام',
    'منذ اندلاع الربيع العربي',
    'the legacy of the Arab Spring',
    'in the year before the war',
  ])('%s has no date', (text) => {
    expect(extract(text, A).mentions).toEqual([]);
  });

  it('keeps a year written as a year, and a month after a preposition', () => {
    expect(mentionIn('وقعت الاتفاقية في 1994', '1994', A).resolution.timex).toBe('1994');
    expect(mentionIn('وصل الوفد في مارس', 'مارس', A).resolution.timex).toBe('2023-03');
    expect(mentionIn('منذ آب الماضي', 'آب الماضي', A).resolution.timex).toBe('2023-08');
  });
});

describe('extract: the text', () => {
  it('gives UTF-16 offsets, the language, and nothing for text without dates', () => {
    const text = '🙂 وصل أمس';
    expect(extract(text, A)).toEqual({
      language: 'ar',
      mentions: [expect.objectContaining({ text: 'أمس', start: 7, end: 10 })],
    });
    expect(extract('Nothing dated here.', A)).toEqual({ language: 'en', mentions: [] });
  });

  it('rejects an anchor that is not a calendar day', () => {
    expect(() => extract('أمس', '2023-02-30')).toThrow('anchor "2023-02-30"');
  });
});

interface SeedEvent {
  key: string;
  date: { expression?: string; direction?: 'past' | 'future' };
}

describe('extract: the seed article', () => {
  const seed = join(process.cwd(), 'data/seed');
  const { events } = JSON.parse(readFileSync(join(seed, '000_911741716f96cebe.json'), 'utf8')) as {
    events: SeedEvent[];
  };
  const text = readFileSync(join(seed, '000_911741716f96cebe.txt'), 'utf8');
  const { mentions } = extract(text, A);

  it.each(events.filter((event) => event.date.expression).map((event) => [event.key, event.date] as const))(
    '%s: the expression is found with the resolution the event has',
    (_, { expression = '', direction = 'past' }) => {
      const expected = resolve(expression, A, direction);
      const found = mentions.find((m) => expression.endsWith(m.text) || m.text.endsWith(expression));
      expect(found?.resolution).toEqual({ ...expected, direction });
    },
  );

  it('reads the article as Arabic and finds only dates', () => {
    expect(extract(text, A).language).toBe('ar');
    expect(mentions.map((m) => m.text)).toEqual([
      'يوم الأربعاء',
      'السنوات الأخيرة',
      'الأسبوع الماضي',
      'الأشهر الأخيرة',
      'يونيو/حزيران',
      'السنوات الأخيرة',
      'عام 1994',
      'مايو/أيار الماضي',
      'يومي الخميس والجمعة',
    ]);
  });
});
