import { describe, expect, it } from '@jest/globals';
import { A } from '../testing/resolution.fixtures';
import { type FamilyRow, mentionIn } from '../testing/extract.fixtures';

// Anchor A = 2023-11-01, a Wednesday in ISO week 2023-W44.
const families: Record<string, FamilyRow[]> = {
  'day ranges and paired days': [
    ['عقد المؤتمر من 13 إلى 15 تموز', 'من 13 إلى 15 تموز', '2023-07-13/2023-07-15'],
    ['جرت المحادثات 13 الى 15 يوليو في جنيف', '13 الى 15 يوليو', '2023-07-13/2023-07-15'],
    ['التقى الوفدان بين 13 و15 يوليو', 'بين 13 و15 يوليو', '2023-07-13/2023-07-15'],
    ['The talks ran July 13 - July 15 in Geneva.', 'July 13 - July 15', '2023-07-13/2023-07-15'],
    ['The summit ran from 13th to 15th July.', 'from 13th to 15th July', '2023-07-13/2023-07-15'],
    ['Delegates met 13 through 15 July.', '13 through 15 July', '2023-07-13/2023-07-15'],
    ['The visit lasted from 30 June to 2 July.', 'from 30 June to 2 July', '2023-06-30/2023-07-02'],
    ['وصل الوزير يومي 12 و13 مارس', 'يومي 12 و13 مارس', '2023-03-12/2023-03-13'],
    ['القمة ستعقد يومي 12 و13 من الشهر المقبل', 'يومي 12 و13 من الشهر المقبل', '2023-12-12/2023-12-13'],
    ['شهدت البلاد في الفترة من 1 إلى 10 أغسطس 2023 موجة حر', 'الفترة من 1 إلى 10 أغسطس 2023', '2023-08-01/2023-08-10'],
  ],
  'weekday with a date': [
    ['أعلن ذلك الخميس في 12 أكتوبر', 'الخميس في 12 أكتوبر', '2023-10-12'],
    ['وقع الاتفاق يوم الخميس الموافق 12 أكتوبر', 'يوم الخميس الموافق 12 أكتوبر', '2023-10-12'],
    ['It was signed on Thursday, October 12.', 'Thursday, October 12', '2023-10-12'],
    ['تبدأ الزيارة الجمعة 3 نوفمبر', 'الجمعة 3 نوفمبر', '2023-11-03'],
    ['صدر الاثنين 15 ربيع الآخر 1445هـ الموافق 30 أكتوبر 2023م', 'الاثنين 15 ربيع الآخر 1445هـ', '2023-10-30'],
    ['صدر الاثنين 15 ربيع الآخر 1445هـ الموافق 30 أكتوبر 2023م', '30 أكتوبر 2023م', '2023-10-30'],
  ],
  'weekday of a relative week': [
    ['وصل الأحد من الأسبوع الماضي', 'الأحد من الأسبوع الماضي', '2023-10-29'],
    ['غادر الثلاثاء من الأسبوع المقبل', 'الثلاثاء من الأسبوع المقبل', '2023-11-07'],
    ['He arrived on Tuesday of last week.', 'Tuesday of last week', '2023-10-24'],
    ['They meet Wednesday next week.', 'Wednesday next week', '2023-11-08'],
  ],
  synonyms: [
    ['يعقد الاجتماع الأسبوع التالي', 'الأسبوع التالي', '2023-W45'],
    ['في الشهر القادم', 'الشهر القادم', '2023-12'],
    ['The vote is set for the following week.', 'the following week', '2023-W45'],
    ['in the upcoming week', 'the upcoming week', '2023-W45'],
    ['He spoke past Friday.', 'past Friday', '2023-10-27'],
    ['It happened a fortnight ago.', 'a fortnight ago', '2023-W42'],
    ['The deal was struck 2 yrs ago.', '2 yrs ago', '2021'],
  ],
  'ordinal days and weeks': [
    ['the first Monday of March 2023', 'the first Monday of March 2023', '2023-03-06'],
    ['يعقد الاجتماع في أول خميس من الشهر', 'أول خميس من الشهر', '2023-11-02'],
    ['the last week of April 2023', 'the last week of April 2023', '2023-W17'],
    ['في الأسبوع الأخير من الشهر الماضي', 'الأسبوع الأخير من الشهر الماضي', '2023-W43'],
    ['قال إنه وصل في الخامس عشر من الشهر', 'الخامس عشر من الشهر', '2023-11-15'],
    ['The ballots were counted on the 15th.', 'on the 15th', '2023-10-15'],
    ['وقعت الحادثة في الخامس عشر من مايو', 'الخامس عشر من مايو', '2023-05-15'],
    ['It began on the fifteenth of May.', 'the fifteenth of May', '2023-05-15'],
    ['الحادي والعشرين من سبتمبر', 'الحادي والعشرين من سبتمبر', '2023-09-21'],
    ['انتهت المهلة في شهر 3', 'شهر 3', '2023-03'],
    ['تنتهي المهلة في الثامن من الشهر الجاري', 'الثامن من الشهر الجاري', '2023-11-08'],
    ['وصل يوم 25 من الشهر الماضي', 'يوم 25 من الشهر الماضي', '2023-10-25'],
  ],
  'spoken years': [
    ['It was founded in nineteen ninety-six.', 'nineteen ninety-six', '1996'],
    ['by the year two thousand', 'the year two thousand', '2000'],
    ['in January nineteen ninety-seven', 'January nineteen ninety-seven', '1997-01'],
  ],
  'numeric dates': [
    ['صدر القرار بتاريخ 15/3/2023', '15/3/2023', '2023-03-15'],
    ['صدر القرار بتاريخ 2023/03/15', '2023/03/15', '2023-03-15'],
    ['The decree dated 15.03.2023 was published.', '15.03.2023', '2023-03-15'],
    ['The decree dated 3/15/2023 was published.', '3/15/2023', '2023-03-15'],
  ],
  'colloquial and news-wire forms': [
    ['رح نشوفك بكرة', 'بكرة', '2023-11-02'],
    ['شفته امبارح', 'امبارح', '2023-10-31'],
    ['وصل أمس الأول', 'أمس الأول', '2023-10-30'],
    ['وصل أول أمس', 'أول أمس', '2023-10-30'],
    ['أعلن الوزير في وقت سابق من اليوم', 'في وقت سابق من اليوم', '2023-11-01'],
    ['The minister said earlier today that', 'earlier today', '2023-11-01'],
    ['أعلن اليوم (الأربعاء) أن', 'اليوم (الأربعاء)', '2023-11-01'],
    ['موسكو في 12 أكتوبر/سانا/ أعلن الكرملين', '12 أكتوبر', '2023-10-12'],
    ['LONDON, July 7 (Reuters) - Ministers met.', 'July 7', '2023-07-07'],
  ],
};

describe('extract: day families', () => {
  for (const [family, rows] of Object.entries(families)) {
    it.each(rows)(`${family}: %s → "%s" = %s`, (text, words, timex, anchor = A) => {
      expect(mentionIn(text, words, anchor).resolution.timex).toBe(timex);
    });
  }
});
