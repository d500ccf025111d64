import { Alert } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { ProblemAlert } from '../../ui/ProblemAlert';

/** What the last action in a panel did: its confirmation, or the problem it met. */
export function ActionResult(props: {
  action: UseMutationResult<unknown, Error, void> | undefined;
  done: string;
}) {
  const { action, done } = props;
  if (action === undefined) return null;
  if (action.isError) return <ProblemAlert error={action.error} />;
  if (action.isSuccess) return <Alert role="status">{done}</Alert>;
  return null;
}
