import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useAccess } from '../../session/SessionProvider';
import { DeliveriesView } from './DeliveriesView';
import { EmailProviderView } from './EmailProviderView';
import { isSettingsView, visibleSettingsViews } from './settings-views';
import { TemplateEditor } from './TemplateEditor';
import { TemplatesView } from './TemplatesView';

/**
 * Settings: the email provider, the email templates and the delivery log, each a view with its
 * own address (/settings/email, /settings/templates/…, /settings/deliveries).
 */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  const navigate = useNavigate();
  const { view, key, lang } = useParams();
  const visible = visibleSettingsViews(useAccess());
  // The template editor's address is /settings/templates/:key/:lang.
  const shown = key === undefined ? view : 'templates';
  const [first] = visible;
  if (first === undefined) return <Navigate to="/" replace />;
  // None asked for, or one this user may not use: the first they may.
  if (!isSettingsView(shown) || !visible.includes(shown))
    return <Navigate to={`/settings/${first}`} replace />;

  return (
    <Stack>
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('lead')}</Text>
      </div>
      <Tabs value={shown} onChange={(chosen) => void navigate(`/settings/${chosen ?? first}`)}>
        <Tabs.List>
          {visible.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`views.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {shown === 'email' && <EmailProviderView />}
      {shown === 'templates' &&
        (key !== undefined && lang !== undefined ? (
          <TemplateEditor key={`${key}/${lang}`} templateKey={key} language={lang} />
        ) : (
          <TemplatesView />
        ))}
      {shown === 'deliveries' && <DeliveriesView />}
    </Stack>
  );
}
