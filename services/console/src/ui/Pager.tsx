import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Cursor paging, as the API pages: onwards with the next cursor, or back to the first page. */
export function Pager(props: {
  cursor: string | undefined;
  nextCursor: string | null | undefined;
  onPage: (cursor: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const { cursor, nextCursor, onPage } = props;
  if (cursor === undefined && !nextCursor) return null;
  return (
    <Group justify="flex-end" mt="md">
      {cursor !== undefined && (
        <Button variant="default" onClick={() => onPage(undefined)}>
          {t('list.first')}
        </Button>
      )}
      {nextCursor && (
        <Button variant="default" onClick={() => onPage(nextCursor)}>
          {t('list.next')}
        </Button>
      )}
    </Group>
  );
}
