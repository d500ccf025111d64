import { Checkbox, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../ui/FormModal';
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
  return (
    <FormModal
      opened={props.opened}
      onClose={props.onClose}
      form={form}
      title={t('webhooks.create')}
      mutation={create}
      doneDetails={
        create.data && <SecretOnce label={t('webhooks.created')} secret={create.data.secret} />
      }
      submitLabel={t('webhooks.createSubmit')}
      onSubmit={form.onSubmit((values) => create.mutate(webhookBody(values)))}
    >
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
    </FormModal>
  );
}
