import { MultiSelect, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { LanguageField } from '../../ui/LanguageField';
import {
  accountsProblem,
  accountUserInvitation,
  emailProblem,
  roleProblem,
  type AccountUserValues,
} from './account-rules';
import { useAccountRoles, useInviteIntoAccounts, type Account } from './accounts.api';
import { AccountsField } from './AccountsField';

/**
 * Invite user: a personal text, a role with additional permissions, and the accounts (this one
 * first) the user may act on.
 */
export function InviteUserModal(props: { account: Account; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  const { t: common } = useTranslation();
  const catalogue = useAccountRoles();
  const invite = useInviteIntoAccounts();
  const form = useForm<AccountUserValues>({
    initialValues: {
      email: '',
      name: '',
      language: '',
      role: '',
      additionalPermissions: [],
      accountIds: [props.account.id],
      personalMessage: '',
    },
    validate: {
      email: (email) => (emailProblem(email) ? t('problem.emailRequired') : null),
      role: (role) => (roleProblem(role) ? t('problem.roleRequired') : null),
      accountIds: (ids) => (accountsProblem(ids) ? t('problem.accountsRequired') : null),
    },
  });
  return (
    <FormModal
      opened={props.opened}
      onClose={props.onClose}
      form={form}
      title={t('users.title')}
      mutation={invite}
      done={invite.data ? t('users.sent', { email: invite.data.email }) : ''}
      submitLabel={t('users.send')}
      onSubmit={form.onSubmit((values) => invite.mutate(accountUserInvitation(values)))}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={common('field.email')}
          type="email"
          required
          {...form.getInputProps('email')}
        />
        <TextInput label={common('field.name')} {...form.getInputProps('name')} />
      </SimpleGrid>
      <LanguageField
        inheritLabel={t('field.inheritLanguage')}
        {...form.getInputProps('language')}
      />
      <Select
        label={t('users.role')}
        required
        data={(catalogue.data?.roles ?? []).map((role) => ({
          value: role.name,
          label: `${role.name}: ${role.description}`,
        }))}
        {...form.getInputProps('role')}
      />
      <MultiSelect
        label={t('users.additionalPermissions')}
        searchable
        data={catalogue.data?.permissions ?? []}
        {...form.getInputProps('additionalPermissions')}
      />
      <AccountsField
        label={t('users.accounts')}
        required
        initial={[{ value: props.account.id, label: props.account.name }]}
        value={form.values.accountIds}
        onChange={(accountIds) => form.setFieldValue('accountIds', accountIds)}
        error={form.errors.accountIds}
      />
      <Textarea
        label={common('field.personalMessage')}
        autosize
        minRows={2}
        {...form.getInputProps('personalMessage')}
      />
    </FormModal>
  );
}
