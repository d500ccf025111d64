import { NativeSelect, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
import {
  cardTypes,
  chargingCardBody,
  contractIdProblem,
  groupIdProblem,
  issuerProblem,
  uidProblem,
  visualNumberProblem,
  whitelistTypes,
  type CardValues,
} from './card-rules';
import { useAddChargingCard } from './charging-cards.api';

/** + Add charging card: the token's id, contract and issuer, as OCPI has them. */
export function AddChargingCardModal(props: {
  accountId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('accountSettings');
  const add = useAddChargingCard(props.accountId);
  const explained = (rule: (value: string) => CardProblem | undefined) => (value: string) => {
    const problem = rule(value);
    return problem === undefined ? null : t(`cards.${problem}`);
  };
  const form = useForm<CardValues>({
    initialValues: {
      uid: '',
      type: 'RFID',
      contractId: '',
      issuer: '',
      visualNumber: '',
      groupId: '',
      whitelist: 'ALLOWED',
    },
    validate: {
      uid: explained(uidProblem),
      contractId: explained(contractIdProblem),
      issuer: explained(issuerProblem),
      visualNumber: explained(visualNumberProblem),
      groupId: explained(groupIdProblem),
    },
  });
  const submit = form.onSubmit((values) => add.mutate(chargingCardBody(values)));

  // The new card shows in the list behind the dialog: success closes it.
  return (
    <FormModal
      opened={props.opened}
      onClose={props.onClose}
      form={form}
      title={t('cards.add')}
      size="md"
      mutation={add}
      closeOnSuccess
      submitLabel={t('cards.addSubmit')}
      onSubmit={submit}
    >
      <TextInput
        label={t('cards.uid')}
        description={t('cards.uidHint')}
        required
        {...form.getInputProps('uid')}
      />
      <NativeSelect label={t('cards.type')} data={[...cardTypes]} {...form.getInputProps('type')} />
      <TextInput
        label={t('cards.contractId')}
        description={t('cards.contractIdHint')}
        required
        {...form.getInputProps('contractId')}
      />
      <TextInput label={t('cards.issuer')} required {...form.getInputProps('issuer')} />
      <TextInput label={t('cards.visualNumber')} {...form.getInputProps('visualNumber')} />
      <TextInput label={t('cards.groupId')} {...form.getInputProps('groupId')} />
      <NativeSelect
        label={t('cards.whitelist')}
        description={t('cards.whitelistHint')}
        data={[...whitelistTypes]}
        {...form.getInputProps('whitelist')}
      />
    </FormModal>
  );
}

type CardProblem =
  'uidInvalid' | 'contractIdInvalid' | 'issuerInvalid' | 'visualNumberInvalid' | 'groupIdInvalid';
