import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
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
  const { t: common } = useTranslation();
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
  const close = () => {
    form.reset();
    add.reset();
    props.onClose();
  };
  const submit = form.onSubmit((values) =>
    add.mutate(chargingCardBody(values), { onSuccess: close }),
  );

  return (
    <Modal opened={props.opened} onClose={close} title={t('cards.add')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={add.error} />
          <TextInput
            label={t('cards.uid')}
            description={t('cards.uidHint')}
            required
            {...form.getInputProps('uid')}
          />
          <NativeSelect
            label={t('cards.type')}
            data={[...cardTypes]}
            {...form.getInputProps('type')}
          />
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
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {common('action.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('cards.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type CardProblem =
  'uidInvalid' | 'contractIdInvalid' | 'issuerInvalid' | 'visualNumberInvalid' | 'groupIdInvalid';
