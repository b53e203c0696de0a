import { describe, expect, it } from '@jest/globals';
import { extract } from './extract';
import { A } from '../testing/resolution.fixtures';
import { mentionIn } from '../testing/extract.fixtures';

// Anchor A = 2023-11-01, a Wednesday.
describe('extract: words that date and words that do not', () => {
  it.each([
    'Thousands joined the March for Life in Washington.',
    'She led the March of the Silent Mothers.',
    'Organisers called it the Spring of Hope.',
    'He spoke on ABC\'s "This Week" programme.',
    'Listeners tuned in to World News Today for the story.',
    'He was soon released on bail.',
    'Doubts soon surfaced about the deal.',
    'Currently, the law forbids it.',
    'The current account deficit widened.',
    'Shares were bought at the then current price.',
    "Such rules make no sense in today's world.",
    'It was one of the great inventions of the past century.',
    'He set up a venture called Orion 1980 in Budapest.',
    'After weeks of talks, the deal was signed.',
  ])('%s has no date', (text) => {
    expect(extract(text, A, 'en').mentions).toEqual([]);
  });

  it.each([
    ['Talks began in March of 2023.', 'March of 2023', '2023-03'],
    ['Today, the minister said the talks had failed.', 'Today', '2023-11-01'],
    ["Today's editions carry the story.", 'Today', '2023-11-01'],
    ['Such rules belong to the past.', 'the past', 'PAST_REF'],
    ['The budget will soon balance.', 'soon', 'FUTURE_REF'],
    ['The fund currently holds 5% of the shares.', 'currently', 'PRESENT_REF'],
    ['The current crisis deepened.', 'current', 'PRESENT_REF'],
    ['Envoys met again, most recently last month.', 'last month', '2023-10'],
    ['Rates may fall in a year or two.', 'in a year or two', 'FUTURE_REF'],
    ['The plant closed a week or two ago.', 'a week or two ago', 'PAST_REF'],
  ])('%s → "%s" = %s', (text, words, timex) => {
    expect(mentionIn(text, words, A, 'en').resolution.timex).toBe(timex);
  });

  it('reads "most recently" as part of the date after it, not a date of its own', () => {
    expect(extract('Envoys met again, most recently last month.', A, 'en').mentions.map((m) => m.text)).toEqual([
      'last month',
    ]);
  });
});

describe('extract: a date kept behind the anchor', () => {
  it.each([
    ['Since February the index has doubled.', 'February', 'en', '2023-02'],
    ['In the fiscal year ended Jan. 31, sales rose.', 'Jan. 31', 'en', '2023-01-31'],
    ['تضاعف المؤشر منذ فبراير', 'فبراير', 'ar', '2023-02'],
  ] as const)('%s → "%s" = %s, not the nearer one ahead', (text, words, language, timex) => {
    const mention = mentionIn(text, words, A, language);
    expect(mention.resolution).toMatchObject({ timex, direction: 'past' });
    expect(mention.ambiguous).toBeUndefined();
  });

  it('still reads a yearless month without "since" on the nearer side', () => {
    expect(mentionIn('The index doubled in February.', 'February', A, 'en').resolution.timex).toBe('2024-02');
  });

  it.each([
    ['In January, the board hired a new chief.', 'January', '2023-01'],
    ['In February, talks broke down.', 'February', '2023-02'],
  ])('%s: a month opening a sentence before a comma sets the scene → %s = %s', (text, words, timex) => {
    expect(mentionIn(text, words, A, 'en').resolution).toMatchObject({ timex, direction: 'past' });
  });

  it('reads a scene-setting month ahead when a cue says so', () => {
    expect(mentionIn('In January, the law will take effect.', 'January', A, 'en').resolution.timex).toBe('2024-01');
  });

  it.each([
    ['He was shot last Nov. 1 at his home.', 'last Nov. 1', '2022-11-01'],
    ['The vote is next March 5.', 'next March 5', '2024-03-05'],
  ])('%s: a modifier before the date → %s = %s', (text, words, timex) => {
    expect(mentionIn(text, words, A, 'en').resolution.timex).toBe(timex);
  });
});

describe('extract: cues of what is to come', () => {
  it.each([
    ['Analysts expect a rebound on Friday.', 'Friday', '2023-11-03', 'expect'],
    ['The ministry forecasts a surplus for Monday.', 'Monday', '2023-11-06', 'forecasts'],
    ['The hearing was put off until Monday.', 'Monday', '2023-11-06', 'until'],
  ])('%s → "%s" = %s (cue %s)', (text, words, timex, cue) => {
    const mention = mentionIn(text, words, A, 'en');
    expect(mention.resolution).toMatchObject({ timex, direction: 'future' });
    expect(mention.cue).toBe(cue);
  });

  it.each(['Until Monday, the envoys had not met.', 'It was not until Monday that the envoys met.'])(
    '%s: "until" looking back is no cue',
    (text) => {
      expect(mentionIn(text, 'Monday', A, 'en').resolution).toMatchObject({ timex: '2023-10-30', direction: 'past' });
    },
  );
});

describe("extract: a narrative's own time", () => {
  it.each([
    ['On 22 May 2015 he was promoted, and the following year he moved to Paris.', 'the following year', '2016'],
    ['In March 2019 the firm was sold; the following month its chief resigned.', 'the following month', '2019-04'],
    ['Elections are due the following year.', 'the following year', '2024'],
    ['Last year the treaty lapsed; the following year it was renewed.', 'the following year', '2023'],
  ])('%s → "%s" = %s', (text, words, timex) => {
    expect(mentionIn(text, words, A, 'en').resolution.timex).toBe(timex);
  });

  it.each([
    ['He fled in June 2019 and returned later that year.', 'later that year', '2019'],
    ['Imports doubled in 2015; exports fell that year.', 'that year', '2015'],
    ['Shares closed Friday 5% above the previous Friday.', 'the previous Friday', '2023-10-20'],
  ])('%s → "%s" = %s', (text, words, timex) => {
    expect(mentionIn(text, words, A, 'en').resolution.timex).toBe(timex);
  });

  it('reads a spoken year with a hyphen whole', () => {
    expect(mentionIn('In nineteen ninety-one the wall fell.', 'nineteen ninety-one', A, 'en').resolution.timex).toBe(
      '1991',
    );
  });
});

describe('extract: the week of a day', () => {
  it.each([
    ['A hearing is set for the week of November 13.', 'the week of November 13', '2023-W46'],
    ['Crowds gathered as Easter week began.', 'Easter week', '2023-W14'],
  ])('%s → "%s" = %s', (text, words, timex) => {
    expect(mentionIn(text, words, A, 'en').resolution.timex).toBe(timex);
  });

  it.each([
    ['Easter 2000', '2000-04-23'],
    ['Easter 2019', '2019-04-21'],
    ['Easter 2038', '2038-04-25'],
    ['Easter 1818', '1818-03-22'],
  ])('%s falls on %s (Western Easter, Gregorian computus)', (words, timex) => {
    expect(mentionIn(`They met at ${words}.`, words, A, 'en').resolution.timex).toBe(timex);
  });
});
