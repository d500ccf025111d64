import { Alert } from '@mantine/core';
import { ProblemAlert } from './ProblemAlert';

/** What an action came to: the API's problem, its confirmation, or nothing yet. */
export function ActionOutcome({ error, done }: { error: Error | null; done: string | undefined }) {
  if (error !== null) return <ProblemAlert error={error} />;
  if (done !== undefined) return <Alert role="status">{done}</Alert>;
  return null;
}
