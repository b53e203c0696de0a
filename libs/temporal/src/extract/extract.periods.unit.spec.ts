import { describe, expect, it } from '@jest/globals';
import { A } from '../testing/resolution.fixtures';
import { type FamilyRow, mentionIn } from '../testing/extract.fixtures';

// Anchor A = 2023-11-01. Islamic dates on the Umm al-Qura calendar (Intl, islamic-umalqura).
const families: Record<string, FamilyRow[]> = {
  spans: [
    ['Prices rose over the past two weeks.', 'over the past two weeks', '2023-10-19/2023-11-01'],
    ['ارتفعت الأسعار خلال الأسبوعين الماضيين', 'الأسبوعين الماضيين', '2023-10-19/2023-11-01'],
    ['It rained the last 3 days.', 'the last 3 days', '2023-10-30/2023-11-01'],
    ['Talks continue over the next 2 months.', 'over the next 2 months', '2023-11-01/2023-12-31'],
    ['خلال الأيام الثلاثة الماضية', 'الأيام الثلاثة الماضية', '2023-10-30/2023-11-01'],
    ['خلال الأشهر الستة المقبلة', 'الأشهر الستة المقبلة', '2023-11-01/2024-04-30'],
    ['Shares fell the past week.', 'the past week', '2023-10-26/2023-11-01'],
  ],
  'quarters and halves': [
    ['Revenue grew in Q3 2023.', 'Q3 2023', '2023-Q3'],
    ['third-quarter profit', 'third-quarter', '2023-Q3'],
    ["this year's third quarter", "this year's third quarter", '2023-Q3'],
    ['against the 1988 second quarter', 'the 1988 second quarter', '1988-Q2'],
    ['نما الاقتصاد في الربع الثالث من العام الجاري', 'الربع الثالث من العام الجاري', '2023-Q3'],
    ['نما الاقتصاد في الربع الثالث', 'الربع الثالث', '2023-Q3'],
    ['Growth is expected in the first half of 2024.', 'the first half of 2024', '2024-H1'],
    ['في النصف الأول من العام المقبل', 'النصف الأول من العام المقبل', '2024-H1'],
  ],
  seasons: [
    ['They met last summer.', 'last summer', '2023-SU'],
    ['التقيا الصيف الماضي', 'الصيف الماضي', '2023-SU'],
    ['It snowed in winter 2022.', 'winter 2022', '2022-WI'],
    ['يعقد المؤتمر في الربيع المقبل', 'الربيع المقبل', '2024-SP'],
  ],
  'decades and centuries': [
    ['Relations soured in the 1990s.', 'the 1990s', '199'],
    ['Relations soured in the nineties.', 'the nineties', '199'],
    ['توترت العلاقات في التسعينيات', 'التسعينيات', '199'],
    ['wars of the 20th century', 'the 20th century', '19'],
    ['حروب القرن العشرين', 'القرن العشرين', '19'],
    ['ويعود تاريخ العلاقات إلى ستينيات القرن الماضي', 'ستينيات القرن الماضي', '196'],
    ['تضاعفت التجارة خلال العقد الماضي', 'العقد الماضي', '201'],
    ['Trade doubled over the last decade.', 'the last decade', '201'],
  ],
  'holidays, fixed and moveable': [
    ['They met at Christmas 2022.', 'Christmas 2022', '2022-12-25'],
    ['They met last Christmas.', 'last Christmas', '2022-12-25'],
    ['Markets close on Thanksgiving 2023.', 'Thanksgiving 2023', '2023-11-23'],
    ['The pilgrims arrive at Easter 2024.', 'Easter 2024', '2024-03-31'],
    ['يحتفلون بعيد الميلاد المقبل', 'عيد الميلاد المقبل', '2023-12-25'],
    ['احتفلوا بعيد الفصح 2024', 'عيد الفصح 2024', '2024-03-31'],
    ['The ceasefire held over the Islamic New Year.', 'the Islamic New Year', '2023-07-19'],
  ],
  'Islamic holidays and Hijri dates': [
    ['زار مكة في عيد الفطر الماضي', 'عيد الفطر الماضي', '2023-04-21'],
    ['The truce began on Eid al-Adha 2023.', 'Eid al-Adha 2023', '2023-06-28'],
    ['يبدأ البرنامج في رمضان المقبل', 'رمضان المقبل', '2024-03-11/2024-04-09'],
    ['Talks resume after Eid al-Fitr 2024.', 'Eid al-Fitr 2024', '2024-04-10'],
    ['صدر في رأس السنة الهجرية', 'رأس السنة الهجرية', '2023-07-19'],
    ['احتفل بالمولد النبوي', 'المولد النبوي', '2023-09-27'],
    ['صدر المرسوم في 15 رمضان 1444', '15 رمضان 1444', '2023-04-06'],
    ['أعلن العيد غرة شوال', 'غرة شوال', '2023-04-21'],
    ['الميزانية في العام 1445هـ', 'العام 1445هـ', '2023-07-19/2024-07-06'],
  ],
  'present and vague references': [
    ['يقيم حاليا في باريس', 'حاليا', 'PRESENT_REF'],
    ['He is currently in Paris.', 'currently', 'PRESENT_REF'],
    ['تصاعد التوتر مؤخرا', 'مؤخرا', 'PAST_REF'],
    ['A deal is expected in the coming days.', 'the coming days', 'FUTURE_REF'],
    ['يتوقع الاتفاق في الأيام المقبلة', 'الأيام المقبلة', 'FUTURE_REF'],
    ['Profit for the year rose 5%.', 'the year', '2023'],
  ],
};

describe('extract: period families', () => {
  for (const [family, rows] of Object.entries(families)) {
    it.each(rows)(`${family}: %s → "%s" = %s`, (text, words, timex, anchor = A) => {
      expect(mentionIn(text, words, anchor).resolution.timex).toBe(timex);
    });
  }

  it.each([
    ['late November', '2023-11', 'END', '2023-11-21', '2023-11-30'],
    ['أواخر نوفمبر', '2023-11', 'END', '2023-11-21', '2023-11-30'],
    ['early 2017', '2017', 'START', '2017-01-01', '2017-04-30'],
    ['منتصف مارس', '2023-03', 'MID', '2023-03-11', '2023-03-20'],
    ['مطلع الأسبوع المقبل', '2023-W45', 'START', '2023-11-06', '2023-11-07'],
    ['late this week', '2023-W44', 'END', '2023-11-03', '2023-11-05'],
    ['أوائل التسعينيات', '199', 'START', '1990-01-01', '1993-12-31'],
    ['the late 1980s', '198', 'END', '1987-01-01', '1989-12-31'],
  ])('%s: TIMEX3 value %s with mod %s, days %s..%s', (words, timex, mod, start, end) => {
    expect(mentionIn(`It happened ${words}.`, words, A).resolution).toMatchObject({ timex, mod, start, end });
  });
});
