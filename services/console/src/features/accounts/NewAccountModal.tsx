import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { languageNames, languages } from '../../i18n/languages';
import { FormModal } from '../../ui/FormModal';
import {
  accountNameProblem,
  accountTypeProblem,
  addressProblem,
  blankAccount,
  contactEmailProblem,
  contactNameProblem,
  legalNameProblem,
  levels,
  licences,
  newAccount,
  rateProblem,
  type NewAccountValues,
} from './account-rules';
import { useCreateAccount } from './accounts.api';

/** + New account: every field of a customer's account, grouped as a form on paper would be. */
export function NewAccountModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('accounts');
  const create = useCreateAccount();
  const problem = (key: ReturnType<typeof addressProblem> | ReturnType<typeof rateProblem>) =>
    key === undefined ? null : t(`problem.${key}`);
  const form = useForm<NewAccountValues>({
    initialValues: blankAccount,
    validate: {
      name: (name) => (accountNameProblem(name) === undefined ? null : t('problem.nameRequired')),
      type: (type) => (accountTypeProblem(type) === undefined ? null : t('problem.typeRequired')),
      legalName: (_, values) => (legalNameProblem(values) ? t('problem.legalNameRequired') : null),
      contactName: (_, values) =>
        contactNameProblem(values) ? t('problem.contactNameRequired') : null,
      contactEmail: (email) => (contactEmailProblem(email) ? t('problem.emailRequired') : null),
      line1: (_, values) => problem(addressProblem(values)),
      rate: (rate) => problem(rateProblem(rate)),
    },
  });
  const submit = form.onSubmit((values) => create.mutate(newAccount(values)));
  const field = (name: keyof NewAccountValues) => ({
    label: t(`field.${name}`),
    ...form.getInputProps(name),
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
      onSubmit={submit}
      doneActions={(close) =>
        create.data && (
          <Button component={Link} to={`/accounts/${create.data.id}`} onClick={close}>
            {t('create.show')}
          </Button>
        )
      }
    >
      <Fieldset legend={t('create.groups.account')}>
        <Stack>
          <TextInput required {...field('name')} />
          <Radio.Group required {...field('type')}>
            <Group mt="xs">
              <Radio value="business" label={t('type.business')} />
              <Radio value="consumer" label={t('type.consumer')} />
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput {...field('plan')} />
            <NativeSelect
              {...field('licence')}
              data={licences.map((licence) => ({
                value: licence,
                label: t(`licence.${licence}`),
              }))}
            />
            <NativeSelect
              {...field('level')}
              data={[
                { value: '', label: t('level.none') },
                ...levels.map((level) => ({ value: level, label: t(`level.${level}`) })),
              ]}
            />
            <NativeSelect
              {...field('language')}
              data={languages.map((language) => ({
                value: language,
                label: languageNames[language],
              }))}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>
      {form.values.type === 'business' && (
        <Fieldset legend={t('create.groups.company')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput required {...field('legalName')} />
            <TextInput {...field('registrationNumber')} />
            <TextInput {...field('vatNumber')} />
          </SimpleGrid>
        </Fieldset>
      )}
      <Fieldset legend={t('create.groups.contact')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput {...field('contactName')} />
          <TextInput type="tel" {...field('contactPhone')} />
          <TextInput type="email" {...field('contactEmail')} />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('create.groups.address')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput {...field('line1')} />
          <TextInput {...field('line2')} />
          <TextInput {...field('postalCode')} />
          <TextInput {...field('city')} />
          <TextInput maxLength={2} {...field('country')} />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('create.groups.payment')}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput {...field('paymentReference')} />
            <TextInput inputMode="decimal" description={t('field.rateHint')} {...field('rate')} />
          </SimpleGrid>
          <Checkbox
            label={t('field.stationIssueEmails')}
            {...form.getInputProps('stationIssueEmails', { type: 'checkbox' })}
          />
        </Stack>
      </Fieldset>
    </FormModal>
  );
}
