import { Button } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormModal } from '../../ui/FormModal';
import { AccountFields, useAccountFieldChecks } from './AccountFields';
import { blankAccount, newAccount, type AccountFormValues } from './account-rules';
import { useCreateAccount } from './accounts.api';

/** + New account: every field of a customer's account, grouped as a form on paper would be. */
export function NewAccountModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  const create = useCreateAccount();
  const form = useForm<AccountFormValues>({
    initialValues: blankAccount,
    validate: useAccountFieldChecks(),
  });

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      form={form}
      title={t('create.title')}
      size="xl"
      mutation={create}
      done={create.data ? t('create.created', { name: create.data.name }) : ''}
      submitLabel={t('create.submit')}
      onSubmit={form.onSubmit((values) => create.mutate(newAccount(values)))}
      doneActions={(close) =>
        create.data && (
          <Button component={Link} to={`/accounts/${create.data.id}`} onClick={close}>
            {t('create.show')}
          </Button>
        )
      }
    >
      <AccountFields form={form} />
    </FormModal>
  );
}
