import i18next from 'i18next';

/** A moment in the user's language, as date and time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return i18next.t('field.never');
  return new Intl.DateTimeFormat(i18next.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** A number in the user's language (grouping and decimal signs). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(i18next.language).format(value);
}
