import { describe, expect, it } from '@jest/globals';
import { countryName, isCountryCode } from './countries';

describe('known alpha-3 codes', () => {
  it.each([
    { code: 'FRA', en: 'France', ar: 'فرنسا' },
    { code: 'KAZ', en: 'Kazakhstan', ar: 'كازاخستان' },
    { code: 'RUS', en: 'Russian Federation', ar: 'روسيا' },
    { code: 'CHN', en: "People's Republic of China", ar: 'الصين' },
    { code: 'TUR', en: 'Türkiye', ar: 'تركيا' },
    { code: 'UZB', en: 'Uzbekistan', ar: 'أوزبكستان' },
    { code: 'USA', en: 'United States of America', ar: 'الولايات المتحدة' },
  ])('$code is $en', ({ code, en, ar }) => {
    expect(isCountryCode(code)).toBe(true);
    expect(countryName(code, 'en')).toBe(en);
    expect(countryName(code, 'ar')).toBe(ar);
  });
});

describe('rejected codes', () => {
  it.each([
    ['XXX', 'not assigned'],
    ['fra', 'lower case'],
    ['Fra', 'mixed case'],
    ['FR', 'alpha-2'],
    ['250', 'numeric'],
    ['FRA ', 'trailing space'],
    ['FRAN', 'four letters'],
    ['', 'empty'],
  ])('%p (%s)', (code) => {
    expect(isCountryCode(code)).toBe(false);
    expect(countryName(code, 'en')).toBeUndefined();
    expect(countryName(code, 'ar')).toBeUndefined();
  });
});
