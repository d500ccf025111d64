import { NativeSelect } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { languageNames, languages } from '../i18n/languages';

/**
 * The language of an invitee's email and acceptance page. With `inheritLabel`, an empty choice
 * comes first: the API then takes the account's own language.
 */
export function LanguageField(props: {
  value?: string;
  onChange?: (event: ChangeEvent<HTMLSelectElement>) => void;
  inheritLabel?: string;
}) {
  const { t } = useTranslation();
  const choices = languages.map((language) => ({
    value: language,
    label: languageNames[language],
  }));
  return (
    <NativeSelect
      label={t('field.language')}
      value={props.value}
      onChange={props.onChange}
      data={props.inheritLabel ? [{ value: '', label: props.inheritLabel }, ...choices] : choices}
    />
  );
}
