/** Fixed word lists for the generated timeline: real country codes and capitals, Arabic and English text. */

export type Lang = 'ar' | 'en';

/** [English, Arabic]: every name exists in both scripts, so an Arabic item names its actors in Arabic. */
export type Bilingual = readonly [string, string];

export interface Country {
  code: string;
  /** Relative share of actors: news coverage is uneven. */
  weight: number;
  cities: readonly Bilingual[];
  /** Actors from here get Arabic names (else the generic list, transliterated). */
  arab: boolean;
}

const c = (code: string, weight: number, arab: boolean, ...cities: Bilingual[]): Country => ({
  code,
  weight,
  cities,
  arab,
});

export const COUNTRIES: readonly Country[] = [
  c('USA', 8, false, ['Washington', 'واشنطن'], ['New York', 'نيويورك']),
  c('FRA', 5, false, ['Paris', 'باريس']),
  c('GBR', 4, false, ['London', 'لندن']),
  c('DEU', 3, false, ['Berlin', 'برلين']),
  c('RUS', 5, false, ['Moscow', 'موسكو']),
  c('CHN', 4, false, ['Beijing', 'بكين']),
  c('JPN', 2, false, ['Tokyo', 'طوكيو']),
  c('IND', 2, false, ['New Delhi', 'نيودلهي']),
  c('BRA', 1, false, ['Brasília', 'برازيليا']),
  c('TUR', 4, false, ['Ankara', 'أنقرة'], ['Istanbul', 'إسطنبول']),
  c('IRN', 4, false, ['Tehran', 'طهران']),
  c('IRQ', 3, true, ['Baghdad', 'بغداد']),
  c('SYR', 3, true, ['Damascus', 'دمشق']),
  c('SAU', 4, true, ['Riyadh', 'الرياض'], ['Jeddah', 'جدة']),
  c('ARE', 3, true, ['Abu Dhabi', 'أبوظبي'], ['Dubai', 'دبي']),
  c('QAT', 3, true, ['Doha', 'الدوحة']),
  c('EGY', 4, true, ['Cairo', 'القاهرة']),
  c('JOR', 2, true, ['Amman', 'عمّان']),
  c('LBN', 2, true, ['Beirut', 'بيروت']),
  c('ISR', 3, false, ['Jerusalem', 'القدس']),
  c('PSE', 2, true, ['Ramallah', 'رام الله']),
  c('MAR', 2, true, ['Rabat', 'الرباط']),
  c('DZA', 2, true, ['Algiers', 'الجزائر']),
  c('TUN', 1, true, ['Tunis', 'تونس']),
  c('LBY', 2, true, ['Tripoli', 'طرابلس']),
  c('YEM', 2, true, ['Sanaa', 'صنعاء']),
  c('OMN', 1, true, ['Muscat', 'مسقط']),
  c('KWT', 1, true, ['Kuwait City', 'الكويت']),
  c('BHR', 1, true, ['Manama', 'المنامة']),
  c('KAZ', 1, false, ['Astana', 'أستانا']),
  c('UKR', 2, false, ['Kyiv', 'كييف']),
  c('POL', 1, false, ['Warsaw', 'وارسو']),
  c('ITA', 2, false, ['Rome', 'روما']),
  c('ESP', 1, false, ['Madrid', 'مدريد']),
  c('CAN', 1, false, ['Ottawa', 'أوتاوا']),
  c('PAK', 2, false, ['Islamabad', 'إسلام آباد']),
  c('AFG', 1, false, ['Kabul', 'كابل']),
  c('ZAF', 1, false, ['Pretoria', 'بريتوريا']),
  c('NGA', 1, false, ['Abuja', 'أبوجا']),
  c('ETH', 1, false, ['Addis Ababa', 'أديس أبابا']),
];

/** [slug, English, Arabic] name parts. */
export type NamePart = readonly [string, string, string];

export const ARAB_FIRST: readonly NamePart[] = [
  ['ahmed', 'Ahmed', 'أحمد'],
  ['mohammed', 'Mohammed', 'محمد'],
  ['ali', 'Ali', 'علي'],
  ['omar', 'Omar', 'عمر'],
  ['khaled', 'Khaled', 'خالد'],
  ['youssef', 'Youssef', 'يوسف'],
  ['hassan', 'Hassan', 'حسن'],
  ['ibrahim', 'Ibrahim', 'إبراهيم'],
  ['abdullah', 'Abdullah', 'عبدالله'],
  ['faisal', 'Faisal', 'فيصل'],
  ['tarek', 'Tarek', 'طارق'],
  ['nabil', 'Nabil', 'نبيل'],
  ['samir', 'Samir', 'سمير'],
  ['fatima', 'Fatima', 'فاطمة'],
  ['layla', 'Layla', 'ليلى'],
  ['mariam', 'Mariam', 'مريم'],
  ['huda', 'Huda', 'هدى'],
  ['rania', 'Rania', 'رانيا'],
  ['nadia', 'Nadia', 'نادية'],
  ['salem', 'Salem', 'سالم'],
];

