import { Alert, Button, Group, Modal, NativeSelect, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
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
  const { t: common } = useTranslation();
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
  const close = () => {
    form.reset();
    create.reset();
    props.onClose();
  };

  return (
    <Modal opened={props.opened} onClose={close} title={t('codes.create')}>
      {create.isSuccess ? (
        <Stack>
          <Alert role="status">{t('codes.created')}</Alert>
          <Group justify="space-between">
            <Text ff="monospace" fw={700} size="lg">
              {create.data.code}
            </Text>
            <CopyValueButton value={create.data.code} />
          </Group>
          <Group justify="flex-end">
            <Button onClick={close}>{common('action.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={form.onSubmit((values) => create.mutate(joiningCodeBody(values)))}
          noValidate
        >
          <Stack>
            <ProblemAlert error={create.error} />
            <NativeSelect
              label={t('codes.role')}
              data={(roles.data?.roles ?? [{ name: 'driver' }]).map((role) => role.name)}
              {...form.getInputProps('role')}
              onChange={(event) =>
                form.setFieldValue('role', event.currentTarget.value as AccountRole)
              }
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
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {common('action.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('codes.createSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
