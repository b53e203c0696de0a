import { readFileSync } from 'node:fs';
import countries, { type LocaleData } from 'i18n-iso-countries';
import { findProjectFile } from './project-file';

export type CountryNameLanguage = 'en' | 'ar';

const LANGUAGES: readonly CountryNameLanguage[] = ['en', 'ar'];

let localesRegistered = false;

// The library upper-cases its input and also accepts alpha-2 and numeric codes; the domain stores
// alpha-3 in upper case only, so anything else is rejected before asking it.
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && countries.alpha3ToAlpha2(code) !== undefined;
}

export function countryName(code: string, lang: CountryNameLanguage): string | undefined {
  if (!isCountryCode(code)) return undefined;
  registerLocales();
  return countries.getName(code, lang);
}

// The package's Node entry already registers every locale, but its browser entry registers none, so
// the two we need are registered explicitly. They are read as files, not imported: a JSON import needs
// `with { type: 'json' }` under ESM (Jest), which tsc rejects when compiling to CommonJS.
function registerLocales(): void {
  if (localesRegistered) return;
  for (const lang of LANGUAGES) countries.registerLocale(readLocale(lang));
  localesRegistered = true;
}

function readLocale(lang: CountryNameLanguage): LocaleData {
  const path = findProjectFile(`node_modules/i18n-iso-countries/langs/${lang}.json`);
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isLocaleData(data) || data.locale !== lang) {
    throw new Error(`${path} is not the i18n-iso-countries "${lang}" locale`);
  }
  return data;
}

function isLocaleData(data: unknown): data is LocaleData {
  if (typeof data !== 'object' || data === null) return false;
  const { locale, countries: names } = data as Record<string, unknown>;
  return typeof locale === 'string' && typeof names === 'object' && names !== null;
}
