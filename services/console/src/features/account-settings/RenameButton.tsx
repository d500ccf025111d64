import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { groupNameProblem } from './group-rules';

/** Renames one item of a list in a small dialog, which stays open with the API's problem. */
export function RenameButton(props: {
  title: string;
  name: string;
  listKey: QueryKey;
  onRename: (name: string) => Promise<unknown>;
}) {
  const { t } = useTranslation('accountSettings');
  const { t: common } = useTranslation();
  const queries = useQueryClient();
  const [opened, { open, close }] = useDisclosure();
  const rename = useMutation({
    mutationFn: props.onRename,
    onSuccess: () => queries.invalidateQueries({ queryKey: props.listKey }),
  });
  const form = useForm({
    initialValues: { name: props.name },
    validate: {
      name: (name) => (groupNameProblem(name) === undefined ? null : t('list.nameInvalid')),
    },
  });
  const shut = () => {
    rename.reset();
    close();
  };

  return (
    <>
      <Button
        size="compact-sm"
        variant="default"
        onClick={() => {
          form.setValues({ name: props.name });
          open();
        }}
      >
        {t('list.rename')}
      </Button>
      <Modal opened={opened} onClose={shut} title={props.title}>
        <form
          noValidate
          onSubmit={form.onSubmit(({ name }) => rename.mutate(name.trim(), { onSuccess: shut }))}
        >
          <Stack>
            <ProblemAlert error={rename.error} />
            <TextInput label={common('field.name')} required {...form.getInputProps('name')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={shut}>
                {common('action.cancel')}
              </Button>
              <Button type="submit" loading={rename.isPending}>
                {common('action.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
