import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import {
  accountChanges,
  accountFormValues,
  removedAddressProblem,
  removedContactProblem,
} from './account-changes';
import { AccountFields, useAccountFieldChecks } from './AccountFields';
import type { AccountFormValues } from './account-rules';
import { useUpdateAccount, type Account } from './accounts.api';

/**
 * Edit on the account's Details tab: the fields of a new account, filled in as stored; only
 * what changed is sent, and the details behind show the answer once it is saved.
 */
export function EditAccountModal(props: {
  account: Account;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('accounts');
  const { t: common } = useTranslation();
  const update = useUpdateAccount(props.account.id);
  const form = useForm<AccountFormValues>({
    initialValues: accountFormValues(props.account),
    validate: useAccountFieldChecks({
      contact: (values) => removedContactProblem(props.account, values),
      address: (values) => removedAddressProblem(props.account, values),
    }),
  });

  return (
    <FormModal
      opened={props.opened}
      onClose={props.onClose}
      form={form}
      title={t('edit.title')}
      size="xl"
      mutation={update}
      closeOnSuccess
      submitLabel={common('action.save')}
      onSubmit={form.onSubmit((values) => update.mutate(accountChanges(props.account, values)))}
    >
      <AccountFields form={form} />
    </FormModal>
  );
}
