import { Checkbox, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { answered } from '../../api/problem';
import type { paths } from '../../api/schema.gen';
import { languages, type Language } from '../../i18n/languages';
import { FormModal } from '../../ui/FormModal';
import { LanguageField } from '../../ui/LanguageField';
import { emailProblem, rolesProblem } from './invitee-rules';
import { usePlatformRoles } from './system-users.api';

interface Values {
  email: string;
  name: string;
  language: Language;
  roles: string[];
  personalMessage: string;
}

type InvitationBody =
  paths['/v1/invitations']['post']['requestBody']['content']['application/json'];
type Invite = Extract<InvitationBody, { kind: 'system_user' }>;

/** + Add system user: email, roles ticked, and the invitation goes out. */
export function AddSystemUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation('systemUsers');
  const { t: common } = useTranslation();
  const queries = useQueryClient();
  const roles = usePlatformRoles();
  const form = useForm<Values>({
    initialValues: {
      email: '',
      name: '',
      language: languages.find((language) => language === i18n.language) ?? 'en',
      roles: [],
      personalMessage: '',
    },
    validate: {
      email: (email) => (emailProblem(email) === undefined ? null : t('add.emailRequired')),
      roles: (chosen) => (rolesProblem(chosen) === undefined ? null : t('add.rolesRequired')),
    },
  });
  const invite = useMutation({
    mutationFn: (body: Invite) => answered(api.POST('/v1/invitations', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['invitations'] }),
  });

  const submit = form.onSubmit((values) =>
    invite.mutate({
      kind: 'system_user',
      email: values.email.trim(),
      name: values.name.trim() || undefined,
      language: values.language,
      roles: values.roles as Invite['roles'],
      personalMessage: values.personalMessage.trim() || undefined,
    }),
  );

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      form={form}
      title={t('add.title')}
      mutation={invite}
      done={invite.data ? t('add.sent', { email: invite.data.email }) : ''}
      submitLabel={t('add.send')}
      onSubmit={submit}
    >
      <TextInput
        label={common('field.email')}
        type="email"
        required
        {...form.getInputProps('email')}
      />
      <TextInput label={common('field.name')} {...form.getInputProps('name')} />
      <LanguageField {...form.getInputProps('language')} />
      <Checkbox.Group
        label={t('add.roles')}
        description={t('add.rolesHint')}
        required
        {...form.getInputProps('roles')}
      >
        <Stack gap="xs" mt="xs">
          {(roles.data ?? []).map((role) => (
            <Checkbox
              key={role.name}
              value={role.name}
              label={role.name}
              description={role.description}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <Textarea
        label={common('field.personalMessage')}
        autosize
        minRows={2}
        {...form.getInputProps('personalMessage')}
      />
    </FormModal>
  );
}
