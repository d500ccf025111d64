import { Alert, Badge, Group, Paper, Stack, Table, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { ActionResult } from '../people/ActionResult';
import { ConfirmButton } from '../people/ConfirmButton';
import { providerState, type ProviderState } from './email-provider-rules';
import { ProviderForm } from './ProviderForm';
import {
  useEmailProvider,
  useEmailProviderActions,
  type EmailProvider,
  type ProviderActions,
  type ProviderName,
} from './settings.api';

const stateColours: Record<ProviderState, string> = {
  configured: 'green',
  logOnly: 'orange',
  notConfigured: 'red',
};

/** Settings → Email provider: how emails leave the installation now, and changing that. */
export function EmailProviderView() {
  const provider = useEmailProvider();
  // Kept here, above the form it outlives: the form starts again from each saved answer.
  const { save, forget } = useEmailProviderActions();
  const [saved, setSaved] = useState<ProviderName>();
  return (
    <Stack>
      <ProblemAlert error={provider.error} />
      {provider.data !== undefined && (
        <>
          <ProviderSummary
            current={provider.data}
            forget={forget}
            onForget={() => {
              setSaved(undefined);
              forget.mutate();
            }}
          />
          {/* Started again from what is in use after each save: no secret stays in the form. */}
          <ProviderForm
            key={`${provider.data.provider}:${provider.data.updatedAt ?? 'environment'}`}
            current={provider.data}
            save={save}
            saved={saved}
            onSave={(change) => {
              forget.reset();
              setSaved(undefined);
              // The request held the secret: once saved, it is forgotten here too.
              save.mutate(change, {
                onSuccess: (answer) => {
                  setSaved(answer.provider);
                  save.reset();
                },
              });
            }}
          />
        </>
      )}
    </Stack>
  );
}

function ProviderSummary(props: {
  current: EmailProvider;
  forget: ProviderActions['forget'];
  onForget: () => void;
}) {
  const { t } = useTranslation('settings');
  const { current, forget, onForget } = props;
  const state = providerState(current);
  return (
    <Paper withBorder p="md">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('provider.current')}
          </Title>
          <Badge color={stateColours[state]} variant="light" autoContrast>
            {t(`provider.state.${state}`)}
          </Badge>
        </Group>
        {state !== 'configured' && (
          <Alert color="orange" role="alert">
            {t(current.provider === 'log' ? 'provider.logOnly' : 'provider.notConfigured')}
          </Alert>
        )}
        <Table>
          <Table.Tbody>
            <Row label={t('provider.provider')}>{t(`provider.names.${current.provider}`)}</Row>
            <Row label={t('provider.source')}>{t(`provider.sources.${current.source}`)}</Row>
            <Row label={t('provider.from')}>{current.from}</Row>
            {(current.provider === 'smtp' || current.provider === 'postmark') && (
              <Row label={t('provider.secret')}>
                {t(current.secretSet ? 'provider.secretSet' : 'provider.secretNotSet')}
              </Row>
            )}
            {current.provider === 'postmark' && (
              <Row label={t('provider.messageStream')}>{current.messageStream ?? 'outbound'}</Row>
            )}
            {current.updatedAt !== null && (
              <Row label={t('provider.updated')}>{formatDateTime(current.updatedAt)}</Row>
            )}
          </Table.Tbody>
        </Table>
        <ActionResult action={forget} done={t('provider.forgotten')} />
        {current.source === 'settings' && (
          <Group>
            <ConfirmButton
              variant="default"
              label={t('provider.forget')}
              question={t('provider.forgetQuestion')}
              onConfirm={onForget}
            />
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row">{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}
