import { lexicon } from './lexicon';

/** Gregorian holidays on a fixed day: [month, day]. */
export const FIXED_HOLIDAYS = lexicon<readonly [number, number]>([
  [
    [1, 1],
    ["new year's day", 'new years day', 'رأس السنة الميلادية', 'رأس السنة'],
  ],
  [
    [12, 25],
    ['christmas', 'christmas day', 'عيد الميلاد', 'عيد الميلاد المجيد'],
  ],
  [
    [12, 24],
    ['christmas eve', 'ليلة عيد الميلاد'],
  ],
  [
    [12, 31],
    ["new year's eve", 'new years eve', 'ليلة رأس السنة'],
  ],
  [
    [7, 4],
    ['independence day', 'the fourth of july', 'fourth of july'],
  ],
  [
    [11, 11],
    ['veterans day', 'armistice day'],
  ],
  [
    [5, 1],
    ['may day', 'labour day', 'عيد العمال'],
  ],
  [
    [2, 14],
    ["valentine's day", 'valentines day', 'عيد الحب'],
  ],
  [
    [1, 7],
    ['orthodox christmas', 'عيد الميلاد الأرثوذكسي'],
  ],
]);

/** Gregorian holidays on the nth weekday of a month: [month, weekday (1 = Monday), nth (-1 = last)]. */
export const NTH_WEEKDAY_HOLIDAYS = lexicon<readonly [number, number, number]>([
  [
    [11, 4, 4],
    ['thanksgiving', 'thanksgiving day'],
  ],
  [[5, 1, -1], ['memorial day']],
  [[9, 1, 1], ['labor day']],
  [
    [1, 1, 3],
    ['martin luther king day', 'martin luther king jr day'],
  ],
  [
    [2, 1, 3],
    ["presidents' day", 'presidents day'],
  ],
]);

/** Days relative to (Western) Easter Sunday. */
export const EASTER_HOLIDAYS = lexicon<number>([
  [0, ['easter', 'easter sunday', 'عيد الفصح']],
  [-2, ['good friday', 'الجمعة العظيمة']],
  [1, ['easter monday']],
]);

/** Islamic holidays as Hijri [month, first day, last day] (Umm al-Qura). */
export const ISLAMIC_HOLIDAYS = lexicon<readonly [number, number, number]>([
  [
    [10, 1, 1],
    ['عيد الفطر', 'عيد الفطر المبارك', 'eid al-fitr', 'eid al fitr', 'eid ul-fitr', 'eid ul fitr'],
  ],
  [
    [12, 10, 10],
    ['عيد الأضحى', 'عيد الأضحى المبارك', 'eid al-adha', 'eid al adha', 'eid ul-adha', 'eid ul adha'],
  ],
  [
    [9, 1, 30],
    ['رمضان', 'شهر رمضان', 'شهر رمضان المبارك', 'رمضان المبارك', 'ramadan', 'the holy month of ramadan'],
  ],
  [
    [1, 1, 1],
    ['رأس السنة الهجرية', 'السنة الهجرية الجديدة', 'islamic new year', 'hijri new year'],
  ],
  [
    [3, 12, 12],
    ['المولد النبوي', 'المولد النبوي الشريف', 'mawlid', 'mawlid al-nabi', "the prophet's birthday"],
  ],
  [
    [12, 9, 9],
    ['يوم عرفة', 'وقفة عرفات', 'day of arafah', 'arafat day'],
  ],
  [
    [1, 10, 10],
    ['عاشوراء', 'ashura'],
  ],
]);

/** Hijri month names (Umm al-Qura numbering). */
export const HIJRI_MONTHS = lexicon<number>([
  [1, ['محرم', 'muharram']],
  [2, ['صفر', 'safar']],
  [3, ['ربيع الأول', 'ربيع الاول', 'rabi al-awwal']],
  [4, ['ربيع الثاني', 'ربيع الآخر', 'rabi al-thani']],
  [5, ['جمادى الأولى', 'جمادى الاولى', 'jumada al-awwal']],
  [6, ['جمادى الآخرة', 'جمادى الثانية', 'jumada al-thani']],
  [7, ['رجب', 'rajab']],
  [8, ['شعبان', 'shaban', "sha'ban"]],
  [9, ['رمضان', 'ramadan']],
  [10, ['شوال', 'shawwal']],
  [11, ['ذو القعدة', 'ذي القعدة', 'dhu al-qadah']],
  [12, ['ذو الحجة', 'ذي الحجة', 'dhu al-hijjah']],
]);

/** The Hijri era mark: "1445 هـ", "1445 هجري", "1445 AH". */
export const HIJRI_ERA = ['هـ', 'ه', 'هجري', 'هجرية', 'للهجرة', 'ah'];
