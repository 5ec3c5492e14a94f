import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Preferences } from '@shared/contract/tenancy';
import { en } from './locales/en';

export type Language = Preferences['language'];

/**
 * One i18next instance for the whole renderer. Only English strings exist yet; Swahili ('sw') is a
 * valid preference and falls back to English until `locales/sw.ts` is added to `resources`.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'sw'],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

export function applyLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
