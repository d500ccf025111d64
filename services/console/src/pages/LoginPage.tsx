import {
  Alert,
  Anchor,
  Button,
  Paper,
  PasswordInput,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { nextPage } from '../session/next-page';
import { useSession } from '../session/SessionProvider';
import { CenteredPage } from '../ui/CenteredPage';

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [refusal, setRefusal] = useState<number | undefined>(undefined);
  const form = useForm({ initialValues: { email: '', password: '' } });
  const next = nextPage(search.get('next'));

  if (session.signedIn === true) return <Navigate to={next} replace />;

  const submit = form.onSubmit(async ({ email, password }) => {
    const refused = await session.signIn(email.trim(), password);
    setRefusal(refused);
    if (refused === undefined) await navigate(next, { replace: true });
  });

  return (
    <CenteredPage>
      <Paper withBorder p="xl" radius="md">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t('signIn.title')}
            </Title>
            {refusal !== undefined && (
              <Alert color="red" role="alert">
                {refusal === 429 ? t('signIn.tooMany') : t('signIn.refused')}
              </Alert>
            )}
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={form.submitting}>
              {t('signIn.submit')}
            </Button>
            <Anchor component={RouterLink} to="/forgot-password" size="sm">
              {t('signIn.forgot')}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </CenteredPage>
  );
}
