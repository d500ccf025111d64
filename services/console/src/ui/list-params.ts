import { useSearchParams } from 'react-router';

/** The page of a searchable list a query asks for: its search and where the page starts. */
export interface ListPage {
  q: string | undefined;
  cursor: string | undefined;
}

/**
 * A list's filters live in the address (a filtered list has its own link); changing a filter
 * goes back to the first page, since a cursor belongs to the filters it was made with.
 */
export function useListParams<Filter extends string>(filters: readonly Filter[]) {
  const [params, setParams] = useSearchParams();
  const value = (name: Filter | 'q' | 'cursor') => params.get(name) ?? undefined;
  return {
    filter: (name: Filter) => value(name),
    q: value('q'),
    cursor: value('cursor'),
    set: (changes: Partial<Record<Filter | 'q', string | undefined>>) => {
      const next = new URLSearchParams(params);
      for (const [name, changed] of Object.entries(changes)) {
        if (changed === undefined || changed === '') next.delete(name);
        else next.set(name, changed);
      }
      next.delete('cursor');
      setParams(next);
    },
    page: (cursor: string | undefined) => {
      const next = new URLSearchParams(params);
      if (cursor === undefined) next.delete('cursor');
      else next.set('cursor', cursor);
      setParams(next);
    },
    known: filters,
  };
}
