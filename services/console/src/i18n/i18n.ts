import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { accountSettingsTexts } from '../features/account-settings/texts';
import { accountsTexts } from '../features/accounts/texts';
import { customersTexts } from '../features/customers/texts';
import { driversTexts } from '../features/drivers/texts';
import { importsTexts } from '../features/imports/texts';
import { peopleTexts } from '../features/people/texts';
import { settingsTexts } from '../features/settings/texts';
import { systemUsersTexts } from '../features/system-users/texts';
import { commonTexts } from './common-texts';
import { browserLanguage, languages, type Language } from './languages';

/** One namespace a feature: each feature keeps its texts beside its screens. */
const namespaces = {
  common: commonTexts,
  accounts: accountsTexts,
  accountSettings: accountSettingsTexts,
  customers: customersTexts,
  drivers: driversTexts,
  imports: importsTexts,
  people: peopleTexts,
  settings: settingsTexts,
  systemUsers: systemUsersTexts,
} as const;

type Namespaces = typeof namespaces;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { [Namespace in keyof Namespaces]: Namespaces[Namespace]['en'] };
  }
}

const resources = Object.fromEntries(
  languages.map((language) => [
    language,
    Object.fromEntries(
      Object.entries(namespaces).map(([namespace, texts]) => [namespace, texts[language]]),
    ),
  ]),
);

export async function startI18n(language: Language = browserLanguage()): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    defaultNS: 'common',
    // React escapes what it renders.
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = language;
  i18next.on('languageChanged', (changed) => {
    document.documentElement.lang = changed;
  });
}
