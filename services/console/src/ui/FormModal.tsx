import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { useEffect, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './ProblemAlert';

/**
 * A dialog holding one form that sends one request: the API's problem above the fields when it
 * refuses, and once it succeeded the confirmation in place of the form. Closing resets the form
 * and the mutation, so the dialog opens empty again and keeps nothing of the answer.
 */
export function FormModal(props: {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** Reset on closing, so the dialog opens empty again. */
  form: { reset: () => void };
  mutation: Pick<
    UseMutationResult<unknown, Error, never>,
    'isSuccess' | 'isPending' | 'error' | 'reset'
  >;
  /** The confirmation shown in place of the form once the request succeeded. */
  done?: string;
  /**
   * Shown below the confirmation: what the answer holds this once (a secret, a code) for the
   * user to copy before closing; closing resets the mutation, and with it this.
   */
  doneDetails?: ReactNode;
  /** For a form whose result shows behind the dialog (a new row, a changed field): success closes it. */
  closeOnSuccess?: boolean;
  submitLabel: string;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  /** Shown beside Close after success, e.g. a link to what was made; given the dialog's close. */
  doneActions?: (close: () => void) => ReactNode;
  size?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { mutation } = props;
  const close = () => {
    props.form.reset();
    mutation.reset();
    props.onClose();
  };
  const closesNow = props.closeOnSuccess === true && mutation.isSuccess;
  useEffect(() => {
    if (closesNow) close();
    // Once per success: close resets the mutation, which turns closesNow off again.
  }, [closesNow]);

  return (
    <Modal opened={props.opened} onClose={close} title={props.title} size={props.size ?? 'lg'}>
      {mutation.isSuccess && !closesNow ? (
        <Stack>
          {props.done !== undefined && <Alert role="status">{props.done}</Alert>}
          {props.doneDetails}
          <Group justify="flex-end">
            <Button variant={props.doneActions ? 'default' : 'filled'} onClick={close}>
              {t('action.close')}
            </Button>
            {props.doneActions?.(close)}
          </Group>
        </Stack>
      ) : (
        <form onSubmit={props.onSubmit} noValidate>
          <Stack>
            <ProblemAlert error={mutation.error} />
            {props.children}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
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
