import { Group, NativeSelect, NumberInput, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import { useAccountRoles } from '../accounts/accounts.api';
import { CopyValueButton } from './CopyValueButton';
import {
  DEFAULT_JOINING_CODE_VALID_DAYS,
  joiningCodeBody,
  maxUsesProblem,
  validDaysProblem,
  type JoiningCodeValues,
} from './joining-code-rules';
import { useCreateJoiningCode, type AccountRole } from './joining-codes.api';

/** + Create joining code: the role it grants, how often and how long it may be used. */
export function CreateJoiningCodeModal(props: {
  accountId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('accountSettings');
  const roles = useAccountRoles();
  const create = useCreateJoiningCode(props.accountId);
  const form = useForm<JoiningCodeValues>({
    initialValues: { role: 'driver', maxUses: '', validDays: DEFAULT_JOINING_CODE_VALID_DAYS },
    validate: {
      maxUses: (value) => (maxUsesProblem(value) === undefined ? null : t('codes.maxUsesInvalid')),
      validDays: (value) =>
        validDaysProblem(value) === undefined ? null : t('codes.validDaysInvalid'),
    },
  });
  const submit = form.onSubmit((values) => create.mutate(joiningCodeBody(values)));

  return (
    <FormModal
      opened={props.opened}
      onClose={props.onClose}
      form={form}
      title={t('codes.create')}
      size="md"
      mutation={create}
      done={t('codes.created')}
      doneDetails={
        create.data && (
          <Group justify="space-between">
            <Text ff="monospace" fw={700} size="lg">
              {create.data.code}
            </Text>
            <CopyValueButton value={create.data.code} />
          </Group>
        )
      }
      submitLabel={t('codes.createSubmit')}
      onSubmit={submit}
    >
      <NativeSelect
        label={t('codes.role')}
        data={(roles.data?.roles ?? [{ name: 'driver' }]).map((role) => role.name)}
        {...form.getInputProps('role')}
        onChange={(event) => form.setFieldValue('role', event.currentTarget.value as AccountRole)}
      />
      <NumberInput
        label={t('codes.maxUses')}
        description={t('codes.maxUsesHint')}
        min={1}
        allowDecimal={false}
        clampBehavior="none"
        {...form.getInputProps('maxUses')}
      />
      <NumberInput
        label={t('codes.validDays')}
        required
        min={1}
        allowDecimal={false}
        clampBehavior="none"
        {...form.getInputProps('validDays')}
      />
    </FormModal>
  );
}
