import { languages } from '../http/common.schemas';

export type PageLanguage = (typeof languages)[number];

export function isPageLanguage(value: string | undefined): value is PageLanguage {
  return (languages as readonly string[]).includes(value ?? '');
}

/**
 * The reader's language from `Accept-Language` (RFC 9110 §12.5.4), for pages that know no
 * language of their own (a link that is not valid): the first supported one by weight, else en.
 */
export function negotiatedLanguage(acceptLanguage: string | undefined): PageLanguage {
  const preferences = (acceptLanguage ?? '')
    .split(',')
    .map((entry, position) => {
      const [range = '', ...parameters] = entry.trim().split(';');
      const weight = parameters
        .map((parameter) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(parameter)?.[1])
        .find((value) => value !== undefined);
      return {
        language: range.trim().toLowerCase().split('-')[0],
        weight: weight === undefined ? 1 : Number(weight),
        position,
      };
    })
    .filter((preference) => preference.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.position - b.position);
  return preferences.map((preference) => preference.language).find(isPageLanguage) ?? 'en';
}
