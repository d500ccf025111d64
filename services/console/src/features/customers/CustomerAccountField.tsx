import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountSearch } from './customers.api';

interface Option {
  value: string;
  label: string;
}

/**
 * An account found by typing part of its name: the API searches (there may be many thousands),
 * and the field gives the chosen account's id.
 */
export function CustomerAccountField(props: {
  label: string;
  /** Optional so that a form's `getInputProps` fits; none chosen is null. */
  value?: string | null;
  /** The name of an account chosen before the field showed (e.g. from the address). */
  valueLabel?: string;
  onChange: (accountId: string | null) => void;
  error?: ReactNode;
  required?: boolean;
  description?: string;
}) {
  const { t } = useTranslation('customers');
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 300);
  // The chosen account stays an option while later searches no longer find it, so its name shows.
  const [picked, setPicked] = useState<Option>();
  const chosen =
    picked ??
    (props.value && props.valueLabel ? { value: props.value, label: props.valueLabel } : undefined);
  const accounts = useAccountSearch(typed);
  const found = (accounts.data?.items ?? []).map((account) => ({
    value: account.id,
    label: account.name,
  }));
  const options =
    chosen !== undefined && !found.some((option) => option.value === chosen.value)
      ? [chosen, ...found]
      : found;

  return (
    <Select
      label={props.label}
      description={props.description ?? t('account.hint')}
      placeholder={t('account.placeholder')}
      required={props.required}
      error={props.error}
      searchable
      clearable
      // The API has filtered already; filtering again would hide accounts matched another way.
      filter={({ options: all }) => all}
      data={options}
      value={props.value ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={typed === '' ? t('account.typeToSearch') : t('account.none')}
      onChange={(accountId, option) => {
        setPicked(option === null ? undefined : { value: option.value, label: option.label });
        props.onChange(accountId);
      }}
    />
  );
}