export const ARAB_LAST: readonly NamePart[] = [
  ['al-masri', 'Al-Masri', 'المصري'],
  ['al-hashimi', 'Al-Hashimi', 'الهاشمي'],
  ['al-tamimi', 'Al-Tamimi', 'التميمي'],
  ['al-qasimi', 'Al-Qasimi', 'القاسمي'],
  ['haddad', 'Haddad', 'حداد'],
  ['khoury', 'Khoury', 'خوري'],
  ['mansour', 'Mansour', 'منصور'],
  ['nasser', 'Nasser', 'ناصر'],
  ['saleh', 'Saleh', 'صالح'],
  ['al-otaibi', 'Al-Otaibi', 'العتيبي'],
  ['bensaid', 'Bensaid', 'بن سعيد'],
  ['al-amin', 'Al-Amin', 'الأمين'],
  ['darwish', 'Darwish', 'درويش'],
  ['al-shami', 'Al-Shami', 'الشامي'],
  ['zayed', 'Zayed', 'زايد'],
  ['aziz', 'Aziz', 'عزيز'],
];

export const OTHER_FIRST: readonly NamePart[] = [
  ['john', 'John', 'جون'],
  ['emmanuel', 'Emmanuel', 'إيمانويل'],
  ['anna', 'Anna', 'آنا'],
  ['sergei', 'Sergei', 'سيرغي'],
  ['wang', 'Wang', 'وانغ'],
  ['hiroshi', 'Hiroshi', 'هيروشي'],
  ['rajesh', 'Rajesh', 'راجيش'],
  ['maria', 'Maria', 'ماريا'],
  ['pierre', 'Pierre', 'بيير'],
  ['olaf', 'Olaf', 'أولاف'],
  ['james', 'James', 'جيمس'],
  ['elena', 'Elena', 'إيلينا'],
  ['mehmet', 'Mehmet', 'مهمت'],
  ['david', 'David', 'ديفيد'],
  ['carlos', 'Carlos', 'كارلوس'],
  ['olena', 'Olena', 'أولينا'],
];

export const OTHER_LAST: readonly NamePart[] = [
  ['smith', 'Smith', 'سميث'],
  ['dupont', 'Dupont', 'دوبون'],
  ['schmidt', 'Schmidt', 'شميت'],
  ['ivanov', 'Ivanov', 'إيفانوف'],
  ['chen', 'Chen', 'تشين'],
  ['tanaka', 'Tanaka', 'تاناكا'],
  ['sharma', 'Sharma', 'شارما'],
  ['silva', 'Silva', 'سيلفا'],
  ['yilmaz', 'Yilmaz', 'يلماز'],
  ['kowalski', 'Kowalski', 'كوفالسكي'],
  ['rossi', 'Rossi', 'روسي'],
  ['garcia', 'Garcia', 'غارسيا'],
  ['brown', 'Brown', 'براون'],
  ['martin', 'Martin', 'مارتان'],
  ['kovalenko', 'Kovalenko', 'كوفالينكو'],
  ['okafor', 'Okafor', 'أوكافور'],
];

/** [CAMEO code, weight, English title, Arabic title]: {a}, {b} actors, {city}, {topic}. */
export const EVENT_KINDS: readonly (readonly [string, number, string, string])[] = [
  ['010', 10, '{a} makes a statement on {topic}', '{a} يدلي بتصريح حول {topic}'],
  ['013', 4, '{a} voices optimism over {topic}', '{a} يبدي تفاؤله بشأن {topic}'],
  ['036', 6, '{a} signals readiness to meet {b} over {topic}', '{a} يعلن استعداده للقاء {b} لبحث {topic}'],
  ['042', 10, '{a} visits {city} for talks on {topic}', '{a} يزور {city} لإجراء محادثات حول {topic}'],
  ['043', 8, '{a} hosts {b} in {city}', '{a} يستقبل {b} في {city}'],
  ['046', 8, '{a} and {b} hold negotiations on {topic}', '{a} و{b} يجريان مفاوضات بشأن {topic}'],
  ['051', 4, '{a} praises {b} for its role in {topic}', '{a} يشيد بدور {b} في {topic}'],
  ['057', 5, '{a} and {b} sign an agreement on {topic}', '{a} و{b} يوقعان اتفاقية بشأن {topic}'],
  ['0331', 3, '{a} pledges economic aid to {b}', '{a} يتعهد بتقديم مساعدات اقتصادية إلى {b}'],
  ['111', 6, '{a} criticises {b} over {topic}', '{a} ينتقد {b} بسبب {topic}'],
  ['112', 4, '{a} accuses {b} of undermining {topic}', '{a} يتهم {b} بتقويض {topic}'],
  ['120', 4, '{a} rejects a proposal by {b} on {topic}', '{a} يرفض مقترح {b} بشأن {topic}'],
  ['173', 1, '{a} detains a delegation linked to {b}', '{a} يحتجز وفدًا مرتبطًا بـ{b}'],
  ['190', 2, 'Clashes near {city} as {a} responds to {b}', 'اشتباكات قرب {city} بعد رد {a} على {b}'],
];

