import { Group, Radio, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { CustomerAccountField } from './CustomerAccountField';
import { useInviteCustomer } from './customers.api';
import {
  accountNameProblem,
  accountProblem,
  accountTypeProblem,
  accountTypes,
  emailProblem,
  endUserInvitation,
  endUserRoleProblem,
  endUserRoles,
  rateProblem,
  type EndUserValues,
} from './invite-rules';

const blank: EndUserValues = {
  email: '',
  accountName: '',
  role: '',
  accountType: '',
  accountId: null,
  rate: '',
};

/**
 * Invite end-user: a sub-account of a customer's account, made when the invitee accepts, with
 * them as its driver or account owner.
 */
export function InviteEndUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('customers');
  const { t: common } = useTranslation();
  const invite = useInviteCustomer();
  const form = useForm<EndUserValues>({
    initialValues: blank,
    validate: {
      email: (email) => (emailProblem(email) === undefined ? null : t('invite.emailRequired')),
      accountName: (name) =>
        accountNameProblem(name) === undefined ? null : t('endUser.accountNameRequired'),
      role: (role) => (endUserRoleProblem(role) === undefined ? null : t('endUser.roleRequired')),
      accountType: (type) =>
        accountTypeProblem(type) === undefined ? null : t('endUser.accountTypeRequired'),
      accountId: (id) => (accountProblem(id) === undefined ? null : t('invite.accountRequired')),
      rate: (rate) => (rateProblem(rate) === undefined ? null : t('endUser.rateFormat')),
    },
  });

  const submit = form.onSubmit((values) => invite.mutate(endUserInvitation(values)));

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      form={form}
      title={t('endUser.title')}
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
      <TextInput
        label={t('endUser.accountName')}
        description={t('endUser.accountNameHint')}
        required
        {...form.getInputProps('accountName')}
      />
      <Radio.Group label={t('endUser.role')} required {...form.getInputProps('role')}>
        <Group mt="xs">
          {endUserRoles.map((role) => (
            <Radio key={role} value={role} label={t(`role.${role}`)} />
          ))}
        </Group>
      </Radio.Group>
      <Radio.Group
        label={t('endUser.accountType')}
        description={t('endUser.accountTypeHint')}
        required
        {...form.getInputProps('accountType')}
      >
        <Group mt="xs">
          {accountTypes.map((type) => (
            <Radio key={type} value={type} label={t(`accountType.${type}`)} />
          ))}
        </Group>
      </Radio.Group>
      <CustomerAccountField
        label={t('endUser.account')}
        required
        {...form.getInputProps('accountId')}
      />
      <TextInput
        label={t('endUser.rate')}
        description={t('endUser.rateHint')}
        inputMode="decimal"
        autoComplete="off"
        {...form.getInputProps('rate')}
      />
    </FormModal>
  );
}
