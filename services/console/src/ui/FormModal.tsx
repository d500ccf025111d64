import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './ProblemAlert';

/**
 * A dialog holding one form that sends one request: the API's problem above the fields when it
 * refuses, and once it succeeded the confirmation in place of the form.
 */
export function FormModal(props: {
  opened: boolean;
  /** Closes the dialog; the caller resets its form and mutation here. */
  onClose: () => void;
  title: string;
  mutation: Pick<UseMutationResult<unknown, Error, never>, 'isSuccess' | 'isPending' | 'error'>;
  done: string;
  submitLabel: string;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  /** Shown beside Close after success, e.g. a link to what was made. */
  doneActions?: ReactNode;
  size?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { mutation } = props;
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      size={props.size ?? 'lg'}
    >
      {mutation.isSuccess ? (
        <Stack>
          <Alert role="status">{props.done}</Alert>
          <Group justify="flex-end">
            <Button variant={props.doneActions ? 'default' : 'filled'} onClick={props.onClose}>
              {t('action.close')}
            </Button>
            {props.doneActions}
          </Group>
        </Stack>
      ) : (
        <form onSubmit={props.onSubmit} noValidate>
          <Stack>
            <ProblemAlert error={mutation.error} />
            {props.children}
            <Group justify="flex-end">
              <Button variant="default" onClick={props.onClose}>
                {t('action.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {props.submitLabel}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
