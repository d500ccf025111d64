import { Alert, Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { api } from '../api/client';
import { answered } from '../api/problem';
import { CenteredPage } from '../ui/CenteredPage';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { email: '' } });
  const request = useMutation({
    mutationFn: (email: string) =>
      answered(api.POST('/v1/auth/password-reset', { body: { email } })),
  });

  return (
    <CenteredPage>
      <Paper withBorder p="xl" radius="md">
        <form onSubmit={form.onSubmit(({ email }) => request.mutate(email.trim()))} noValidate>
          <Stack>
            <Title order={1} size="h2">
              {t('forgot.title')}
            </Title>
            {request.isSuccess ? (
              <Alert role="status">{t('forgot.sent', { email: request.variables })}</Alert>
            ) : (
              <>
                <Text>{t('forgot.lead')}</Text>
                <TextInput
                  label={t('field.email')}
                  type="email"
                  autoComplete="username"
                  required
                  {...form.getInputProps('email')}
                />
                <Button type="submit" loading={request.isPending}>
                  {t('forgot.submit')}
                </Button>
              </>
            )}
            <Anchor component={RouterLink} to="/login" size="sm">
              {t('forgot.back')}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </CenteredPage>
  );
}
