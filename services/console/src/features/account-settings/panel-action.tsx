import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { ActionOutcome } from '../../ui/ActionOutcome';

interface Act {
  call: () => Promise<unknown>;
  /** Said once the call succeeded. */
  done: string;
}

/**
 * The actions on a list's rows share one state, so what the panel shows is always the last
 * action's outcome (its confirmation or the API's problem), and the list is read again after it.
 */
export function useRowAction(listKey: QueryKey) {
  const queries = useQueryClient();
  const action = useMutation({
    mutationFn: ({ call }: Act) => call(),
    onSuccess: () => queries.invalidateQueries({ queryKey: listKey }),
  });
  return {
    run: (done: string, call: () => Promise<unknown>) => action.mutate({ call, done }),
    pending: action.isPending,
    result: (
      <ActionOutcome
        error={action.error}
        done={action.isSuccess ? action.variables.done : undefined}
      />
    ),
  };
}
