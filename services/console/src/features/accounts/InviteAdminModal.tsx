import { Group, Radio, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../i18n/languages';
import { FormModal } from '../../ui/FormModal';
import { LanguageField } from '../../ui/LanguageField';
import { emailProblem, isLevel, levels } from './account-rules';
import { useInviteIntoAccounts } from './accounts.api';

interface Values {
  email: string;
  name: string;
  language: string;
  level: string;
}

/** Invite admin: an enterprise, company or location admin of this account. */
export function InviteAdminModal(props: {
  accountId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('accounts');
  const { t: common } = useTranslation();
  const invite = useInviteIntoAccounts();
  const form = useForm<Values>({
    initialValues: { email: '', name: '', language: '', level: '' },
    validate: {
      email: (email) => (emailProblem(email) ? t('problem.emailRequired') : null),
      level: (level) => (isLevel(level) ? null : t('admins.levelRequired')),
    },
  });
  const submit = form.onSubmit((values) => {
    if (!isLevel(values.level)) return;
    invite.mutate({
      kind: 'admin',
      accountId: props.accountId,
      email: values.email.trim(),
      name: values.name.trim() || undefined,
      language: isLanguage(values.language) ? values.language : undefined,
      level: values.level,
    });
  });
  return (
    <FormModal
      opened={props.opened}
      onClose={props.onClose}
      form={form}
      title={t('admins.title')}
      mutation={invite}
      done={invite.data ? t('admins.sent', { email: invite.data.email }) : ''}
      submitLabel={t('admins.send')}
      onSubmit={submit}
    >
      <Text size="sm">{t('admins.lead')}</Text>
      <TextInput
        label={common('field.email')}
        type="email"
        required
        {...form.getInputProps('email')}
      />
      <TextInput label={common('field.name')} {...form.getInputProps('name')} />
      <LanguageField
        inheritLabel={t('field.inheritLanguage')}
        {...form.getInputProps('language')}
      />
      <Radio.Group label={t('admins.level')} required {...form.getInputProps('level')}>
        <Group mt="xs">
          {levels.map((level) => (
            <Radio key={level} value={level} label={t(`level.${level}`)} />
          ))}
        </Group>
      </Radio.Group>
    </FormModal>
  );
}
