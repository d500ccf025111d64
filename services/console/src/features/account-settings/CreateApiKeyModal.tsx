import { Checkbox, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../session/SessionProvider';
import { FormModal } from '../../ui/FormModal';
import { useAccountRoles } from '../accounts/accounts.api';
import { keyNameProblem, keyPermissionChoices, keyPermissionsProblem } from './api-key-rules';
import { useCreateApiKey, type KeyPermission } from './api-keys.api';
import { SecretOnce } from './SecretOnce';

interface Values {
  name: string;
  permissions: string[];
}

/** + Create API key: a name and what it may do; its secret is shown here once. */
export function CreateApiKeyModal(props: {
  accountId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('accountSettings');
  const { t: common } = useTranslation();
  const access = useAccess();
  const roles = useAccountRoles();
  const create = useCreateApiKey(props.accountId);
  const choices = keyPermissionChoices(roles.data?.roles ?? [], access.can);
  const form = useForm<Values>({
    initialValues: { name: '', permissions: [] },
    validate: {
      name: (name) => (keyNameProblem(name) === undefined ? null : t('list.nameInvalid')),
      permissions: (chosen) =>
        keyPermissionsProblem(chosen) === undefined ? null : t('apiKeys.permissionsRequired'),
    },
  });
  const submit = form.onSubmit((values) =>
    create.mutate({
      name: values.name.trim(),
      permissions: values.permissions as KeyPermission[],
    }),
  );

  // Closing drops the answer, and with it the secret: it is never shown again.
  return (
    <FormModal
      opened={props.opened}
      onClose={props.onClose}
      form={form}
      title={t('apiKeys.create')}
      mutation={create}
      doneDetails={
        create.data && (
          <SecretOnce
            label={t('apiKeys.created', { name: create.data.apiKey.name })}
            secret={create.data.secret}
          />
        )
      }
      submitLabel={t('apiKeys.createSubmit')}
      onSubmit={submit}
    >
      <TextInput
        label={common('field.name')}
        description={t('apiKeys.nameHint')}
        required
        {...form.getInputProps('name')}
      />
      <Checkbox.Group
        label={t('apiKeys.permissions')}
        description={t('apiKeys.permissionsHint')}
        required
        {...form.getInputProps('permissions')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
          {choices.map((permission) => (
            <Checkbox key={permission} value={permission} label={permission} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </FormModal>
  );
}
