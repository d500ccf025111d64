import { Group, Radio, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { LanguageField } from '../../ui/LanguageField';
import {
  accountNameProblem,
  accountTypeProblem,
  blankSubAccount,
  emailProblem,
  rateProblem,
  relationProblem,
  subAccountInvitation,
  type SubAccountValues,
} from './account-rules';
import { useInviteSubAccount } from './accounts.api';

/**
 * + Add sub-account: employee or subsidiary, its name and type, a rate; the invitee gives the
 * company details of a business when they accept.
 */
export function AddSubAccountModal(props: {
  accountId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('accounts');
  const { t: common } = useTranslation();
  const invite = useInviteSubAccount(props.accountId);
  const form = useForm<SubAccountValues>({
    initialValues: blankSubAccount,
    validate: {
      email: (email) => (emailProblem(email) ? t('problem.emailRequired') : null),
      relation: (relation) => (relationProblem(relation) ? t('problem.relationRequired') : null),
      accountName: (name) => (accountNameProblem(name) ? t('problem.nameRequired') : null),
      accountType: (type) => (accountTypeProblem(type) ? t('problem.typeRequired') : null),
      rate: (rate) => (rateProblem(rate) ? t('problem.rateFormat') : null),
    },
  });
  return (
    <FormModal
      opened={props.opened}
      onClose={props.onClose}
      form={form}
      title={t('subAccounts.title')}
      mutation={invite}
      done={invite.data ? t('subAccounts.sent', { email: invite.data.email }) : ''}
      submitLabel={t('subAccounts.send')}
      onSubmit={form.onSubmit((values) => invite.mutate(subAccountInvitation(values)))}
    >
      <Text size="sm">{t('subAccounts.lead')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('subAccounts.invitee')}
          type="email"
          required
          {...form.getInputProps('email')}
        />
        <TextInput label={t('subAccounts.inviteeName')} {...form.getInputProps('name')} />
      </SimpleGrid>
      <LanguageField
        inheritLabel={t('field.inheritLanguage')}
        {...form.getInputProps('language')}
      />
      <Radio.Group label={t('field.relation')} required {...form.getInputProps('relation')}>
        <Group mt="xs">
          <Radio value="employee" label={t('relation.employee')} />
          <Radio value="subsidiary" label={t('relation.subsidiary')} />
        </Group>
      </Radio.Group>
      <TextInput label={t('field.name')} required {...form.getInputProps('accountName')} />
      <Radio.Group label={t('field.type')} required {...form.getInputProps('accountType')}>
        <Group mt="xs">
          <Radio value="business" label={t('type.business')} />
          <Radio value="consumer" label={t('type.consumer')} />
        </Group>
      </Radio.Group>
      <TextInput
        label={t('field.rate')}
        description={t('field.rateHint')}
        inputMode="decimal"
        {...form.getInputProps('rate')}
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
