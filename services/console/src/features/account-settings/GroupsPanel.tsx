import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import type { ListPage } from '../../ui/list-params';
import { ListPanel } from '../../ui/ListPanel';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { SearchField } from '../../ui/SearchField';
import { ConfirmButton } from '../people/ConfirmButton';
import { groupNameProblem, stationList, stationsProblem } from './group-rules';
import type { Groups, NamedItem } from './groups.api';
import { useRowAction } from './panel-action';
import { RenameButton } from './RenameButton';

/** The panels of named groups share their texts' shape: costCenters.* and userGroups.*. */
export type GroupSection = 'costCenters' | 'userGroups';

/**
 * An account's cost centers or user groups: listed (searched by name), added, renamed and removed.
 * User groups also name the stations (and station groups) their drivers may charge at.
 */
export function GroupsPanel<Item extends NamedItem>(props: {
  section: GroupSection;
  groups: Groups<Item>;
  manages: boolean;
  /** The search and the page, as the address keeps them. */
  page: ListPage;
  onSearch: (q: string | undefined) => void;
  onPage: (cursor: string | undefined) => void;
  /** A column more, e.g. a user group's stations. */
  extra?: { title: string; value: (item: Item) => ReactNode };
}) {
  const { t } = useTranslation('accountSettings');
  const { t: common } = useTranslation();
  const { section, groups, manages, extra, page } = props;
  const action = useRowAction(groups.key);

  return (
    <ListPanel
      lead={t(`${section}.lead`)}
      addForm={manages && <AddGroupForm section={section} groups={groups} />}
      search={
        <SearchField value={page.q} onSearch={props.onSearch} hint={t(`${section}.searchHint`)} />
      }
      list={groups.list}
      outcome={action.result}
      minWidth={520}
      columns={
        <>
          <Table.Th>{common('field.name')}</Table.Th>
          {extra && <Table.Th>{extra.title}</Table.Th>}
          <Table.Th>{common('field.created')}</Table.Th>
          {manages && <Table.Th>{t('list.actions')}</Table.Th>}
        </>
      }
      cells={(item) => (
        <>
          <Table.Td>{item.name}</Table.Td>
          {extra && <Table.Td>{extra.value(item)}</Table.Td>}
          <Table.Td>{formatDateTime(item.createdAt)}</Table.Td>
          {manages && (
            <Table.Td>
              <Group gap="xs" wrap="nowrap">
                <RenameButton
                  title={t(`${section}.rename`)}
                  name={item.name}
                  listKey={groups.key}
                  onRename={(name) => groups.rename(item.id, name)}
                />
                <ConfirmButton
                  size="compact-sm"
                  variant="light"
                  color="red"
                  label={t(`${section}.delete`)}
                  question={t(`${section}.confirmDelete`, { name: item.name })}
                  onConfirm={() =>
                    action.run(t(`${section}.deleted`, { name: item.name }), () =>
                      groups.remove(item.id),
                    )
                  }
                />
              </Group>
            </Table.Td>
          )}
        </>
      )}
      empty={page.q === undefined ? t(`${section}.none`) : common('list.empty')}
      cursor={page.cursor}
      onPage={props.onPage}
    />
  );
}

interface AddValues {
  name: string;
  stations: string;
  stationGroups: string;
}

/** A name to add, and for a user group the stations its drivers may charge at. */
function AddGroupForm<Item extends NamedItem>(props: {
  section: GroupSection;
  groups: Groups<Item>;
}) {
  const { t } = useTranslation('accountSettings');
  const { section, groups } = props;
  const withStations = section === 'userGroups';
  const stationsRule = (typed: string) =>
    stationsProblem(typed) === undefined ? null : t('userGroups.stationsInvalid');
  const form = useForm<AddValues>({
    initialValues: { name: '', stations: '', stationGroups: '' },
    validate: {
      name: (name) => (groupNameProblem(name) === undefined ? null : t('list.nameInvalid')),
      stations: stationsRule,
      stationGroups: stationsRule,
    },
  });
  const submit = form.onSubmit((values) =>
    groups.create.mutate(
      {
        name: values.name.trim(),
        stationIds: stationList(values.stations),
        stationGroupIds: stationList(values.stationGroups),
      },
      { onSuccess: () => form.reset() },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <ProblemAlert error={groups.create.error} />
        {/* Said until the next name is typed, so it never seems to confirm that one. */}
        {groups.create.isSuccess && !form.isDirty() && (
          <Text role="status">{t(`${section}.added`)}</Text>
        )}
        <Group align="flex-end" wrap="wrap">
          <TextInput label={t(`${section}.newName`)} required {...form.getInputProps('name')} />
          {withStations && (
            <>
              <TextInput
                label={t('userGroups.stations')}
                description={t('userGroups.stationsHint')}
                {...form.getInputProps('stations')}
              />
              <TextInput
                label={t('userGroups.stationGroups')}
                description={t('userGroups.stationsHint')}
                {...form.getInputProps('stationGroups')}
              />
            </>
          )}
          <Button type="submit" loading={groups.create.isPending}>
            {t(`${section}.add`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
