import { Checkbox, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../i18n/languages';
import { FormModal } from '../../ui/FormModal';
import { LanguageField } from '../../ui/LanguageField';
import { CustomerAccountField } from './CustomerAccountField';
import { useInviteCustomer } from './customers.api';
import { accountProblem, emailProblem, ownerRoleProblem } from './invite-rules';

interface Values {
  email: string;
  accountId: string | null;
  roles: string[];
  language: Language;
  personalMessage: string;
}

/** Invite client: the customer's email, the account they will own, and the invitation goes out. */
export function InviteClientModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation('customers');
  const { t: common } = useTranslation();
  const invite = useInviteCustomer();
  const form = useForm<Values>({
    initialValues: {
      email: '',
      accountId: null,
      roles: [],
      language: languages.find((language) => language === i18n.language) ?? 'en',
      personalMessage: '',
    },
    validate: {
      email: (email) => (emailProblem(email) === undefined ? null : t('invite.emailRequired')),
      accountId: (id) => (accountProblem(id) === undefined ? null : t('invite.accountRequired')),
      roles: (roles) =>
        ownerRoleProblem(roles) === undefined ? null : t('client.ownerRoleRequired'),
    },
  });

  const submit = form.onSubmit((values) =>
    invite.mutate({
      kind: 'account_owner',
      email: values.email.trim(),
      accountId: values.accountId ?? '',
      language: values.language,
      personalMessage: values.personalMessage.trim() || undefined,
    }),
  );

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      form={form}
      title={t('client.title')}
      mutation={invite}
      done={invite.data ? t('invite.sent', { email: invite.data.email }) : ''}
      submitLabel={t('invite.send')}
      onSubmit={submit}
    >
      <TextInput
        label={common('field.email')}
        type="email"
        required
        {...form.getInputProps('email')}
      />
      <CustomerAccountField
        label={t('client.account')}
        required
        {...form.getInputProps('accountId')}
      />
      <Checkbox.Group label={common('field.roles')} required {...form.getInputProps('roles')}>
        <Checkbox mt="xs" value="account_owner" label={t('role.account_owner')} />
      </Checkbox.Group>
      <LanguageField {...form.getInputProps('language')} />
      <Textarea
        label={common('field.personalMessage')}
        autosize
        minRows={2}
        {...form.getInputProps('personalMessage')}
      />
    </FormModal>
  );
}
