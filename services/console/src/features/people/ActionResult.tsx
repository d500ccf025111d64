import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { ActionOutcome } from '../../ui/ActionOutcome';

type Action = UseMutationResult<unknown, Error, void>;

/** What the last action in a panel did: its confirmation, or the problem it met. */
export function ActionResult(props: { action: Action | undefined; done: string }) {
  const { action, done } = props;
  if (action === undefined) return null;
  return <ActionOutcome error={action.error} done={action.isSuccess ? done : undefined} />;
}

/**
 * Runs a panel's actions and remembers the last one by name: a mutation's state is a new
 * object on every render, so a kept copy of it would never leave "idle".
 */
export function useLastAction<Name extends string>(actions: Record<Name, Action>) {
  const [last, setLast] = useState<{ name: Name; done: string }>();
  return {
    run: (name: Name, done: string, then?: () => void) => {
      setLast({ name, done });
      // Not mutate's onSuccess: it is skipped when the panel unmounts first (a deleted user's
      // panel does, once the refetch answers 404), and `then` is what closes the panel. A
      // failure is shown from the mutation's state.
      actions[name].mutateAsync().then(then, () => undefined);
    },
    shown: { action: last && actions[last.name], done: last?.done ?? '' },
  };
}
