import { Alert, Button, Checkbox, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { answered } from '../../api/problem';
import type { paths } from '../../api/schema.gen';
import { languages, type Language } from '../../i18n/languages';
import { LanguageField } from '../../ui/LanguageField';
import { ProblemAlert } from '../../ui/ProblemAlert';
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

  const close = () => {
    form.reset();
    invite.reset();
    onClose();
  };
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
    <Modal opened={opened} onClose={close} title={t('add.title')} size="lg">
      {invite.isSuccess ? (
        <Stack>
          <Alert role="status">{t('add.sent', { email: invite.data.email })}</Alert>
          <Group justify="flex-end">
            <Button onClick={close}>{common('action.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <ProblemAlert error={invite.error} />
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
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {common('action.cancel')}
              </Button>
              <Button type="submit" loading={invite.isPending}>
                {t('add.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
