import { Button, Checkbox, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { SecretOnce } from './SecretOnce';
import {
  descriptionProblem,
  eventTypesProblem,
  webhookBody,
  webhookUrlProblem,
  type WebhookValues,
} from './webhook-rules';
import { useCreateWebhook, useEventTypes } from './webhooks.api';

/** + Add webhook: where the account's events go, and which; the signing secret is shown once. */
export function CreateWebhookModal(props: {
  accountId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('accountSettings');
  const { t: common } = useTranslation();
  const eventTypes = useEventTypes();
  const create = useCreateWebhook(props.accountId);
  const form = useForm<WebhookValues>({
    initialValues: { url: '', description: '', eventTypes: [] },
    validate: {
      url: (url) => (webhookUrlProblem(url) === undefined ? null : t('webhooks.urlInvalid')),
      description: (description) =>
        descriptionProblem(description) === undefined ? null : t('webhooks.descriptionTooLong'),
      eventTypes: (chosen) =>
        eventTypesProblem(chosen) === undefined ? null : t('webhooks.eventTypesRequired'),
    },
  });
  // Closing drops the answer, and with it the secret: it is never shown again.
  const close = () => {
    form.reset();
    create.reset();
    props.onClose();
  };

  return (
    <Modal opened={props.opened} onClose={close} title={t('webhooks.create')} size="lg">
      {create.isSuccess ? (
        <Stack>
          <SecretOnce label={t('webhooks.created')} secret={create.data.secret} />
          <Group justify="flex-end">
            <Button onClick={close}>{common('action.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={form.onSubmit((values) => create.mutate(webhookBody(values)))} noValidate>
          <Stack>
            <ProblemAlert error={create.error} />
            <ProblemAlert error={eventTypes.error} />
            <TextInput
              label={t('webhooks.url')}
              description={t('webhooks.urlHint')}
              type="url"
              required
              {...form.getInputProps('url')}
            />
            <Textarea
              label={t('webhooks.description')}
              autosize
              minRows={2}
              {...form.getInputProps('description')}
            />
            <Checkbox.Group
              label={t('webhooks.eventTypes')}
              required
              {...form.getInputProps('eventTypes')}
            >
              <Stack gap="xs" mt="xs">
                {(eventTypes.data?.items ?? []).map((type) => (
                  <Checkbox
                    key={type.name}
                    value={type.name}
                    label={type.name}
                    description={type.description}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {common('action.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('webhooks.createSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