/** What {b} becomes when an item has a single actor. */
export const COUNTERPART: Bilingual = ['its partners', 'شركائه'];

export const TOPICS: readonly Bilingual[] = [
  ['energy cooperation', 'التعاون في مجال الطاقة'],
  ['the ceasefire', 'وقف إطلاق النار'],
  ['trade and investment', 'التجارة والاستثمار'],
  ['regional security', 'الأمن الإقليمي'],
  ['the nuclear programme', 'البرنامج النووي'],
  ['refugee returns', 'عودة اللاجئين'],
  ['water sharing', 'تقاسم المياه'],
  ['maritime borders', 'الحدود البحرية'],
  ['counter-terrorism', 'مكافحة الإرهاب'],
  ['reconstruction', 'إعادة الإعمار'],
  ['grain exports', 'صادرات الحبوب'],
  ['the peace process', 'عملية السلام'],
  ['climate finance', 'تمويل المناخ'],
  ['visa liberalisation', 'تسهيل التأشيرات'],
  ['prisoner exchange', 'تبادل الأسرى'],
  ['oil production quotas', 'حصص إنتاج النفط'],
  ['the humanitarian corridor', 'الممر الإنساني'],
  ['debt relief', 'تخفيف الديون'],
];

/**
 * The rare topic: its words appear nowhere else, so `q=desalination` and `q=تحلية` match exactly the items
 * it was planted in (RARE_TOPIC_SHARE of each language, so about 1% of all items each).
 */
export const RARE_TOPIC: Bilingual = ['water desalination', 'تحلية المياه'];
export const RARE_WORDS: Bilingual = ['desalination', 'تحلية'];
export const RARE_TOPIC_SHARE = 0.02;

/** Quote sentences; the first sentence of every quote names the item's topic. */
export const TOPIC_SENTENCES: readonly Bilingual[] = [
  [
    'We agreed that {topic} must remain at the top of our common agenda.',
    'اتفقنا على أن يبقى ملف {topic} على رأس جدول أعمالنا المشترك.',
  ],
  [
    'Talks on {topic} were frank, constructive and focused on concrete results.',
    'كانت المحادثات بشأن {topic} صريحة وبناءة وركزت على نتائج ملموسة.',
  ],
  ['There is no alternative to cooperation on {topic}.', 'لا بديل عن التعاون في ملف {topic}.'],
];

export const SENTENCES: readonly Bilingual[] = [
  [
    'Our two countries share a long history and a common interest in stability.',
    'يجمع بلدينا تاريخ طويل ومصلحة مشتركة في تحقيق الاستقرار.',
  ],
  [
    'There can be no lasting solution without a serious and inclusive dialogue.',
    'لا يمكن التوصل إلى حل دائم من دون حوار جاد وشامل.',
  ],
  [
    'We will continue to work with our partners in the region and beyond.',
    'سنواصل العمل مع شركائنا في المنطقة وخارجها.',
  ],
  [
    'The strength of our partnership shows the good strategic direction that has been taken.',
    'إن قوة شراكتنا تظهر الاتجاه الاستراتيجي الجيد الذي تم اتخاذه، والحاجة إلى استكماله وتسريعه.',
  ],
  [
    'This visit opens a new chapter in relations between our peoples.',
    'تفتح هذه الزيارة صفحة جديدة في العلاقات بين شعبينا.',
  ],
  [
    'We call on all parties to exercise restraint and respect international law.',
    'ندعو جميع الأطراف إلى ضبط النفس واحترام القانون الدولي.',
  ],
  ['We expect the first results before the end of the year.', 'نتوقع ظهور النتائج الأولى قبل نهاية العام.'],
  [
    'Nobody benefits from escalation; the region needs calm and investment.',
    'لا أحد يستفيد من التصعيد، فالمنطقة بحاجة إلى الهدوء والاستثمار.',
  ],
  [
    'The ministers will meet again next month to review progress.',
    'سيجتمع الوزراء مجددًا الشهر المقبل لمراجعة ما تحقق من تقدم.',
  ],
];

export const PUBLISHERS: readonly (readonly [string, Lang, string])[] = [
  ['Al Jazeera', 'ar', 'www.aljazeera.net'],
  ['Asharq Al-Awsat', 'ar', 'aawsat.com'],
  ['Al-Ahram', 'ar', 'gate.ahram.org.eg'],
  ['SANA', 'ar', 'sana.sy'],
  ['Reuters', 'en', 'www.reuters.com'],
  ['Associated Press', 'en', 'apnews.com'],
  ['Anadolu Agency', 'en', 'www.aa.com.tr'],
  ['France 24', 'en', 'www.france24.com'],
];

export const MONTHS: Readonly<Record<Lang, readonly string[]>> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  ar: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
};
