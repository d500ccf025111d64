import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccountSearch } from '../customers/customers.api';

interface Option {
  value: string;
  label: string;
}

/**
 * Several accounts, each found by typing part of its name (the API searches); the chosen ones
 * stay shown by name while later searches no longer find them.
 */
export function AccountsField(props: {
  label: string;
  value: string[];
  onChange: (accountIds: string[]) => void;
  /** Accounts chosen before the field opened, with their names. */
  initial: Option[];
  error?: ReactNode;
  required?: boolean;
}) {
  const { t } = useTranslation('customers');
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 300);
  const [known, setKnown] = useState<Option[]>(props.initial);
  const accounts = useAccountSearch(typed);
  const found = (accounts.data?.items ?? []).map((account) => ({
    value: account.id,
    label: account.name,
  }));
  const options = [
    ...known,
    ...found.filter((option) => !known.some((k) => k.value === option.value)),
  ];
  return (
    <MultiSelect
      label={props.label}
      description={t('account.hint')}
      required={props.required}
      error={props.error}
      searchable
      filter={({ options: all }) => all}
      data={options}
      value={props.value}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={typed === '' ? t('account.typeToSearch') : t('account.none')}
      onChange={(accountIds) => {
        setKnown(options.filter((option) => accountIds.includes(option.value)));
        props.onChange(accountIds);
      }}
    />
  );
}
