import { Button, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../session/SessionProvider';
import { DetailsTable } from '../../ui/DetailsTable';
import { formatDateTime } from '../../ui/format';
import { useAccountWords } from './account-words';
import type { Account } from './accounts.api';
import { EditAccountModal } from './EditAccountModal';

/**
 * Everything the account holds, as the API answers it; an empty field shows a dash. Edit is
 * offered to who may change accounts (accounts.manage, which PATCH /v1/accounts/{id} asks).
 */
export function AccountDetails({ account }: { account: Account }) {
  const { t } = useTranslation('accounts');
  const { t: common } = useTranslation();
  const words = useAccountWords();
  const manages = useAccess().can('accounts.manage');
  const [editing, { open, close }] = useDisclosure();
  const none = t('field.none');
  const rows: [string, ReactNode][] = [
    [t('field.name'), account.name],
    [t('field.type'), words.type(account.type)],
    [t('field.relation'), words.relation(account.relation)],
    [t('columns.status'), words.status(account.status)],
    [t('field.plan'), account.plan ?? none],
    [t('field.licence'), words.licence(account.licence)],
    [t('field.level'), words.level(account.level)],
    [t('field.language'), account.language],
    [t('field.legalName'), account.company?.legalName ?? none],
    [t('field.registrationNumber'), account.company?.registrationNumber ?? none],
    [t('field.vatNumber'), account.company?.vatNumber ?? none],
    [t('field.contactName'), account.contact?.name ?? none],
    [t('field.contactPhone'), account.contact?.phone ?? none],
    [t('field.contactEmail'), account.contact?.email ?? none],
    [
      t('create.groups.address'),
      account.billingAddress
        ? [
            account.billingAddress.line1,
            account.billingAddress.line2,
            `${account.billingAddress.postalCode} ${account.billingAddress.city}`,
            account.billingAddress.country,
          ]
            .filter(Boolean)
            .join(', ')
        : none,
    ],
    [t('field.paymentReference'), account.paymentReference ?? none],
    // The rate is shown as the API spells it, never through a float.
    [t('field.rate'), account.reimbursementRateEurPerKwh ?? none],
    [t('field.stationIssueEmails'), account.stationIssueEmails ? t('field.yes') : t('field.no')],
    [t('field.externalId'), account.externalId ?? none],
    [common('field.created'), formatDateTime(account.createdAt)],
  ];
  return (
    <Stack>
      {manages && (
        <Group justify="flex-end">
          <Button onClick={open}>{t('edit.open')}</Button>
        </Group>
      )}
      <DetailsTable rows={rows} />
      {/* Mounted while open, so each opening starts from the account as it is now. */}
      {editing && <EditAccountModal account={account} opened onClose={close} />}
    </Stack>
  );
}
