import {
  Alert,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  Select,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
import {
  driverChanges,
  driverFormValues,
  licencePlateProblem,
  NEW_COST_CENTER,
  newCostCenterProblem,
  userGroupsProblem,
  type DriverFormValues,
} from './driver-rules';
import {
  useCostCenters,
  useUpdateDriver,
  useUserGroups,
  type Account,
  type Driver,
} from './drivers.api';

/**
 * The driver's profile, saved as a whole: cost center (an existing one or a new one named here),
 * info fields, vehicle, user groups (required on a Pro licence) and prioritisation.
 */
export function DriverForm(props: {
  account: Account;
  userId: string;
  driver: Driver;
  editable: boolean;
}) {
  const { t } = useTranslation('drivers');
  const { t: common } = useTranslation();
  const { account, userId, driver, editable } = props;
  const pro = account.licence === 'pro';
  const costCenters = useCostCenters(account.id);
  const userGroups = useUserGroups(account.id);
  const save = useUpdateDriver(account.id, userId);
  const form = useForm<DriverFormValues>({
    initialValues: driverFormValues(driver),
    validate: {
      newCostCenterName: (name, values) =>
        newCostCenterProblem(values.costCenter, name) === undefined
          ? null
          : t('basic.newCostCenterRequired'),
      licencePlate: (plate) =>
        licencePlateProblem(plate) === undefined ? null : t('vehicle.licencePlateFormat'),
      userGroupIds: (ids) =>
        userGroupsProblem(account.licence, ids) === undefined ? null : t('userGroups.required'),
    },
  });
  const submit = form.onSubmit((values) =>
    save.mutate(driverChanges(values), {
      // A new cost center is now one of the account's: the form holds its id from here on.
      onSuccess: (saved) => {
        form.setInitialValues(driverFormValues(saved));
        form.setValues(driverFormValues(saved));
      },
    }),
  );
  const costCenterOptions = [
    ...(costCenters.data?.items ?? []).map((costCenter) => ({
      value: costCenter.id,
      label: costCenter.name,
    })),
    ...(editable ? [{ value: NEW_COST_CENTER, label: t('basic.addCostCenter') }] : []),
  ];

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ProblemAlert error={costCenters.error ?? userGroups.error} />
        <Fieldset legend={t('basic.legend')} disabled={!editable}>
          <Stack gap="sm">
            <Select
              label={t('basic.costCenter')}
              description={t('basic.hint')}
              placeholder={t('basic.costCenterNone')}
              clearable
              data={costCenterOptions}
              {...form.getInputProps('costCenter')}
            />
            {form.values.costCenter === NEW_COST_CENTER && (
              <TextInput
                label={t('basic.newCostCenter')}
                required
                {...form.getInputProps('newCostCenterName')}
              />
            )}
            <TextInput
              label={t('basic.info1')}
              description={t('basic.infoHint')}
              {...form.getInputProps('info1')}
            />
            <TextInput label={t('basic.info2')} {...form.getInputProps('info2')} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('vehicle.legend')} disabled={!editable}>
          <Stack gap="sm">
            <TextInput label={t('vehicle.make')} {...form.getInputProps('make')} />
            <TextInput label={t('vehicle.model')} {...form.getInputProps('model')} />
            <TextInput
              label={t('vehicle.licencePlate')}
              description={t('vehicle.licencePlateHint')}
              {...form.getInputProps('licencePlate')}
            />
          </Stack>
        </Fieldset>
        <MultiSelect
          label={t('userGroups.label')}
          description={pro ? t('userGroups.hintPro') : t('userGroups.hintCompact')}
          required={pro}
          disabled={!editable}
          searchable
          data={(userGroups.data?.items ?? []).map((group) => ({
            value: group.id,
            label: group.name,
          }))}
          {...form.getInputProps('userGroupIds')}
        />
        <Switch
          label={t('priority.label')}
          description={t('priority.hint')}
          disabled={!editable}
          {...form.getInputProps('prioritised', { type: 'checkbox' })}
        />
        <ProblemAlert error={save.error} />
        {save.isSuccess && !form.isDirty() && <Alert role="status">{t('panel.saved')}</Alert>}
        {editable && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {common('action.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
