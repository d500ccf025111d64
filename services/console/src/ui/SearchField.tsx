import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Search on the server as the user types, after a short pause. */
export function SearchField(props: {
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
  hint?: string;
  /** For a field that filters by one value rather than searching. */
  label?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.value ?? '');
  const search = useDebouncedCallback((typed: string) => {
    props.onSearch(typed.trim() === '' ? undefined : typed.trim());
  }, 300);
  return (
    <TextInput
      type="search"
      label={props.label ?? t('list.search')}
      placeholder={props.hint ?? t('list.searchHint')}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        search(event.currentTarget.value);
      }}
    />
  );
}
