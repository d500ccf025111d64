import {
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import type { FormValidateInput, UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { languageNames, languages } from '../../i18n/languages';
import {
  accountNameProblem,
  accountTypeProblem,
  addressProblem,
  contactEmailProblem,
  contactNameProblem,
  legalNameProblem,
  levels,
  licences,
  rateProblem,
  type AccountFormValues,
} from './account-rules';

type ContactProblem = ReturnType<typeof contactNameProblem> | 'contactKept';
type AddressProblem = ReturnType<typeof addressProblem> | 'addressKept';

/**
 * The checks of the account form, in the reader's language. A form changing an account adds its
 * own (what may not be removed); each comes after the shared one of its field.
 */
export function useAccountFieldChecks(extra?: {
  contact: (values: AccountFormValues) => 'contactKept' | undefined;
  address: (values: AccountFormValues) => 'addressKept' | undefined;
}): FormValidateInput<AccountFormValues> {
  const { t } = useTranslation('accounts');
  const problem = (
    key: AddressProblem | ContactProblem | ReturnType<typeof rateProblem>,
  ): string | null => (key === undefined ? null : t(`problem.${key}`));
  return {
    name: (name) => (accountNameProblem(name) === undefined ? null : t('problem.nameRequired')),
    type: (type) => (accountTypeProblem(type) === undefined ? null : t('problem.typeRequired')),
    legalName: (_, values) => (legalNameProblem(values) ? t('problem.legalNameRequired') : null),
    contactName: (_, values) => problem(contactNameProblem(values) ?? extra?.contact(values)),
    contactEmail: (email) => (contactEmailProblem(email) ? t('problem.emailRequired') : null),
    line1: (_, values) => problem(addressProblem(values) ?? extra?.address(values)),
    rate: (rate) => problem(rateProblem(rate)),
  };
}

/** Every field of a customer's account, grouped as a form on paper would be. */
export function AccountFields({ form }: { form: UseFormReturnType<AccountFormValues> }) {
  const { t } = useTranslation('accounts');
  const field = (name: keyof AccountFormValues) => ({
    label: t(`field.${name}`),
    ...form.getInputProps(name),
  });
  return (
    <>
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
    </>
  );
}
