import type { TFunction } from 'i18next';
import { isLanguage, languageNames } from '../../i18n/languages';
import { settingsTexts } from './texts';

type Kind = keyof (typeof settingsTexts)['en']['templates']['kinds'];

function isKnownKind(key: string): key is Kind {
  return key in settingsTexts.en.templates.kinds;
}

/** An email in the reader's words; a kind the console does not know yet, as the API names it. */
export function emailName(t: TFunction<'settings'>, key: string): string {
  return isKnownKind(key) ? t(`templates.kinds.${key}`) : key;
}

export function languageName(language: string): string {
  return isLanguage(language) ? languageNames[language] : language;
}
