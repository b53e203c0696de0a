/* global document */
// How dates, countries, types and languages read on the page. Dates are ISO strings from the API, parsed by
// hand (never through Date) so a viewer's time zone cannot move a day.

export const MONTHS = [
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
];
const SHORT = MONTHS.map((m) => m.slice(0, 3));
const DAY_MS = 86_400_000;

export function parseDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d };
}

const dayText = ({ d, m, y }) => `${d} ${SHORT[m - 1]} ${y}`;
const monthText = ({ m, y }) => `${MONTHS[m - 1]} ${y}`;

function spanText(a, b) {
  if (a.y !== b.y) return `${dayText(a)} – ${dayText(b)}`;
  if (a.m !== b.m) return `${a.d} ${SHORT[a.m - 1]} – ${b.d} ${SHORT[b.m - 1]} ${b.y}`;
  return `${a.d}–${b.d} ${SHORT[a.m - 1]} ${a.y}`;
}

function days(start, end) {
  return (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS + 1;
}

function vagueText(date) {
  const past = date.timex !== 'FUTURE_REF';
  const length = days(date.start, date.end);
  const unit = length > 400 ? 'years' : length > 45 ? 'months' : length > 10 ? 'weeks' : 'days';
  const edge = parseDay(past ? date.end : date.start);
  return past ? `recent ${unit} (to ${dayText(edge)})` : `coming ${unit} (from ${dayText(edge)})`;
}

/** "1 Nov 2023", "2–3 Nov 2023", "week of 23 Oct 2023", "June 2023", "1994", "recent months (to 1 Nov 2023)". */
export function dateLabel(date) {
  const start = parseDay(date.start);
  const end = parseDay(date.end);
  switch (date.precision) {
    case 'day':
      return date.start === date.end ? dayText(start) : spanText(start, end);
    case 'week':
      return `week of ${dayText(start)}`;
    case 'month':
      if (start.y === end.y && start.m === end.m) return monthText(start);
      return start.y === end.y
        ? `${SHORT[start.m - 1]}–${SHORT[end.m - 1]} ${end.y}`
        : `${monthText(start)} – ${monthText(end)}`;
    case 'year':
      return start.y === end.y ? String(start.y) : `${start.y}–${end.y}`;
    default:
      return vagueText(date);
  }
}

/** A value for <time datetime>: the timex when HTML accepts it (day, week, month, year), else the start day. */
export function machineDate(date) {
  return /^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$/.test(date.timex) ? date.timex : date.start;
}

/** Timeline groups: the year, then the month — or, for whole-year and loose dates, the year alone. */
export function groupOf(item) {
  const { y, m } = parseDay(item.date.start);
  if (item.date.precision === 'year') return { year: y, key: `${y}`, label: 'During the year' };
  if (item.date.precision === 'vague') return { year: y, key: `${y}-vague`, label: 'Loosely dated' };
  return { year: y, key: `${y}-${m}`, label: MONTHS[m - 1] };
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
/** A recording instant in the viewer's own time zone. */
export function instantLabel(iso) {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : dateTime.format(at);
}

/** The alpha-3 codes met so far → alpha-2, for flag emoji; unknown codes simply get no flag. */
const ALPHA2 = {
  AFG: 'AF',
  ARE: 'AE',
  ARM: 'AM',
  AUS: 'AU',
  AZE: 'AZ',
  BEL: 'BE',
  BLR: 'BY',
  BRA: 'BR',
  CAN: 'CA',
  CHE: 'CH',
  CHN: 'CN',
  DEU: 'DE',
  EGY: 'EG',
  ESP: 'ES',
  FRA: 'FR',
  GBR: 'GB',
  GEO: 'GE',
  IND: 'IN',
  IRN: 'IR',
  IRQ: 'IQ',
  ISR: 'IL',
  ITA: 'IT',
  JOR: 'JO',
  JPN: 'JP',
  KAZ: 'KZ',
  KGZ: 'KG',
  KOR: 'KR',
  LBN: 'LB',
  MNG: 'MN',
  NLD: 'NL',
  PAK: 'PK',
  POL: 'PL',
  PRK: 'KP',
  PSE: 'PS',
  QAT: 'QA',
  RUS: 'RU',
  SAU: 'SA',
  SYR: 'SY',
  TJK: 'TJ',
  TKM: 'TM',
  TUR: 'TR',
  UKR: 'UA',
  USA: 'US',
  UZB: 'UZ',
};

const regionNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : null;

/** "France" for FRA when the code is one we know; undefined otherwise. */
export function countryName(alpha3) {
  const alpha2 = ALPHA2[alpha3];
  try {
    return alpha2 && regionNames ? regionNames.of(alpha2) : undefined;
  } catch {
    return undefined;
  }
}

let flagsRender;
/** Some systems (Windows, fontless servers) draw flag emoji as two letters; then the code alone reads better. */
function canRenderFlags() {
  if (flagsRender !== undefined) return flagsRender;
  flagsRender = false;
  try {
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (!ctx) return flagsRender;
    ctx.canvas.width = ctx.canvas.height = 32;
    ctx.font = '24px sans-serif';
    ctx.textBaseline = 'top';
    ctx.fillText('\u{1F1EB}\u{1F1F7}', 0, 0);
    const pixels = ctx.getImageData(0, 0, 32, 32).data;
    for (let i = 0; i < pixels.length; i += 4) {
      const [r, g, b, a] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
      if (a > 0 && (Math.abs(r - g) > 40 || Math.abs(g - b) > 40)) return (flagsRender = true);
    }
  } catch {
    flagsRender = false;
  }
  return flagsRender;
}

/** 🇫🇷 for FRA (regional indicators of the alpha-2 code), or '' when unknown or not drawable. */
export function flag(alpha3) {
  const alpha2 = ALPHA2[alpha3];
  if (!alpha2 || !canRenderFlags()) return '';
  return String.fromCodePoint(...[...alpha2].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'ckb', 'dv']);
/** lang and dir attributes for text in a source's language. */
export function languageAttributes(language) {
  const lang = typeof language === 'string' && /^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language) ? language : null;
  const primary = lang?.split('-')[0].toLowerCase();
  return { lang: lang ?? undefined, dir: primary && RTL.has(primary) ? 'rtl' : 'auto' };
}

/** CAMEO roots, for the type filter's suggestions and the record form's. */
export const CAMEO_ROOTS = [
  ['01', 'Make public statement'],
  ['02', 'Appeal'],
  ['03', 'Express intent to cooperate'],
  ['04', 'Consult'],
  ['05', 'Engage in diplomatic cooperation'],
  ['06', 'Engage in material cooperation'],
  ['07', 'Provide aid'],
  ['08', 'Yield'],
  ['09', 'Investigate'],
  ['10', 'Demand'],
  ['11', 'Disapprove'],
  ['12', 'Reject'],
  ['13', 'Threaten'],
  ['14', 'Protest'],
  ['15', 'Exhibit force posture'],
  ['16', 'Reduce relations'],
  ['17', 'Coerce'],
  ['18', 'Assault'],
  ['19', 'Fight'],
  ['20', 'Use unconventional mass violence'],
];

export const COMMON_CAMEO_CODES = [
  ['010', 'Make statement'],
  ['013', 'Make optimistic comment'],
  ['036', 'Express intent to meet or negotiate'],
  ['040', 'Consult'],
  ['042', 'Make a visit'],
  ['043', 'Host a visit'],
  ['044', "Meet at a 'third' location"],
  ['046', 'Engage in negotiation'],
  ['051', 'Praise or endorse'],
  ['057', 'Sign formal agreement'],
  ['061', 'Cooperate economically'],
  ['071', 'Provide economic aid'],
  ['111', 'Criticize or denounce'],
  ['112', 'Accuse'],
  ['120', 'Reject'],
  ['130', 'Threaten'],
  ['160', 'Reduce relations'],
  ['172', 'Impose administrative sanctions'],
];

export const STATUS_LABELS = { occurred: 'Occurred', scheduled: 'Scheduled', cancelled: 'Cancelled' };
